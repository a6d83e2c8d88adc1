// Hand-written mirror of the backend's response shapes. The web app has its own tsconfig and bundler,
// so it does not import from src/; keep these in step with the API schemas.

export type Role = 'citizen' | 'employer' | 'officer' | 'manager' | 'analyst' | 'channel' | 'admin'

export const roles: readonly Role[] = ['citizen', 'employer', 'officer', 'manager', 'analyst', 'channel', 'admin']

export interface Account {
  id: number
  login: string
  role: Role
  displayName: string
  regionCode: string | null
  districtCode: string | null
  iin: string | null
  bin: string | null
  /** For a channel's staff account, the channel it submits as; absent for other roles. */
  channelCode?: string | null
}

export interface Region {
  code: string
  iso: string
  kato: string
  type: 'region' | 'city'
  nameKk: string
  nameRu: string
  nameEn: string
  centerKk: string
  centerRu: string
  centerEn: string
}

export interface ErrorBody {
  error: { code: string; message: string; details?: unknown }
}

/** A unit of the KATO classifier; KATO names units in Russian and, for most, in Kazakh, never in English. */
export interface KatoUnit {
  code: string
  parentCode: string | null
  regionCode: string
  level: number
  type: string | null
  nameRu: string
  nameKk: string | null
  validFrom: string
  validTo: string | null
}

export interface StatusCategory {
  code: string
  group: string
  nameKk: string
  nameRu: string
  nameEn: string
}

/** Anything the API names in the three interface languages. */
export interface Named {
  nameKk: string
  nameRu: string
  nameEn: string
}

// The employment-status registry.

export interface Channel extends Named {
  code: string
  allowedStatuses: string[]
  freshnessDays: number
}

export interface CurrentStatus {
  status: string
  validFrom: string
  channel: string
  confirmedAt: string
  freshUntil: string
  isStale: boolean
}

export type EventOutcome = 'applied' | 'superseded'

export interface StatusEvent {
  id: number
  status: string
  validFrom: string
  validTo: string | null
  recordedAt: string
  channel: string
  batchId: number | null
  sourceRef: string
  outcome: EventOutcome
}

export interface PersonStatus {
  iin: string
  current: CurrentStatus | null
  /** Newest first. */
  history: StatusEvent[]
}

export type BatchState = 'received' | 'validating' | 'applying' | 'done' | 'failed'

export const batchStates: readonly BatchState[] = ['received', 'validating', 'applying', 'done', 'failed']

export type BatchFormat = 'csv' | 'jsonl'

export interface BatchCounts {
  received: number
  applied: number
  superseded: number
  duplicate: number
  rejected: number
}

export interface Batch {
  id: number
  channel: string
  state: BatchState
  fileName: string | null
  format: BatchFormat | 'api'
  createdAt: string
  finishedAt: string | null
  error: string | null
  counts: BatchCounts
}

/**
 * Registry counts for a territory. For a national view each row is a region; for one region's view each row
 * is a district of it (districtCode null: people recorded without a district).
 */
export interface RegionSummary {
  regionCode: string
  districtCode?: string | null
  people: number
  known: number
  unknown: number
  stale: number
}

export type PlanCategory = 'hired' | 'self_employed' | 'subsidiary_farm' | 'unemployed_unregistered'

export const planCategories: readonly PlanCategory[] = [
  'hired',
  'self_employed',
  'subsidiary_farm',
  'unemployed_unregistered',
]

export interface PlanProgress {
  regionCode: string
  districtCode: string | null
  category: PlanCategory
  year: number
  target: number
  done: number
  percent: number
}

export type CheckState = 'missing' | 'stale' | 'current'

export type RecordOutcome = 'applied' | 'superseded' | 'duplicate' | 'rejected'
