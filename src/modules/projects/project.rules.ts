import { AppError } from '../../shared/errors.js'
import type { Sector, TenderState } from './projects.tables.js'

export const TENDER_STATES = ['in_tender', 'contracted', 'under_way', 'done'] as const satisfies readonly TenderState[]
export const SECTORS = [
  'industry',
  'energy',
  'construction',
  'transport',
  'agriculture',
  'mining',
  'water',
  'housing',
  'social',
  'tourism',
  'digital',
  'other',
] as const satisfies readonly Sector[]

/** Youth in the labour-market balance: under 35 on the day of the report (the Youth Policy Law's upper bound). */
export const YOUTH_AGE_LIMIT = 35

export interface PlannedYear {
  year: number
  permanent: number
  temporary: number
}

/** Dates must be real calendar days and the project may not end before it starts. */
export function checkDates(startsOn: string, endsOn: string): void {
  for (const [field, value] of [
    ['startsOn', startsOn],
    ['endsOn', endsOn],
  ] as const) {
    const day = new Date(`${value}T00:00:00Z`)
    if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(day.getTime()) || day.toISOString().slice(0, 10) !== value) {
      throw new AppError('invalid', `${field} ${value} is not a calendar date (YYYY-MM-DD)`, { field })
    }
  }
  if (endsOn < startsOn) {
    throw new AppError(
      'invalid',
      `endsOn ${endsOn} is before startsOn ${startsOn}; a project cannot end before it starts`,
      {
        field: 'endsOn',
      },
    )
  }
}

/**
 * Planned jobs: whole numbers, never below zero, one row per year, each year inside the project's dates.
 * Names the row and the field ("plannedJobs[1].permanent is -5; planned jobs cannot be below zero").
 */
export function checkPlannedJobs(rows: readonly PlannedYear[], startsOn: string, endsOn: string): void {
  const first = Number(startsOn.slice(0, 4))
  const last = Number(endsOn.slice(0, 4))
  const seen = new Set<number>()
  rows.forEach((row, i) => {
    for (const kind of ['permanent', 'temporary'] as const) {
      const n = row[kind]
      if (!Number.isInteger(n) || n < 0) {
        throw new AppError('invalid', `plannedJobs[${i}].${kind} is ${n}; planned jobs cannot be below zero`, {
          field: `plannedJobs[${i}].${kind}`,
        })
      }
    }
    if (row.year < first || row.year > last) {
      throw new AppError(
        'invalid',
        `plannedJobs[${i}].year ${row.year} is outside the project's dates (${startsOn} – ${endsOn})`,
        { field: `plannedJobs[${i}].year` },
      )
    }
    if (seen.has(row.year)) {
      throw new AppError('invalid', `plannedJobs[${i}].year ${row.year} is planned twice`, {
        field: `plannedJobs[${i}].year`,
      })
    }
    seen.add(row.year)
  })
}

/** Once the tender is decided (contracted, under way, done) the project needs its contractor. */
export function checkContractorForState(state: TenderState, contractorBin: string | null): void {
  if (state !== 'in_tender' && contractorBin === null) {
    throw new AppError(
      'invalid',
      `a project that is ${state} needs a contractorBin; only a project in tender may have none`,
      {
        field: 'contractorBin',
      },
    )
  }
}

/** The hire counts as a permanent job when the vacancy is permanent; seasonal, shift, temporary as temporary. */
export const jobKind = (employmentType: string): 'permanent' | 'temporary' =>
  employmentType === 'permanent' || employmentType === 'remote' ? 'permanent' : 'temporary'

/** Share of the plan done, one decimal; a plan of zero is done when anything was created. */
export function percentOf(created: number, planned: number): number {
  if (planned === 0) return created > 0 ? 100 : 0
  return Math.round((created / planned) * 1000) / 10
}

/** Seekers per open position: above 1 means oversupplied, below 1 scarce; no positions → Infinity shown as null. */
export function seekersPerPosition(seekers: number, positions: number): number | null {
  if (positions === 0) return null
  return Math.round((seekers / positions) * 100) / 100
}
