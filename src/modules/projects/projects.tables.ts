import type { ColumnType, Generated } from 'kysely'

/** Kysely types of the projects module's own tables (schema `projects`); only this module's repositories query them. */

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>
/** `date` columns come back as ISO strings (see the type parser in db/client.ts). */
type DateString = ColumnType<string, string, string>

export type TenderState = 'in_tender' | 'contracted' | 'under_way' | 'done'
export type Sector =
  | 'industry'
  | 'energy'
  | 'construction'
  | 'transport'
  | 'agriculture'
  | 'mining'
  | 'water'
  | 'housing'
  | 'social'
  | 'tourism'
  | 'digital'
  | 'other'

export interface NationalProgrammeTable {
  id: Generated<number>
  code: string
  name: string
  description: ColumnType<string, string | undefined, string>
  created_at: Generated<Date>
}

export interface ProjectTable {
  id: Generated<number>
  programme_id: number
  title: string
  region_code: string
  district_code: string | null
  sector: Sector
  investment: number
  tender_state: TenderState
  contractor_bin: string | null
  contractor_name: string | null
  starts_on: DateString
  ends_on: DateString
  created_at: Generated<Date>
  updated_at: Timestamp
}

export interface PlannedJobsTable {
  project_id: number
  year: number
  permanent: number
  temporary: number
}

export interface ProjectVacancyTable {
  vacancy_id: number
  project_id: number
  /** null: adopted by migration 0022 from the vacancy's own project_id */
  linked_by: number | null
  linked_at: Generated<Date>
}

/** The exchange's published view (exchange.vacancy_facts), read-only here. */
export interface VacancyFactsView {
  vacancy_id: number
  employer_bin: string
  employer_name: string
  title: string
  occupation_code: string
  employment_type: string
  region_code: string
  district_code: string | null
  positions: number
  hires: number
  state: string
  published_at: Date | null
  expires_at: Date | null
  created_at: Date
  project_id: number | null
}

// A type alias, not an interface: withTables<T> needs an index-signature-compatible type.
export type ProjectsTables = {
  'projects.national_programmes': NationalProgrammeTable
  'projects.projects': ProjectTable
  'projects.planned_jobs': PlannedJobsTable
  'projects.project_vacancies': ProjectVacancyTable
  'exchange.vacancy_facts': VacancyFactsView
}
