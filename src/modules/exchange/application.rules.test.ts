import { describe, expect, it } from 'vitest'
import { canMove, isFinal, NEXT_STATES } from './application.rules.js'
import type { ApplicationState } from './exchange.tables.js'

const ALL = Object.keys(NEXT_STATES) as ApplicationState[]

describe('application state transitions', () => {
  it('follows submitted → viewed → shortlisted → interview → offer → hired', () => {
    const path: ApplicationState[] = ['submitted', 'viewed', 'shortlisted', 'interview', 'offer', 'hired']
    for (let i = 1; i < path.length; i++)
      expect(canMove(path[i - 1] as ApplicationState, path[i] as ApplicationState)).toBe(true)
  })

  it('lets every open state end in a rejection or a withdrawal', () => {
    for (const state of ALL.filter((s) => !isFinal(s))) {
      expect(canMove(state, 'rejected')).toBe(true)
      expect(canMove(state, 'withdrawn')).toBe(true)
    }
  })

  it('never moves out of hired, rejected or withdrawn', () => {
    for (const from of ['hired', 'rejected', 'withdrawn'] as const) {
      for (const to of ALL) expect(canMove(from, to)).toBe(false)
    }
  })

  it('never goes back, and never hires before an interview', () => {
    const order = ALL.slice(0, 6)
    for (const [i, from] of order.entries()) {
      for (const to of order.slice(0, i + 1)) expect(canMove(from, to)).toBe(false)
    }
    for (const from of ['submitted', 'viewed', 'shortlisted'] as const) expect(canMove(from, 'hired')).toBe(false)
  })
})
