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
 * Vacancies against seekers by region and ISCO-08 unit group (4 digits), from the exchange's published views:
 * open positions of vacancies open today (published, not expired: positions − hires) against seeker profiles that
 * name the occupation (a profile's region, else the person's registered region). Youth = under 35 today, from
 * identity's published birth date. Registry statuses carry no occupation, so they cannot be set against vacancies.
 */
export async function readBalance(db: Conn, regionCode: string | null, youthAge: number) {
  const region = (column: ReturnType<typeof sql.ref>) =>
    regionCode === null ? sql`true` : sql`${column} = ${regionCode}`
  const { rows } = await sql<BalanceRow>`
    WITH vac AS (
      SELECT v.region_code, left(v.occupation_code, 4) AS occupation_code, count(*)::int AS vacancies,
             sum(v.positions - v.hires)::int AS open_positions
      FROM exchange.vacancy_facts v
      WHERE v.state = 'published' AND v.expires_at > now() AND ${region(sql.ref('v.region_code'))}
      GROUP BY 1, 2
    ), wanted AS (
      SELECT DISTINCT s.seeker_iin, coalesce(s.region_code, p.region_code) AS region_code,
             left(o.code, 4) AS occupation_code,
             (p.birth_date IS NOT NULL AND p.birth_date > (current_date - make_interval(years => ${youthAge}))) AS is_youth
      FROM exchange.seeker_facts s
      CROSS JOIN LATERAL unnest(s.desired_occupations) AS o (code)
      LEFT JOIN identity.person_facts p ON p.iin = s.seeker_iin
      WHERE length(o.code) = 4
    ), seek AS (
      SELECT region_code, occupation_code, count(*)::int AS seekers, count(*) FILTER (WHERE is_youth)::int AS youth_seekers
      FROM wanted WHERE region_code IS NOT NULL AND ${region(sql.ref('region_code'))}
      GROUP BY 1, 2
    )
    SELECT coalesce(vac.region_code, seek.region_code) AS region_code,
           coalesce(vac.occupation_code, seek.occupation_code) AS occupation_code,
           o.title_en, o.title_ru, o.title_kk,
           coalesce(vac.vacancies, 0)::int AS vacancies, greatest(coalesce(vac.open_positions, 0), 0)::int AS open_positions,
           coalesce(seek.seekers, 0)::int AS seekers, coalesce(seek.youth_seekers, 0)::int AS youth_seekers
    FROM vac FULL JOIN seek ON seek.region_code = vac.region_code AND seek.occupation_code = vac.occupation_code
    LEFT JOIN reference.occupations o ON o.code = coalesce(vac.occupation_code, seek.occupation_code)
    ORDER BY 1, 2`.execute(db)
  return rows
}
