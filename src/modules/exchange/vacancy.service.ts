import type { Selectable } from 'kysely'
import type { Conn, Db } from '../../db/client.js'
import type { Principal } from '../../shared/auth.js'
import { AppError } from '../../shared/errors.js'
import { getOrganisation } from '../identity/index.js'
import { findKato, findOccupation } from '../reference/index.js'
import type { VacancyTable } from './exchange.tables.js'
import * as repo from './vacancy.repository.js'
import type {
  NewVacancy,
  OwnVacancy,
  Requirements,
  Vacancy,
  VacancyPatch,
  VacancyWithChecks,
} from './vacancy.schema.js'
import { findExcludingWording } from './wording.js'

type VacancyRow = Selectable<VacancyTable>

const DEFAULT_WINDOW_DAYS = 30
const MAX_WINDOW_DAYS = 180
const DAY_MS = 86_400_000

const iso = (d: Date | null) => (d === null ? null : new Date(d).toISOString())

export function toVacancy(row: VacancyRow): Vacancy {
  return {
    id: row.id,
    employerBin: row.employer_bin,
    employerName: row.employer_name,
    title: row.title,
    occupationCode: row.occupation_code,
    description: row.description,
    requirements: {
      educationLevel: row.education_level,
      experienceYears: row.experience_years,
      skills: row.skills,
      languages: row.languages,
      drivingLicence: row.driving_licence,
    },
    wageMin: row.wage_min,
    wageMax: row.wage_max,
    employmentType: row.employment_type,
    schedule: row.schedule,
    katoCode: row.kato_code,
    regionCode: row.region_code,
    districtCode: row.district_code,
    positions: row.positions,
    positionsFilled: row.positions_filled,
    projectId: row.project_id,
    fairId: row.fair_id,
    programCode: row.program_code,
    state: row.state,
    publishedAt: iso(row.published_at),
    expiresAt: iso(row.expires_at),
    closedAt: iso(row.closed_at),
    createdAt: new Date(row.created_at).toISOString(),
    updatedAt: new Date(row.updated_at).toISOString(),
  }
}

/** Open to the public: published and inside its publication window (the expiry job may not have run yet). */
export function isOpen(row: Pick<VacancyRow, 'state' | 'expires_at'>, now = new Date()): boolean {
  return row.state === 'published' && row.expires_at !== null && new Date(row.expires_at) > now
}

export function requireEmployerBin(principal: Principal): string {
  if (principal.role !== 'employer' || principal.bin === null) {
    throw new AppError('forbidden', `role ${principal.role} cannot manage vacancies; sign in as an employer`)
  }
  return principal.bin
}

function requireOwner(row: VacancyRow | undefined, id: number, bin: string): VacancyRow {
  if (row === undefined) throw new AppError('not_found', `no vacancy ${id}`)
  if (row.employer_bin !== bin) throw new AppError('forbidden', `vacancy ${id} belongs to another employer`)
  return row
}

function checkWages(wageMin: number, wageMax: number): void {
  if (wageMin > wageMax) {
    throw new AppError('invalid', `wage_min ${wageMin} is above wage_max ${wageMax}`, { field: 'wageMin' })
  }
}

async function checkOccupation(db: Conn, code: string): Promise<void> {
  if ((await findOccupation(db, code)) === undefined) {
    throw new AppError('invalid', `occupation code ${code} is not in ISCO-08`, { field: 'occupationCode' })
  }
}

/** The region and district (level-2 KATO ancestor) of a workplace, from the KATO tree. */
async function placeOf(db: Conn, katoCode: string): Promise<{ regionCode: string; districtCode: string | null }> {
  let unit = await findKato(db, katoCode)
  if (unit === undefined) throw new AppError('invalid', `KATO code ${katoCode} is not known`, { field: 'katoCode' })
  const regionCode = unit.region_code
  while (unit !== undefined && unit.level > 2 && unit.parent_code !== null) {
    unit = await findKato(db, unit.parent_code)
  }
  return { regionCode, districtCode: unit !== undefined && unit.level === 2 ? unit.code : null }
}

function checkExpiry(expiresAt: string | null | undefined, now = new Date()): Date | null {
  if (expiresAt === null || expiresAt === undefined) return null
  const at = new Date(expiresAt)
  if (at <= now) throw new AppError('invalid', `expiresAt ${expiresAt} is in the past`, { field: 'expiresAt' })
  if (at.getTime() - now.getTime() > MAX_WINDOW_DAYS * DAY_MS) {
    throw new AppError('invalid', `expiresAt ${expiresAt} is more than ${MAX_WINDOW_DAYS} days away`, {
      field: 'expiresAt',
    })
  }
  return at
}

/**
 * Refuses wording that excludes people by age, sex or ethnicity, unless the vacancy belongs to a fair or a
 * programme aimed at that group (youth practice may say "до 29 лет").
 */
function checkWording(row: Pick<VacancyRow, 'title' | 'description' | 'skills' | 'fair_id' | 'program_code'>): void {
  const flags = wordingFlagsOf(row)
  if (flags.length === 0) return
  const list = flags.map((f) => `"${f.phrase}"`).join(', ')
  throw new AppError(
    'invalid',
    `the vacancy's wording excludes people by ${[...new Set(flags.map((f) => f.category))].join(', ')}: ${list}; rephrase it, or link the vacancy to a fair or programme aimed at that group`,
    { field: 'description', phrases: flags },
  )
}

/**
 * The vacancy API no longer takes projectId: the project is the projects module's link, made by the project's
 * contractor, so a field anyone could type is refused by name rather than silently ignored.
 */
function refuseProjectId(input: object): void {
  if ('projectId' in input) {
    throw new AppError(
      'invalid',
      "projectId cannot be set on a vacancy; the project's contractor attaches it with POST /api/projects/{id}/vacancies",
      { field: 'projectId' },
    )
  }
}

const requirementColumns = (r: Partial<Requirements>) => ({
  ...(r.educationLevel !== undefined && { education_level: r.educationLevel }),
  ...(r.experienceYears !== undefined && { experience_years: r.experienceYears }),
  ...(r.skills !== undefined && { skills: r.skills }),
  ...(r.languages !== undefined && { languages: JSON.stringify(r.languages) }),
  ...(r.drivingLicence !== undefined && { driving_licence: r.drivingLicence }),
})

async function withDuplicates(db: Conn, row: VacancyRow): Promise<VacancyWithChecks> {
  const duplicateOf = await repo.findLikelyDuplicates(db, {
    id: row.id,
    employerBin: row.employer_bin,
    occupationCode: row.occupation_code,
    katoCode: row.kato_code,
    title: row.title,
  })
  return { ...toVacancy(row), duplicateOf, wordingFlags: wordingFlagsOf(row) }
}

/** The excluding phrases a vacancy carries; none count for a vacancy of a fair or programme aimed at a group. */
function wordingFlagsOf(row: Pick<VacancyRow, 'title' | 'description' | 'skills' | 'fair_id' | 'program_code'>) {
  if (row.fair_id !== null || row.program_code !== null) return []
  return findExcludingWording(row.title, row.description, row.skills.join('\n'))
}

/** A new vacancy starts as a draft; a likely duplicate is reported, not refused (re-posting may be deliberate). */
export async function createVacancy(db: Db, employer: Principal, input: NewVacancy): Promise<VacancyWithChecks> {
  const bin = requireEmployerBin(employer)
  refuseProjectId(input)
  checkWages(input.wageMin, input.wageMax)
  await checkOccupation(db, input.occupationCode)
  const place = await placeOf(db, input.katoCode)
  const expiresAt = checkExpiry(input.expiresAt)
  const organisation = await getOrganisation(db, bin)
  const row = await repo.insertVacancy(db, {
    employer_bin: bin,
    employer_name: organisation.name,
    title: input.title.trim(),
    occupation_code: input.occupationCode,
    description: input.description,
    ...requirementColumns(input.requirements ?? {}),
    wage_min: input.wageMin,
    wage_max: input.wageMax,
    employment_type: input.employmentType,
    ...(input.schedule !== undefined && { schedule: input.schedule }),
    kato_code: input.katoCode,
    region_code: place.regionCode,
    district_code: place.districtCode,
    positions: input.positions,
    fair_id: input.fairId ?? null,
    program_code: input.programCode ?? null,
    expires_at: expiresAt,
  })
  return withDuplicates(db, row)
}

/** Edits a draft or a published vacancy; a published one is checked again as at publication. */
export async function editVacancy(db: Db, employer: Principal, id: number, patch: VacancyPatch) {
  const bin = requireEmployerBin(employer)
  refuseProjectId(patch)
  if (patch.occupationCode !== undefined) await checkOccupation(db, patch.occupationCode)
  const place = patch.katoCode === undefined ? undefined : await placeOf(db, patch.katoCode)
  const expiresAt = patch.expiresAt === undefined ? undefined : checkExpiry(patch.expiresAt)
  const row = await db.transaction().execute(async (trx) => {
    const current = requireOwner(await repo.lockVacancy(trx, id), id, bin)
    if (current.state !== 'draft' && current.state !== 'published') {
      throw new AppError(
        'conflict',
        `vacancy ${id} is ${current.state}; only a draft or a published vacancy can be edited`,
      )
    }
    checkWages(patch.wageMin ?? current.wage_min, patch.wageMax ?? current.wage_max)
    if (patch.positions !== undefined && patch.positions < current.positions_filled) {
      throw new AppError(
        'conflict',
        `positions ${patch.positions} is below the ${current.positions_filled} already filled on vacancy ${id}`,
        { field: 'positions' },
      )
    }
    if (current.state === 'published' && patch.expiresAt === null) {
      throw new AppError('invalid', `a published vacancy needs expiresAt; close it instead`, { field: 'expiresAt' })
    }
    const changes = {
      ...(patch.title !== undefined && { title: patch.title.trim() }),
      ...(patch.occupationCode !== undefined && { occupation_code: patch.occupationCode }),
      ...(patch.description !== undefined && { description: patch.description }),
      ...requirementColumns(patch.requirements ?? {}),
      ...(patch.wageMin !== undefined && { wage_min: patch.wageMin }),
      ...(patch.wageMax !== undefined && { wage_max: patch.wageMax }),
      ...(patch.employmentType !== undefined && { employment_type: patch.employmentType }),
      ...(patch.schedule !== undefined && { schedule: patch.schedule }),
      ...(place !== undefined && {
        kato_code: patch.katoCode,
        region_code: place.regionCode,
        district_code: place.districtCode,
      }),
      ...(patch.positions !== undefined && { positions: patch.positions }),
      ...(patch.fairId !== undefined && { fair_id: patch.fairId }),
      ...(patch.programCode !== undefined && { program_code: patch.programCode }),
      ...(expiresAt !== undefined && { expires_at: expiresAt }),
    }
    if (current.state === 'published') {
      checkWording({
        title: changes.title ?? current.title,
        description: changes.description ?? current.description,
        skills: changes.skills ?? current.skills,
        fair_id: changes.fair_id !== undefined ? changes.fair_id : current.fair_id,
        program_code: changes.program_code !== undefined ? changes.program_code : current.program_code,
      })
    }
    return repo.updateVacancy(trx, id, changes)
  })
  return withDuplicates(db, row)
}

/** Publishes a draft for its window (default 30 days), after the wording check. */
export async function publishVacancy(db: Db, employer: Principal, id: number): Promise<VacancyWithChecks> {
  const bin = requireEmployerBin(employer)
  const row = await db.transaction().execute(async (trx) => {
    const current = requireOwner(await repo.lockVacancy(trx, id), id, bin)
    if (current.state !== 'draft') {
      throw new AppError('conflict', `vacancy ${id} is ${current.state}; only a draft can be published`)
    }
    checkWording(current)
    const now = new Date()
    const expiresAt =
      current.expires_at !== null && new Date(current.expires_at) > now
        ? current.expires_at
        : new Date(now.getTime() + DEFAULT_WINDOW_DAYS * DAY_MS)
    return repo.updateVacancy(trx, id, { state: 'published', published_at: now, expires_at: expiresAt })
  })
  return withDuplicates(db, row)
}

/** Closes a draft or a published vacancy: it leaves search, applications in progress go on. */
export async function closeVacancy(db: Db, employer: Principal, id: number): Promise<Vacancy> {
  const bin = requireEmployerBin(employer)
  return db.transaction().execute(async (trx) => {
    const current = requireOwner(await repo.lockVacancy(trx, id), id, bin)
    if (current.state !== 'draft' && current.state !== 'published') {
      throw new AppError('conflict', `vacancy ${id} is already ${current.state}`)
    }
    return toVacancy(await repo.updateVacancy(trx, id, { state: 'closed', closed_at: new Date() }))
  })
}

/**
 * Records the national project a vacancy is attached to (null: none). Only the projects module calls it, inside the
 * transaction that writes its link (projects.project_vacancies), after checking its rule that the project's
 * contractor attaches its own vacancy; the exchange keeps the copy its search, pages and feed read. A change stamps
 * updated_at as every vacancy edit does, so the search index, the change feed and the public page follow it.
 * Returns whether anything changed.
 */
export async function setVacancyProject(trx: Conn, vacancyId: number, projectId: number | null): Promise<boolean> {
  const current = await repo.lockVacancy(trx, vacancyId)
  if (current === undefined) throw new AppError('not_found', `no vacancy ${vacancyId}`)
  if (current.project_id === projectId) return false
  await repo.updateVacancy(trx, vacancyId, { project_id: projectId })
  return true
}

/** The public page of a vacancy: only open ones, except that its employer sees it in every state. */
export async function readVacancy(db: Db, viewer: Principal | null, id: number): Promise<Vacancy> {
  const row = await repo.findVacancy(db, id)
  const isOwner = row !== undefined && viewer?.role === 'employer' && viewer.bin === row.employer_bin
  if (row === undefined || (!isOpen(row) && !isOwner)) throw new AppError('not_found', `no published vacancy ${id}`)
  return toVacancy(row)
}

export async function listOwnVacancies(db: Db, employer: Principal): Promise<OwnVacancy[]> {
  const rows = await repo.listEmployerVacancies(db, requireEmployerBin(employer))
  const counts = await repo.countApplicants(
    db,
    rows.map((r) => r.id),
  )
  return rows.map((r) => ({ ...toVacancy(r), applicants: counts.get(r.id) ?? 0 }))
}

/**
 * The scheduled expiry (the worker runs it, e.g. every 10 minutes): published vacancies past their window become
 * expired. Safe to run twice or concurrently; search and applications already treat them as closed meanwhile.
 */
export async function expireVacancies(db: Db, now = new Date()): Promise<{ expired: number }> {
  return { expired: await repo.expirePublished(db, now) }
}
