import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  addMonths,
  type CoefficientLadder,
  calculateChildcare,
  calculateJobLoss,
  calculateMaternity,
  type DurationLadder,
  type LadderUse,
  lengthCoefficient,
  type MonthIncome,
  monthsBefore,
  type ParamUse,
  paymentMonths,
} from './benefit.rules.js'

// The parameters as migrations 0001 and 0008 hold them.
const p = (key: string, validFrom: string, value: number, isVerified = true): ParamUse => ({
  key,
  validFrom,
  value,
  isVerified,
})
const COEFFICIENTS: LadderUse<CoefficientLadder> = {
  key: 'job_loss_length_coefficient',
  validFrom: '2018-01-01',
  isVerified: true,
  ladder: {
    steps: [
      { from_months: 6, coefficient: 0.7 },
      { from_months: 12, coefficient: 0.75 },
      { from_months: 24, coefficient: 0.85 },
      { from_months: 36, coefficient: 0.9 },
      { from_months: 48, coefficient: 0.95 },
      { from_months: 60, coefficient: 1.0 },
    ],
    then_per_12_months: 0.02,
    max: 1.3,
  },
}
const DURATION: LadderUse<DurationLadder> = {
  key: 'job_loss_duration_ladder',
  validFrom: '2018-01-01',
  isVerified: false,
  ladder: {
    steps: [
      { from_months: 6, months: 1 },
      { from_months: 12, months: 2 },
      { from_months: 24, months: 3 },
      { from_months: 36, months: 4 },
      { from_months: 48, months: 5 },
      { from_months: 60, months: 6 },
    ],
  },
}
const RATE_40 = p('job_loss_replacement_rate', '2018-01-01', 0.4)
const RATE_45 = p('job_loss_replacement_rate', '2023-01-01', 0.45)
const AVG_24 = p('job_loss_average_months', '2018-01-01', 24)
const MW = p('min_wage', '2024-01-01', 85_000)
const MCI_2025 = p('mci', '2025-01-01', 3_932)

/** `count` months of `income` starting at `first` ('YYYY-MM'). */
function run(first: string, count: number, income: number): MonthIncome[] {
  return Array.from({ length: count }, (_, i) => ({ month: addMonths(first, i), income }))
}
const monthsOf = (history: MonthIncome[]) => history.filter((h) => h.income > 0).map((h) => h.month)

function jobLoss(date: string, history: MonthIncome[], rate: ParamUse) {
  return calculateJobLoss({
    date,
    history,
    contributionMonths: monthsOf(history),
    averageMonths: AVG_24,
    replacementRate: rate,
    coefficients: COEFFICIENTS,
    duration: DURATION,
  })
}

describe('months', () => {
  it('takes the whole calendar months before the event, oldest first, across a year boundary', () => {
    expect(monthsBefore('2023-01-10', 3)).toEqual(['2022-10', '2022-11', '2022-12'])
    expect(monthsBefore('2023-01-10', 24)[0]).toBe('2021-01')
  })
})

describe('length coefficient', () => {
  const cases: [number, number | null][] = [
    [0, null],
    [5, null], // below the first step: no right to the payment
    [6, 0.7], // 6–12
    [11, 0.7],
    [12, 0.75], // 12–24
    [23, 0.75],
    [24, 0.85], // 24–36
    [36, 0.9], // 36–48
    [48, 0.95], // 48–60
    [59, 0.95],
    [60, 1.0], // 60–72
    [71, 1.0],
    [72, 1.02], // 1.00 + 0.02 × floor((72 − 60) / 12) = 1.02
    [84, 1.04], // 1.00 + 0.02 × 2
    [120, 1.1], // 1.00 + 0.02 × 5
    [239, 1.28], // 1.00 + 0.02 × floor(179 / 12) = 1.00 + 0.02 × 14
    [240, 1.3], // 1.00 + 0.02 × 15 = 1.30, the maximum
    [400, 1.3], // 1.00 + 0.02 × 28 = 1.56 → capped at 1.30
  ]
  it.each(cases)('gives %i months of contributions the coefficient %s', (months, expected) => {
    expect(lengthCoefficient(COEFFICIENTS.ladder, months)).toBe(expected)
  })

  it('never falls as contributions grow and never exceeds 1.30', () => {
    fc.assert(
      fc.property(fc.nat(600), fc.nat(600), (a, b) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a]
        const cLo = lengthCoefficient(COEFFICIENTS.ladder, lo) ?? 0
        const cHi = lengthCoefficient(COEFFICIENTS.ladder, hi) ?? 0
        return cLo <= cHi && cHi <= 1.3
      }),
    )
  })

  it('pays 1 to 6 months by contribution length', () => {
    expect([5, 6, 12, 24, 36, 48, 60, 200].map((m) => paymentMonths(DURATION.ladder, m))).toEqual([
      0, 1, 2, 3, 4, 5, 6, 6,
    ])
  })
})

describe('job loss', () => {
  // 200,000 ₸ every month from December 2020 to December 2022 (25 months).
  const history = run('2020-12', 25, 200_000)

  it('uses the 40% rate for a job lost in December 2022', () => {
    // window 2020-12 … 2022-11: 24 × 200,000 = 4,800,000 / 24 = 200,000.00
    // contribution months before 2022-12: 24 → coefficient 0.85, 3 months of payment
    // monthly = 200,000 × 0.40 × 0.85 = 68,000.00; total = 68,000 × 3 = 204,000.00
    const r = jobLoss('2022-12-15', history, RATE_40)
    expect(r).toMatchObject({
      eligible: true,
      averageIncome: 200_000,
      contributionMonths: 24,
      coefficient: 0.85,
      durationMonths: 3,
      monthlyAmount: 68_000,
      totalAmount: 204_000,
    })
    expect(r.months[0]).toEqual({ month: '2020-12', income: 200_000 })
    expect(r.months.at(-1)).toEqual({ month: '2022-11', income: 200_000 })
    expect(r.parameters).toContainEqual(
      expect.objectContaining({ key: 'job_loss_replacement_rate', validFrom: '2018-01-01', value: 0.4 }),
    )
  })

  it('uses the 45% rate for a job lost in January 2023, across the year boundary', () => {
    // window 2021-01 … 2022-12: 24 × 200,000 / 24 = 200,000.00; 25 months of contributions → 0.85
    // monthly = 200,000 × 0.45 × 0.85 = 76,500.00; total = 76,500 × 3 = 229,500.00
    const r = jobLoss('2023-01-10', history, RATE_45)
    expect(r).toMatchObject({ averageIncome: 200_000, coefficient: 0.85, monthlyAmount: 76_500, totalAmount: 229_500 })
    expect(r.explanation.join('\n')).toContain('job_loss_replacement_rate from 2023-01-01')
    expect(r.explanation.join('\n')).toContain('200000.00 × 0.45 × 0.85 = 76500.00')
  })

  it('divides by all 24 months when only 12 had income', () => {
    // 12 × 150,000 = 1,800,000 / 24 = 75,000.00; 12 months → 0.75, 2 months of payment
    // monthly = 75,000 × 0.45 × 0.75 = 25,312.50; total = 50,625.00
    const r = jobLoss('2025-01-05', run('2024-01', 12, 150_000), RATE_45)
    expect(r).toMatchObject({
      averageIncome: 75_000,
      coefficient: 0.75,
      monthlyAmount: 25_312.5,
      durationMonths: 2,
      totalAmount: 50_625,
    })
  })

  it('applies the long-service coefficient 1.04 after 7 years', () => {
    // 84 months of 300,000 from 2018-01 to 2024-12; loss on 2025-01-20: window 2023-01 … 2024-12 avg 300,000
    // 84 months → 1.00 + 0.02 × 2 = 1.04, 6 months; monthly = 300,000 × 0.45 × 1.04 = 140,400.00; total 842,400.00
    const r = jobLoss('2025-01-20', run('2018-01', 84, 300_000), RATE_45)
    expect(r).toMatchObject({ coefficient: 1.04, durationMonths: 6, monthlyAmount: 140_400, totalAmount: 842_400 })
  })

  it('refuses with five months of contributions and says why', () => {
    const r = jobLoss('2025-01-05', run('2024-08', 5, 400_000), RATE_45)
    expect(r.eligible).toBe(false)
    expect(r.monthlyAmount).toBe(0)
    expect(r.reasons[0]).toBe('5 months of social contributions; at least 6 are required')
  })

  it('grows with income and never exceeds average × rate × 1.30', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 5_000_000 }), { minLength: 24, maxLength: 24 }),
        fc.integer({ min: 1, max: 5 }),
        (incomes, factor) => {
          const h = incomes.map((income, i) => ({ month: addMonths('2023-01', i), income }))
          const more = h.map((m) => ({ ...m, income: m.income * factor }))
          const a = jobLoss('2025-01-10', h, RATE_45)
          const b = jobLoss('2025-01-10', more, RATE_45)
          return b.monthlyAmount >= a.monthlyAmount && a.monthlyAmount <= a.averageIncome * 0.45 * 1.3 + 0.01
        },
      ),
    )
  })
})

describe('maternity', () => {
  const maternity = (history: MonthIncome[], complicated = false) =>
    calculateMaternity({
      date: '2025-03-01',
      complicated,
      history,
      contributionMonths: monthsOf(history),
      rate: p('maternity_rate', '2018-01-01', 1),
      days: complicated ? p('maternity_days_complicated', '2018-01-01', 140) : p('maternity_days', '2018-01-01', 126),
      capMw: p('maternity_income_cap_mw', '2018-01-01', 7, false),
      minWage: MW,
    })

  it('pays 126 days of the 12-month average', () => {
    // window 2024-03 … 2025-02: 12 × 300,000 / 12 = 300,000.00 (below the cap 7 × 85,000 = 595,000)
    // total = 300,000 × 1.00 × 126 / 30 = 1,260,000.00
    const r = maternity(run('2024-03', 12, 300_000))
    expect(r).toMatchObject({
      averageIncome: 300_000,
      monthlyAmount: 300_000,
      durationDays: 126,
      totalAmount: 1_260_000,
    })
  })

  it('pays 140 days for a complicated birth', () => {
    // 300,000 × 140 / 30 = 1,400,000.00
    expect(maternity(run('2024-03', 12, 300_000), true).totalAmount).toBe(1_400_000)
  })

  it('caps the average at 7 minimum wages', () => {
    // average 1,000,000 > cap 595,000; total = 595,000 × 126 / 30 = 2,499,000.00
    const r = maternity(run('2024-03', 12, 1_000_000))
    expect(r).toMatchObject({ monthlyAmount: 595_000, totalAmount: 2_499_000 })
    expect(r.explanation.join('\n')).toContain('(applied)')
  })

  it('is never above the cap, whatever the income', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 10_000_000 }), { minLength: 12, maxLength: 12 }), (incomes) => {
        const r = maternity(incomes.map((income, i) => ({ month: addMonths('2024-03', i), income })))
        return r.totalAmount <= (595_000 * 126) / 30 + 0.01
      }),
    )
  })
})

describe('childcare to 1.5 years', () => {
  const childcare = (history: MonthIncome[]) =>
    calculateChildcare({
      date: '2025-03-01',
      history,
      contributionMonths: monthsOf(history),
      averageMonths: p('job_loss_average_months', '2018-01-01', 24),
      rate: p('childcare_rate', '2018-01-01', 0.4),
      capMw: p('childcare_cap_mw', '2018-01-01', 7, false),
      minWage: MW,
      minimumMci: p('childcare_min_mci', '2018-01-01', 5.76, false),
      mci: MCI_2025,
    })

  it('pays 40% of the 24-month average for 18 months', () => {
    // 24 × 250,000 / 24 = 250,000.00; × 0.40 = 100,000.00 within 22,648.32 … 238,000.00; × 18 = 1,800,000.00
    const r = childcare(run('2023-03', 24, 250_000))
    expect(r).toMatchObject({
      averageIncome: 250_000,
      monthlyAmount: 100_000,
      durationMonths: 18,
      totalAmount: 1_800_000,
    })
  })

  it('holds the payment at 40% of 7 minimum wages', () => {
    // 1,000,000 × 0.40 = 400,000 > 0.40 × 7 × 85,000 = 238,000.00
    expect(childcare(run('2023-03', 24, 1_000_000)).monthlyAmount).toBe(238_000)
  })

  it('raises a small payment to the minimum allowance', () => {
    // 6 × 100,000 / 24 = 25,000.00; × 0.40 = 10,000 < 5.76 × 3,932 = 22,648.32
    const r = childcare(run('2024-09', 6, 100_000))
    expect(r).toMatchObject({ averageIncome: 25_000, monthlyAmount: 22_648.32 })
  })

  it('stays between the minimum and the maximum', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 10_000_000 }), { minLength: 24, maxLength: 24 }), (incomes) => {
        const r = childcare(incomes.map((income, i) => ({ month: addMonths('2023-03', i), income })))
        return r.monthlyAmount >= 22_648.32 && r.monthlyAmount <= 238_000
      }),
    )
  })
})
