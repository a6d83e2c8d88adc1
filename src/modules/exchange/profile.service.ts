import type { Selectable } from 'kysely'
import type { Conn, Db } from '../../db/client.js'
import type { Principal } from '../../shared/auth.js'
import { AppError } from '../../shared/errors.js'
import { authorizeStaffRead } from '../identity/index.js'
import { findKato, findOccupation, findRegion } from '../reference/index.js'
import * as applications from './application.repository.js'
import type { ProfileTable, VacancyTable } from './exchange.tables.js'
import { type Match, scoreMatch } from './match.js'
import * as repo from './profile.repository.js'
import type { ApplicantProfile, Profile, ProfileInput, StaffProfile } from './profile.schema.js'
import { requireEmployerBin } from './vacancy.service.js'

export type ProfileRow = Selectable<ProfileTable>

export const PROFILE_AUDIT_ACTION = 'exchange.profile.read'

export function toProfile(row: ProfileRow): Profile {
  return {
    education: row.education,
    experience: row.experience,
    skills: row.skills,
    languages: row.languages,
    desiredOccupations: row.desired_occupations,
    desiredWage: row.desired_wage,
    regionCode: row.region_code,
    districtCode: row.district_code,
    willingToRelocate: row.willing_to_relocate,
    visibility: row.visibility,
    updatedAt: new Date(row.updated_at).toISOString(),
  }
}

export function requireSeekerIin(principal: Principal): string {
  if (principal.role !== 'citizen' || principal.iin === null) {
    throw new AppError('forbidden', `role ${principal.role} has no seeker profile; sign in as a citizen`)
  }
  return principal.iin
}

/*
 * Who sees a profile besides its seeker: `private` nobody; `officers` staff (officer, manager) of the person's
 * region or district, and national admins, each read audited; `employers` those staff too, plus the employer of a
 * vacancy the seeker applied to, through that application only (never by search, never with the IIN).
 */
export const isSharedWithEmployers = (row: Pick<ProfileRow, 'visibility'>) => row.visibility === 'employers'
const isSharedWithOfficers = (row: Pick<ProfileRow, 'visibility'>) => row.visibility !== 'private'

/** Same word, different case or spacing, is one skill: the first spelling is kept. */
function uniqueSkills(skills: readonly string[]): string[] {
  const seen = new Map<string, string>()
  for (const s of skills) {
    const text = s.trim().replaceAll(/\s+/g, ' ')
    const key = text.toLowerCase().replaceAll('ё', 'е')
    if (text !== '' && !seen.has(key)) seen.set(key, text)
  }
  return [...seen.values()]
}

async function checkOccupations(db: Conn, input: ProfileInput): Promise<void> {
  const uses = [
    ...(input.desiredOccupations ?? []).map((code, i) => ({ code, field: `desiredOccupations/${i}` })),
    ...(input.experience ?? []).map((e, i) => ({ code: e.occupationCode, field: `experience/${i}/occupationCode` })),
  ]
  const known = new Map<string, boolean>()
  for (const { code, field } of uses) {
    if (!known.has(code)) known.set(code, (await findOccupation(db, code)) !== undefined)
    if (!known.get(code))
      throw new AppError('invalid', `${field}: occupation code ${code} is not in ISCO-08`, { field })
  }
}

async function checkPlace(db: Conn, regionCode: string | null, districtCode: string | null): Promise<void> {
  if (regionCode !== null && (await findRegion(db, regionCode)) === undefined) {
    throw new AppError('invalid', `region ${regionCode} is not known`, { field: 'regionCode' })
  }
  if (districtCode === null) return
  if (regionCode === null) {
    throw new AppError('invalid', `districtCode ${districtCode} needs its regionCode`, { field: 'regionCode' })
  }
  const unit = await findKato(db, districtCode)
  if (unit === undefined || unit.level !== 2 || unit.region_code !== regionCode) {
    throw new AppError('invalid', `districtCode ${districtCode} is not a district or city of region ${regionCode}`, {
      field: 'districtCode',
    })
  }
}

function checkDates(input: ProfileInput, today = new Date().toISOString().slice(0, 10)): void {
  for (const [i, e] of (input.experience ?? []).entries()) {
    if (e.from > today) {
      throw new AppError('invalid', `experience/${i}: from ${e.from} is in the future`, {
        field: `experience/${i}/from`,
      })
    }
    if (e.to !== null && e.to < e.from) {
      throw new AppError('invalid', `experience/${i}: to ${e.to} is before from ${e.from}`, {
        field: `experience/${i}/to`,
      })
    }
  }
  if (input.desiredWage === 0) {
    throw new AppError('invalid', 'desiredWage must be above 0; send null for no expectation', { field: 'desiredWage' })
  }
  const langs = (input.languages ?? []).map((l) => l.lang)
  const twice = langs.find((l, i) => langs.indexOf(l) !== i)
  if (twice !== undefined) throw new AppError('invalid', `language ${twice} is listed twice`, { field: 'languages' })
}

export async function getMyProfile(db: Db, citizen: Principal): Promise<Profile> {
  const row = await repo.findProfile(db, requireSeekerIin(citizen))
  if (row === undefined) throw new AppError('not_found', 'you have no profile yet; PUT /api/me/profile creates it')
  return toProfile(row)
}

/** The seeker writes the whole profile; every code is checked against the reference data. */
export async function saveMyProfile(db: Db, citizen: Principal, input: ProfileInput): Promise<Profile> {
  const iin = requireSeekerIin(citizen)
  checkDates(input)
  await checkOccupations(db, input)
  await checkPlace(db, input.regionCode ?? null, input.districtCode ?? null)
  const row = await repo.upsertProfile(db, {
    seeker_iin: iin,
    education: JSON.stringify(input.education ?? []),
    experience: JSON.stringify(input.experience ?? []),
    skills: uniqueSkills(input.skills ?? []),
    languages: JSON.stringify(input.languages ?? []),
    desired_occupations: [...new Set(input.desiredOccupations ?? [])],
    desired_wage: input.desiredWage ?? null,
    region_code: input.regionCode ?? null,
    district_code: input.districtCode ?? null,
    willing_to_relocate: input.willingToRelocate ?? false,
    visibility: input.visibility,
  })
  return toProfile(row)
}

/**
 * A staff read of a seeker's profile. The scope check and the audit entry come first (identity's gate), so an
 * officer outside the region learns nothing, not even whether a profile exists, and every attempt is on record.
 */
export async function readProfileAsStaff(
  db: Db,
  staff: Principal,
  iin: string,
  purpose: string,
): Promise<StaffProfile> {
  const person = await authorizeStaffRead(db, staff, iin, purpose, PROFILE_AUDIT_ACTION)
  const row = await repo.findProfile(db, person.iin)
  if (row === undefined) throw new AppError('not_found', `person ${person.iin} has no seeker profile`)
  if (!isSharedWithOfficers(row)) throw new AppError('forbidden', `person ${person.iin} keeps the profile private`)
  const name = [person.givenName, person.surname].join(' ')
  return { iin: person.iin, name, profile: toProfile(row) }
}

/** An employer reads an applicant's profile through the application to their own vacancy; never the IIN. */
export async function readApplicantProfile(
  db: Db,
  employer: Principal,
  applicationId: number,
): Promise<ApplicantProfile> {
  const bin = requireEmployerBin(employer)
  const application = await applications.findApplication(db, applicationId)
  if (application === undefined) throw new AppError('not_found', `no application ${applicationId}`)
  if (application.employer_bin !== bin) throw new AppError('forbidden', `application ${applicationId} is not yours`)
  const row = await repo.findProfile(db, application.seeker_iin)
  if (row === undefined) throw new AppError('not_found', `the seeker of application ${applicationId} has no profile`)
  if (!isSharedWithEmployers(row)) {
    throw new AppError(
      'forbidden',
      `the seeker of application ${applicationId} does not share the profile with employers`,
    )
  }
  return { applicationId, seekerName: application.seeker_name, profile: toProfile(row) }
}

/**
 * The match score of each seeker for the vacancy, keyed by IIN: null when the seeker has no profile or does not
 * share it with employers (the parts' reasons would reveal it).
 */
export async function scoreSeekers(
  db: Conn,
  vacancy: Selectable<VacancyTable>,
  seekerIins: readonly string[],
  asOf = new Date(),
): Promise<Map<string, Match | null>> {
  const rows = await repo.listProfiles(db, [...new Set(seekerIins)])
  const profiles = new Map(rows.map((r) => [r.seeker_iin, r]))
  const target = {
    occupationCode: vacancy.occupation_code,
    skills: vacancy.skills,
    experienceYears: vacancy.experience_years,
    regionCode: vacancy.region_code,
    districtCode: vacancy.district_code,
    employmentType: vacancy.employment_type,
    wageMin: vacancy.wage_min,
    wageMax: vacancy.wage_max,
  }
  return new Map(
    seekerIins.map((iin) => {
      const p = profiles.get(iin)
      if (p === undefined || !isSharedWithEmployers(p)) return [iin, null]
      const seeker = {
        desiredOccupations: p.desired_occupations,
        experience: p.experience,
        skills: p.skills,
        desiredWage: p.desired_wage,
        regionCode: p.region_code,
        districtCode: p.district_code,
        willingToRelocate: p.willing_to_relocate,
      }
      return [iin, scoreMatch(seeker, target, asOf)]
    }),
  )
}
