import type { ExportColumn } from '../../shared/table-export.js'
import type { BalanceItem, Overview, overviewTable } from './overview.service.js'
import type { ProjectSummary, ProjectVacancy, RegionJobs } from './project.schema.js'

/** The columns of each table view's CSV/XLSX download; headings in English, the API's words. */

export const projectColumns: readonly ExportColumn<ProjectSummary>[] = [
  { header: 'Project', value: (r) => r.id },
  { header: 'Programme', value: (r) => r.programmeName },
  { header: 'Title', value: (r) => r.title },
  { header: 'Region', value: (r) => r.regionCode },
  { header: 'District (KATO)', value: (r) => r.districtCode },
  { header: 'Sector', value: (r) => r.sector },
  { header: 'Investment, KZT', value: (r) => r.investment },
  { header: 'Tender state', value: (r) => r.tenderState },
  { header: 'Contractor BIN', value: (r) => r.contractorBin },
  { header: 'Contractor', value: (r) => r.contractorName },
  { header: 'Starts', value: (r) => r.startsOn },
  { header: 'Ends', value: (r) => r.endsOn },
  { header: 'Planned permanent jobs', value: (r) => r.plannedPermanent },
  { header: 'Planned temporary jobs', value: (r) => r.plannedTemporary },
  { header: 'Vacancies posted', value: (r) => r.vacancies },
  { header: 'Positions', value: (r) => r.positions },
  { header: 'People hired', value: (r) => r.hires },
  { header: 'Permanent jobs created', value: (r) => r.createdPermanent },
  { header: 'Temporary jobs created', value: (r) => r.createdTemporary },
]

export const vacancyColumns: readonly ExportColumn<ProjectVacancy>[] = [
  { header: 'Project', value: (r) => r.projectId },
  { header: 'Vacancy', value: (r) => r.vacancyId },
  { header: 'Title', value: (r) => r.title },
  { header: 'Occupation (ISCO-08)', value: (r) => r.occupationCode },
  { header: 'Employment type', value: (r) => r.employmentType },
  { header: 'State', value: (r) => r.state },
  { header: 'Positions', value: (r) => r.positions },
  { header: 'Applications', value: (r) => r.applications },
  { header: 'People hired', value: (r) => r.hires },
  { header: 'Published', value: (r) => r.publishedAt },
]

export const regionJobsColumns: readonly ExportColumn<RegionJobs>[] = [
  { header: 'Region', value: (r) => r.regionCode },
  { header: 'Projects', value: (r) => r.projects },
  { header: 'In tender', value: (r) => r.inTender },
  { header: 'Planned permanent jobs', value: (r) => r.plannedPermanent },
  { header: 'Planned temporary jobs', value: (r) => r.plannedTemporary },
  { header: 'Planned jobs', value: (r) => r.planned },
  { header: 'Vacancies posted', value: (r) => r.vacancies },
  { header: 'People hired', value: (r) => r.hires },
  { header: 'Permanent jobs created', value: (r) => r.createdPermanent },
  { header: 'Temporary jobs created', value: (r) => r.createdTemporary },
  { header: 'Jobs created', value: (r) => r.created },
  { header: '% of plan', value: (r) => r.percent },
]

type OverviewRow = ReturnType<typeof overviewTable>[number]
const cell = (key: string) => (r: OverviewRow) => r[key]
export const overviewColumns: readonly ExportColumn<OverviewRow>[] = [
  ['Region', 'regionCode'],
  ['People', 'people'],
  ['Status known', 'known'],
  ['Status unknown', 'unknown'],
  ['Status stale', 'stale'],
  ['Vacancies published', 'vacancies'],
  ['Positions', 'positions'],
  ['Applications', 'applications'],
  ['Hires', 'hires'],
  ['Seeker profiles', 'seekers'],
  ['Projects', 'projects'],
  ['Planned project jobs', 'plannedJobs'],
  ['Project jobs created', 'createdJobs'],
].map(([header, key]) => ({ header: header as string, value: cell(key as string) }))

export type { Overview }

export const balanceColumns: readonly ExportColumn<BalanceItem>[] = [
  { header: 'Region', value: (r) => r.regionCode },
  { header: 'Occupation (ISCO-08)', value: (r) => r.occupationCode },
  { header: 'Occupation', value: (r) => r.title.en },
  { header: 'Vacancies', value: (r) => r.vacancies },
  { header: 'Open positions', value: (r) => r.openPositions },
  { header: 'Seekers', value: (r) => r.seekers },
  { header: 'Seekers under 35', value: (r) => r.youthSeekers },
  { header: 'Seekers − positions', value: (r) => r.gap },
  { header: 'Seekers per position', value: (r) => r.seekersPerPosition },
]
