import type { Role } from '../api/types'

export type Section =
  | 'vacancies'
  | 'applications'
  | 'fairs'
  | 'status'
  | 'accessLog'
  | 'programmes'
  | 'seekers'
  | 'referrals'
  | 'registry'
  | 'hotline'
  | 'enrolments'
  | 'projects'
  | 'dashboards'
  | 'regions'
  | 'accounts'
  | 'channels'
  | 'auditLog'
  | 'referenceData'
  | 'batches'
  | 'apiKeys'

export const sectionPaths: Record<Section, string> = {
  vacancies: '/vacancies',
  applications: '/applications',
  fairs: '/fairs',
  status: '/status',
  accessLog: '/access-log',
  programmes: '/programmes',
  seekers: '/seekers',
  referrals: '/referrals',
  registry: '/registry',
  hotline: '/hotline',
  enrolments: '/enrolments',
  projects: '/projects',
  dashboards: '/dashboards',
  regions: '/regions',
  accounts: '/accounts',
  channels: '/channels',
  auditLog: '/audit-log',
  referenceData: '/reference-data',
  batches: '/batches',
  apiKeys: '/api-keys',
}

/**
 * The sections each role's menu offers, in menu order. This only shapes the interface: the API decides
 * what a role may read, so a section missing here is a convenience, not a permission.
 */
export const roleSections: Record<Role, readonly Section[]> = {
  citizen: ['vacancies', 'applications', 'fairs', 'status', 'accessLog'],
  employer: ['vacancies', 'applications', 'fairs', 'programmes'],
  officer: ['seekers', 'referrals', 'registry', 'hotline'],
  manager: ['programmes', 'enrolments', 'projects'],
  analyst: ['dashboards', 'regions', 'fairs', 'projects'],
  admin: ['accounts', 'channels', 'auditLog', 'referenceData'],
  channel: ['batches', 'apiKeys'],
}

/** Roles whose work is bounded by one region, so their workspace is named after it. */
export function isRegionalRole(role: Role): boolean {
  return role === 'officer' || role === 'manager'
}
