import { type Static, type TProperties, type TSchema, Type } from '@sinclair/typebox'

const L = Type.Literal
const Nullable = <T extends TSchema>(t: T) => Type.Union([t, Type.Null()])

/**
 * One part of the score with its reason twice: `reason` in English words for people reading the API, and
 * `reasonCode` with `reasonParams` for a client that words the reason in its reader's language. Each code
 * belongs to one part and has its own parameters, so the union below is the complete list of what a client
 * has to translate.
 */
function reason<P extends string, C extends string, R extends TProperties>(
  part: P,
  code: C,
  params: R,
  description: string,
) {
  return Type.Object(
    {
      part: L(part),
      points: Type.Integer({ minimum: 0 }),
      max: Type.Integer({ minimum: 0 }),
      reason: Type.String({ description: 'why these points, in English words the employer can check' }),
      reasonCode: L(code),
      reasonParams: Type.Object(params, { additionalProperties: false }),
    },
    { description, title: code },
  )
}

const IscoCode = Type.String({ pattern: '^\\d{1,4}$', description: 'an ISCO-08 code or the group it starts' })
const Years = Type.Number({ minimum: 0, description: 'years, to one decimal' })
const Tenge = Type.Integer({ minimum: 0, description: 'monthly, before tax, ₸' })
/** The seeker's occupation that came closest: a desired one (title null) or a past job (its title). */
const Closest = {
  via: Type.Union([L('desired'), L('experience')]),
  code: IscoCode,
  title: Nullable(Type.String({ description: "the job's title as the seeker wrote it; null for a desired one" })),
  vacancyOccupation: IscoCode,
}
const Wage = { desired: Tenge, offeredMin: Tenge, offeredMax: Tenge }

export const MatchPart = Type.Union([
  reason('occupation', 'occupation_none', {}, 'the profile names no desired occupation and no experience'),
  reason(
    'occupation',
    'occupation_other_major',
    { major: IscoCode, vacancyOccupation: IscoCode },
    "nothing in the profile is in the ISCO major group `major` of the vacancy's occupation",
  ),
  reason('occupation', 'occupation_same', Closest, "the seeker's occupation is the vacancy's"),
  reason('occupation', 'occupation_nested', Closest, "one code lies inside the other's ISCO group (741 and 7411)"),
  reason(
    'occupation',
    'occupation_shared_group',
    { ...Closest, level: Type.Union([L('major'), L('sub_major'), L('minor')]), group: IscoCode },
    'both codes are in the ISCO group `group` of that level (1, 2 or 3 digits)',
  ),
  reason('skills', 'skills_none_required', {}, 'the vacancy asks for no particular skills'),
  reason(
    'skills',
    'skills_matched',
    {
      has: Type.Integer({ minimum: 0 }),
      required: Type.Integer({ minimum: 1 }),
      matched: Type.Array(Type.String(), {
        description: "the vacancy's skills the seeker has, as the vacancy words them",
      }),
      missing: Type.Array(Type.String(), { description: "the vacancy's skills the seeker lacks" }),
    },
    '`has` of the `required` skills',
  ),
  reason('experience', 'experience_none_required', {}, 'the vacancy asks for no experience'),
  reason(
    'experience',
    'experience_none_related',
    { group: IscoCode, requiredYears: Years },
    'no job in the ISCO sub-major group `group` of the vacancy',
  ),
  reason(
    'experience',
    'experience_related',
    { years: Years, group: IscoCode, requiredYears: Years },
    'years of jobs in the ISCO sub-major group `group` (overlaps counted once) against the years required',
  ),
  reason('region', 'region_remote', {}, 'the job is remote, so place does not matter'),
  reason(
    'region',
    'region_same_district',
    { district: Type.String({ description: 'KATO code' }) },
    "the seeker wants to work in the vacancy's district",
  ),
  reason(
    'region',
    'region_same_region',
    { region: Type.String({ description: 'KATO region code' }) },
    "the seeker wants to work in the vacancy's region",
  ),
  reason(
    'region',
    'region_relocate',
    { seekerRegion: Nullable(Type.String()), vacancyRegion: Type.String() },
    'the seeker wants another region (or names none) and is willing to relocate',
  ),
  reason(
    'region',
    'region_elsewhere',
    { seekerRegion: Nullable(Type.String()), vacancyRegion: Type.String() },
    'the seeker wants another region (or names none) and is not willing to relocate',
  ),
  reason('wage', 'wage_none_stated', {}, 'the seeker states no wage expectation'),
  reason('wage', 'wage_within', Wage, 'the desired wage is at most the offered maximum'),
  reason(
    'wage',
    'wage_above',
    {
      ...Wage,
      percent: Type.Integer({ minimum: 0, description: 'how far above the offered maximum, in whole per cent' }),
    },
    'the desired wage is above the offered maximum; at 50% above the part scores nothing',
  ),
])
export type MatchPart = Static<typeof MatchPart>
export type MatchReasonCode = MatchPart['reasonCode']

export const Match = Type.Object(
  {
    score: Type.Integer({ minimum: 0, maximum: 100 }),
    parts: Type.Array(MatchPart, {
      description: 'occupation, skills, experience, region, wage: the score is their sum',
    }),
  },
  { description: "how well the seeker's profile fits the vacancy" },
)
export type Match = Static<typeof Match>
