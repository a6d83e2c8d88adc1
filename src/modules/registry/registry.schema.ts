import { Type } from '@sinclair/typebox'
import { StringEnum } from '../../shared/schema.js'

const Nullable = <T extends import('@sinclair/typebox').TSchema>(t: T) => Type.Union([t, Type.Null()])
export const IsoDate = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'YYYY-MM-DD' })

export const Channel = Type.Object({
  code: Type.String(),
  nameKk: Type.String(),
  nameRu: Type.String(),
  nameEn: Type.String(),
  allowedStatuses: Type.Array(Type.String()),
  freshnessDays: Type.Integer(),
  rank: Type.Integer({ description: 'default source precedence; higher wins' }),
})

export const Counts = Type.Object({
  received: Type.Integer(),
  applied: Type.Integer(),
  superseded: Type.Integer(),
  duplicate: Type.Integer(),
  rejected: Type.Integer(),
})

export const Batch = Type.Object({
  id: Type.Integer(),
  channel: Type.String(),
  state: StringEnum(['received', 'validating', 'applying', 'done', 'failed']),
  format: Type.String(),
  fileName: Nullable(Type.String()),
  createdAt: Type.String(),
  finishedAt: Nullable(Type.String()),
  error: Nullable(Type.String()),
  counts: Counts,
})

export const EventIn = Type.Object(
  {
    iin: Type.Unknown(),
    status: Type.Unknown(),
    valid_from: Type.Unknown(),
    valid_to: Type.Optional(Type.Unknown()),
    source_ref: Type.Unknown(),
  },
  { description: 'validated event by event: a bad event is rejected with its reason, the others go on' },
)

export const EventResult = Type.Object({
  index: Type.Integer(),
  sourceRef: Type.Unknown(),
  outcome: StringEnum(['applied', 'superseded', 'duplicate', 'rejected']),
  reason: Type.Optional(Type.String()),
})

export const PersonStatus = Type.Object({
  iin: Type.String(),
  current: Nullable(
    Type.Object({
      status: Type.String(),
      validFrom: Type.String(),
      channel: Type.String(),
      confirmedAt: Type.String(),
      freshUntil: Type.String(),
      isStale: Type.Boolean(),
    }),
  ),
  history: Type.Array(
    Type.Object({
      id: Type.Integer(),
      status: Type.String(),
      validFrom: Type.String(),
      validTo: Nullable(Type.String()),
      recordedAt: Type.String(),
      channel: Type.String(),
      batchId: Nullable(Type.Integer()),
      sourceRef: Type.String(),
      outcome: Type.String(),
    }),
  ),
})

export const SummaryRow = Type.Object({
  regionCode: Type.String(),
  districtCode: Type.Optional(Nullable(Type.String())),
  people: Type.Integer(),
  known: Type.Integer(),
  unknown: Type.Integer(),
  stale: Type.Integer(),
})

export const PlanCategory = StringEnum(['hired', 'self_employed', 'subsidiary_farm', 'unemployed_unregistered'])

export const PlanRow = Type.Object({
  regionCode: Type.String(),
  districtCode: Nullable(Type.String()),
  category: Type.String(),
  year: Type.Integer(),
  target: Type.Integer(),
  done: Type.Integer(),
  percent: Type.Number(),
})
