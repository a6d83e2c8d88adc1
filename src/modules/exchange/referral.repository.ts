import { sql } from 'kysely'
import type { Conn } from '../../db/client.js'
import type { ExchangeTables, ReferralOutcome } from './exchange.tables.js'

const tables = (db: Conn) => db.withTables<ExchangeTables>()

/** The region's limit row for the year, locked: two officers cannot both take the last referral. */
export function lockReferralLimit(db: Conn, regionCode: string, year: number) {
  return tables(db)
    .selectFrom('exchange.referral_limits')
    .selectAll()
    .where('region_code', '=', regionCode)
    .where('year', '=', year)
    .forUpdate()
    .executeTakeFirst()
}

export async function spendReferral(db: Conn, regionCode: string, year: number): Promise<void> {
  await tables(db)
    .updateTable('exchange.referral_limits')
    .set({ used: sql`used + 1` })
    .where('region_code', '=', regionCode)
    .where('year', '=', year)
    .execute()
}

export function listReferralLimits(db: Conn, year: number, regionCode: string | null) {
  let query = tables(db).selectFrom('exchange.referral_limits').selectAll().where('year', '=', year)
  if (regionCode !== null) query = query.where('region_code', '=', regionCode)
  return query.orderBy('region_code').execute()
}

/** Sets a region's yearly total; never below what is already used (the CHECK would refuse it too). */
export function upsertReferralLimit(db: Conn, regionCode: string, year: number, total: number) {
  return tables(db)
    .insertInto('exchange.referral_limits')
    .values({ region_code: regionCode, year, total })
    .onConflict((oc) =>
      oc
        .columns(['region_code', 'year'])
        .doUpdateSet({ total })
        .where(sql<boolean>`exchange.referral_limits.used <= ${total}`),
    )
    .returningAll()
    .executeTakeFirst()
}

/** Inserts limits for many regions at once, keeping rows that exist (demo seeding). */
export async function insertReferralLimits(db: Conn, rows: { region_code: string; year: number; total: number }[]) {
  if (rows.length === 0) return
  await tables(db)
    .insertInto('exchange.referral_limits')
    .values(rows)
    .onConflict((oc) => oc.doNothing())
    .execute()
}

export function insertReferral(
  db: Conn,
  row: {
    vacancy_id: number
    seeker_iin: string
    region_code: string
    year: number
    officer_account_id: number
    note: string | null
  },
) {
  return tables(db)
    .insertInto('exchange.referrals')
    .values(row)
    .onConflict((oc) => oc.columns(['vacancy_id', 'seeker_iin']).doNothing())
    .returning('id')
    .executeTakeFirst()
}

const REFERRAL_COLUMNS = [
  'r.id',
  'r.vacancy_id',
  'r.seeker_iin',
  'r.region_code',
  'r.year',
  'r.note',
  'r.outcome',
  'r.outcome_reason',
  'r.outcome_at',
  'r.created_at',
  'v.title as vacancy_title',
] as const

export function findReferral(db: Conn, id: number) {
  return tables(db)
    .selectFrom('exchange.referrals as r')
    .innerJoin('exchange.vacancies as v', 'v.id', 'r.vacancy_id')
    .select(REFERRAL_COLUMNS)
    .where('r.id', '=', id)
    .executeTakeFirst()
}

export function listReferrals(
  db: Conn,
  regionCode: string | null,
  limit: number,
  officerAccountId: number | null = null,
) {
  let query = tables(db)
    .selectFrom('exchange.referrals as r')
    .innerJoin('exchange.vacancies as v', 'v.id', 'r.vacancy_id')
    .select(REFERRAL_COLUMNS)
  if (regionCode !== null) query = query.where('r.region_code', '=', regionCode)
  if (officerAccountId !== null) query = query.where('r.officer_account_id', '=', officerAccountId)
  return query.orderBy('r.id', 'desc').limit(limit).execute()
}

export async function recordOutcome(db: Conn, id: number, outcome: ReferralOutcome, reason: string | null) {
  await tables(db)
    .updateTable('exchange.referrals')
    .set({ outcome, outcome_reason: reason, outcome_at: sql`now()` })
    .where('id', '=', id)
    .execute()
}

/** Referrals and their outcomes by region for a year, with each region's limit. */
export async function referralStats(db: Conn, year: number, regionCode: string | null) {
  const { rows } = await sql<{
    region_code: string
    total: number
    used: number
    referrals: number
    hired: number
    not_hired: number
    no_show: number
  }>`
    SELECT l.region_code, l.total, l.used,
           count(r.id)::int AS referrals,
           count(*) FILTER (WHERE r.outcome = 'hired')::int AS hired,
           count(*) FILTER (WHERE r.outcome = 'not_hired')::int AS not_hired,
           count(*) FILTER (WHERE r.outcome = 'no_show')::int AS no_show
    FROM exchange.referral_limits l
    LEFT JOIN exchange.referrals r ON r.region_code = l.region_code AND r.year = l.year
    WHERE l.year = ${year} ${regionCode === null ? sql`` : sql`AND l.region_code = ${regionCode}`}
    GROUP BY l.region_code, l.total, l.used
    ORDER BY l.region_code`.execute(db)
  return rows
}
