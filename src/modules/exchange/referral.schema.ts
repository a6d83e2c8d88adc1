import { type Static, Type } from '@sinclair/typebox'

const Nullable = <T extends import('@sinclair/typebox').TSchema>(t: T) => Type.Union([t, Type.Null()])
const L = Type.Literal

export const ReferralOutcome = Type.Union([L('hired'), L('not_hired'), L('no_show')])

export const NewReferral = Type.Object({
  vacancyId: Type.Integer({ minimum: 1 }),
  iin: Type.String({ description: "the seeker's IIN; the seeker must live in the officer's region" }),
  note: Type.Optional(Type.String({ maxLength: 1000 })),
})
export type NewReferral = Static<typeof NewReferral>

export const Referral = Type.Object({
  id: Type.Integer(),
  vacancyId: Type.Integer(),
  vacancyTitle: Type.String(),
  seekerIin: Type.String(),
  regionCode: Type.String(),
  year: Type.Integer(),
  note: Nullable(Type.String()),
  outcome: Nullable(ReferralOutcome),
  outcomeReason: Nullable(Type.String()),
  outcomeAt: Nullable(Type.String({ format: 'date-time' })),
  createdAt: Type.String({ format: 'date-time' }),
})
export type Referral = Static<typeof Referral>

export const RecordOutcome = Type.Object({
  outcome: ReferralOutcome,
  reason: Type.Optional(Type.String({ minLength: 3, maxLength: 1000, description: 'required unless hired' })),
})

export const ReferralLimit = Type.Object({
  regionCode: Type.String(),
  year: Type.Integer(),
  total: Type.Integer(),
  used: Type.Integer(),
  remaining: Type.Integer(),
})
export type ReferralLimit = Static<typeof ReferralLimit>

export const LimitParams = Type.Object({
  region: Type.String({ pattern: '^\\d{2}$' }),
  year: Type.Integer({ minimum: 2000, maximum: 2100 }),
})
export const SetLimit = Type.Object({ total: Type.Integer({ minimum: 0, maximum: 1_000_000 }) })

export const ReferralStats = Type.Object({
  year: Type.Integer(),
  items: Type.Array(
    Type.Object({
      regionCode: Type.String(),
      limit: Type.Integer({ description: "the region's referral limit for the year" }),
      used: Type.Integer({ description: 'units of the limit spent (one per referral)' }),
      remaining: Type.Integer({ description: 'units of the limit left' }),
      referrals: Type.Integer(),
      hired: Type.Integer(),
      notHired: Type.Integer(),
      noShow: Type.Integer(),
      pending: Type.Integer({ description: 'referrals without an outcome yet' }),
    }),
  ),
})
export type ReferralStats = Static<typeof ReferralStats>
