import { describe, expect, it } from 'vitest'
import { checkContractorForState, checkDates, checkPlannedJobs, jobKind, percentOf } from './project.rules.js'

describe('project rules', () => {
  it('accepts dates in order and refuses a project that ends before it starts or a day that does not exist', () => {
    expect(() => checkDates('2026-01-01', '2026-01-01')).not.toThrow()
    expect(() => checkDates('2026-05-02', '2026-05-01')).toThrow('endsOn 2026-05-01 is before startsOn 2026-05-02')
    expect(() => checkDates('2026-02-30', '2026-05-01')).toThrow('startsOn 2026-02-30 is not a calendar date')
  })

  it('refuses negative, fractional, twice-planned and out-of-dates years', () => {
    const ok = { year: 2026, permanent: 0, temporary: 3 }
    expect(() => checkPlannedJobs([ok], '2026-01-01', '2027-12-31')).not.toThrow()
    expect(() => checkPlannedJobs([{ ...ok, temporary: -1 }], '2026-01-01', '2026-12-31')).toThrow(
      'plannedJobs[0].temporary is -1; planned jobs cannot be below zero',
    )
    expect(() => checkPlannedJobs([{ ...ok, permanent: 1.5 }], '2026-01-01', '2026-12-31')).toThrow('permanent is 1.5')
    expect(() => checkPlannedJobs([ok, ok], '2026-01-01', '2026-12-31')).toThrow('planned twice')
    expect(() => checkPlannedJobs([{ ...ok, year: 2025 }], '2026-01-01', '2026-12-31')).toThrow('outside')
  })

  it('needs a contractor once the tender is decided', () => {
    expect(() => checkContractorForState('in_tender', null)).not.toThrow()
    for (const state of ['contracted', 'under_way', 'done'] as const) {
      expect(() => checkContractorForState(state, null)).toThrow('needs a contractorBin')
    }
  })

  it('counts permanent and remote hires as permanent jobs, the rest as temporary; percent of plan', () => {
    expect(['permanent', 'remote', 'temporary', 'seasonal', 'shift'].map(jobKind)).toEqual([
      'permanent',
      'permanent',
      'temporary',
      'temporary',
      'temporary',
    ])
    expect(percentOf(1, 3)).toBe(33.3)
    expect(percentOf(0, 0)).toBe(0)
    expect(percentOf(2, 0)).toBe(100)
  })
})
