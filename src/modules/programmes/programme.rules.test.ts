import { describe, expect, it } from 'vitest'
import { addMonths, ageOn, checkEligibility, computeCost, monthsServed, spentOnDrop } from './programme.rules.js'

const youth = {
  code: 'youth_practice',
  nameEn: 'Youth practice',
  rules: { minAge: 18, maxAge: 35, statuses: ['unemployed_*'], flagsAnyOf: [] },
}
const social = {
  code: 'social_workplaces',
  nameEn: 'Social workplaces',
  rules: { minAge: 18, maxAge: 63, statuses: ['unemployed_*'], flagsAnyOf: ['disability', 'large_family'] },
}
const person = (over: Partial<Parameters<typeof checkEligibility>[1]> = {}) => ({
  iin: '840510400129',
  birthDate: '1984-05-10',
  regionCode: '39',
  statusCode: 'unemployed_registered',
  flags: [],
  ...over,
})

describe('programme eligibility', () => {
  it('names the age rule with the age on the start day', () => {
    const result = checkEligibility(youth, person(), '39', '2026-03-01')
    expect(result.isEligible).toBe(false)
    expect(result.reasons).toEqual(['age 41 on 2026-03-01: youth practice is for 18–35'])
    expect(result.facts.age).toBe(41)
  })

  it('counts the birthday itself as the new age', () => {
    expect(checkEligibility(youth, person({ birthDate: '1990-03-01' }), '39', '2026-03-01').reasons).toEqual([
      'age 36 on 2026-03-01: youth practice is for 18–35',
    ])
    expect(checkEligibility(youth, person({ birthDate: '1990-03-02' }), '39', '2026-03-01').isEligible).toBe(true)
  })

  it('names every failed rule: status, target-group flag and region', () => {
    const result = checkEligibility(
      social,
      person({ statusCode: 'employed_contract', regionCode: '55' }),
      '39',
      '2026-03-01',
    )
    expect(result.reasons).toEqual([
      'current status employed_contract: social workplaces requires unemployed_*',
      'none of disability, large_family is recorded: social workplaces is for these target groups',
      'lives in region 55: the plan is for region 39',
    ])
    expect(checkEligibility(social, person({ flags: ['large_family'] }), '39', '2026-03-01').isEligible).toBe(true)
  })

  it('falls back to the IIN for the birth date and refuses an unknown status', () => {
    const result = checkEligibility(youth, person({ birthDate: null, statusCode: null }), '39', '2026-03-01')
    expect(result.facts.birthDate).toBe('1984-05-10')
    expect(result.reasons).toContain('no current status in the registry: youth practice requires unemployed_*')
  })
})

describe('dates and money', () => {
  it('adds months clamped to the month end', () => {
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28')
    expect(addMonths('2026-11-15', 3)).toBe('2027-02-15')
    expect(ageOn('2008-02-29', '2026-02-28')).toBe(17)
  })

  it('costs a monthly place as amount × base × months and a one-off once', () => {
    const mw = { key: 'min_wage', validFrom: '2024-01-01', value: 85_000, unit: 'KZT' }
    const amount = { key: 'x', validFrom: '2024-01-01', value: 1, unit: 'MW' }
    expect(computeCost('monthly', 3, amount, mw)).toBe(255_000)
    expect(computeCost('once', 12, { ...amount, value: 400 }, { ...mw, value: 4325 })).toBe(1_730_000)
  })

  it('spends the months served on a drop, all of a one-off payment', () => {
    expect(monthsServed('2026-01-10', '2026-01-10', 3)).toBe(1)
    expect(monthsServed('2026-01-10', '2026-02-10', 3)).toBe(2)
    expect(monthsServed('2026-01-10', '2026-12-10', 3)).toBe(3)
    expect(spentOnDrop('monthly', 255_000, 3, '2026-01-10', '2026-02-09')).toBe(85_000)
    expect(spentOnDrop('once', 173_000, 3, '2026-01-10', '2026-01-11')).toBe(173_000)
  })
})
