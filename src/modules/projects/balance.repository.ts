import { sql } from 'kysely'
import type { Conn } from '../../db/client.js'

export interface BalanceRow {
  region_code: string
  occupation_code: string
  title_en: string | null
  title_ru: string | null
  title_kk: string | null
  vacancies: number
  open_positions: number
  seekers: number
  youth_seekers: number
}

/**
 * Vacancies against seekers by region and ISCO-08 unit group (4 digits), as projects.recount_balance last counted
 * them from the exchange's published views (migration 0019): open positions of vacancies open at count time
 * (published, not expired: positions − hires) against seeker profiles that name the occupation (a profile's region,
 * else the person's registered region). Youth = under the age limit at count time, from identity's published birth
 * date. Registry statuses carry no occupation, so they cannot be set against vacancies.
 */
export async function readBalance(db: Conn, regionCode: string | null) {
  const { rows } = await sql<BalanceRow>`
    SELECT b.region_code, b.occupation_code, o.title_en, o.title_ru, o.title_kk, b.vacancies, b.open_positions,
           b.seekers, b.youth_seekers
    FROM projects.balance_counts b LEFT JOIN reference.occupations o ON o.code = b.occupation_code
    WHERE ${regionCode === null ? sql`true` : sql`b.region_code = ${regionCode}`}
    ORDER BY 1, 2`.execute(db)
  return rows
}

/** Recounts the whole balance (the one writer of projects.balance_counts); returns the rows counted. */
export async function recountBalance(db: Conn, youthAge: number): Promise<number> {
  const { rows } = await sql<{ n: number }>`SELECT projects.recount_balance(${youthAge}::int) AS n`.execute(db)
  return Number(rows[0]?.n ?? 0)
}
