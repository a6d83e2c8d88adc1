import { Type } from '@fastify/type-provider-typebox'
import { StringEnum } from '../../shared/schema.js'

export const Regime = StringEnum(['standard', 'platform_4pct'] as const)
export const BenefitKind = StringEnum(['job_loss', 'maternity', 'childcare'] as const)

export const Platform = Type.Object({ bin: Type.String(), name: Type.String(), registeredAt: Type.String() })
export const Worker = Type.Object({
  platformBin: Type.String(),
  iin: Type.String(),
  regime: Regime,
  registeredAt: Type.String(),
})

export const IncomeIn = Type.Object(
  {
    report_id: Type.Optional(Type.Unknown({ description: "the platform's own id of this row: its idempotency key" })),
    iin: Type.Optional(Type.Unknown()),
    month: Type.Optional(Type.Unknown({ description: 'YYYY-MM, not after the current month' })),
    income: Type.Optional(Type.Unknown({ description: 'tenge, ≥ 0, up to 2 decimals' })),
  },
  { additionalProperties: false },
)

export const Counts = Type.Object({
  received: Type.Integer(),
  accepted: Type.Integer(),
  duplicate: Type.Integer(),
  rejected: Type.Integer(),
})
export const IncomeBatch = Type.Object({
  id: Type.Integer(),
  platformBin: Type.String(),
  state: Type.String(),
  format: Type.String(),
  fileName: Type.Union([Type.String(), Type.Null()]),
  createdAt: Type.String(),
  finishedAt: Type.Union([Type.String(), Type.Null()]),
  error: Type.Union([Type.String(), Type.Null()]),
  counts: Counts,
})
export const RegistryAnswer = Type.Object({
  events: Type.Integer(),
  applied: Type.Integer(),
  superseded: Type.Integer(),
  duplicate: Type.Integer(),
  rejected: Type.Integer(),
  error: Type.Optional(Type.String()),
})
export const IncomeResult = Type.Object({
  index: Type.Integer(),
  reportId: Type.Unknown(),
  outcome: StringEnum(['accepted', 'duplicate', 'rejected'] as const),
  reason: Type.Optional(Type.String()),
})
export const Rejection = Type.Object({
  line: Type.Integer(),
  reason: Type.String(),
  raw: Type.Union([Type.String(), Type.Null()]),
})

const Nullable = <T extends ReturnType<typeof Type.Number>>(t: T) => Type.Union([t, Type.Null()])
export const BenefitResult = Type.Object({
  kind: BenefitKind,
  date: Type.String(),
  eligible: Type.Boolean(),
  reasons: Type.Array(Type.String()),
  months: Type.Array(Type.Object({ month: Type.String(), income: Type.Number() })),
  windowMonths: Type.Integer(),
  totalIncome: Type.Number(),
  averageIncome: Type.Number(),
  contributionMonths: Type.Integer(),
  parameters: Type.Array(
    Type.Object({
      key: Type.String(),
      validFrom: Type.String(),
      value: Type.Number(),
      isVerified: Type.Boolean(),
      role: Type.String(),
    }),
  ),
  coefficient: Nullable(Type.Number()),
  durationMonths: Nullable(Type.Number()),
  durationDays: Nullable(Type.Number()),
  monthlyAmount: Type.Number(),
  totalAmount: Type.Number(),
  explanation: Type.Array(Type.String()),
})

export const ContributionRow = Type.Object({
  platformBin: Type.String(),
  platformName: Type.String(),
  month: Type.String(),
  regime: Regime,
  income: Type.Number(),
  pension: Type.Number(),
  employerPension: Type.Number(),
  social: Type.Number(),
  healthEmployee: Type.Number(),
  healthEmployer: Type.Number(),
  total: Type.Number(),
  parameters: Type.Array(Type.Object({ key: Type.String(), validFrom: Type.String(), value: Type.Number() })),
})

export const MySocial = Type.Object({
  platforms: Type.Array(
    Type.Object({ bin: Type.String(), name: Type.String(), regime: Regime, registeredAt: Type.String() }),
  ),
  contributions: Type.Array(ContributionRow),
  totals: Type.Object({ income: Type.Number(), contributions: Type.Number(), months: Type.Integer() }),
  coverage: Type.Array(BenefitResult),
})
