import type { ColumnType, Generated } from 'kysely'
import type { EnrolmentState } from './programme.rules.js'

/** Kysely types of the programmes module's tables (schema `programmes`); only this module's repositories use them. */

type Numeric = ColumnType<string, number | string, number | string>
type Json = ColumnType<unknown, string, string>

export interface ProgrammeTable {
  code: string
  name_kk: string
  name_ru: string
  name_en: string
  target_group_en: string
  rules: unknown
  duration_months: number
  payment: 'monthly' | 'once'
  parameter_key: string
  status_on_start: string | null
  status_on_exit: string | null
  sort_order: number
}

export interface PersonFlagTable {
  iin: string
  flag: string
  recorded_by: number
  recorded_at: Generated<Date>
  note: string | null
}

export interface PlanTable {
  id: Generated<number>
  region_code: string
  year: number
  programme_code: string
  places: number
  budget: Numeric
  places_committed: Generated<number>
  places_spent: Generated<number>
  budget_committed: ColumnType<string, number | string | undefined, number | string>
  budget_spent: ColumnType<string, number | string | undefined, number | string>
  people_enrolled: Generated<number>
  people_completed: Generated<number>
  people_dropped: Generated<number>
  followed_up: Generated<number>
  employed_after_6m: Generated<number>
  set_by: number
  updated_at: Generated<Date>
}

export interface EnrolmentTable {
  id: Generated<number>
  plan_id: number
  programme_code: string
  region_code: string
  year: number
  iin: string
  start_date: string
  end_date: string
  state: Generated<EnrolmentState>
  cost: Numeric
  parameters: Json
  eligibility: Json
  purpose: string
  proposed_by: number
  proposed_at: Generated<Date>
  decided_by: number | null
  decided_at: Date | null
  refusal_reason: string | null
  exit_date: string | null
  exit_reason: string | null
  spent: ColumnType<string | null, number | null, number | null>
  followup_date: string | null
  followup_status: string | null
  followup_group: string | null
}

export interface LedgerTable {
  id: Generated<number>
  plan_id: number
  enrolment_id: number
  entry: 'commit' | 'spend' | 'release'
  places: number
  amount: Numeric
  actor_id: number
  at: Generated<Date>
}

export interface OutboxTable {
  id: Generated<number>
  iin: string
  payload: Json
  created_at: Generated<Date>
  processed_at: ColumnType<Date | null, Date | null | undefined, Date | null>
}

/** identity's published view (identity.person_facts), read-only here. */
export interface PersonFactsView {
  iin: string
  birth_date: string | null
  region_code: string
  kato_code: string | null
}

// A type alias, not an interface: `withTables` needs an index signature.
export type ProgrammesTables = {
  'programmes.programmes': ProgrammeTable
  'programmes.person_flags': PersonFlagTable
  'programmes.plans': PlanTable
  'programmes.enrolments': EnrolmentTable
  'programmes.ledger': LedgerTable
  'programmes.outbox': OutboxTable
  'identity.person_facts': PersonFactsView
}
