import type { Db } from '../../db/client.js'
import type { Principal } from '../../shared/auth.js'
import { AppError } from '../../shared/errors.js'
import { maskIdentifiers } from '../../shared/iin.js'
import { readPersonAsStaff, scopeOf } from '../identity/index.js'
import { findRegion } from '../reference/index.js'
import type { ReferralOutcome } from './exchange.tables.js'
import * as repo from './referral.repository.js'
import type { NewReferral, Referral, ReferralLimit, ReferralStats } from './referral.schema.js'
import * as vacancies from './vacancy.repository.js'
import { isOpen } from './vacancy.service.js'

type ReferralRow = NonNullable<Awaited<ReturnType<typeof repo.findReferral>>>

/** The year of a referral, in Kazakhstan's time (UTC+5 since 1 March 2024): limits are per calendar year. */
export function referralYear(now = new Date()): number {
  return new Date(now.getTime() + 5 * 3_600_000).getUTCFullYear()
}

function toReferral(row: ReferralRow, options: { maskIin?: boolean } = {}): Referral {
  return {
    id: row.id,
    vacancyId: row.vacancy_id,
    vacancyTitle: row.vacancy_title,
    seekerIin: options.maskIin ? maskIdentifiers(row.seeker_iin) : row.seeker_iin,
    regionCode: row.region_code,
    year: row.year,
    note: row.note,
    outcome: row.outcome,
    outcomeReason: row.outcome_reason,
    outcomeAt: row.outcome_at === null ? null : new Date(row.outcome_at).toISOString(),
    createdAt: new Date(row.created_at).toISOString(),
  }
}

const toLimit = (l: { region_code: string; year: number; total: number; used: number }): ReferralLimit => ({
  regionCode: l.region_code,
  year: l.year,
  total: l.total,
  used: l.used,
  remaining: l.total - l.used,
})

function requireOfficerRegion(officer: Principal): string {
  if (officer.role !== 'officer' || officer.regionCode === null) {
    throw new AppError('forbidden', 'only an employment-centre officer of a region refers seekers')
  }
  return officer.regionCode
}

/**
 * Refers a seeker of the officer's region to an open vacancy, spending one unit of the region's yearly limit
 * in the same transaction. The limit row is locked first, so concurrent referrals take turns and the last unit
 * goes to exactly one of them.
 */
export async function referSeeker(db: Db, officer: Principal, input: NewReferral): Promise<Referral> {
  const regionCode = requireOfficerRegion(officer)
  // Scope check and audit entry in one: a person outside the officer's region is refused (and that is audited).
  const person = await readPersonAsStaff(db, officer, input.iin, `referral to vacancy ${input.vacancyId}`)
  const year = referralYear()
  const id = await db.transaction().execute(async (trx) => {
    const limit = await repo.lockReferralLimit(trx, regionCode, year)
    if (limit === undefined) {
      throw new AppError('conflict', `region ${regionCode} has no referral limit for ${year}`)
    }
    if (limit.used >= limit.total) {
      throw new AppError('conflict', `referral limit for region ${regionCode} in ${year} is spent`, {
        total: limit.total,
        used: limit.used,
      })
    }
    const vacancy = await vacancies.findVacancy(trx, input.vacancyId)
    if (vacancy === undefined || vacancy.state === 'draft') {
      throw new AppError('not_found', `no published vacancy ${input.vacancyId}`)
    }
    if (!isOpen(vacancy)) {
      throw new AppError(
        'conflict',
        `vacancy ${vacancy.id} is ${vacancy.state === 'published' ? 'expired' : vacancy.state}; only an open vacancy takes referrals`,
      )
    }
    const inserted = await repo.insertReferral(trx, {
      vacancy_id: vacancy.id,
      seeker_iin: person.iin,
      region_code: regionCode,
      year,
      officer_account_id: officer.accountId,
      note: input.note ?? null,
    })
    if (inserted === undefined) {
      throw new AppError('conflict', `seeker ${person.iin} is already referred to vacancy ${vacancy.id}`)
    }
    await repo.spendReferral(trx, regionCode, year)
    return inserted.id
  })
  return toReferral((await repo.findReferral(db, id)) as ReferralRow)
}

/** Records whether the referred seeker was hired, and why not; once, by any officer of the referral's region. */
export async function recordReferralOutcome(
  db: Db,
  officer: Principal,
  id: number,
  input: { outcome: ReferralOutcome; reason?: string | undefined },
): Promise<Referral> {
  const regionCode = requireOfficerRegion(officer)
  if (input.outcome !== 'hired' && (input.reason === undefined || input.reason.trim() === '')) {
    throw new AppError('invalid', `outcome ${input.outcome} needs a reason`, { field: 'reason' })
  }
  const row = await repo.findReferral(db, id)
  if (row === undefined) throw new AppError('not_found', `no referral ${id}`)
  if (row.region_code !== regionCode) {
    throw new AppError('forbidden', `referral ${id} belongs to region ${row.region_code}, not ${regionCode}`)
  }
  if (row.outcome !== null) throw new AppError('conflict', `referral ${id} already has its outcome (${row.outcome})`)
  await repo.recordOutcome(db, id, input.outcome, input.reason?.trim() ?? null)
  // Masked as in the list: any officer of the region records outcomes, and reading the person is a separate,
  // audited read.
  return toReferral((await repo.findReferral(db, id)) as ReferralRow, { maskIin: true })
}

/**
 * A region's referrals, newest first, or only those the caller made; IINs are masked (opening a person is a
 * separate, audited read).
 */
export async function listReferrals(db: Db, staff: Principal, options: { mine?: boolean } = {}): Promise<Referral[]> {
  const officerAccountId = options.mine ? staff.accountId : null
  const rows = await repo.listReferrals(db, scopeOf(staff).regionCode, 500, officerAccountId)
  return rows.map((r) => toReferral(r, { maskIin: true }))
}

export async function listReferralLimits(db: Db, staff: Principal, year: number): Promise<ReferralLimit[]> {
  return (await repo.listReferralLimits(db, year, scopeOf(staff).regionCode)).map(toLimit)
}

export async function setReferralLimit(db: Db, regionCode: string, year: number, total: number) {
  if ((await findRegion(db, regionCode)) === undefined) {
    throw new AppError('invalid', `region ${regionCode} is not known`, { field: 'region' })
  }
  const row = await repo.upsertReferralLimit(db, regionCode, year, total)
  if (row === undefined) {
    const [current] = await repo.listReferralLimits(db, year, regionCode)
    const used = current?.used ?? total + 1
    throw new AppError(
      'conflict',
      `total ${total} is below the ${used} referrals region ${regionCode} has already used in ${year}`,
      { field: 'total', used },
    )
  }
  return toLimit(row)
}

export async function getReferralStats(db: Db, staff: Principal, year: number): Promise<ReferralStats> {
  const rows = await repo.referralStats(db, year, scopeOf(staff).regionCode)
  return {
    year,
    items: rows.map((r) => ({
      regionCode: r.region_code,
      limit: r.total,
      used: r.used,
      remaining: r.total - r.used,
      referrals: r.referrals,
      hired: r.hired,
      notHired: r.not_hired,
      noShow: r.no_show,
      pending: r.referrals - r.hired - r.not_hired - r.no_show,
    })),
  }
}
