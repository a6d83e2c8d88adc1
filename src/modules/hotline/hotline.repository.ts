import { type Insertable, sql, type Updateable } from 'kysely'
import type { Conn } from '../../db/client.js'
import type { ReportStatus } from './hotline.rules.js'
import type { HotlineTables, ReportTable } from './hotline.tables.js'

const t = (db: Conn) => db.withTables<HotlineTables>()

export function insertReport(db: Conn, values: Insertable<ReportTable>) {
  return t(db).insertInto('hotline.reports').values(values).returningAll().executeTakeFirstOrThrow()
}

export function insertEvent(
  db: Conn,
  reportId: number,
  actorId: number | null,
  status: ReportStatus,
  note: string | null,
  at?: Date,
) {
  return t(db)
    .insertInto('hotline.report_events')
    .values({ report_id: reportId, actor_id: actorId, status, note, ...(at !== undefined && { at }) })
    .execute()
}

/** Which of these descriptions some report already has (the demo seeder adds each of its reports once). */
export async function findDescriptions(db: Conn, descriptions: string[]): Promise<Set<string>> {
  if (descriptions.length === 0) return new Set()
  const rows = await t(db)
    .selectFrom('hotline.reports')
    .select('description')
    .where('description', 'in', descriptions)
    .execute()
  return new Set(rows.map((r) => r.description))
}

/** The report, locked for a status change. */
export function lockReport(db: Conn, id: number) {
  return t(db).selectFrom('hotline.reports').selectAll().where('id', '=', id).forUpdate().executeTakeFirst()
}

export function findReport(db: Conn, id: number) {
  return t(db).selectFrom('hotline.reports').selectAll().where('id', '=', id).executeTakeFirst()
}

/** The report whose number and follow-up code hash both match; one query, so a wrong number and a wrong code look alike. */
export function findReportByFollowCode(db: Conn, id: number, codeHash: Buffer) {
  return t(db)
    .selectFrom('hotline.reports')
    .selectAll()
    .where('id', '=', id)
    .where('follow_code_sha256', '=', codeHash)
    .executeTakeFirst()
}

export function updateReport(db: Conn, id: number, values: Updateable<ReportTable>) {
  return t(db).updateTable('hotline.reports').set(values).where('id', '=', id).returningAll().executeTakeFirstOrThrow()
}

export function listEvents(db: Conn, id: number) {
  return t(db).selectFrom('hotline.report_events').selectAll().where('report_id', '=', id).orderBy('at').execute()
}

export function listReports(
  db: Conn,
  filter: {
    regionCode: string | null
    status?: ReportStatus | undefined
    overdueOn?: string | undefined
    limit: number
  },
) {
  let q = t(db).selectFrom('hotline.reports').selectAll()
  if (filter.regionCode !== null) q = q.where('region_code', '=', filter.regionCode)
  if (filter.status !== undefined) q = q.where('status', '=', filter.status)
  if (filter.overdueOn !== undefined) {
    q = q.where('status', 'in', ['new', 'assigned', 'inspecting']).where('due_date', '<', filter.overdueOn)
  }
  return q.orderBy('due_date').orderBy('id').limit(filter.limit).execute()
}

/** Reports received in [since, before): both null for all time. */
export interface ReceivedWindow {
  since: Date | null
  before: Date | null
}

/** Counts and outcomes by region and category, of reports received in the window. */
export async function statistics(db: Conn, regionCode: string | null, today: string, window: ReceivedWindow) {
  const { rows } = await sql<{
    region_code: string
    category: string
    total: number
    open: number
    overdue: number
    resolved: number
    unfounded: number
    contact_centre: number
    contracts_concluded: number
    contributions_recovered: string
  }>`SELECT region_code, category, count(*)::int AS total,
       count(*) FILTER (WHERE status IN ('new', 'assigned', 'inspecting'))::int AS open,
       count(*) FILTER (WHERE status IN ('new', 'assigned', 'inspecting') AND due_date < ${today}::date)::int AS overdue,
       count(*) FILTER (WHERE status = 'resolved')::int AS resolved,
       count(*) FILTER (WHERE status = 'unfounded')::int AS unfounded,
       count(*) FILTER (WHERE source = 'contact_centre')::int AS contact_centre,
       coalesce(sum(contracts_concluded), 0)::int AS contracts_concluded,
       coalesce(sum(contributions_recovered), 0)::text AS contributions_recovered
     FROM hotline.reports
     WHERE (${regionCode}::text IS NULL OR region_code = ${regionCode})
       AND (${window.since}::timestamptz IS NULL OR created_at >= ${window.since})
       AND (${window.before}::timestamptz IS NULL OR created_at < ${window.before})
     GROUP BY region_code, category ORDER BY region_code, category`.execute(db)
  return rows
}

/** Employers named in more than one report: by BIN, or by the name's normalised spelling where no BIN was given. */
export async function repeatedEmployers(
  db: Conn,
  regionCode: string | null,
  minReports: number,
  window: ReceivedWindow = { since: null, before: null },
) {
  const { rows } = await sql<{
    employer_key: string
    employer_bin: string | null
    employer_name: string | null
    reports: number
    regions: string[]
    last_at: Date
  }>`
    SELECT coalesce(employer_bin, lower(regexp_replace(employer_name, '[^[:alnum:]]+', '', 'g'))) AS employer_key,
           max(employer_bin) AS employer_bin, max(employer_name) AS employer_name, count(*)::int AS reports,
           array_agg(DISTINCT region_code ORDER BY region_code) AS regions, max(created_at) AS last_at
    FROM hotline.reports
    WHERE (${regionCode}::text IS NULL OR region_code = ${regionCode})
      AND (${window.since}::timestamptz IS NULL OR created_at >= ${window.since})
      AND (${window.before}::timestamptz IS NULL OR created_at < ${window.before})
    GROUP BY 1 HAVING count(*) >= ${minReports}
    ORDER BY reports DESC, employer_key LIMIT 100`.execute(db)
  return rows
}
