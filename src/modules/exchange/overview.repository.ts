import { sql } from 'kysely'
import type { Conn } from '../../db/client.js'

export interface ExchangeFunnelRow {
  regionCode: string
  vacancies: number
  positions: number
  applications: number
  hires: number
  seekers: number
}

/**
 * The exchange's funnel for the analysts' national overview, by the vacancy's region: vacancies published in the
 * year and their positions, applications made in the year, hires made in the year; seeker profiles by the region
 * they want to work in. Aggregates only, no person.
 */
export async function readExchangeFunnel(db: Conn, year: number): Promise<ExchangeFunnelRow[]> {
  const from = `${year}-01-01`
  const to = `${year + 1}-01-01`
  const { rows } = await sql<ExchangeFunnelRow>`
    WITH v AS (
      SELECT region_code, count(*)::int AS vacancies, coalesce(sum(positions), 0)::int AS positions
      FROM exchange.vacancies WHERE published_at >= ${from}::date AND published_at < ${to}::date GROUP BY 1
    ), a AS (
      SELECT v.region_code, count(*)::int AS applications,
             count(*) FILTER (WHERE a.state = 'hired' AND a.updated_at < ${to}::date)::int AS hires
      FROM exchange.applications a JOIN exchange.vacancies v ON v.id = a.vacancy_id
      WHERE a.created_at >= ${from}::date AND a.created_at < ${to}::date GROUP BY 1
    ), s AS (
      SELECT region_code, count(*)::int AS seekers FROM exchange.profiles WHERE region_code IS NOT NULL GROUP BY 1
    )
    SELECT r.code AS "regionCode", coalesce(v.vacancies, 0)::int AS vacancies, coalesce(v.positions, 0)::int AS positions,
           coalesce(a.applications, 0)::int AS applications, coalesce(a.hires, 0)::int AS hires,
           coalesce(s.seekers, 0)::int AS seekers
    FROM reference.regions r LEFT JOIN v ON v.region_code = r.code LEFT JOIN a ON a.region_code = r.code
    LEFT JOIN s ON s.region_code = r.code
    ORDER BY r.code`.execute(db)
  return rows
}
