import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { addWorkingDays, isOverdue, refuseTransition } from './hotline.rules.js'

describe('SLA in working days', () => {
  it.each([
    ['2026-11-23', 10, '2026-12-07'], // Monday + 10 working days = the Monday two weeks later
    ['2026-11-27', 1, '2026-11-30'], // Friday + 1 = Monday
    ['2026-11-28', 1, '2026-11-30'], // a Saturday report: the next working day is Monday
    ['2026-12-31', 3, '2027-01-05'], // across the year: Fri 1, Mon 4, Tue 5
  ])('%s + %i working days = %s', (from, days, due) => {
    expect(addWorkingDays(from, days)).toBe(due)
  })

  it('never lands on a weekend and spans at least as many calendar days', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 3_000 }), fc.integer({ min: 1, max: 40 }), (offset, days) => {
        const from = new Date(Date.UTC(2024, 0, 1) + offset * 86_400_000).toISOString().slice(0, 10)
        const due = addWorkingDays(from, days)
        const weekday = new Date(`${due}T00:00:00Z`).getUTCDay()
        return weekday !== 0 && weekday !== 6 && Date.parse(due) - Date.parse(from) >= days * 86_400_000
      }),
    )
  })
})

describe('statuses', () => {
  it('moves new → assigned → inspecting → resolved | unfounded, and nowhere else', () => {
    expect(refuseTransition('new', 'assigned')).toBeNull()
    expect(refuseTransition('assigned', 'inspecting')).toBeNull()
    expect(refuseTransition('inspecting', 'resolved')).toBeNull()
    expect(refuseTransition('inspecting', 'unfounded')).toBeNull()
    expect(refuseTransition('new', 'resolved')).toBe('a new report can move only to assigned, not to resolved')
    expect(refuseTransition('resolved', 'inspecting')).toBe('the report is resolved; it is closed')
  })

  it('is overdue only while open and past its due date', () => {
    expect(isOverdue('inspecting', '2026-11-20', '2026-11-23')).toBe(true)
    expect(isOverdue('resolved', '2026-11-20', '2026-11-23')).toBe(false)
    expect(isOverdue('new', '2026-11-23', '2026-11-23')).toBe(false)
  })
})
