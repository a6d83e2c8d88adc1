import type { ColumnType, Generated } from 'kysely'
import type { Regime } from './contribution.rules.js'

/** Kysely types of the social module's tables (schema `social`); only this module's repositories use them. */

type Numeric = ColumnType<string, number | string, number | string>

export interface PlatformTable {
  bin: string
  name: string
  registered_at: Generated<Date>
  registered_by: number | null
}

export interface PlatformWorkerTable {
  platform_bin: string
  iin: string
  regime: Regime
  registered_at: Generated<Date>
  updated_at: Generated<Date>
}

export interface IncomeBatchTable {
  id: Generated<number>
  platform_bin: string
  format: 'api' | 'csv'
  file_name: string | null
  submitted_by: number | null
  state: Generated<'received' | 'done' | 'failed'>
  received: Generated<number>
  accepted: Generated<number>
  duplicate: Generated<number>
  rejected: Generated<number>
  error: string | null
  created_at: Generated<Date>
  updated_at: Generated<Date>
  finished_at: Date | null
}

export interface IncomeRejectionTable {
  batch_id: number
  line: number
  reason: string
  raw: string | null
}

export interface ContributionTable {
  platform_bin: string
  iin: string
  month: string
  report_id: string
  batch_id: number
  regime: Regime
  income: Numeric
  pension_base: Numeric
  social_base: Numeric
  pension: Numeric
  employer_pension: Numeric
  social: Numeric
  health_employee: Numeric
  health_employer: Numeric
  total: Numeric
  parameters: ColumnType<{ key: string; validFrom: string; value: number }[], string, string>
  recorded_at: Generated<Date>
}

/** identity's published view for set-based joins (migration 0004). */
export interface PersonFactsView {
  iin: string
  birth_date: string
  region_code: string
  kato_code: string | null
}

// A type alias, not an interface: `withTables` needs an index signature.
export type SocialTables = {
  'social.platforms': PlatformTable
  'social.platform_workers': PlatformWorkerTable
  'social.income_batches': IncomeBatchTable
  'social.income_rejections': IncomeRejectionTable
  'social.contributions': ContributionTable
  'identity.person_facts': PersonFactsView
}
