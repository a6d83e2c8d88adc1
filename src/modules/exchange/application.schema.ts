import { type Static, Type } from '@sinclair/typebox'
import { Match } from './match.schema.js'

const L = Type.Literal
export const ApplicationState = Type.Union([
  L('submitted'),
  L('viewed'),
  L('shortlisted'),
  L('interview'),
  L('offer'),
  L('hired'),
  L('rejected'),
  L('withdrawn'),
])

export const ApplicationEvent = Type.Object({
  state: ApplicationState,
  reason: Type.Union([Type.String(), Type.Null()]),
  by: Type.Union([L('seeker'), L('employer'), L('system')]),
  at: Type.String({ format: 'date-time' }),
})

/** One application as both sides see it: the seeker's name, never their IIN, goes to the employer. */
export const Application = Type.Object({
  id: Type.Integer(),
  vacancyId: Type.Integer(),
  vacancyTitle: Type.String(),
  employerName: Type.String(),
  seekerName: Type.String(),
  state: ApplicationState,
  coverLetter: Type.Union([Type.String(), Type.Null()]),
  createdAt: Type.String({ format: 'date-time' }),
  updatedAt: Type.String({ format: 'date-time' }),
  events: Type.Array(ApplicationEvent, { description: 'every step, oldest first, with its time' }),
})
export type Application = Static<typeof Application>

/** An applicant as the employer ranks them: the application and the match score with its parts. */
export const RankedApplication = Type.Composite([
  Application,
  Type.Object({
    match: Type.Union([Match, Type.Null()], {
      description: 'null when the seeker has no profile or does not share it with employers',
    }),
  }),
])
export type RankedApplication = Static<typeof RankedApplication>

export const NewApplication = Type.Object({
  coverLetter: Type.Optional(Type.String({ maxLength: 5000 })),
})

export const ApplicationMove = Type.Object({
  state: ApplicationState,
  reason: Type.Optional(
    Type.String({ minLength: 3, maxLength: 1000, description: 'required for rejected; shown to the seeker' }),
  ),
})
export type ApplicationMove = Static<typeof ApplicationMove>

export const ApplicationId = Type.Object({ id: Type.Integer({ minimum: 1 }) })
