import type { Selectable } from 'kysely'
import type { Conn, Db } from '../../db/client.js'
import type { Principal } from '../../shared/auth.js'
import { AppError } from '../../shared/errors.js'
import { checkIdentifier } from '../../shared/iin.js'
import { setVacancyProject } from '../exchange/index.js'
import { getOrganisation } from '../identity/index.js'
import { findKato, findRegion } from '../reference/index.js'
import * as repo from './project.repository.js'
import { checkContractorForState, checkDates, checkPlannedJobs, percentOf } from './project.rules.js'
import type {
  JobMap,
  NationalProgramme,
  NewNationalProgramme,
  NewProject,
  ProjectDetail,
  ProjectPatch,
  ProjectQuery,
  ProjectSummary,
  ProjectVacancy,
  RegionDrillDown,
  RegionJobs,
} from './project.schema.js'
import { DRILL_DOWN_PAGE } from './project.schema.js'
import type { ProjectTable } from './projects.tables.js'

type ProjectRow = Selectable<ProjectTable>
const LIST_LIMIT = 5000

/** This calendar year in Kazakhstan (UTC+5), where "this year's plan" is read. */
export function thisYear(now = new Date()): number {
  return new Date(now.getTime() + 5 * 3_600_000).getUTCFullYear()
}

const isNational = (who: Principal) => who.role === 'analyst' || who.role === 'admin'

/** The region a staff member may read: analysts and admins any (null = national), managers only their own. */
function readScope(who: Principal, requested: string | undefined): string | null {
  if (isNational(who)) return requested ?? null
  if (who.role === 'manager' && who.regionCode !== null) {
    if (requested !== undefined && requested !== who.regionCode) {
      throw new AppError('forbidden', `region ${requested} is outside your scope (region ${who.regionCode})`)
    }
    return who.regionCode
  }
  throw new AppError('forbidden', `role ${who.role} cannot read projects`)
}

/** Managers edit their own region's projects; admins any. */
function requireEditor(who: Principal, regionCode: string): void {
  if (who.role === 'admin') return
  if (who.role === 'manager' && who.regionCode === regionCode) return
  throw new AppError(
    'forbidden',
    who.role === 'manager'
      ? `region ${regionCode} is outside your scope (region ${who.regionCode}); managers edit their own region's projects`
      : `role ${who.role} cannot edit projects`,
  )
}

function canRead(who: Principal, row: ProjectRow): boolean {
  if (isNational(who)) return true
  if (who.role === 'manager') return who.regionCode === row.region_code
  if (who.role === 'employer') return who.bin !== null && who.bin === row.contractor_bin
  return false
}

async function requireProject(db: Conn, id: number, who: Principal): Promise<ProjectRow> {
  const row = await repo.findProject(db, id)
  if (row === undefined || !canRead(who, row)) throw new AppError('not_found', `no project ${id}`)
  return row
}

async function checkPlace(db: Conn, regionCode: string, districtCode: string | null): Promise<void> {
  if ((await findRegion(db, regionCode)) === undefined) {
    throw new AppError('invalid', `regionCode ${regionCode} is not a known region`, { field: 'regionCode' })
  }
  if (districtCode === null) return
  const unit = await findKato(db, districtCode)
  if (unit === undefined) {
    throw new AppError('invalid', `districtCode ${districtCode} is not a known KATO unit`, { field: 'districtCode' })
  }
  if (unit.region_code !== regionCode || unit.level !== 2) {
    throw new AppError(
      'invalid',
      `districtCode ${districtCode} is not a district of region ${regionCode} (it is a level-${unit.level} unit of region ${unit.region_code})`,
      { field: 'districtCode' },
    )
  }
}

/** The contractor must be a registered organisation; the BIN's checksum is checked first. */
async function findContractor(db: Db, bin: string | null): Promise<{ bin: string; name: string } | null> {
  if (bin === null) return null
  const check = checkIdentifier(bin, 'BIN')
  if (!check.ok) throw new AppError('invalid', `contractorBin: ${check.reason}`, { field: 'contractorBin' })
  try {
    const organisation = await getOrganisation(db, bin)
    return { bin: organisation.bin, name: organisation.name }
  } catch (error) {
    if (error instanceof AppError && error.code === 'not_found') {
      throw new AppError(
        'invalid',
        `contractorBin ${bin} is not a registered organisation; register it before naming it contractor`,
        { field: 'contractorBin' },
      )
    }
    throw error
  }
}

async function checkProgramme(db: Conn, id: number): Promise<void> {
  if ((await repo.findProgramme(db, id)) === undefined) {
    throw new AppError('invalid', `programmeId ${id} is not a national programme`, { field: 'programmeId' })
  }
}

const toProgramme = (r: { id: number; code: string; name: string; description: string }): NationalProgramme => ({
  id: r.id,
  code: r.code,
  name: r.name,
  description: r.description,
})

export async function listNationalProgrammes(db: Db): Promise<NationalProgramme[]> {
  return (await repo.listProgrammes(db)).map(toProgramme)
}

export async function createNationalProgramme(db: Db, input: NewNationalProgramme): Promise<NationalProgramme> {
  if ((await repo.findProgrammeByCode(db, input.code)) !== undefined) {
    throw new AppError('conflict', `a national programme with code ${input.code} exists`, { field: 'code' })
  }
  return toProgramme(await repo.insertProgramme(db, input))
}

/** With type coercion on, a JSON null in a string-or-null field arrives as ""; both mean "none". */
const blankToNull = (value: string | null | undefined) =>
  value === undefined || value === null || value === '' ? null : value

export async function createProject(db: Db, who: Principal, input: NewProject): Promise<ProjectDetail> {
  const districtCode = blankToNull(input.districtCode)
  const contractorBin = blankToNull(input.contractorBin)
  const plannedJobs = input.plannedJobs ?? []
  await checkPlace(db, input.regionCode, districtCode)
  requireEditor(who, input.regionCode)
  await checkProgramme(db, input.programmeId)
  checkDates(input.startsOn, input.endsOn)
  checkPlannedJobs(plannedJobs, input.startsOn, input.endsOn)
  checkContractorForState(input.tenderState, contractorBin)
  const contractor = await findContractor(db, contractorBin)
  const id = await db.transaction().execute(async (trx) => {
    await repo.lockCounts(trx)
    const row = await repo.insertProject(trx, {
      programme_id: input.programmeId,
      title: input.title.trim(),
      region_code: input.regionCode,
      district_code: districtCode,
      sector: input.sector,
      investment: input.investment,
      tender_state: input.tenderState,
      contractor_bin: contractor?.bin ?? null,
      contractor_name: contractor?.name ?? null,
      starts_on: input.startsOn,
      ends_on: input.endsOn,
    })
    await repo.replacePlannedJobs(trx, row.id, plannedJobs)
    // The map's regional roll-up is recounted with the change: a new project is on the map at once.
    await repo.recountRegions(trx, [row.region_code])
    return row.id
  })
  return readProject(db, who, id)
}

export async function editProject(db: Db, who: Principal, id: number, patch: ProjectPatch): Promise<ProjectDetail> {
  const contractor =
    patch.contractorBin === undefined ? undefined : await findContractor(db, blankToNull(patch.contractorBin))
  if (patch.programmeId !== undefined) await checkProgramme(db, patch.programmeId)
  await db.transaction().execute(async (trx) => {
    await repo.lockCounts(trx)
    const current = await repo.lockProject(trx, id)
    if (current === undefined || !canRead(who, current)) throw new AppError('not_found', `no project ${id}`)
    requireEditor(who, current.region_code)
    const regionCode = patch.regionCode ?? current.region_code
    // Moving a project to another region is the other region's manager's decision: only admins do it.
    if (regionCode !== current.region_code) requireEditor(who, regionCode)
    const districtCode =
      patch.districtCode !== undefined
        ? blankToNull(patch.districtCode)
        : regionCode === current.region_code
          ? current.district_code
          : null
    await checkPlace(trx, regionCode, districtCode)
    const startsOn = patch.startsOn ?? current.starts_on
    const endsOn = patch.endsOn ?? current.ends_on
    checkDates(startsOn, endsOn)
    const tenderState = patch.tenderState ?? current.tender_state
    const contractorBin = contractor === undefined ? current.contractor_bin : (contractor?.bin ?? null)
    checkContractorForState(tenderState, contractorBin)
    const plannedJobs =
      patch.plannedJobs ??
      (await repo.listPlannedJobs(trx, [id])).map((r) => ({
        year: r.year,
        permanent: r.permanent,
        temporary: r.temporary,
      }))
    checkPlannedJobs(plannedJobs, startsOn, endsOn)
    await repo.updateProject(trx, id, {
      ...(patch.programmeId !== undefined && { programme_id: patch.programmeId }),
      ...(patch.title !== undefined && { title: patch.title.trim() }),
      region_code: regionCode,
      district_code: districtCode,
      ...(patch.sector !== undefined && { sector: patch.sector }),
      ...(patch.investment !== undefined && { investment: patch.investment }),
      tender_state: tenderState,
      ...(contractor !== undefined && {
        contractor_bin: contractor?.bin ?? null,
        contractor_name: contractor?.name ?? null,
      }),
      starts_on: startsOn,
      ends_on: endsOn,
    })
    if (patch.plannedJobs !== undefined) await repo.replacePlannedJobs(trx, id, patch.plannedJobs)
    await repo.recountRegions(trx, [current.region_code, regionCode])
  })
  return readProject(db, who, id)
}

const iso = (d: Date | null) => (d === null ? null : new Date(d).toISOString())

function toSummary(r: repo.ProjectListRow): ProjectSummary {
  return {
    id: r.id,
    programmeId: r.programme_id,
    programmeName: r.programme_name,
    title: r.title,
    regionCode: r.region_code,
    districtCode: r.district_code,
    sector: r.sector as ProjectSummary['sector'],
    investment: Number(r.investment),
    tenderState: r.tender_state,
    contractorBin: r.contractor_bin,
    contractorName: r.contractor_name,
    startsOn: r.starts_on,
    endsOn: r.ends_on,
    plannedPermanent: r.planned_permanent,
    plannedTemporary: r.planned_temporary,
    vacancies: r.vacancies,
    positions: r.positions,
    hires: r.hires,
    createdPermanent: r.created_permanent,
    createdTemporary: r.created_temporary,
  }
}

function toProjectVacancy(r: repo.ProjectVacancyRow): ProjectVacancy {
  return {
    projectId: r.project_id,
    vacancyId: r.vacancy_id,
    title: r.title,
    occupationCode: r.occupation_code,
    employmentType: r.employment_type,
    state: r.state,
    positions: r.positions,
    applications: r.applications,
    hires: r.hires,
    publishedAt: iso(r.published_at),
    linkedAt: new Date(r.linked_at).toISOString(),
  }
}

export async function listProjects(
  db: Db,
  who: Principal,
  query: Omit<ProjectQuery, 'format'>,
): Promise<ProjectSummary[]> {
  const filter: repo.ProjectFilter = {
    regionCode: who.role === 'employer' ? undefined : (readScope(who, query.region) ?? undefined),
    programmeId: query.programme,
    tenderState: query.state,
    sector: query.sector,
    needsContractor: query.action === 'needs_contractor',
    noVacancies: query.action === 'no_vacancies',
    q: query.q,
  }
  if (who.role === 'employer') {
    if (who.bin === null) throw new AppError('forbidden', 'this employer account has no organisation')
    filter.contractorBin = who.bin
    filter.regionCode = query.region
  }
  const rows = await repo.listProjects(db, filter, query.year ?? thisYear(), LIST_LIMIT)
  return rows.map(toSummary)
}

export async function readProject(db: Db, who: Principal, id: number, year = thisYear()): Promise<ProjectDetail> {
  await requireProject(db, id, who)
  const [row] = await repo.listProjects(db, { id }, year, 1)
  if (row === undefined) throw new AppError('not_found', `no project ${id}`)
  const [planned, vacancies] = await Promise.all([repo.listPlannedJobs(db, [id]), repo.listProjectVacancies(db, [id])])
  return {
    ...toSummary(row),
    plannedJobs: planned.map((r) => ({ year: r.year, permanent: r.permanent, temporary: r.temporary })),
    vacancyList: vacancies.map(toProjectVacancy),
  }
}

export async function listVacanciesOfProject(db: Db, who: Principal, id: number): Promise<ProjectVacancy[]> {
  await requireProject(db, id, who)
  return (await repo.listProjectVacancies(db, [id])).map(toProjectVacancy)
}

/**
 * The contractor attaches one of its own exchange vacancies to the project, so its hires count as the project's
 * jobs. A vacancy belongs to at most one project; attaching it again to the same project changes nothing.
 */
export async function attachVacancy(
  db: Db,
  who: Principal,
  projectId: number,
  vacancyId: number,
): Promise<ProjectVacancy> {
  if (who.role !== 'employer' || who.bin === null) {
    throw new AppError('forbidden', `role ${who.role} cannot attach vacancies; the project's contractor does`)
  }
  const project = await repo.findProject(db, projectId)
  if (project === undefined) throw new AppError('not_found', `no project ${projectId}`)
  if (project.contractor_bin !== who.bin) {
    throw new AppError(
      'forbidden',
      project.contractor_bin === null
        ? `project ${projectId} has no contractor yet (it is in tender); only its contractor attaches vacancies`
        : `project ${projectId}'s contractor is BIN ${project.contractor_bin}, not yours (${who.bin})`,
    )
  }
  const vacancy = await repo.findVacancyFacts(db, vacancyId)
  if (vacancy === undefined) {
    throw new AppError('invalid', `vacancyId ${vacancyId} is not an exchange vacancy`, { field: 'vacancyId' })
  }
  if (vacancy.employer_bin !== project.contractor_bin) {
    throw new AppError(
      'invalid',
      `vacancy ${vacancyId} belongs to another employer (BIN ${vacancy.employer_bin}); only the contractor's own vacancies count for project ${projectId}`,
      { field: 'vacancyId' },
    )
  }
  // The link, the exchange's copy of it (search, the vacancy page, the feed) and its project's recount commit
  // together, so every reader sees the vacancy in the project from the same moment.
  await db.transaction().execute(async (trx) => {
    await repo.lockCounts(trx)
    const inserted = await repo.insertVacancyLink(trx, {
      vacancy_id: vacancyId,
      project_id: projectId,
      linked_by: who.accountId,
    })
    if (inserted === undefined) {
      const existing = await repo.findVacancyLink(trx, vacancyId)
      if (existing !== undefined && existing.project_id !== projectId) {
        throw new AppError('conflict', `vacancy ${vacancyId} is already attached to project ${existing.project_id}`, {
          field: 'vacancyId',
        })
      }
      return
    }
    await setVacancyProject(trx, vacancyId, projectId)
    await repo.recountProjects(trx, [projectId])
  })
  const [row] = (await repo.listProjectVacancies(db, [projectId])).filter((r) => r.vacancy_id === vacancyId)
  if (row === undefined) throw new AppError('not_found', `no vacancy ${vacancyId}`)
  return toProjectVacancy(row)
}

export async function detachVacancy(db: Db, who: Principal, projectId: number, vacancyId: number): Promise<void> {
  const project = await repo.findProject(db, projectId)
  if (project === undefined) throw new AppError('not_found', `no project ${projectId}`)
  if (who.role !== 'employer' || who.bin === null || project.contractor_bin !== who.bin) {
    throw new AppError('forbidden', `only project ${projectId}'s contractor detaches its vacancies`)
  }
  await db.transaction().execute(async (trx) => {
    await repo.lockCounts(trx)
    const result = await repo.deleteVacancyLink(trx, projectId, vacancyId)
    if (Number(result.numDeletedRows) === 0) {
      throw new AppError('not_found', `vacancy ${vacancyId} is not attached to project ${projectId}`)
    }
    await setVacancyProject(trx, vacancyId, null)
    await repo.recountProjects(trx, [projectId])
  })
}

/**
 * The job `projects-counts`: recounts every project's vacancies, hires and jobs created from the exchange's
 * published views, writing only the counts that changed. Hires, and vacancies published, edited or closed, reach
 * the map and the project lists through it; links and unlinks are recounted at once by attach/detach.
 */
export function recountProjectCounts(db: Db): Promise<number> {
  return db.transaction().execute((trx) => repo.recountProjects(trx))
}

function toRegionJobs(r: Omit<repo.RegionJobsRow, 'region_code'>) {
  const planned = r.planned_permanent + r.planned_temporary
  const created = r.created_permanent + r.created_temporary
  return {
    projects: r.projects,
    inTender: r.in_tender,
    plannedPermanent: r.planned_permanent,
    plannedTemporary: r.planned_temporary,
    planned,
    vacancies: r.vacancies,
    hires: r.hires,
    createdPermanent: r.created_permanent,
    createdTemporary: r.created_temporary,
    created,
    percent: percentOf(created, planned),
  }
}

/** The job-creation map: by region, this year's planned jobs against jobs created, counted from the exchange. */
export async function readJobMap(db: Db, who: Principal, year = thisYear()): Promise<JobMap> {
  const scope = readScope(who, undefined)
  const [all, countedAt] = await Promise.all([repo.jobsByRegion(db, year), repo.countedAt(db, 'projects')])
  const rows = all.filter((r) => scope === null || r.region_code === scope)
  const regions: RegionJobs[] = rows.map((r) => ({ regionCode: r.region_code, ...toRegionJobs(r) }))
  const sum = (k: keyof Omit<repo.RegionJobsRow, 'region_code'>) => rows.reduce((n, r) => n + r[k], 0)
  const total = toRegionJobs({
    projects: sum('projects'),
    in_tender: sum('in_tender'),
    planned_permanent: sum('planned_permanent'),
    planned_temporary: sum('planned_temporary'),
    vacancies: sum('vacancies'),
    hires: sum('hires'),
    created_permanent: sum('created_permanent'),
    created_temporary: sum('created_temporary'),
  })
  return { year, countedAt: iso(countedAt), regions, total }
}

/**
 * Drill-down from the map: a page of the region's projects, each with its vacancies and their counts
 * (`page: 'all'` for downloads: every project, without the vacancy lists).
 */
export async function readRegionProjects(
  db: Db,
  who: Principal,
  regionCode: string,
  year = thisYear(),
  page: { offset?: number | undefined; limit?: number | undefined } | 'all' = {},
): Promise<RegionDrillDown> {
  const scope = readScope(who, regionCode)
  const filter = { regionCode: scope ?? regionCode }
  const offset = page === 'all' ? 0 : (page.offset ?? 0)
  const limit = page === 'all' ? LIST_LIMIT : (page.limit ?? DRILL_DOWN_PAGE)
  // Read-only, so read together (one round trip under load, not four) and check the region after.
  const [region, rows, total, countedAt] = await Promise.all([
    findRegion(db, regionCode),
    repo.listProjects(db, filter, year, limit, offset),
    repo.countProjects(db, filter),
    repo.countedAt(db, 'projects'),
  ])
  if (region === undefined) throw new AppError('not_found', `region ${regionCode} is not a known region`)
  const projects = rows.map(toSummary)
  const vacancies =
    page === 'all'
      ? []
      : await repo.listProjectVacancies(
          db,
          projects.map((p) => p.id),
        )
  const byProject = new Map<number, ProjectVacancy[]>()
  for (const v of vacancies.map(toProjectVacancy))
    byProject.set(v.projectId, [...(byProject.get(v.projectId) ?? []), v])
  return {
    year,
    regionCode,
    countedAt: iso(countedAt),
    total,
    offset,
    limit,
    projects: projects.map((p) => ({ ...p, vacancyList: byProject.get(p.id) ?? [] })),
  }
}
