import { type Insertable, sql, type Updateable } from 'kysely'
import type { Conn } from '../../db/client.js'
import type { PlannedYear } from './project.rules.js'
import type { ProjectsTables, ProjectTable, TenderState } from './projects.tables.js'

const t = (db: Conn) => db.withTables<ProjectsTables>()

/** Permanent jobs are hires on permanent (and remote) vacancies; every other employment type is temporary work. */
export const PERMANENT_TYPES = sql`('permanent', 'remote')`

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

/**
 * Projects with this year's plan and the exchange's counts (vacancies posted, positions, people hired, and the
 * jobs created this year by hire date), set-based over the exchange's published views.
 */
export async function listProjects(db: Conn, filter: ProjectFilter, year: number, limit: number) {
  const from = `${year}-01-01`
  const to = `${year + 1}-01-01`
  const where = [sql`true`]
  if (filter.id !== undefined) where.push(sql`p.id = ${filter.id}`)
  if (filter.regionCode !== undefined) where.push(sql`p.region_code = ${filter.regionCode}`)
  if (filter.programmeId !== undefined) where.push(sql`p.programme_id = ${filter.programmeId}`)
  if (filter.tenderState !== undefined) where.push(sql`p.tender_state = ${filter.tenderState}`)
  if (filter.sector !== undefined) where.push(sql`p.sector = ${filter.sector}`)
  if (filter.contractorBin !== undefined) where.push(sql`p.contractor_bin = ${filter.contractorBin}`)
  if (filter.needsContractor === true) where.push(sql`p.tender_state = 'in_tender' AND p.contractor_bin IS NULL`)
  if (filter.noVacancies === true) {
    where.push(sql`p.contractor_bin IS NOT NULL AND NOT EXISTS (
      SELECT 1 FROM projects.project_vacancies pv JOIN exchange.vacancy_facts v ON v.vacancy_id = pv.vacancy_id
      WHERE pv.project_id = p.id AND v.published_at IS NOT NULL)`)
  }
  if (filter.q !== undefined && filter.q.trim() !== '') {
    where.push(sql`(p.title ILIKE ${`%${filter.q.trim()}%`} OR p.contractor_name ILIKE ${`%${filter.q.trim()}%`})`)
  }
  const { rows } = await sql<ProjectListRow>`
    WITH selected AS (
      SELECT p.* FROM projects.projects p WHERE ${sql.join(where, sql` AND `)} ORDER BY p.region_code, p.id LIMIT ${limit}
    ), vac AS (
      SELECT pv.project_id, count(*) FILTER (WHERE v.published_at IS NOT NULL)::int AS vacancies,
             coalesce(sum(v.positions) FILTER (WHERE v.published_at IS NOT NULL), 0)::int AS positions,
             coalesce(sum(v.hires), 0)::int AS hires
      FROM selected s JOIN projects.project_vacancies pv ON pv.project_id = s.id
      JOIN exchange.vacancy_facts v ON v.vacancy_id = pv.vacancy_id
      GROUP BY pv.project_id
    ), created AS (
      SELECT pv.project_id,
             count(*) FILTER (WHERE v.employment_type IN ${PERMANENT_TYPES})::int AS permanent,
             count(*) FILTER (WHERE v.employment_type NOT IN ${PERMANENT_TYPES})::int AS temporary
      FROM selected s JOIN projects.project_vacancies pv ON pv.project_id = s.id
      JOIN exchange.vacancy_facts v ON v.vacancy_id = pv.vacancy_id
      JOIN exchange.application_facts a ON a.vacancy_id = pv.vacancy_id
      WHERE a.state = 'hired' AND a.state_at >= ${from}::date AND a.state_at < ${to}::date
      GROUP BY pv.project_id
    )
    SELECT s.id, s.programme_id, np.name AS programme_name, s.title, s.region_code, s.district_code, s.sector,
           s.investment, s.tender_state, s.contractor_bin, s.contractor_name,
           s.starts_on::text AS starts_on, s.ends_on::text AS ends_on,
           coalesce(j.permanent, 0)::int AS planned_permanent, coalesce(j.temporary, 0)::int AS planned_temporary,
           coalesce(vac.vacancies, 0)::int AS vacancies, coalesce(vac.positions, 0)::int AS positions,
           coalesce(vac.hires, 0)::int AS hires,
           coalesce(created.permanent, 0)::int AS created_permanent,
           coalesce(created.temporary, 0)::int AS created_temporary
    FROM selected s
    JOIN projects.national_programmes np ON np.id = s.programme_id
    LEFT JOIN projects.planned_jobs j ON j.project_id = s.id AND j.year = ${year}
    LEFT JOIN vac ON vac.project_id = s.id
    LEFT JOIN created ON created.project_id = s.id
    ORDER BY s.region_code, s.id`.execute(db)
  return rows
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

/** The map: by region, this year's planned jobs against jobs created (hires this year on projects' vacancies). */
export async function jobsByRegion(db: Conn, year: number) {
  const from = `${year}-01-01`
  const to = `${year + 1}-01-01`
  const { rows } = await sql<RegionJobsRow>`
    WITH plan AS (
      SELECT p.region_code, count(*)::int AS projects,
             count(*) FILTER (WHERE p.tender_state = 'in_tender')::int AS in_tender,
             coalesce(sum(j.permanent), 0)::int AS permanent, coalesce(sum(j.temporary), 0)::int AS temporary
      FROM projects.projects p LEFT JOIN projects.planned_jobs j ON j.project_id = p.id AND j.year = ${year}
      GROUP BY p.region_code
    ), vac AS (
      SELECT p.region_code, count(*) FILTER (WHERE v.published_at IS NOT NULL)::int AS vacancies,
             coalesce(sum(v.hires), 0)::int AS hires
      FROM projects.project_vacancies pv JOIN projects.projects p ON p.id = pv.project_id
      JOIN exchange.vacancy_facts v ON v.vacancy_id = pv.vacancy_id
      GROUP BY p.region_code
    ), created AS (
      SELECT p.region_code,
             count(*) FILTER (WHERE v.employment_type IN ${PERMANENT_TYPES})::int AS permanent,
             count(*) FILTER (WHERE v.employment_type NOT IN ${PERMANENT_TYPES})::int AS temporary
      FROM projects.project_vacancies pv JOIN projects.projects p ON p.id = pv.project_id
      JOIN exchange.vacancy_facts v ON v.vacancy_id = pv.vacancy_id
      JOIN exchange.application_facts a ON a.vacancy_id = pv.vacancy_id
      WHERE a.state = 'hired' AND a.state_at >= ${from}::date AND a.state_at < ${to}::date
      GROUP BY p.region_code
    )
    SELECT r.code AS region_code, coalesce(plan.projects, 0)::int AS projects,
           coalesce(plan.in_tender, 0)::int AS in_tender,
           coalesce(plan.permanent, 0)::int AS planned_permanent, coalesce(plan.temporary, 0)::int AS planned_temporary,
           coalesce(vac.vacancies, 0)::int AS vacancies, coalesce(vac.hires, 0)::int AS hires,
           coalesce(created.permanent, 0)::int AS created_permanent,
           coalesce(created.temporary, 0)::int AS created_temporary
    FROM reference.regions r
    LEFT JOIN plan ON plan.region_code = r.code
    LEFT JOIN vac ON vac.region_code = r.code
    LEFT JOIN created ON created.region_code = r.code
    ORDER BY r.code`.execute(db)
  return rows
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
