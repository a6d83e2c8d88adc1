import { type Static, Type } from '@sinclair/typebox'
import { EmploymentType, Schedule } from './vacancy.schema.js'

const Nullable = <T extends import('@sinclair/typebox').TSchema>(t: T) => Type.Union([t, Type.Null()])

export const SearchQuery = Type.Object({
  q: Type.Optional(
    Type.String({ maxLength: 200, description: 'words in Kazakh, Russian or English; typos tolerated' }),
  ),
  region: Type.Optional(Type.Array(Type.String({ pattern: '^\\d{2}$' }), { maxItems: 20 })),
  district: Type.Optional(Type.Array(Type.String({ pattern: '^\\d{9}$' }), { maxItems: 50 })),
  occupation: Type.Optional(
    Type.Array(Type.String({ pattern: '^\\d{1,4}$' }), {
      maxItems: 20,
      description:
        'ISCO-08 code or group prefix: 2 = professionals, 25 = ICT professionals, 2512 = software developers',
    }),
  ),
  wage_min: Type.Optional(
    Type.Integer({ minimum: 0, description: 'vacancies that can pay at least this (wage_max ≥)' }),
  ),
  employment_type: Type.Optional(Type.Array(EmploymentType, { maxItems: 5 })),
  no_experience: Type.Optional(Type.Boolean()),
  remote: Type.Optional(Type.Boolean()),
  project: Type.Optional(Type.Integer({ minimum: 1 })),
  fair: Type.Optional(Type.Integer({ minimum: 1 })),
  posted_since: Type.Optional(Type.String({ format: 'date', description: 'YYYY-MM-DD' })),
  sort: Type.Optional(Type.Union([Type.Literal('relevance'), Type.Literal('date'), Type.Literal('wage')])),
  page: Type.Integer({ minimum: 1, maximum: 500, default: 1 }),
  page_size: Type.Integer({ minimum: 1, maximum: 100, default: 20 }),
})
export type SearchQuery = Static<typeof SearchQuery>

export const VacancySummary = Type.Object({
  id: Type.Integer(),
  title: Type.String(),
  employerName: Type.String(),
  occupationCode: Type.String(),
  regionCode: Type.String(),
  districtCode: Nullable(Type.String()),
  katoCode: Type.String(),
  wageMin: Type.Integer(),
  wageMax: Type.Integer(),
  employmentType: EmploymentType,
  schedule: Schedule,
  experienceYears: Type.Integer(),
  positions: Type.Integer(),
  positionsFilled: Type.Integer(),
  projectId: Nullable(Type.Integer()),
  fairId: Nullable(Type.Integer()),
  publishedAt: Type.String({ format: 'date-time' }),
  expiresAt: Type.String({ format: 'date-time' }),
})
export type VacancySummary = Static<typeof VacancySummary>

const Counts = Type.Record(Type.String(), Type.Integer())

export const SearchResult = Type.Object({
  total: Type.Integer(),
  page: Type.Integer(),
  pageSize: Type.Integer(),
  matchedBy: Type.Union([Type.Literal('all'), Type.Literal('fulltext'), Type.Literal('fuzzy')], {
    description: 'fuzzy: nothing matched the words, so titles similar to the query are shown (typo tolerance)',
  }),
  correctedQuery: Type.Optional(
    Type.String({ description: 'the words searched instead when the typed ones matched nothing (typo correction)' }),
  ),
  items: Type.Array(VacancySummary),
  facets: Type.Object(
    { region: Counts, employment_type: Counts, occupation_major: Counts },
    { description: 'counts under the current filters, each facet ignoring its own filter' },
  ),
})
export type SearchResult = Static<typeof SearchResult>

export const SuggestQuery = Type.Object({
  q: Type.String({ minLength: 2, maxLength: 100 }),
  limit: Type.Integer({ minimum: 1, maximum: 20, default: 8 }),
})

export const Suggestion = Type.Object({
  kind: Type.Union([Type.Literal('occupation'), Type.Literal('title')]),
  text: Type.String(),
  occupationCode: Nullable(Type.String()),
  count: Nullable(Type.Integer({ description: 'published vacancies with this title' })),
})
export const SuggestResult = Type.Object({ items: Type.Array(Suggestion) })
export type SuggestResult = Static<typeof SuggestResult>
