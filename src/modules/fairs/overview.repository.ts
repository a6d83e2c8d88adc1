import { sql } from 'kysely'
import type { Conn } from '../../db/client.js'

export interface FairsOverview {
  fairs: number
  open: number
  closed: number
  booths: number
  registrations: number
  applications: number
  hires: number
}

/**
 * Fairs of the year for the analysts' national overview: fairs that started in the year, approved booths,
 * registrations, applications through fairs, and those applications that ended in a hire (the exchange's
 * published application facts).
 */
export async function readFairsOverview(db: Conn, year: number): Promise<FairsOverview> {
  const from = `${year}-01-01`
  const to = `${year + 1}-01-01`
  const { rows } = await sql<FairsOverview>`
    WITH f AS (SELECT id, state FROM fairs.fairs WHERE starts_at >= ${from}::date AND starts_at < ${to}::date)
    SELECT (SELECT count(*) FROM f)::int AS fairs,
           (SELECT count(*) FROM f WHERE state = 'open')::int AS open,
           (SELECT count(*) FROM f WHERE state = 'closed')::int AS closed,
           (SELECT count(*) FROM fairs.booths b JOIN f ON f.id = b.fair_id WHERE b.state = 'approved')::int AS booths,
           (SELECT count(*) FROM fairs.registrations r JOIN f ON f.id = r.fair_id)::int AS registrations,
           (SELECT count(*) FROM fairs.applications a JOIN f ON f.id = a.fair_id)::int AS applications,
           (SELECT count(*) FROM fairs.applications a JOIN f ON f.id = a.fair_id
              JOIN exchange.application_facts x ON x.application_id = a.application_id
            WHERE x.state = 'hired')::int AS hires`.execute(db)
  return rows[0] ?? { fairs: 0, open: 0, closed: 0, booths: 0, registrations: 0, applications: 0, hires: 0 }
}
