import { describe, expect, it } from 'vitest'
import type { ParamUse } from './benefit.rules.js'
import { computeContribution, type MonthRates, missingRates } from './contribution.rules.js'

const p = (key: string, validFrom: string, value: number): ParamUse => ({ key, validFrom, value, isVerified: true })

// As in force in March 2025 (migration 0001).
const RATES_2025: MonthRates = {
  min_wage: p('min_wage', '2024-01-01', 85_000),
  mci: p('mci', '2025-01-01', 3_932),
  pension_employee_rate: p('pension_employee_rate', '1998-01-01', 0.1),
  pension_employee_cap_mw: p('pension_employee_cap_mw', '1998-01-01', 50),
  pension_employer_rate: p('pension_employer_rate', '2025-01-01', 0.025),
  social_contribution_rate: p('social_contribution_rate', '2025-01-01', 0.05),
  social_contribution_base_min_mw: p('social_contribution_base_min_mw', '2020-01-01', 1),
  social_contribution_base_max_mw: p('social_contribution_base_max_mw', '2020-01-01', 7),
  health_employee_rate: p('health_employee_rate', '2020-01-01', 0.02),
  health_employer_rate: p('health_employer_rate', '2020-01-01', 0.03),
  platform_pension_rate: p('platform_pension_rate', '2024-01-01', 0.01),
  platform_employer_pension_rate: p('platform_employer_pension_rate', '2024-01-01', 0.01),
  platform_social_rate: p('platform_social_rate', '2024-01-01', 0.01),
  platform_health_rate: p('platform_health_rate', '2024-01-01', 0.01),
  platform_income_cap_mci: p('platform_income_cap_mci', '2024-01-01', 300),
}
const RATES_2024: MonthRates = {
  ...RATES_2025,
  mci: p('mci', '2024-01-01', 3_692),
  pension_employer_rate: p('pension_employer_rate', '2024-01-01', 0.015),
  social_contribution_rate: p('social_contribution_rate', '2020-01-01', 0.035),
}

describe('contributions', () => {
  it('takes 4% split 1/1/1/1 under the platform regime', () => {
    // 500,000 < 300 × 3,932 = 1,179,600; 1% = 5,000 each; total 20,000
    expect(computeContribution('platform_4pct', 500_000, RATES_2025)).toMatchObject({
      pension: 5_000,
      employerPension: 5_000,
      social: 5_000,
      healthEmployee: 5_000,
      healthEmployer: 0,
      total: 20_000,
    })
  })

  it('caps the platform base at 300 MCI', () => {
    // base 1,179,600; 1% = 11,796 each; total 47,184
    const c = computeContribution('platform_4pct', 2_000_000, RATES_2025)
    expect(c).toMatchObject({ socialBase: 1_179_600, pension: 11_796, total: 47_184 })
    expect(c.parameters).toContainEqual({ key: 'mci', validFrom: '2025-01-01', value: 3_932 })
  })

  it('computes the standard contributions of 2025', () => {
    // pension 10% × 500,000 = 50,000; employer 2.5% = 12,500; social 5% × 500,000 = 25,000 (within 85,000 … 595,000)
    // health 2% = 10,000 and 3% = 15,000; total 112,500
    expect(computeContribution('standard', 500_000, RATES_2025)).toMatchObject({
      pension: 50_000,
      employerPension: 12_500,
      social: 25_000,
      healthEmployee: 10_000,
      healthEmployer: 15_000,
      total: 112_500,
    })
  })

  it('raises the social base to 1 minimum wage and uses the 2024 rates', () => {
    // 60,000: pension 6,000; employer 1.5% = 900; social 3.5% × 85,000 = 2,975; health 1,200 + 1,800; total 12,875
    expect(computeContribution('standard', 60_000, RATES_2024)).toMatchObject({
      socialBase: 85_000,
      pension: 6_000,
      employerPension: 900,
      social: 2_975,
      total: 12_875,
    })
  })

  it('holds the social base at 7 minimum wages', () => {
    // 1,000,000 → base 595,000 × 5% = 29,750
    expect(computeContribution('standard', 1_000_000, RATES_2025).social).toBe(29_750)
  })

  it('names the rates a regime lacks in a month before it existed', () => {
    const before: MonthRates = { min_wage: RATES_2025.min_wage }
    expect(missingRates('platform_4pct', before)).toContain('platform_income_cap_mci')
  })
})

describe('the employer pension contribution and the birth year', () => {
  const withBirthYear: MonthRates = {
    ...RATES_2025,
    pension_employer_born_from_year: p('pension_employer_born_from_year', '2024-01-01', 1975),
  }
  it('owes none for a worker born before the year and names the parameter', () => {
    const c = computeContribution('standard', 300_000, withBirthYear, '1974-12-31')
    expect(c.employerPension).toBe(0)
    expect(c.parameters).toContainEqual({
      key: 'pension_employer_born_from_year',
      validFrom: '2024-01-01',
      value: 1975,
    })
  })
  it('owes 2.5% in 2025 for a worker born on 1 January of the year or later', () => {
    expect(computeContribution('standard', 300_000, withBirthYear, '1975-01-01').employerPension).toBe(7_500)
    expect(computeContribution('standard', 300_000, withBirthYear, '1999-06-01').employerPension).toBe(7_500)
  })
  it('leaves the platform regime’s fixed 1% alone', () => {
    expect(computeContribution('platform_4pct', 300_000, withBirthYear, '1960-01-01').employerPension).toBe(3_000)
  })
})
