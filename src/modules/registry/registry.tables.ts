import type { Generated } from 'kysely'

/** Kysely types of the registry's tables (schema `registry`); only this module's repositories use them. */

export interface ChannelTable {
  code: string
  name_kk: string
  name_ru: string
  name_en: string
  allowed_statuses: string[]
  freshness_days: number
  default_rank: number
  is_internal: boolean
  inbox_enabled: boolean
}

export type BatchState = 'received' | 'validating' | 'applying' | 'done' | 'failed'
export type BatchFormat = 'csv' | 'jsonl' | 'api'

export interface BatchTable {
  id: Generated<number>
  channel_code: string
  state: Generated<BatchState>
  format: BatchFormat
  file_name: string | null
  submitted_by: number | null
  received: Generated<number>
  applied: Generated<number>
  superseded: Generated<number>
  duplicate: Generated<number>
  rejected: Generated<number>
  error: string | null
  created_at: Generated<Date>
  updated_at: Generated<Date>
  finished_at: Date | null
}

export interface BatchRejectionTable {
  batch_id: number
  line: number
  reason: string
  raw: string | null
}

export interface StatusEventTable {
  id: Generated<number>
  iin: string
  status: string
  valid_from: string
  valid_to: string | null
  recorded_at: Date
  channel_code: string
  batch_id: number | null
  source_ref: string
  outcome: 'applied' | 'superseded'
}

export interface CurrentStatusTable {
  iin: string
  status: string
  status_group: string
  valid_from: string
  channel_code: string
  rank: number
  event_id: number
  confirmed_at: Date
  fresh_until: Date
}

export interface FormalisationPlanTable {
  id: Generated<number>
  region_code: string
  district_code: string | null
  year: number
  category: PlanCategory
  target: number
}

export type PlanCategory = 'hired' | 'self_employed' | 'subsidiary_farm' | 'unemployed_unregistered'

// A type alias, not an interface: `withTables` needs an index signature.
export type RegistryTables = {
  'registry.channels': ChannelTable
  'registry.batches': BatchTable
  'registry.batch_rejections': BatchRejectionTable
  'registry.status_events': StatusEventTable
  'registry.current_status': CurrentStatusTable
  'registry.formalisation_plans': FormalisationPlanTable
}
