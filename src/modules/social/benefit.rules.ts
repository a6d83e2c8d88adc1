/**
 * Social payments from the State Social Insurance Fund (FACTS.md "Social payments"): pure functions over a
 * person's monthly income history and the dated parameters in force. Every figure a result carries says where
 * it came from, so the citizen and the officer see the same arithmetic.
 */

export type BenefitKind = 'job_loss' | 'maternity' | 'childcare'

/** A dated parameter as used in a calculation: its key and valid_from name the law's value on the date. */
export interface ParamUse {
  key: string
  validFrom: string
  value: number
  isVerified: boolean
}

/** A ladder parameter (value_json): `steps` by months of contributions, then an increment per 12 months. */
export interface CoefficientLadder {
  steps: { from_months: number; coefficient: number }[]
  then_per_12_months: number
  max: number
}
export interface DurationLadder {
  steps: { from_months: number; months: number }[]
}
export interface LadderUse<T> {
  key: string
  validFrom: string
  ladder: T
  isVerified: boolean
}

/** One calendar month ('YYYY-MM') with the income social contributions were paid on (0 when none). */
export interface MonthIncome {
  month: string
  income: number
}

export interface BenefitResult {
  kind: BenefitKind
  /** The date of the event: job loss, start of maternity leave, child's birth. */
  date: string
  eligible: boolean
  /** Why or why not, in words. */
  reasons: string[]
  /** The window's months, oldest first, each with its income (0 for a month with no contributions). */
  months: MonthIncome[]
  windowMonths: number
  totalIncome: number
  averageIncome: number
  /** Months with social contributions on or before the date (the person's whole history). */
  contributionMonths: number
  /** Every parameter the result used, with its role. */
  parameters: (ParamUse & { role: string })[]
  coefficient: number | null
  durationMonths: number | null
  durationDays: number | null
  monthlyAmount: number
  totalAmount: number
  /** The arithmetic, line by line. */
  explanation: string[]
}

const round2 = (n: number) => Math.round(n * 100) / 100
const fmt = (n: number) => n.toFixed(2)

/** 'YYYY-MM' of a date ('YYYY-MM-DD'). */
export function monthOf(date: string): string {
  return date.slice(0, 7)
}

/** Adds `delta` months to 'YYYY-MM'. */
export function addMonths(month: string, delta: number): string {
  const [y, m] = month.split('-').map(Number) as [number, number]
  const index = y * 12 + (m - 1) + delta
  return `${String(Math.floor(index / 12)).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}`
}

/** The `n` whole calendar months before the month of `date`, oldest first (the event's own month is not used). */
export function monthsBefore(date: string, n: number): string[] {
  const first = addMonths(monthOf(date), -n)
  return Array.from({ length: n }, (_, i) => addMonths(first, i))
}

/** The window's months with their incomes from the history (months with no income count as 0). */
export function windowIncomes(history: readonly MonthIncome[], date: string, n: number): MonthIncome[] {
  const byMonth = new Map<string, number>()
  for (const h of history) byMonth.set(h.month, (byMonth.get(h.month) ?? 0) + h.income)
  return monthsBefore(date, n).map((month) => ({ month, income: byMonth.get(month) ?? 0 }))
}

/** Months with contributions up to (not including) the event's month. */
export function countContributionMonths(contributionMonths: readonly string[], date: string): number {
  const limit = monthOf(date)
  return new Set(contributionMonths.filter((m) => m < limit)).size
}

/**
 * The length coefficient by months of contributions: the last step reached, then +`then_per_12_months` for
 * every whole 12 months beyond the last step, at most `max`. Below the first step there is no right (null).
 */
export function lengthCoefficient(ladder: CoefficientLadder, months: number): number | null {
  const steps = [...ladder.steps].sort((a, b) => a.from_months - b.from_months)
  const reached = steps.filter((s) => months >= s.from_months)
  const step = reached.at(-1)
  if (step === undefined) return null
  const last = steps.at(-1) as (typeof steps)[number]
  if (step !== last) return step.coefficient
  const extra = Math.floor((months - last.from_months) / 12) * ladder.then_per_12_months
  return Math.min(ladder.max, round2(last.coefficient + extra))
}

/** Months of payment by months of contributions; below the first step, 0. */
export function paymentMonths(ladder: DurationLadder, months: number): number {
  const reached = [...ladder.steps].sort((a, b) => a.from_months - b.from_months).filter((s) => months >= s.from_months)
  return reached.at(-1)?.months ?? 0
}

function average(months: MonthIncome[]): { total: number; average: number } {
  const total = round2(months.reduce((sum, m) => sum + m.income, 0))
  return { total, average: round2(total / months.length) }
}

function monthsLine(months: MonthIncome[]): string {
  const paid = months.filter((m) => m.income > 0)
  return `${paid.length} of ${months.length} months (${months[0]?.month} … ${months.at(-1)?.month}) had income`
}

export interface JobLossInput {
  date: string
  history: readonly MonthIncome[]
  contributionMonths: readonly string[]
  averageMonths: ParamUse
  replacementRate: ParamUse
  coefficients: LadderUse<CoefficientLadder>
  duration: LadderUse<DurationLadder>
}

/** Job loss: average monthly income over the last 24 months × replacement rate × length coefficient. */
export function calculateJobLoss(input: JobLossInput): BenefitResult {
  const n = input.averageMonths.value
  const months = windowIncomes(input.history, input.date, n)
  const { total, average: avg } = average(months)
  const contributionMonths = countContributionMonths(input.contributionMonths, input.date)
  const coefficient = lengthCoefficient(input.coefficients.ladder, contributionMonths)
  const duration = paymentMonths(input.duration.ladder, contributionMonths)
  const rate = input.replacementRate.value
  const reasons: string[] = []
  if (coefficient === null) {
    const first = Math.min(...input.coefficients.ladder.steps.map((s) => s.from_months))
    reasons.push(`${contributionMonths} months of social contributions; at least ${first} are required`)
  }
  if (avg <= 0) reasons.push(`no income with contributions in the ${n} months before ${input.date}`)
  const eligible = reasons.length === 0
  if (eligible) {
    reasons.push(
      `${contributionMonths} months of social contributions give coefficient ${coefficient} and ${duration} months of payment`,
      'paid while registered as unemployed at an employment centre',
    )
  }
  const monthly = eligible ? round2(avg * rate * (coefficient as number)) : 0
  return {
    kind: 'job_loss',
    date: input.date,
    eligible,
    reasons,
    months,
    windowMonths: n,
    totalIncome: total,
    averageIncome: avg,
    contributionMonths,
    parameters: [
      { ...input.averageMonths, role: 'months averaged' },
      { ...input.replacementRate, role: 'replacement rate' },
      {
        key: input.coefficients.key,
        validFrom: input.coefficients.validFrom,
        value: coefficient ?? 0,
        isVerified: input.coefficients.isVerified,
        role: 'length coefficient',
      },
      {
        key: input.duration.key,
        validFrom: input.duration.validFrom,
        value: duration,
        isVerified: input.duration.isVerified,
        role: 'months of payment',
      },
    ],
    coefficient,
    durationMonths: eligible ? duration : 0,
    durationDays: null,
    monthlyAmount: monthly,
    totalAmount: round2(monthly * (eligible ? duration : 0)),
    explanation: [
      monthsLine(months),
      `average = ${fmt(total)} / ${n} = ${fmt(avg)}`,
      `replacement rate ${rate} (${input.replacementRate.key} from ${input.replacementRate.validFrom})`,
      `length coefficient ${coefficient ?? '—'} for ${contributionMonths} months (${input.coefficients.key} from ${input.coefficients.validFrom})`,
      `monthly = ${fmt(avg)} × ${rate} × ${coefficient ?? 0} = ${fmt(monthly)}`,
      `duration ${eligible ? duration : 0} months (${input.duration.key} from ${input.duration.validFrom}${input.duration.isVerified ? '' : ', unverified'})`,
    ],
  }
}

export interface MaternityInput {
  date: string
  complicated: boolean
  history: readonly MonthIncome[]
  contributionMonths: readonly string[]
  rate: ParamUse
  days: ParamUse
  capMw: ParamUse
  minWage: ParamUse
}

/** Maternity: 100% of average monthly income over 12 months (capped in minimum wages) × leave days / 30. */
export function calculateMaternity(input: MaternityInput): BenefitResult {
  const n = 12
  const months = windowIncomes(input.history, input.date, n)
  const { total, average: avg } = average(months)
  const cap = round2(input.capMw.value * input.minWage.value)
  const base = Math.min(avg, cap)
  const days = input.days.value
  const monthly = round2(base * input.rate.value)
  const eligible = avg > 0
  const totalAmount = eligible ? round2((monthly * days) / 30) : 0
  return {
    kind: 'maternity',
    date: input.date,
    eligible,
    reasons: eligible
      ? [`income with contributions in ${months.filter((m) => m.income > 0).length} of the last ${n} months`]
      : [`no income with contributions in the ${n} months before ${input.date}`],
    months,
    windowMonths: n,
    totalIncome: total,
    averageIncome: avg,
    contributionMonths: countContributionMonths(input.contributionMonths, input.date),
    parameters: [
      { ...input.rate, role: 'share of average income' },
      { ...input.days, role: 'leave days' },
      { ...input.capMw, role: 'income cap, minimum wages' },
      { ...input.minWage, role: 'minimum wage' },
    ],
    coefficient: null,
    durationMonths: null,
    durationDays: days,
    monthlyAmount: eligible ? monthly : 0,
    totalAmount,
    explanation: [
      monthsLine(months),
      `average = ${fmt(total)} / ${n} = ${fmt(avg)}`,
      `cap = ${input.capMw.value} × ${input.minWage.value} = ${fmt(cap)}${avg > cap ? ' (applied)' : ''}`,
      `monthly = ${fmt(base)} × ${input.rate.value} = ${fmt(monthly)}`,
      `total = ${fmt(monthly)} × ${days} / 30 = ${fmt(totalAmount)}`,
    ],
  }
}

export interface ChildcareInput {
  date: string
  history: readonly MonthIncome[]
  contributionMonths: readonly string[]
  averageMonths: ParamUse
  rate: ParamUse
  capMw: ParamUse
  minWage: ParamUse
  minimumMci: ParamUse
  mci: ParamUse
}

/** Months of childcare payment: to the child's 1.5 years. */
export const CHILDCARE_MONTHS = 18

/** Childcare to 1.5 years: 40% of average over 24 months, at most 40% of 7 MW, at least the budget allowance. */
export function calculateChildcare(input: ChildcareInput): BenefitResult {
  const n = input.averageMonths.value
  const months = windowIncomes(input.history, input.date, n)
  const { total, average: avg } = average(months)
  const rate = input.rate.value
  const raw = round2(avg * rate)
  const max = round2(rate * input.capMw.value * input.minWage.value)
  const min = round2(input.minimumMci.value * input.mci.value)
  const eligible = avg > 0
  const monthly = eligible ? Math.max(min, Math.min(max, raw)) : 0
  const bound = raw > max ? ' (maximum applied)' : raw < min ? ' (minimum applied)' : ''
  return {
    kind: 'childcare',
    date: input.date,
    eligible,
    reasons: eligible
      ? [`income with contributions in ${months.filter((m) => m.income > 0).length} of the last ${n} months`]
      : [`no income with contributions in the ${n} months before ${input.date}`],
    months,
    windowMonths: n,
    totalIncome: total,
    averageIncome: avg,
    contributionMonths: countContributionMonths(input.contributionMonths, input.date),
    parameters: [
      { ...input.averageMonths, role: 'months averaged' },
      { ...input.rate, role: 'share of average income' },
      { ...input.capMw, role: 'maximum, minimum wages' },
      { ...input.minWage, role: 'minimum wage' },
      { ...input.minimumMci, role: 'minimum, MCI' },
      { ...input.mci, role: 'MCI' },
    ],
    coefficient: null,
    durationMonths: eligible ? CHILDCARE_MONTHS : 0,
    durationDays: null,
    monthlyAmount: monthly,
    totalAmount: round2(monthly * (eligible ? CHILDCARE_MONTHS : 0)),
    explanation: [
      monthsLine(months),
      `average = ${fmt(total)} / ${n} = ${fmt(avg)}`,
      `${rate} × ${fmt(avg)} = ${fmt(raw)}; bounds ${fmt(min)} (${input.minimumMci.value} MCI) … ${fmt(max)} (${rate} × ${input.capMw.value} × ${input.minWage.value})`,
      `monthly = ${fmt(monthly)}${bound}, paid to the child's 1.5 years (${CHILDCARE_MONTHS} months)`,
    ],
  }
}
