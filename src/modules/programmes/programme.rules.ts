import { decodeIin } from '../../shared/iin.js'

export const FLAGS = ['disability', 'large_family', 'single_parent', 'pre_retirement'] as const
export type Flag = (typeof FLAGS)[number]

export const ENROLMENT_STATES = ['proposed', 'refused', 'active', 'completed', 'dropped'] as const
export type EnrolmentState = (typeof ENROLMENT_STATES)[number]

/** A programme's eligibility rules as stored in `programmes.programmes.rules`; null or [] = not applied. */
export interface ProgrammeRules {
  minAge: number | null
  maxAge: number | null
  /** Current registry status codes; a code ending in `_*` matches by prefix (`unemployed_*`). */
  statuses: readonly string[]
  /** At least one of these flags must be recorded for the person. */
  flagsAnyOf: readonly string[]
}

/** What we know of the person when the rules are checked. */
export interface PersonFacts {
  iin: string
  birthDate: string | null
  regionCode: string
  statusCode: string | null
  flags: readonly string[]
}

export interface Eligibility {
  isEligible: boolean
  /** Every rule the person fails, each naming the rule and the fact: "age 41 on 2026-03-01: youth practice is for 18–35". */
  reasons: string[]
  /** The facts the rules were checked against, so the officer sees why. */
  facts: { age: number | null; birthDate: string | null; status: string | null; region: string; flags: string[] }
}

/** Full years between a birth date and a day (both ISO dates). */
export function ageOn(birthDate: string, day: string): number {
  const [by, bm, bd] = birthDate.split('-').map(Number) as [number, number, number]
  const [y, m, d] = day.split('-').map(Number) as [number, number, number]
  const hadBirthday = m > bm || (m === bm && d >= bd)
  return y - by - (hadBirthday ? 0 : 1)
}

/** An ISO date N months later, clamped to the month's last day (31 January + 1 month = 28/29 February). */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number]
  const total = y * 12 + (m - 1) + months
  const year = Math.floor(total / 12)
  const month = (total % 12) + 1
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate()
  return `${year}-${String(month).padStart(2, '0')}-${String(Math.min(d, lastDay)).padStart(2, '0')}`
}

export function statusMatches(status: string, allowed: readonly string[]): boolean {
  return allowed.some((a) => (a.endsWith('_*') ? status.startsWith(a.slice(0, -1)) : status === a))
}

const ageRange = (rules: ProgrammeRules) =>
  rules.maxAge === null ? `${rules.minAge ?? 0} and over` : `${rules.minAge ?? 0}–${rules.maxAge}`

/** Whether a person may join a programme of a region's plan starting on a day, with every failed rule named. */
export function checkEligibility(
  programme: { code: string; nameEn: string; rules: ProgrammeRules },
  person: PersonFacts,
  planRegion: string,
  startDate: string,
): Eligibility {
  const { rules } = programme
  const reasons: string[] = []
  const name = programme.nameEn.toLowerCase()
  // The recorded birth date wins; the IIN's digits are only a hint since 2013 (FACTS.md).
  const birthDate = person.birthDate ?? decodeIin(person.iin).birthDate ?? null
  const age = birthDate === null ? null : ageOn(birthDate, startDate)
  if (rules.minAge !== null || rules.maxAge !== null) {
    if (age === null) {
      reasons.push(
        `no birth date is recorded and IIN ${person.iin} does not encode one: ${name} is for ${ageRange(rules)}`,
      )
    } else if ((rules.minAge !== null && age < rules.minAge) || (rules.maxAge !== null && age > rules.maxAge)) {
      reasons.push(`age ${age} on ${startDate}: ${name} is for ${ageRange(rules)}`)
    }
  }
  if (rules.statuses.length > 0) {
    if (person.statusCode === null) {
      reasons.push(`no current status in the registry: ${name} requires ${rules.statuses.join(' or ')}`)
    } else if (!statusMatches(person.statusCode, rules.statuses)) {
      reasons.push(`current status ${person.statusCode}: ${name} requires ${rules.statuses.join(' or ')}`)
    }
  }
  if (rules.flagsAnyOf.length > 0 && !rules.flagsAnyOf.some((f) => person.flags.includes(f))) {
    reasons.push(`none of ${rules.flagsAnyOf.join(', ')} is recorded: ${name} is for these target groups`)
  }
  if (person.regionCode !== planRegion) {
    reasons.push(`lives in region ${person.regionCode}: the plan is for region ${planRegion}`)
  }
  return {
    isEligible: reasons.length === 0,
    reasons,
    facts: { age, birthDate, status: person.statusCode, region: person.regionCode, flags: [...person.flags] },
  }
}

/** The parameters a cost is computed from, as named in the enrolment. */
export interface UsedParameter {
  key: string
  validFrom: string
  value: number
  unit: string
}

/**
 * What one place costs: the programme's amount (in minimum wages or MCIs, dated) × the base on the start date,
 * per month for monthly programmes (× duration), once otherwise. Rounded to the tiyn.
 */
export function computeCost(
  payment: 'monthly' | 'once',
  durationMonths: number,
  amount: UsedParameter,
  base: UsedParameter,
): number {
  const once = amount.value * base.value
  return Math.round((payment === 'monthly' ? once * durationMonths : once) * 100) / 100
}

/** Whole months served between the start and the exit (at most the duration); a started month counts. */
export function monthsServed(startDate: string, exitDate: string, durationMonths: number): number {
  let months = 0
  while (months < durationMonths && addMonths(startDate, months) <= exitDate) months++
  return months
}

/**
 * What a drop spends of the committed cost: the months served for a monthly programme, everything for a
 * one-off payment (a grant or a course is paid when it starts).
 */
export function spentOnDrop(
  payment: 'monthly' | 'once',
  cost: number,
  durationMonths: number,
  startDate: string,
  exitDate: string,
) {
  if (payment === 'once') return cost
  const served = monthsServed(startDate, exitDate, durationMonths)
  return Math.round(((cost * served) / durationMonths) * 100) / 100
}
