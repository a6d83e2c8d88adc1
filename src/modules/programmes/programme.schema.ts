import { type TSchema, Type } from '@sinclair/typebox'
import { StringEnum } from '../../shared/schema.js'
import { ENROLMENT_STATES, FLAGS } from './programme.rules.js'

/** The programmes module's HTTP shapes: what the routes accept and what they answer (OpenAPI + fast serialisation). */

const Nullable = <T extends TSchema>(t: T) => Type.Union([t, Type.Null()])
const IsoDate = Type.String({ format: 'date' })
const Instant = Type.String({ format: 'date-time' })
const Tenge = (description: string) => Type.Number({ description: `${description}, ₸` })
const Pct = (description: string) =>
  Nullable(Type.Number({ description: `${description}, %; null when the base is 0` }))

// Requests

export const Year = Type.Integer({ minimum: 2000, maximum: 2100 })
export const Format = Type.Optional(StringEnum(['json', 'csv', 'xlsx'] as const))
export const RegionQuery = Type.Optional(
  Type.String({ description: 'two-digit region code; analysts and admins only, others see their own' }),
)
export const YearRegionQuery = Type.Object({ year: Year, region: RegionQuery, format: Format })
export const CatalogueQuery = Type.Object({ on: Type.Optional(IsoDate) })
export const PlanParams = Type.Object({ region: Type.String(), year: Year, programme: Type.String() })
export const PlanBody = Type.Object({ places: Type.Integer(), budget: Type.Number() }, { additionalProperties: false })
export const EnrolmentBody = Type.Object(
  {
    iin: Type.String(),
    programme: Type.String(),
    startDate: IsoDate,
    purpose: Type.String({ minLength: 3, maxLength: 500, description: 'why the person is looked up (audited)' }),
  },
  { additionalProperties: false },
)
export const EnrolmentQuery = Type.Object({
  year: Year,
  region: RegionQuery,
  state: Type.Optional(StringEnum(ENROLMENT_STATES)),
  programme: Type.Optional(Type.String()),
  format: Format,
})
export const IdParams = Type.Object({ id: Type.Integer() })
export const RefuseBody = Type.Object({ reason: Type.String({ maxLength: 1000 }) }, { additionalProperties: false })
export const EndBody = Type.Object(
  { date: Type.Optional(IsoDate), reason: Type.Optional(Type.String({ maxLength: 1000 })) },
  { additionalProperties: false },
)
export const FlagBody = Type.Object(
  {
    iin: Type.String(),
    flag: StringEnum(FLAGS),
    note: Type.Optional(Type.String({ maxLength: 500 })),
    purpose: Type.String({ minLength: 3, maxLength: 500 }),
    remove: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
)

// Answers

const Names = Type.Object({ kk: Type.String(), ru: Type.String(), en: Type.String() })

export const UsedParameter = Type.Object({
  key: Type.String({ description: 'reference parameter key, or KZT when the amount is in tenge' }),
  validFrom: IsoDate,
  value: Type.Number(),
  unit: Type.String({ description: 'MW (minimum wages), MCI, KZT, …' }),
})

export const Rules = Type.Object({
  minAge: Nullable(Type.Integer()),
  maxAge: Nullable(Type.Integer()),
  statuses: Type.Array(Type.String(), { description: 'current registry status codes; x_* matches a prefix' }),
  flagsAnyOf: Type.Array(Type.String(), { description: 'at least one of these flags must be recorded' }),
})

export const Programme = Type.Object({
  code: Type.String(),
  name: Names,
  targetGroup: Type.String(),
  rules: Rules,
  durationMonths: Type.Integer(),
  payment: StringEnum(['monthly', 'once'] as const),
  statusOnStart: Nullable(Type.String({ description: 'registry status asserted on approval' })),
  statusOnExit: Nullable(Type.String({ description: 'registry status asserted on completion or drop' })),
  costPerPlace: Tenge('what one place costs on the day asked'),
  parameters: Type.Array(UsedParameter),
  isVerified: Type.Boolean({ description: "whether the programme's amount is checked against the current rules" }),
})

const planFields = {
  id: Type.Integer(),
  region: Type.String(),
  year: Type.Integer(),
  programme: Type.String(),
  places: Type.Integer({ description: 'places planned' }),
  budget: Tenge('budget planned'),
  placesCommitted: Type.Integer(),
  placesSpent: Type.Integer(),
  placesLeft: Type.Integer(),
  budgetCommitted: Tenge('committed by approvals'),
  budgetSpent: Tenge('spent by completions and drops'),
  budgetLeft: Tenge('planned − committed − spent'),
  peopleEnrolled: Type.Integer(),
  peopleCompleted: Type.Integer(),
  peopleDropped: Type.Integer(),
  followedUp: Type.Integer({ description: 'completions whose status 6 months later was read' }),
  employedAfter6m: Type.Integer(),
  updatedAt: Instant,
}

export const Plan = Type.Object(planFields)
export const PlanListItem = Type.Object({ ...planFields, programmeName: Names })
export const PlanFactItem = Type.Object({
  ...planFields,
  programmeName: Names,
  placesExecutedPct: Pct('places committed or spent of planned'),
  budgetExecutedPct: Pct('budget spent of planned'),
  employedAfter6mPct: Pct('employed 6 months after completion of those followed up'),
})

export const EligibilityFacts = Type.Object({
  age: Nullable(Type.Integer()),
  birthDate: Nullable(IsoDate),
  status: Nullable(Type.String()),
  region: Type.String(),
  flags: Type.Array(Type.String()),
})

export const EligibilityCheck = Type.Object({
  iin: Type.String(),
  programme: Type.String(),
  startDate: IsoDate,
  isEligible: Type.Boolean(),
  reasons: Type.Array(Type.String(), { description: 'every failed rule, naming the rule and the fact' }),
  facts: EligibilityFacts,
  cost: Tenge('what the place would cost'),
  parameters: Type.Array(UsedParameter),
  plan: Nullable(Plan),
})

export const Enrolment = Type.Object({
  id: Type.Integer(),
  programme: Type.String(),
  region: Type.String(),
  year: Type.Integer(),
  iin: Type.String(),
  startDate: IsoDate,
  endDate: IsoDate,
  state: StringEnum(ENROLMENT_STATES),
  cost: Tenge('committed on approval'),
  spent: Nullable(Tenge('spent on completion or drop')),
  parameters: Type.Array(UsedParameter),
  eligibility: Type.Object({ reasons: Type.Array(Type.String()), facts: EligibilityFacts }),
  purpose: Type.String(),
  proposedBy: Type.Integer({ description: 'account id' }),
  proposedAt: Instant,
  decidedBy: Nullable(Type.Integer({ description: 'account id' })),
  decidedAt: Nullable(Instant),
  refusalReason: Nullable(Type.String()),
  exitDate: Nullable(IsoDate),
  exitReason: Nullable(Type.String()),
  followUp: Nullable(
    Type.Object({
      date: Nullable(IsoDate),
      status: Type.String({ description: 'registry status 6 months after completion' }),
      group: Nullable(Type.String()),
    }),
  ),
})

export const FlagResult = Type.Object({
  iin: Type.String(),
  flags: Type.Array(StringEnum(FLAGS)),
})

export const Items = <T extends TSchema>(item: T) => Type.Object({ items: Type.Array(item) })
