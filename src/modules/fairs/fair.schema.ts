import { type Static, type TSchema, Type } from '@sinclair/typebox'

const Nullable = <T extends TSchema>(t: T) => Type.Union([t, Type.Null()])
const L = Type.Literal
const Instant = Type.String({ format: 'date-time' })

export const FairState = Type.Union([L('planned'), L('open'), L('closed')])
export const Recurrence = Type.Union([L('none'), L('monthly')])
export const BoothState = Type.Union([L('pending'), L('approved'), L('rejected')])

export const TargetGroup = Type.Object({
  maxAge: Nullable(Type.Integer({ minimum: 14, maximum: 100, description: "full years on the fair's first day" })),
  graduatedWithinYears: Nullable(
    Type.Integer({
      minimum: 0,
      maximum: 50,
      description: 'checked only when a graduation date is recorded; no module records one yet',
    }),
  ),
  allowedStatuses: Type.Array(Type.String({ pattern: '^[a-z_]+(_\\*)?$' }), {
    maxItems: 30,
    description: 'current registry statuses; unemployed_* matches by prefix; empty = any',
  }),
  regionCodes: Type.Array(Type.String({ pattern: '^\\d{2}$' }), { maxItems: 20, description: 'empty = nationwide' }),
})
export type TargetGroup = Static<typeof TargetGroup>

export const NewFair = Type.Object({
  title: Type.String({ minLength: 3, maxLength: 200 }),
  description: Type.Optional(Type.String({ maxLength: 20_000 })),
  startsAt: Instant,
  endsAt: Instant,
  recurrence: Type.Optional(Recurrence),
  targetGroup: Type.Optional(Type.Partial(TargetGroup)),
})
export type NewFair = Static<typeof NewFair>

export const Fair = Type.Object({
  id: Type.Integer(),
  title: Type.String(),
  description: Type.String(),
  organiserName: Type.String(),
  startsAt: Instant,
  endsAt: Instant,
  state: FairState,
  recurrence: Recurrence,
  templateId: Nullable(Type.Integer()),
  targetGroup: TargetGroup,
})
export type Fair = Static<typeof Fair>

export const FairId = Type.Object({ id: Type.Integer({ minimum: 1 }) })
export const BoothParams = Type.Object({ id: Type.Integer({ minimum: 1 }), boothId: Type.Integer({ minimum: 1 }) })
export const FairVacancyParams = Type.Object({
  id: Type.Integer({ minimum: 1 }),
  vacancyId: Type.Integer({ minimum: 1 }),
})
export const SlotParams = Type.Object({ id: Type.Integer({ minimum: 1 }), slotId: Type.Integer({ minimum: 1 }) })

export const BoothVacancy = Type.Object({ vacancyId: Type.Integer(), title: Type.String(), regionCode: Type.String() })

export const Booth = Type.Object({
  id: Type.Integer(),
  fairId: Type.Integer(),
  employerBin: Type.String(),
  employerName: Type.String(),
  state: BoothState,
  decisionReason: Nullable(Type.String()),
  vacancies: Type.Array(BoothVacancy),
})
export type Booth = Static<typeof Booth>

export const JoinFair = Type.Object({
  vacancyIds: Type.Array(Type.Integer({ minimum: 1 }), {
    minItems: 1,
    maxItems: 200,
    description: "the employer's own vacancies: existing ones, or fair-only ones created with fairId set to this fair",
  }),
})

export const BoothDecision = Type.Object({
  state: Type.Union([L('approved'), L('rejected')]),
  reason: Type.Optional(Type.String({ minLength: 3, maxLength: 1000, description: 'required when rejecting' })),
})

export const Eligibility = Type.Object({
  isEligible: Type.Boolean(),
  reasons: Type.Array(Type.String()),
  unchecked: Type.Array(Type.String(), { description: 'rules that could not be checked for lack of data' }),
})

export const Registration = Type.Object({
  fairId: Type.Integer(),
  registeredAt: Instant,
  eligibility: Eligibility,
})

export const NewFairApplication = Type.Object({ coverLetter: Type.Optional(Type.String({ maxLength: 5000 })) })

/** The exchange's application as the seeker sees it (every step), made through the fair. */
export const FairApplication = Type.Object({
  fairId: Type.Integer(),
  boothId: Type.Integer(),
  application: Type.Object({
    id: Type.Integer(),
    vacancyId: Type.Integer(),
    vacancyTitle: Type.String(),
    employerName: Type.String(),
    state: Type.String(),
    events: Type.Array(
      Type.Object({ state: Type.String(), reason: Nullable(Type.String()), by: Type.String(), at: Instant }),
    ),
  }),
})

export const NewSlot = Type.Object({
  startsAt: Instant,
  endsAt: Instant,
  meetingLink: Type.String({ pattern: '^https://', maxLength: 500, description: 'online interview link (https)' }),
})
export type NewSlot = Static<typeof NewSlot>

export const Slot = Type.Object({
  id: Type.Integer(),
  boothId: Type.Integer(),
  startsAt: Instant,
  endsAt: Instant,
  meetingLink: Nullable(Type.String({ description: 'shown to the booth and to the seeker who booked the slot' })),
  isBooked: Type.Boolean(),
  isMine: Type.Boolean(),
})
export type Slot = Static<typeof Slot>

export const Booking = Type.Object({
  id: Type.Integer(),
  slotId: Type.Integer(),
  boothId: Type.Integer(),
  startsAt: Instant,
  endsAt: Instant,
  meetingLink: Type.String(),
})

export const QueuePlace = Type.Object({
  boothId: Type.Integer(),
  place: Nullable(Type.Integer({ description: '1 = next; null when not in the queue' })),
  waiting: Type.Integer({ description: 'everyone waiting at the booth' }),
})

export const QueueServed = Type.Object({
  registrationId: Nullable(Type.Integer()),
  seekerName: Nullable(Type.String()),
  waiting: Type.Integer(),
})

export const MESSAGE_MAX_LENGTH = 5000

export const Thread = Type.Object({
  registrationId: Type.Integer(),
  seekerName: Type.String(),
  lastAt: Instant,
  messages: Type.Integer({ description: 'messages in the conversation, both ways' }),
  lastSender: Type.Union([L('booth'), L('seeker')]),
  isAwaitingReply: Type.Boolean({ description: 'the seeker wrote last: the booth has not answered yet' }),
})
export const ThreadQuery = Type.Object({ registrationId: Type.Optional(Type.Integer({ minimum: 1 })) })

export const NewMessage = Type.Object({
  body: Type.String({ minLength: 1, maxLength: MESSAGE_MAX_LENGTH }),
  registrationId: Type.Optional(
    Type.Integer({ minimum: 1, description: 'the booth writes to this seeker (their registration at the fair)' }),
  ),
})

export const Message = Type.Object({
  id: Type.Integer(),
  boothId: Type.Integer(),
  sender: Type.Union([L('booth'), L('seeker')]),
  body: Type.String(),
  sentAt: Instant,
})

export const Counts = Type.Object({
  visitors: Type.Integer(),
  registrations: Type.Integer(),
  applications: Type.Integer(),
  interviews: Type.Integer(),
  offers: Type.Integer(),
  hires: Type.Integer(),
})
export type Counts = Static<typeof Counts>

export const Funnel = Type.Object({
  fairId: Type.Integer(),
  state: FairState,
  isLive: Type.Boolean({ description: 'true while the fair is not closed (organiser only)' }),
  total: Counts,
  byEmployer: Type.Array(
    Type.Object({ employerBin: Type.String(), employerName: Type.String(), ...Counts.properties }),
  ),
  byRegion: Type.Array(Type.Object({ regionCode: Type.String(), ...Counts.properties })),
  byVacancy: Type.Array(Type.Object({ vacancyId: Type.Integer(), title: Type.String(), ...Counts.properties })),
})
export type Funnel = Static<typeof Funnel>

export const Visit = Type.Object({ boothId: Type.Optional(Type.Integer({ minimum: 1 })) })

export const BookingParams = Type.Object({
  id: Type.Integer({ minimum: 1 }),
  bookingId: Type.Integer({ minimum: 1 }),
})

export const NotificationId = Type.Object({ notificationId: Type.Integer({ minimum: 1 }) })

export const FairNotificationKind = Type.Union([
  L('registration.confirmed'),
  L('booking.confirmed'),
  L('booking.cancelled'),
  L('booking.reminder'),
])

export const FairNotification = Type.Object({
  id: Type.Integer(),
  fairId: Type.Integer(),
  fairTitle: Type.String(),
  kind: FairNotificationKind,
  payload: Type.Record(Type.String(), Type.Unknown(), {
    description: 'booking notices: boothId, employerName, slotId, startsAt, endsAt, meetingLink',
  }),
  createdAt: Instant,
  readAt: Nullable(Instant),
})
export type FairNotification = Static<typeof FairNotification>

/** One applicant at a booth, as the employer ranks them: the exchange's application, the match score, the interview. */
export const BoothApplicant = Type.Object({
  applicationId: Type.Integer(),
  registrationId: Nullable(Type.Integer({ description: 'to write to the seeker through the booth' })),
  vacancyId: Type.Integer(),
  vacancyTitle: Type.String(),
  seekerName: Type.String(),
  state: Type.String(),
  matchScore: Nullable(Type.Integer({ description: 'null when the seeker does not share a profile' })),
  appliedAt: Instant,
  interview: Nullable(Type.Object({ slotId: Type.Integer(), startsAt: Instant, endsAt: Instant })),
})
export type BoothApplicant = Static<typeof BoothApplicant>
