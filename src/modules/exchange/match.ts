import type { EmploymentType } from './exchange.tables.js'
import type { Match, MatchPart } from './match.schema.js'

/**
 * The explainable match score of a seeker for a vacancy: 0–100, the sum of five parts, each with its points,
 * its maximum and a reason a person can check — in English words (`reason`) and as a code with its parameters
 * (`reasonCode`, `reasonParams`) that the web words in the reader's language. Pure: the caller loads the profile
 * and the vacancy.
 */

export type { Match, MatchPart }
export type MatchPartName = MatchPart['part']

export interface MatchSeeker {
  desiredOccupations: readonly string[]
  experience: readonly { occupationCode: string; title: string; from: string; to: string | null }[]
  skills: readonly string[]
  desiredWage: number | null
  regionCode: string | null
  districtCode: string | null
  willingToRelocate: boolean
}

export interface MatchVacancy {
  occupationCode: string
  skills: readonly string[]
  experienceYears: number
  regionCode: string
  districtCode: string | null
  employmentType: EmploymentType
  wageMin: number
  wageMax: number
}

/** Occupation weighs most: an employer shortlists by trade first. The weights add up to 100. */
export const MATCH_WEIGHTS: Readonly<Record<MatchPartName, number>> = {
  occupation: 35,
  skills: 25,
  experience: 15,
  region: 15,
  wage: 10,
}

// Points by the deepest ISCO-08 level two codes share: unit group (4 digits), minor (3), sub-major (2), major (1).
const OCCUPATION_POINTS = [0, 7, 15, 25, 35] as const
const LEVELS = {
  1: { code: 'major', name: 'major group' },
  2: { code: 'sub_major', name: 'sub-major group' },
  3: { code: 'minor', name: 'minor group' },
} as const
const REGION_POINTS = { district: 15, region: 11, relocate: 7 } as const
// A desired wage this far above the offered maximum (as a share of it) scores nothing.
const WAGE_TOLERANCE = 0.5
const DAY_MS = 86_400_000
const YEAR_DAYS = 365.25

const formatTenge = (n: number) => `${String(Math.round(n)).replace(/\B(?=(\d{3})+(?!\d))/g, ' ')} ₸`
const roundYears = (y: number) => Math.round(y * 10) / 10
const formatYears = (y: number) => {
  const rounded = roundYears(y)
  return `${rounded} year${rounded === 1 ? '' : 's'}`
}

/** How many leading ISCO levels two codes share; a code inside the other's group (7411 in 74) counts as the unit. */
export function sharedLevel(a: string, b: string): number {
  let n = 0
  while (n < a.length && n < b.length && a[n] === b[n]) n++
  return n > 0 && n === Math.min(a.length, b.length) ? 4 : n
}

function occupationPart(seeker: MatchSeeker, vacancy: MatchVacancy): MatchPart {
  const max = MATCH_WEIGHTS.occupation
  const part = 'occupation' as const
  const vacancyOccupation = vacancy.occupationCode
  const candidates = [
    ...seeker.desiredOccupations.map((code) => ({
      via: 'desired' as const,
      code,
      title: null,
      source: `desired occupation ${code}`,
    })),
    ...seeker.experience.map((e) => ({
      via: 'experience' as const,
      code: e.occupationCode,
      title: e.title,
      source: `experience as ${e.title} (${e.occupationCode})`,
    })),
  ]
  if (candidates.length === 0) {
    return {
      part,
      points: 0,
      max,
      reason: 'no desired occupation or experience in the profile',
      reasonCode: 'occupation_none',
      reasonParams: {},
    }
  }
  let best: { level: number; candidate: (typeof candidates)[number] } | undefined
  for (const candidate of candidates) {
    const level = sharedLevel(candidate.code, vacancyOccupation)
    if (best === undefined || level > best.level) best = { level, candidate }
  }
  if (best === undefined || best.level === 0) {
    const major = vacancyOccupation.slice(0, 1)
    return {
      part,
      points: 0,
      max,
      reason: `no desired occupation or experience in ISCO major group ${major} of the vacancy's ${vacancyOccupation}`,
      reasonCode: 'occupation_other_major',
      reasonParams: { major, vacancyOccupation },
    }
  }
  const points = Math.round((OCCUPATION_POINTS[best.level as 1 | 2 | 3 | 4] * max) / OCCUPATION_POINTS[4])
  const { via, code, title, source } = best.candidate
  const closest = { via, code, title, vacancyOccupation }
  if (best.level === 4) {
    return code === vacancyOccupation
      ? {
          part,
          points,
          max,
          reason: `${source} is the vacancy's occupation ${vacancyOccupation}`,
          reasonCode: 'occupation_same',
          reasonParams: closest,
        }
      : {
          part,
          points,
          max,
          reason: `${source} and the vacancy's ${vacancyOccupation} are one in the other's ISCO group`,
          reasonCode: 'occupation_nested',
          reasonParams: closest,
        }
  }
  const level = LEVELS[best.level as 1 | 2 | 3]
  const group = vacancyOccupation.slice(0, best.level)
  return {
    part,
    points,
    max,
    reason: `${source} is in the same ISCO ${level.name} ${group} as the vacancy's ${vacancyOccupation}`,
    reasonCode: 'occupation_shared_group',
    reasonParams: { ...closest, level: level.code, group },
  }
}

/** Skills compare case-insensitively, ignoring spacing and ё/е. */
export const normaliseSkill = (s: string) => s.trim().toLowerCase().replaceAll('ё', 'е').replaceAll(/\s+/g, ' ')

function skillsPart(seeker: MatchSeeker, vacancy: MatchVacancy): MatchPart {
  const max = MATCH_WEIGHTS.skills
  const unique = new Map<string, string>()
  for (const s of vacancy.skills) if (!unique.has(normaliseSkill(s))) unique.set(normaliseSkill(s), s.trim())
  const required = [...unique.entries()].filter(([key]) => key !== '')
  if (required.length === 0) {
    return {
      part: 'skills',
      points: max,
      max,
      reason: 'the vacancy asks for no particular skills',
      reasonCode: 'skills_none_required',
      reasonParams: {},
    }
  }
  const has = new Set(seeker.skills.map(normaliseSkill))
  const matched = required.filter(([key]) => has.has(key)).map(([, text]) => text)
  const missing = required.filter(([key]) => !has.has(key)).map(([, text]) => text)
  const points = Math.round((max * matched.length) / required.length)
  const reason = [
    `has ${matched.length} of ${required.length} required skill${required.length === 1 ? '' : 's'}`,
    matched.length > 0 ? `: ${matched.join(', ')}` : '',
    missing.length > 0 ? `; missing: ${missing.join(', ')}` : '',
  ].join('')
  return {
    part: 'skills',
    points,
    max,
    reason,
    reasonCode: 'skills_matched',
    reasonParams: { has: matched.length, required: required.length, matched, missing },
  }
}

/** Years covered by the jobs, overlapping periods counted once; a job without an end runs until `asOf`. */
export function yearsOf(jobs: readonly { from: string; to: string | null }[], asOf: Date): number {
  const spans = jobs
    .map((j) => [Date.parse(j.from), j.to === null ? asOf.getTime() : Date.parse(j.to) + DAY_MS] as const)
    .filter(([from, to]) => Number.isFinite(from) && Number.isFinite(to) && to > from)
    .sort((a, b) => a[0] - b[0])
  let total = 0
  let end = Number.NEGATIVE_INFINITY
  for (const [from, to] of spans) {
    const start = Math.max(from, end)
    if (to > start) total += to - start
    end = Math.max(end, to)
  }
  return total / DAY_MS / YEAR_DAYS
}

/** Experience counts when its occupation shares at least the ISCO sub-major group (2 digits) with the vacancy. */
function experiencePart(seeker: MatchSeeker, vacancy: MatchVacancy, asOf: Date): MatchPart {
  const max = MATCH_WEIGHTS.experience
  const part = 'experience' as const
  const requiredYears = vacancy.experienceYears
  if (requiredYears <= 0) {
    return {
      part,
      points: max,
      max,
      reason: 'no experience required',
      reasonCode: 'experience_none_required',
      reasonParams: {},
    }
  }
  const group = vacancy.occupationCode.slice(0, 2)
  const related = seeker.experience.filter((e) => sharedLevel(e.occupationCode, vacancy.occupationCode) >= 2)
  if (related.length === 0) {
    return {
      part,
      points: 0,
      max,
      reason: `no experience in ISCO group ${group}; ${formatYears(requiredYears)} required`,
      reasonCode: 'experience_none_related',
      reasonParams: { group, requiredYears },
    }
  }
  const years = yearsOf(related, asOf)
  return {
    part,
    points: Math.round(max * Math.min(1, years / requiredYears)),
    max,
    reason: `${formatYears(years)} in ISCO group ${group}; ${formatYears(requiredYears)} required`,
    reasonCode: 'experience_related',
    reasonParams: { years: roundYears(years), group, requiredYears },
  }
}

function regionPart(seeker: MatchSeeker, vacancy: MatchVacancy): MatchPart {
  const max = MATCH_WEIGHTS.region
  const part = 'region' as const
  if (vacancy.employmentType === 'remote') {
    return { part, points: max, max, reason: 'the job is remote', reasonCode: 'region_remote', reasonParams: {} }
  }
  if (seeker.districtCode !== null && seeker.districtCode === vacancy.districtCode) {
    return {
      part,
      points: REGION_POINTS.district,
      max,
      reason: `wants to work in the vacancy's district ${vacancy.districtCode}`,
      reasonCode: 'region_same_district',
      reasonParams: { district: vacancy.districtCode },
    }
  }
  if (seeker.regionCode === vacancy.regionCode) {
    return {
      part,
      points: REGION_POINTS.region,
      max,
      reason: `wants to work in the vacancy's region ${vacancy.regionCode}`,
      reasonCode: 'region_same_region',
      reasonParams: { region: vacancy.regionCode },
    }
  }
  const where = seeker.regionCode === null ? 'no region stated' : `wants to work in region ${seeker.regionCode}`
  const reasonParams = { seekerRegion: seeker.regionCode, vacancyRegion: vacancy.regionCode }
  if (seeker.willingToRelocate) {
    return {
      part,
      points: REGION_POINTS.relocate,
      max,
      reason: `${where}, willing to relocate to region ${vacancy.regionCode}`,
      reasonCode: 'region_relocate',
      reasonParams,
    }
  }
  return {
    part,
    points: 0,
    max,
    reason: `${where}, not region ${vacancy.regionCode}, and not willing to relocate`,
    reasonCode: 'region_elsewhere',
    reasonParams,
  }
}

function wagePart(seeker: MatchSeeker, vacancy: MatchVacancy): MatchPart {
  const max = MATCH_WEIGHTS.wage
  const part = 'wage' as const
  const offered = `${formatTenge(vacancy.wageMin)}–${formatTenge(vacancy.wageMax)}`
  const desired = seeker.desiredWage
  if (desired === null) {
    return {
      part,
      points: max,
      max,
      reason: 'no wage expectation stated',
      reasonCode: 'wage_none_stated',
      reasonParams: {},
    }
  }
  const wage = { desired, offeredMin: vacancy.wageMin, offeredMax: vacancy.wageMax }
  if (desired <= vacancy.wageMax) {
    return {
      part,
      points: max,
      max,
      reason: `desired ${formatTenge(desired)} is within the offered ${offered}`,
      reasonCode: 'wage_within',
      reasonParams: wage,
    }
  }
  const over = (desired - vacancy.wageMax) / vacancy.wageMax
  const percent = Math.round(over * 100)
  return {
    part,
    points: Math.max(0, Math.round(max * (1 - over / WAGE_TOLERANCE))),
    max,
    reason: `desired ${formatTenge(desired)} is ${percent}% above the offered ${offered}`,
    reasonCode: 'wage_above',
    reasonParams: { ...wage, percent },
  }
}

/** The score and its five parts, in a fixed order; `asOf` ends the current job for the experience count. */
export function scoreMatch(seeker: MatchSeeker, vacancy: MatchVacancy, asOf = new Date()): Match {
  const parts = [
    occupationPart(seeker, vacancy),
    skillsPart(seeker, vacancy),
    experiencePart(seeker, vacancy, asOf),
    regionPart(seeker, vacancy),
    wagePart(seeker, vacancy),
  ]
  return { score: parts.reduce((sum, p) => sum + p.points, 0), parts }
}
