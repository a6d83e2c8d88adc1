import { type Static, type TSchema, Type } from '@sinclair/typebox'

const Nullable = <T extends TSchema>(t: T) => Type.Union([t, Type.Null()])
const L = Type.Literal
export const EducationLevel = Type.Union([L('none'), L('secondary'), L('vocational'), L('higher'), L('postgraduate')])
export const EmploymentType = Type.Union([L('permanent'), L('temporary'), L('seasonal'), L('shift'), L('remote')])
export const Schedule = Type.Union([L('full_day'), L('part_time'), L('flexible'), L('shift_work'), L('rotation')])
export const VacancyState = Type.Union([L('draft'), L('published'), L('closed'), L('filled'), L('expired')])
export const EMPLOYMENT_TYPES = EmploymentType.anyOf.map((t) => t.const)

export const LanguageRequirement = Type.Object({
  lang: Type.Union([L('kk'), L('ru'), L('en')]),
  level: Type.Union([L('basic'), L('intermediate'), L('fluent'), L('native')]),
})

const Tenge = Type.Integer({ minimum: 1, maximum: 100_000_000, description: 'monthly, before tax, in tenge (KZT)' })

export const Requirements = Type.Object({
  educationLevel: EducationLevel,
  experienceYears: Type.Integer({ minimum: 0, maximum: 50 }),
  skills: Type.Array(Type.String({ minLength: 1, maxLength: 100 }), { maxItems: 50 }),
  languages: Type.Array(LanguageRequirement, { maxItems: 3 }),
  drivingLicence: Type.Array(Type.String({ pattern: '^(A1?|B1?|C1?|D1?|BE|C1?E|D1?E|Tb|Tm)$' }), {
    maxItems: 10,
    description: 'required driving licence categories; empty = none',
  }),
})
export type Requirements = Static<typeof Requirements>

const editable = {
  title: Type.String({ minLength: 3, maxLength: 200 }),
  occupationCode: Type.String({ pattern: '^\\d{1,4}$', description: 'ISCO-08 code, normally a 4-digit unit group' }),
  description: Type.String({
    minLength: 1,
    maxLength: 20_000,
    description: 'plain text; stored as sent and always returned as text (never as HTML)',
  }),
  requirements: Type.Partial(Requirements),
  wageMin: Tenge,
  wageMax: Tenge,
  employmentType: EmploymentType,
  schedule: Schedule,
  katoCode: Type.String({
    pattern: '^\\d{9}$',
    description: 'KATO code of the workplace; the region is derived from it',
  }),
  positions: Type.Integer({ minimum: 1, maximum: 10_000 }),
  fairId: Nullable(Type.Integer({ minimum: 1 })),
  programCode: Nullable(Type.String({ pattern: '^[a-z0-9_]{2,50}$' })),
  expiresAt: Nullable(Type.String({ format: 'date-time', description: 'end of the publication window' })),
}

export const NewVacancy = Type.Object({
  ...editable,
  requirements: Type.Optional(editable.requirements),
  schedule: Type.Optional(editable.schedule),
  fairId: Type.Optional(editable.fairId),
  programCode: Type.Optional(editable.programCode),
  expiresAt: Type.Optional(editable.expiresAt),
})
export type NewVacancy = Static<typeof NewVacancy>

export const VacancyPatch = Type.Partial(Type.Object(editable), { minProperties: 1 })
export type VacancyPatch = Static<typeof VacancyPatch>

export const WordingFlag = Type.Object({
  phrase: Type.String(),
  category: Type.Union([L('age'), L('sex'), L('ethnicity')]),
  lang: Type.Union([L('kk'), L('ru'), L('en')]),
})

export const Vacancy = Type.Object({
  id: Type.Integer(),
  employerBin: Type.String(),
  employerName: Type.String(),
  title: Type.String(),
  occupationCode: Type.String(),
  description: Type.String(),
  requirements: Requirements,
  wageMin: Type.Integer(),
  wageMax: Type.Integer(),
  employmentType: EmploymentType,
  schedule: Schedule,
  katoCode: Type.String(),
  regionCode: Type.String(),
  districtCode: Nullable(Type.String()),
  positions: Type.Integer(),
  positionsFilled: Type.Integer(),
  projectId: Nullable(
    Type.Integer({
      description:
        "the national project the vacancy is attached to; set only by the project's contractor through POST /api/projects/{id}/vacancies",
    }),
  ),
  fairId: Nullable(Type.Integer()),
  programCode: Nullable(Type.String()),
  state: VacancyState,
  publishedAt: Nullable(Type.String({ format: 'date-time' })),
  expiresAt: Nullable(Type.String({ format: 'date-time' })),
  closedAt: Nullable(Type.String({ format: 'date-time' })),
  createdAt: Type.String({ format: 'date-time' }),
  updatedAt: Type.String({ format: 'date-time' }),
})
export type Vacancy = Static<typeof Vacancy>

/** An employer's view after a change: the vacancy and the same employer's open vacancies it likely duplicates. */
export const VacancyWithChecks = Type.Composite([
  Vacancy,
  Type.Object({
    duplicateOf: Type.Array(Type.Integer(), {
      description:
        "ids of this employer's open vacancies with the same occupation and place and a near-identical title",
    }),
    wordingFlags: Type.Array(WordingFlag, {
      description:
        'phrases that exclude people by age, sex or ethnicity; publication is refused while any remain (empty for a vacancy of a fair or programme)',
    }),
  }),
])
export type VacancyWithChecks = Static<typeof VacancyWithChecks>

/** The employer's own list: each vacancy with how many seekers applied to it. */
export const OwnVacancy = Type.Composite([
  Vacancy,
  Type.Object({ applicants: Type.Integer({ minimum: 0, description: 'applications in every state' }) }),
])
export type OwnVacancy = Static<typeof OwnVacancy>

export const VacancyId = Type.Object({ id: Type.Integer({ minimum: 1 }) })
