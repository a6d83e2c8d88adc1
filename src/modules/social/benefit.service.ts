import type { Conn } from '../../db/client.js'
import { AppError } from '../../shared/errors.js'
import { getParameterOn, type Parameter } from '../reference/index.js'
import { findCurrentStatusCode } from '../registry/index.js'
import * as repo from './benefit.repository.js'
import {
  type BenefitKind,
  type BenefitResult,
  type CoefficientLadder,
  calculateChildcare,
  calculateJobLoss,
  calculateMaternity,
  type DurationLadder,
  type LadderUse,
  type ParamUse,
} from './benefit.rules.js'

export const BENEFIT_KINDS: readonly BenefitKind[] = ['job_loss', 'maternity', 'childcare']

function use(p: Parameter): ParamUse {
  if (p.value === null) throw new AppError('invalid', `parameter ${p.key} from ${p.validFrom} has no number value`)
  return { key: p.key, validFrom: p.validFrom, value: p.value, isVerified: p.isVerified }
}
function ladder<T>(p: Parameter): LadderUse<T> {
  if (p.valueJson === null) throw new AppError('invalid', `parameter ${p.key} from ${p.validFrom} is not a ladder`)
  return { key: p.key, validFrom: p.validFrom, ladder: p.valueJson as T, isVerified: p.isVerified }
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/

/**
 * What a person would get (or is due) for a benefit whose event happens on `date`, from their contribution
 * history in the ledger and the parameters in force on that date. The caller has checked who may ask.
 */
export async function calculateBenefit(
  db: Conn,
  iin: string,
  kind: BenefitKind,
  date: string,
  options: { complicated?: boolean } = {},
): Promise<BenefitResult> {
  if (!ISO_DATE.test(date) || Number.isNaN(Date.parse(date))) {
    throw new AppError('invalid', `date ${JSON.stringify(date)} is not a date YYYY-MM-DD`, { field: 'date' })
  }
  const param = (key: string) => getParameterOn(db, key, date)
  const rows = await repo.listMonthlyHistory(db, iin, date.slice(0, 7))
  const history = rows.map((r) => ({ month: r.month, income: r.income }))
  const contributionMonths = rows.filter((r) => r.social > 0).map((r) => r.month)
  if (kind === 'job_loss') {
    const result = calculateJobLoss({
      date,
      history,
      contributionMonths,
      averageMonths: use(await param('job_loss_average_months')),
      replacementRate: use(await param('job_loss_replacement_rate')),
      coefficients: ladder<CoefficientLadder>(await param('job_loss_length_coefficient')),
      duration: ladder<DurationLadder>(await param('job_loss_duration_ladder')),
    })
    // Payment needs registration as unemployed (FACTS.md): say where the person stands in the registry now.
    const status = await findCurrentStatusCode(db, iin)
    result.reasons.push(
      status === 'unemployed_registered'
        ? 'registered as unemployed in the status registry'
        : `not registered as unemployed (registry status: ${status ?? 'unknown'}); payment starts after registering at an employment centre`,
    )
    return result
  }
  if (kind === 'maternity') {
    const complicated = options.complicated ?? false
    return calculateMaternity({
      date,
      complicated,
      history,
      contributionMonths,
      rate: use(await param('maternity_rate')),
      days: use(await param(complicated ? 'maternity_days_complicated' : 'maternity_days')),
      capMw: use(await param('maternity_income_cap_mw')),
      minWage: use(await param('min_wage')),
    })
  }
  return calculateChildcare({
    date,
    history,
    contributionMonths,
    // The same 24-month average as job loss (FACTS.md); one parameter, so a change of law moves both.
    averageMonths: use(await param('job_loss_average_months')),
    rate: use(await param('childcare_rate')),
    capMw: use(await param('childcare_cap_mw')),
    minWage: use(await param('min_wage')),
    minimumMci: use(await param('childcare_min_mci')),
    mci: use(await param('mci')),
  })
}
