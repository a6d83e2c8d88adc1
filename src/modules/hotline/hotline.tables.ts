import type { ColumnType, Generated } from 'kysely'
import type { ReportCategory, ReportSource, ReportStatus } from './hotline.rules.js'

/** Kysely types of the hotline's tables (schema `hotline`); only this module's repository uses them. */

export interface ReportTable {
  id: Generated<number>
  category: ReportCategory
  employer_bin: string | null
  employer_name: string | null
  region_code: string
  description: string
  contact: string | null
  reporter_iin: string | null
  is_anonymous: boolean
  entered_by: number | null
  status: Generated<ReportStatus>
  assigned_to: number | null
  due_date: string
  contracts_concluded: number | null
  contributions_recovered: ColumnType<string | null, number | null, number | null>
  resolution_note: string | null
  created_at: Generated<Date>
  closed_at: Date | null
  source: Generated<ReportSource>
  reporter_name: string | null
  follow_code_sha256: Buffer | null
  reply_to_reporter: string | null
}

export interface ReportEventTable {
  report_id: number
  at: Generated<Date>
  actor_id: number | null
  status: ReportStatus
  note: string | null
}

// A type alias, not an interface: `withTables` needs an index signature.
export type HotlineTables = {
  'hotline.reports': ReportTable
  'hotline.report_events': ReportEventTable
}
