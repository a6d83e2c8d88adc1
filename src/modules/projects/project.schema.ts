import { type Static, type TSchema, Type } from '@sinclair/typebox'
import { StringEnum } from '../../shared/schema.js'
import { SECTORS, TENDER_STATES } from './project.rules.js'

const Nullable = <T extends TSchema>(t: T) => Type.Union([t, Type.Null()])
const Day = Type.String({ description: 'calendar day YYYY-MM-DD' })

export const TenderStateSchema = StringEnum(TENDER_STATES)
export const SectorSchema = StringEnum(SECTORS)
export const FormatQuery = Type.Optional(
  StringEnum(['json', 'csv', 'xlsx'] as const, { description: 'json (default), csv or xlsx download' }),
)
export const YearQuery = Type.Optional(
  Type.Integer({ minimum: 2000, maximum: 2100, description: 'calendar year; this year by default' }),
)

export const NationalProgramme = Type.Object({
  id: Type.Integer(),
  code: Type.String(),
  name: Type.String(),
  description: Type.String(),
})
export type NationalProgramme = Static<typeof NationalProgramme>

export const NewNationalProgramme = Type.Object(
  {
    code: Type.String({ pattern: '^[A-Z0-9-]{2,40}$' }),
    name: Type.String({ minLength: 3, maxLength: 300 }),
    description: Type.Optional(Type.String({ maxLength: 5000 })),
  },
  { additionalProperties: false },
)
export type NewNationalProgramme = Static<typeof NewNationalProgramme>

export const PlannedYear = Type.Object(
  {
    year: Type.Integer({ minimum: 2000, maximum: 2100 }),
    // The service, not the schema, refuses a negative number, so the error names the row and says why.
    permanent: Type.Integer(),
    temporary: Type.Integer(),
  },
  { additionalProperties: false },
)

const editable = {
  programmeId: Type.Integer({ minimum: 1 }),
  title: Type.String({ minLength: 3, maxLength: 300 }),
  regionCode: Type.String({ description: 'two-digit region code (ISO 3166-2:KZ)' }),
  districtCode: Nullable(Type.String({ description: 'level-2 KATO code inside the region; null = whole region' })),
  sector: SectorSchema,
  investment: Type.Integer({ minimum: 0, description: 'planned investment, tenge' }),
  tenderState: TenderStateSchema,
  contractorBin: Nullable(Type.String({ description: 'BIN of a registered organisation; required unless in tender' })),
  startsOn: Day,
  endsOn: Day,
  plannedJobs: Type.Array(PlannedYear, { maxItems: 50 }),
}

export const NewProject = Type.Object(
  {
    ...editable,
    districtCode: Type.Optional(editable.districtCode),
    contractorBin: Type.Optional(editable.contractorBin),
    plannedJobs: Type.Optional(editable.plannedJobs),
  },
  { additionalProperties: false },
)
export type NewProject = Static<typeof NewProject>

export const ProjectPatch = Type.Partial(Type.Object(editable), { additionalProperties: false })
export type ProjectPatch = Static<typeof ProjectPatch>

const Counts = {
  plannedPermanent: Type.Integer({ description: "this year's plan" }),
  plannedTemporary: Type.Integer(),
  vacancies: Type.Integer({ description: 'published vacancies of the contractor linked to the project (exchange)' }),
  positions: Type.Integer({ description: 'positions offered by those vacancies (exchange)' }),
  hires: Type.Integer({ description: 'people hired on those vacancies, all time (exchange)' }),
  createdPermanent: Type.Integer({ description: 'hires this year on permanent vacancies (exchange)' }),
  createdTemporary: Type.Integer({
    description: 'hires this year on temporary, seasonal or shift vacancies (exchange)',
  }),
}

export const ProjectSummary = Type.Object({
  id: Type.Integer(),
  programmeId: Type.Integer(),
  programmeName: Type.String(),
  title: Type.String(),
  regionCode: Type.String(),
  districtCode: Nullable(Type.String()),
  sector: SectorSchema,
  investment: Type.Number(),
  tenderState: TenderStateSchema,
  contractorBin: Nullable(Type.String()),
  contractorName: Nullable(Type.String()),
  startsOn: Type.String(),
  endsOn: Type.String(),
  ...Counts,
})
export type ProjectSummary = Static<typeof ProjectSummary>

export const ProjectVacancy = Type.Object({
  projectId: Type.Integer(),
  vacancyId: Type.Integer(),
  title: Type.String(),
  occupationCode: Type.String(),
  employmentType: Type.String(),
  state: Type.String(),
  positions: Type.Integer(),
  applications: Type.Integer(),
  hires: Type.Integer(),
  publishedAt: Nullable(Type.String()),
  linkedAt: Type.String(),
})
export type ProjectVacancy = Static<typeof ProjectVacancy>

export const ProjectDetail = Type.Intersect([
  ProjectSummary,
  Type.Object({
    plannedJobs: Type.Array(
      Type.Object({ year: Type.Integer(), permanent: Type.Integer(), temporary: Type.Integer() }),
    ),
    vacancyList: Type.Array(ProjectVacancy),
  }),
])
export type ProjectDetail = Static<typeof ProjectDetail>

export const ProjectQuery = Type.Object({
  region: Type.Optional(Type.String({ pattern: '^\\d{2}$' })),
  programme: Type.Optional(Type.Integer({ minimum: 1 })),
  state: Type.Optional(TenderStateSchema),
  sector: Type.Optional(SectorSchema),
  action: Type.Optional(
    StringEnum(['needs_contractor', 'no_vacancies'] as const, {
      description:
        'needs_contractor: still in tender without a contractor; no_vacancies: the contractor posted no vacancy for it',
    }),
  ),
  q: Type.Optional(Type.String({ maxLength: 100 })),
  year: YearQuery,
  format: FormatQuery,
})
export type ProjectQuery = Static<typeof ProjectQuery>

export const RegionJobs = Type.Object({
  regionCode: Type.String(),
  projects: Type.Integer(),
  inTender: Type.Integer(),
  plannedPermanent: Type.Integer(),
  plannedTemporary: Type.Integer(),
  planned: Type.Integer(),
  vacancies: Type.Integer(),
  hires: Type.Integer(),
  createdPermanent: Type.Integer(),
  createdTemporary: Type.Integer(),
  created: Type.Integer(),
  percent: Type.Number({ description: 'created / planned × 100, one decimal' }),
})
export type RegionJobs = Static<typeof RegionJobs>

const CountedAt = Nullable(
  Type.String({
    format: 'date-time',
    description:
      "when the exchange's hires and vacancies were last counted for every project (each minute); null = not yet",
  }),
)

export const JobMap = Type.Object({
  year: Type.Integer(),
  countedAt: CountedAt,
  regions: Type.Array(RegionJobs),
  total: Type.Omit(RegionJobs, ['regionCode']),
})
export type JobMap = Static<typeof JobMap>

export const DRILL_DOWN_PAGE = 25
export const DRILL_DOWN_MAX_PAGE = 100
export const DrillDownQuery = Type.Object({
  year: YearQuery,
  offset: Type.Optional(Type.Integer({ minimum: 0, description: 'projects to skip (0 by default)' })),
  limit: Type.Optional(
    Type.Integer({
      minimum: 1,
      maximum: DRILL_DOWN_MAX_PAGE,
      description: `projects in this page (${DRILL_DOWN_PAGE} by default); downloads hold all of them`,
    }),
  ),
  format: FormatQuery,
})
export type DrillDownQuery = Static<typeof DrillDownQuery>

export const RegionDrillDown = Type.Object({
  year: Type.Integer(),
  regionCode: Type.String(),
  countedAt: CountedAt,
  total: Type.Integer({ description: "the region's projects in all pages" }),
  offset: Type.Integer(),
  limit: Type.Integer(),
  projects: Type.Array(Type.Intersect([ProjectSummary, Type.Object({ vacancyList: Type.Array(ProjectVacancy) })])),
})
export type RegionDrillDown = Static<typeof RegionDrillDown>
