import type { ColumnType, Generated } from 'kysely'

/** Table types for Kysely. Each module owns its tables; only its repositories query them. */

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>
/** `date` columns come back as ISO strings (see the type parser in client.ts). */
type DateString = ColumnType<string, string, string>

export interface RegionTable {
  code: string
  iso: string
  kato: string
  type: 'region' | 'city'
  name_kk: string
  name_ru: string
  name_en: string
  center_en: string
  center_kk: string
  center_ru: string
}

export interface KatoTable {
  code: string
  parent_code: string | null
  region_code: string
  level: number
  type: string | null
  name_ru: string
  name_kk: string | null
  valid_from: ColumnType<string, string | undefined, string>
  valid_to: DateString | null
}

export interface OccupationTable {
  code: string
  level: number
  parent_code: string | null
  title_en: string
  title_ru: string | null
  title_kk: string | null
}

export interface StatusCategoryTable {
  code: string
  status_group: string
  name_kk: string
  name_ru: string
  name_en: string
  sort_order: number
}

export interface ParameterTable {
  key: string
  valid_from: DateString
  value: string | null
  value_json: unknown | null
  unit: string
  is_verified: boolean
  source: string
  note: string | null
}

export interface PersonTable {
  iin: string
  surname: string
  given_name: string
  patronymic: string | null
  birth_date: DateString | null
  sex: 'M' | 'F' | null
  region_code: string
  kato_code: string | null
  created_at: Generated<Date>
  updated_at: Generated<Date>
}

export interface OrganisationTable {
  bin: string
  name: string
  region_code: string
  kato_code: string | null
  created_at: Generated<Date>
}

export type Role = 'citizen' | 'employer' | 'officer' | 'manager' | 'analyst' | 'channel' | 'admin'
export const ROLES: readonly Role[] = ['citizen', 'employer', 'officer', 'manager', 'analyst', 'channel', 'admin']

export interface AccountTable {
  id: Generated<number>
  login: string
  password_hash: string
  role: Role
  region_code: string | null
  district_code: string | null
  iin: string | null
  bin: string | null
  channel_code: string | null
  display_name: string
  is_demo: Generated<boolean>
  is_disabled: Generated<boolean>
  created_at: Generated<Date>
}

export interface SessionTable {
  token_hash: Buffer
  account_id: number
  created_at: Generated<Date>
  expires_at: Timestamp
}

export interface ApiKeyTable {
  id: Generated<number>
  account_id: number
  key_hash: Buffer
  label: string
  created_at: Generated<Date>
  revoked_at: Timestamp | null
}

export interface AuditLogTable {
  seq: number
  at: Date
  actor_id: number | null
  actor_login: string
  actor_role: string
  action: string
  subject_iin: string | null
  purpose: string | null
  details: unknown
  prev_hash: Buffer
  hash: Buffer
}

export interface Database {
  'reference.regions': RegionTable
  'reference.kato': KatoTable
  'reference.occupations': OccupationTable
  'reference.status_categories': StatusCategoryTable
  'reference.parameters': ParameterTable
  'identity.people': PersonTable
  'identity.organisations': OrganisationTable
  'identity.accounts': AccountTable
  'identity.sessions': SessionTable
  'identity.api_keys': ApiKeyTable
  'audit.log': AuditLogTable
}
