import { decodeIin } from '../../shared/iin.js'

/** A fair's target group as rules; an empty list or null means the rule does not apply. */
export interface TargetGroup {
  /** Oldest age allowed, in full years on the fair's first day. */
  maxAge: number | null
  /** Graduated at most this many years before the fair's first day. */
  graduatedWithinYears: number | null
  /** Current registry status codes; a code ending in `_*` matches by prefix (`unemployed_*`). */
  allowedStatuses: readonly string[]
  /** The seeker's region (2-digit code); empty = nationwide. */
  regionCodes: readonly string[]
}

/** What we know of a seeker; the recorded birth date wins over the IIN's hint (since 2013 they may disagree). */
export interface SeekerFacts {
  iin: string
  birthDate: string | null
  regionCode: string | null
  statusCode: string | null
  /** No module records graduation yet: when null, the graduation rule is reported as unchecked, not refused. */
  graduationDate: string | null
}

export type Eligibility =
  | { isEligible: true; unchecked: string[] }
  | { isEligible: false; reasons: string[]; unchecked: string[] }

/** Full years between a birth date and a day (both ISO dates); a 29 February birthday counts from 1 March. */
export function ageOn(birthDate: string, day: string): number {
  const [by, bm, bd] = birthDate.split('-').map(Number) as [number, number, number]
  const [y, m, d] = day.split('-').map(Number) as [number, number, number]
  const hadBirthday = m > bm || (m === bm && d >= bd)
  return y - by - (hadBirthday ? 0 : 1)
}

/** An ISO date N years later; 29 February lands on 28 February in a common year. */
export function addYears(date: string, years: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number]
  const year = y + years
  const lastDay = new Date(Date.UTC(year, m, 0)).getUTCDate()
  return `${year}-${String(m).padStart(2, '0')}-${String(Math.min(d, lastDay)).padStart(2, '0')}`
}

/** The calendar day of an instant in Kazakhstan (Asia/Almaty), where fairs are held. */
export function almatyDay(at: Date): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Asia/Almaty',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(at)
}

export function statusMatches(status: string, allowed: readonly string[]): boolean {
  return allowed.some((a) => (a.endsWith('_*') ? status.startsWith(a.slice(0, -1)) : status === a))
}

/**
 * Whether a seeker belongs to a fair's target group on the fair's first day, with every reason when not:
 * "born 1988-03-02: over 35 on 2026-06-24".
 */
export function checkEligibility(group: TargetGroup, seeker: SeekerFacts, fairDay: string): Eligibility {
  const reasons: string[] = []
  const unchecked: string[] = []

  if (group.maxAge !== null) {
    const birthDate = seeker.birthDate ?? decodeIin(seeker.iin).birthDate ?? null
    if (birthDate === null) {
      reasons.push(
        `no birth date is recorded and IIN ${seeker.iin} does not encode one: the fair is for people up to ${group.maxAge}`,
      )
    } else if (ageOn(birthDate, fairDay) > group.maxAge) {
      reasons.push(`born ${birthDate}: over ${group.maxAge} on ${fairDay}`)
    }
  }

  if (group.graduatedWithinYears !== null) {
    if (seeker.graduationDate === null) {
      unchecked.push(`graduation within ${group.graduatedWithinYears} years: no graduation date is recorded`)
    } else if (addYears(seeker.graduationDate, group.graduatedWithinYears) < fairDay) {
      reasons.push(
        `graduated ${seeker.graduationDate}: more than ${group.graduatedWithinYears} year${group.graduatedWithinYears === 1 ? '' : 's'} before ${fairDay}`,
      )
    }
  }

  if (group.allowedStatuses.length > 0) {
    const allowed = group.allowedStatuses.join(', ')
    if (seeker.statusCode === null) {
      reasons.push(`no current registry status is known: the fair is for ${allowed}`)
    } else if (!statusMatches(seeker.statusCode, group.allowedStatuses)) {
      reasons.push(`registry status ${seeker.statusCode}: the fair is for ${allowed}`)
    }
  }

  if (group.regionCodes.length > 0) {
    const regions = group.regionCodes.join(', ')
    if (seeker.regionCode === null) {
      reasons.push(`no region is recorded: the fair is for regions ${regions}`)
    } else if (!group.regionCodes.includes(seeker.regionCode)) {
      reasons.push(`lives in region ${seeker.regionCode}: the fair is for regions ${regions}`)
    }
  }

  return reasons.length === 0 ? { isEligible: true, unchecked } : { isEligible: false, reasons, unchecked }
}
