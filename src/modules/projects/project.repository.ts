import { type Insertable, sql, type Updateable } from 'kysely'
import type { Conn } from '../../db/client.js'
import type { PlannedYear } from './project.rules.js'
import type { ProjectsTables, ProjectTable, TenderState } from './projects.tables.js'

const t = (db: Conn) => db.withTables<ProjectsTables>()

export function findProgrammeByCode(db: Conn, code: string) {
  return t(db).selectFrom('projects.national_programmes').selectAll().where('code', '=', code).executeTakeFirst()
}

export function findProgramme(db: Conn, id: number) {
  return t(db).selectFrom('projects.national_programmes').selectAll().where('id', '=', id).executeTakeFirst()
}

export function listProgrammes(db: Conn) {
  return t(db).selectFrom('projects.national_programmes').selectAll().orderBy('id').execute()
}

export function insertProgramme(db: Conn, row: { code: string; name: string; description?: string }) {
  return t(db).insertInto('projects.national_programmes').values(row).returningAll().executeTakeFirstOrThrow()
}

export function insertProject(db: Conn, row: Insertable<ProjectTable>) {
  return t(db).insertInto('projects.projects').values(row).returningAll().executeTakeFirstOrThrow()
}

export function updateProject(db: Conn, id: number, changes: Updateable<ProjectTable>) {
  return t(db)
    .updateTable('projects.projects')
    .set({ ...changes, updated_at: sql`now()` })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow()
}

export function lockProject(db: Conn, id: number) {
  return t(db).selectFrom('projects.projects').selectAll().where('id', '=', id).forUpdate().executeTakeFirst()
}

export function findProject(db: Conn, id: number) {
  return t(db).selectFrom('projects.projects').selectAll().where('id', '=', id).executeTakeFirst()
}

export async function replacePlannedJobs(db: Conn, projectId: number, rows: readonly PlannedYear[]) {
  await t(db).deleteFrom('projects.planned_jobs').where('project_id', '=', projectId).execute()
  if (rows.length === 0) return
  await t(db)
    .insertInto('projects.planned_jobs')
    .values(rows.map((r) => ({ project_id: projectId, year: r.year, permanent: r.permanent, temporary: r.temporary })))
    .execute()
}

export function listPlannedJobs(db: Conn, projectIds: readonly number[]) {
  if (projectIds.length === 0) return Promise.resolve([])
  return t(db)
    .selectFrom('projects.planned_jobs')
    .selectAll()
    .where('project_id', 'in', projectIds)
    .orderBy('project_id')
    .orderBy('year')
    .execute()
}

export interface ProjectFilter {
  id?: number | undefined
  regionCode?: string | undefined
  programmeId?: number | undefined
  tenderState?: TenderState | undefined
  sector?: string | undefined
  contractorBin?: string | undefined
  /** in_tender without a contractor */
  needsContractor?: boolean | undefined
  /** has a contractor but its contractor posted no vacancy for it */
  noVacancies?: boolean | undefined
  q?: string | undefined
}

export interface ProjectListRow {
  id: number
  programme_id: number
  programme_name: string
  title: string
  region_code: string
  district_code: string | null
  sector: string
  investment: number
  tender_state: TenderState
  contractor_bin: string | null
  contractor_name: string | null
  starts_on: string
  ends_on: string
  planned_permanent: number
  planned_temporary: number
  vacancies: number
  positions: number
  hires: number
  created_permanent: number
  created_temporary: number
}

function projectWhere(filter: ProjectFilter) {
  const where = [sql`true`]
  if (filter.id !== undefined) where.push(sql`p.id = ${filter.id}`)
  if (filter.regionCode !== undefined) where.push(sql`p.region_code = ${filter.regionCode}`)
  if (filter.programmeId !== undefined) where.push(sql`p.programme_id = ${filter.programmeId}`)
  if (filter.tenderState !== undefined) where.push(sql`p.tender_state = ${filter.tenderState}`)
  if (filter.sector !== undefined) where.push(sql`p.sector = ${filter.sector}`)
  if (filter.contractorBin !== undefined) where.push(sql`p.contractor_bin = ${filter.contractorBin}`)
  if (filter.needsContractor === true) where.push(sql`p.tender_state = 'in_tender' AND p.contractor_bin IS NULL`)
  if (filter.noVacancies === true) {
    // project_counts has a row only for a project with linked vacancies; vacancies = the published ones.
    where.push(sql`p.contractor_bin IS NOT NULL AND NOT EXISTS (
      SELECT 1 FROM projects.project_counts c WHERE c.project_id = p.id AND c.vacancies > 0)`)
  }
  if (filter.q !== undefined && filter.q.trim() !== '') {
    where.push(sql`(p.title ILIKE ${`%${filter.q.trim()}%`} OR p.contractor_name ILIKE ${`%${filter.q.trim()}%`})`)
  }
  return sql.join(where, sql` AND `)
}

/**
 * Projects with this year's plan and the exchange's counts (vacancies posted, positions, people hired, and the
 * jobs created this year by hire date), read from the counts that projects.recount_projects keeps from the
 * exchange's published views (migration 0019): one row per project, never a join over applications.
 */
export async function listProjects(db: Conn, filter: ProjectFilter, year: number, limit: number, offset = 0) {
  const { rows } = await sql<ProjectListRow>`
    SELECT p.id, p.programme_id, np.name AS programme_name, p.title, p.region_code, p.district_code, p.sector,
           p.investment, p.tender_state, p.contractor_bin, p.contractor_name,
           p.starts_on::text AS starts_on, p.ends_on::text AS ends_on,
           coalesce(j.permanent, 0)::int AS planned_permanent, coalesce(j.temporary, 0)::int AS planned_temporary,
           coalesce(c.vacancies, 0)::int AS vacancies, coalesce(c.positions, 0)::int AS positions,
           coalesce(c.hires, 0)::int AS hires,
           coalesce(cj.permanent, 0)::int AS created_permanent, coalesce(cj.temporary, 0)::int AS created_temporary
    FROM projects.projects p
    JOIN projects.national_programmes np ON np.id = p.programme_id
    LEFT JOIN projects.planned_jobs j ON j.project_id = p.id AND j.year = ${year}
    LEFT JOIN projects.project_counts c ON c.project_id = p.id
    LEFT JOIN projects.project_created_jobs cj ON cj.project_id = p.id AND cj.year = ${year}
    WHERE ${projectWhere(filter)}
    ORDER BY p.region_code, p.id
    LIMIT ${limit} OFFSET ${offset}`.execute(db)
  return rows
}

export async function countProjects(db: Conn, filter: ProjectFilter): Promise<number> {
  const { rows } = await sql<{ n: number }>`
    SELECT count(*)::int AS n FROM projects.projects p WHERE ${projectWhere(filter)}`.execute(db)
  return rows[0]?.n ?? 0
}

export interface RegionJobsRow {
  region_code: string
  projects: number
  in_tender: number
  planned_permanent: number
  planned_temporary: number
  vacancies: number
  hires: number
  created_permanent: number
  created_temporary: number
}

/**
 * The map: by region, this year's planned jobs against jobs created (hires this year on projects' vacancies), from
 * the regional roll-up (migration 0020): 20 rows, never an aggregate over the projects at read time.
 */
export async function jobsByRegion(db: Conn, year: number) {
  const { rows } = await sql<RegionJobsRow>`
    SELECT r.code AS region_code, coalesce(c.projects, 0)::int AS projects, coalesce(c.in_tender, 0)::int AS in_tender,
           coalesce(y.planned_permanent, 0)::int AS planned_permanent,
           coalesce(y.planned_temporary, 0)::int AS planned_temporary,
           coalesce(c.vacancies, 0)::int AS vacancies, coalesce(c.hires, 0)::int AS hires,
           coalesce(y.created_permanent, 0)::int AS created_permanent,
           coalesce(y.created_temporary, 0)::int AS created_temporary
    FROM reference.regions r
    LEFT JOIN projects.region_counts c ON c.region_code = r.code
    LEFT JOIN projects.region_year_jobs y ON y.region_code = r.code AND y.year = ${year}
    ORDER BY r.code`.execute(db)
  return rows
}

/**
 * Takes the counts' lock (the one every recount takes) for the rest of the transaction. A transaction that changes
 * a project takes it before locking the project row, so it never waits for the job while holding that row.
 */
export async function lockCounts(db: Conn): Promise<void> {
  await sql`SELECT pg_advisory_xact_lock(hashtext('projects.recount_projects'))`.execute(db)
}

/** Recounts the regional roll-up of the given regions from the projects' plan and counts (migration 0020). */
export async function recountRegions(db: Conn, regionCodes: readonly string[]): Promise<void> {
  await sql`SELECT projects.recount_regions(${[...new Set(regionCodes)]}::text[])`.execute(db)
}

/**
 * Recounts the given projects' counts (all when omitted) from the exchange's published views; the one writer of
 * project_counts and project_created_jobs (migration 0019). Returns the rows written (only changed ones).
 */
export async function recountProjects(db: Conn, projectIds?: readonly number[]): Promise<number> {
  const only = projectIds === undefined ? sql`NULL` : sql`${[...projectIds]}::bigint[]`
  const { rows } = await sql<{ n: number }>`SELECT projects.recount_projects(${only}) AS n`.execute(db)
  return Number(rows[0]?.n ?? 0)
}

/** When the last full recount of each kind ran (null: never). */
export async function countedAt(db: Conn, what: 'projects' | 'balance'): Promise<Date | null> {
  const { rows } = await sql<{ counted_at: Date }>`
    SELECT counted_at FROM projects.count_runs WHERE what = ${what}`.execute(db)
  return rows[0]?.counted_at ?? null
}

export interface ProjectVacancyRow {
  project_id: number
  vacancy_id: number
  title: string
  occupation_code: string
  employment_type: string
  region_code: string
  state: string
  positions: number
  hires: number
  applications: number
  published_at: Date | null
  linked_at: Date
}

/** The projects' linked vacancies with their applications and hires, from the exchange's published views. */
export async function listProjectVacancies(db: Conn, projectIds: readonly number[]) {
  if (projectIds.length === 0) return []
  const { rows } = await sql<ProjectVacancyRow>`
    SELECT pv.project_id, pv.vacancy_id, v.title, v.occupation_code, v.employment_type, v.region_code, v.state,
           v.positions, v.hires, v.published_at, pv.linked_at,
           (SELECT count(*) FROM exchange.application_facts a WHERE a.vacancy_id = pv.vacancy_id)::int AS applications
    FROM projects.project_vacancies pv JOIN exchange.vacancy_facts v ON v.vacancy_id = pv.vacancy_id
    WHERE pv.project_id IN (${sql.join(projectIds)})
    ORDER BY pv.project_id, pv.vacancy_id`.execute(db)
  return rows
}

export function findVacancyFacts(db: Conn, vacancyId: number) {
  return t(db).selectFrom('exchange.vacancy_facts').selectAll().where('vacancy_id', '=', vacancyId).executeTakeFirst()
}

export function findVacancyLink(db: Conn, vacancyId: number) {
  return t(db)
    .selectFrom('projects.project_vacancies')
    .selectAll()
    .where('vacancy_id', '=', vacancyId)
    .executeTakeFirst()
}

export function insertVacancyLink(db: Conn, row: { vacancy_id: number; project_id: number; linked_by: number }) {
  return t(db)
    .insertInto('projects.project_vacancies')
    .values(row)
    .onConflict((oc) => oc.column('vacancy_id').doNothing())
    .returningAll()
    .executeTakeFirst()
}

export function deleteVacancyLink(db: Conn, projectId: number, vacancyId: number) {
  return t(db)
    .deleteFrom('projects.project_vacancies')
    .where('project_id', '=', projectId)
    .where('vacancy_id', '=', vacancyId)
    .executeTakeFirst()
}
