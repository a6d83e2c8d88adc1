import type { ColumnType, Generated } from 'kysely'

/** Kysely types of the exchange's own tables (schema `exchange`); only this module's repositories query them. */

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>
type NullableTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>

export type EducationLevel = 'none' | 'secondary' | 'vocational' | 'higher' | 'postgraduate'
export type EmploymentType = 'permanent' | 'temporary' | 'seasonal' | 'shift' | 'remote'
export type Schedule = 'full_day' | 'part_time' | 'flexible' | 'shift_work' | 'rotation'
export type VacancyState = 'draft' | 'published' | 'closed' | 'filled' | 'expired'
export type LanguageCode = 'kk' | 'ru' | 'en'
export type LanguageLevel = 'basic' | 'intermediate' | 'fluent' | 'native'
export interface LanguageRequirement {
  lang: LanguageCode
  level: LanguageLevel
}
export type ApplicationState =
  | 'submitted'
  | 'viewed'
  | 'shortlisted'
  | 'interview'
  | 'offer'
  | 'hired'
  | 'rejected'
  | 'withdrawn'

export interface VacancyTable {
  id: Generated<number>
  employer_bin: string
  employer_name: string
  title: string
  occupation_code: string
  occupation_major: ColumnType<string, never, never>
  description: string
  education_level: ColumnType<EducationLevel, EducationLevel | undefined, EducationLevel>
  experience_years: ColumnType<number, number | undefined, number>
  skills: ColumnType<string[], string[] | undefined, string[]>
  languages: ColumnType<LanguageRequirement[], string | undefined, string>
  driving_licence: ColumnType<string[], string[] | undefined, string[]>
  wage_min: number
  wage_max: number
  employment_type: EmploymentType
  schedule: ColumnType<Schedule, Schedule | undefined, Schedule>
  kato_code: string
  region_code: string
  district_code: string | null
  positions: number
  positions_filled: Generated<number>
  project_id: number | null
  fair_id: number | null
  program_code: string | null
  state: ColumnType<VacancyState, VacancyState | undefined, VacancyState>
  published_at: NullableTimestamp
  expires_at: NullableTimestamp
  closed_at: NullableTimestamp
  created_at: Generated<Date>
  updated_at: Timestamp
  search: ColumnType<string, never, never>
}

export interface ApplicationTable {
  id: Generated<number>
  vacancy_id: number
  seeker_iin: string
  seeker_name: string
  cover_letter: string | null
  state: ColumnType<ApplicationState, ApplicationState | undefined, ApplicationState>
  created_at: Generated<Date>
  updated_at: Timestamp
}

export interface ApplicationEventTable {
  id: Generated<number>
  application_id: number
  state: ApplicationState
  reason: string | null
  actor_role: string
  actor_id: number | null
  at: Generated<Date>
}

export interface OutboxTable {
  id: Generated<number>
  event_type: string
  iin: string
  payload: ColumnType<unknown, string, string>
  created_at: Generated<Date>
  processed_at: NullableTimestamp
}

export interface ReferralLimitTable {
  region_code: string
  year: number
  total: number
  used: ColumnType<number, number | undefined, number>
}

export type ReferralOutcome = 'hired' | 'not_hired' | 'no_show'

export interface ReferralTable {
  id: Generated<number>
  vacancy_id: number
  seeker_iin: string
  region_code: string
  year: number
  officer_account_id: number
  note: string | null
  outcome: ReferralOutcome | null
  outcome_reason: string | null
  outcome_at: NullableTimestamp
  created_at: Generated<Date>
}

export type ProfileVisibility = 'private' | 'officers' | 'employers'
export interface EducationEntry {
  level: EducationLevel
  field: string
  institution: string
  year: number
}
export interface ExperienceEntry {
  occupationCode: string
  title: string
  employerName: string
  from: string
  to: string | null
}

export interface ProfileTable {
  seeker_iin: string
  education: ColumnType<EducationEntry[], string, string>
  experience: ColumnType<ExperienceEntry[], string, string>
  skills: string[]
  languages: ColumnType<LanguageRequirement[], string, string>
  desired_occupations: string[]
  desired_wage: number | null
  region_code: string | null
  district_code: string | null
  willing_to_relocate: boolean
  visibility: ProfileVisibility
  created_at: Generated<Date>
  updated_at: Timestamp
}

export type AlertFrequency = 'instant' | 'daily'

export interface SavedSearchTable {
  id: Generated<number>
  seeker_iin: string
  name: string
  params: ColumnType<Record<string, unknown>, string, string>
  frequency: AlertFrequency
  checked_until: Timestamp
  created_at: Generated<Date>
}

export interface NotificationTable {
  id: Generated<number>
  recipient_iin: string
  kind: string
  payload: ColumnType<Record<string, unknown>, string, string>
  created_at: Generated<Date>
  read_at: NullableTimestamp
}

export interface AlertDeliveryTable {
  saved_search_id: number
  vacancy_id: number
  notification_id: number
}

export interface EmailOutboxTable {
  id: Generated<number>
  recipient_iin: string
  to_address: string | null
  subject: string
  body: string
  created_at: Generated<Date>
  sent_at: NullableTimestamp
}

// A type alias, not an interface: withTables<T> needs an index-signature-compatible type.
export type ExchangeTables = {
  'exchange.vacancies': VacancyTable
  'exchange.applications': ApplicationTable
  'exchange.application_events': ApplicationEventTable
  'exchange.outbox': OutboxTable
  'exchange.referral_limits': ReferralLimitTable
  'exchange.referrals': ReferralTable
  'exchange.profiles': ProfileTable
  'exchange.saved_searches': SavedSearchTable
  'exchange.notifications': NotificationTable
  'exchange.alert_deliveries': AlertDeliveryTable
  'exchange.email_outbox': EmailOutboxTable
}
