import type { ParamUse } from './benefit.rules.js'

/**
 * Contributions on one month's income (FACTS.md "Contributions"), from the rates in force on the first of the
 * month. Pure: the service loads the parameters, this names every one it used.
 */

export type Regime = 'standard' | 'platform_4pct'
export const REGIMES: readonly Regime[] = ['standard', 'platform_4pct']

export const STANDARD_KEYS = [
  'min_wage',
  'pension_employee_rate',
  'pension_employee_cap_mw',
  'pension_employer_rate',
  'social_contribution_rate',
  'social_contribution_base_min_mw',
  'social_contribution_base_max_mw',
  'health_employee_rate',
  'health_employer_rate',
  'pension_employer_born_from_year',
] as const
export const PLATFORM_KEYS = [
  'mci',
  'platform_pension_rate',
  'platform_employer_pension_rate',
  'platform_social_rate',
  'platform_health_rate',
  'platform_income_cap_mci',
] as const
export type RateKey = (typeof STANDARD_KEYS)[number] | (typeof PLATFORM_KEYS)[number]

/** The parameters in force in one month; a key with no value then is absent. */
export type MonthRates = Partial<Record<RateKey, ParamUse>>

export interface Contribution {
  pensionBase: number
  socialBase: number
  pension: number
  employerPension: number
  social: number
  healthEmployee: number
  healthEmployer: number
  total: number
  parameters: { key: string; validFrom: string; value: number }[]
}

const round2 = (n: number) => Math.round(n * 100) / 100

/** Keys a regime needs that have no value in the month, e.g. the platform regime before 2024. */
export function missingRates(regime: Regime, rates: MonthRates): string[] {
  const keys: readonly RateKey[] = regime === 'standard' ? STANDARD_KEYS : PLATFORM_KEYS
  // The employer pension contribution starts in 2024: before that it is simply 0, not missing (nor its birth year).
  return keys.filter(
    (k) => rates[k] === undefined && k !== 'pension_employer_rate' && k !== 'pension_employer_born_from_year',
  )
}

/**
 * FACTS.md: the employer pension contribution is for workers born from 1975 (marked check), kept as the dated
 * parameter `pension_employer_born_from_year`. A worker born before 1 January of that year owes none. Only the
 * standard regime's contribution: the platform regime's 1% is part of its fixed 4% split.
 */
export function isEmployerPensionExempt(birthDate: string | undefined, rates: MonthRates): boolean {
  const year = rates.pension_employer_born_from_year?.value
  if (year === undefined || birthDate === undefined) return false
  return birthDate < `${String(year).padStart(4, '0')}-01-01`
}

/**
 * Standard: pension 10% of income up to 50 MW; employer pension at the year's rate on the same base (none for a
 * worker born before the parameter's year, when the birth date is given); social
 * contributions on the income held between 1 and 7 MW; health 2% (employee) and 3% (employer) of income.
 * Platform regime: 4% of income up to 300 MCI, split 1/1/1/1 into pension, employer pension, social, health.
 */
export function computeContribution(
  regime: Regime,
  income: number,
  rates: MonthRates,
  birthDate?: string,
): Contribution {
  const missing = missingRates(regime, rates)
  if (missing.length > 0) throw new Error(`no value in force for ${missing.join(', ')}`)
  const v = (k: RateKey) => rates[k]?.value ?? 0
  const used = (keys: readonly RateKey[]) =>
    keys.flatMap((k) => {
      const p = rates[k]
      return p === undefined ? [] : [{ key: p.key, validFrom: p.validFrom, value: p.value }]
    })
  if (regime === 'platform_4pct') {
    const base = round2(Math.min(income, v('platform_income_cap_mci') * v('mci')))
    const pension = round2(base * v('platform_pension_rate'))
    const employerPension = round2(base * v('platform_employer_pension_rate'))
    const social = round2(base * v('platform_social_rate'))
    const health = round2(base * v('platform_health_rate'))
    return {
      pensionBase: base,
      socialBase: base,
      pension,
      employerPension,
      social,
      healthEmployee: health,
      healthEmployer: 0,
      total: round2(pension + employerPension + social + health),
      parameters: used(PLATFORM_KEYS),
    }
  }
  const mw = v('min_wage')
  const pensionBase = round2(Math.min(income, v('pension_employee_cap_mw') * mw))
  // No income, no contribution: the 1 MW floor applies to a month that was worked.
  const socialBase =
    income <= 0
      ? 0
      : round2(
          Math.min(
            Math.max(income, v('social_contribution_base_min_mw') * mw),
            v('social_contribution_base_max_mw') * mw,
          ),
        )
  const pension = round2(pensionBase * v('pension_employee_rate'))
  const employerPension = isEmployerPensionExempt(birthDate, rates)
    ? 0
    : round2(pensionBase * v('pension_employer_rate'))
  const social = round2(socialBase * v('social_contribution_rate'))
  const healthEmployee = round2(income * v('health_employee_rate'))
  const healthEmployer = round2(income * v('health_employer_rate'))
  return {
    pensionBase,
    socialBase,
    pension,
    employerPension,
    social,
    healthEmployee,
    healthEmployer,
    total: round2(pension + employerPension + social + healthEmployee + healthEmployer),
    parameters: used(STANDARD_KEYS),
  }
}
