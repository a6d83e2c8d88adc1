import type { Role } from '../api/types'

export type Section =
  | 'vacancies'
  | 'applications'
  | 'employerVacancies'
  | 'candidates'
  | 'fairs'
  | 'status'
  | 'accessLog'
  | 'programmes'
  | 'seekers'
  | 'referrals'
  | 'referralStatistics'
  | 'referralLimits'
  | 'registry'
  | 'formalisation'
  | 'statusCheck'
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
  | 'social'
  | 'platformIncomes'
  | 'benefits'
  | 'hotlineStatistics'
  | 'hotlineCall'

export const sectionPaths: Record<Section, string> = {
  vacancies: '/vacancies',
  applications: '/applications',
  employerVacancies: '/employer/vacancies',
  candidates: '/employer/candidates',
  fairs: '/fairs',
  status: '/status',
  accessLog: '/access-log',
  programmes: '/programmes',
  seekers: '/seekers',
  referrals: '/referrals',
  referralStatistics: '/referral-statistics',
  referralLimits: '/referral-limits',
  registry: '/registry',
  formalisation: '/registry/formalisation',
  statusCheck: '/registry/check',
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
  social: '/social',
  platformIncomes: '/platform-incomes',
  benefits: '/benefits',
  hotlineStatistics: '/hotline/statistics',
  hotlineCall: '/hotline/call',
}

/**
 * The sections each role's menu offers, in menu order. This only shapes the interface: the API decides
 * what a role may read, so a section missing here is a convenience, not a permission.
 */
export const roleSections: Record<Role, readonly Section[]> = {
  citizen: ['vacancies', 'applications', 'fairs', 'status', 'social', 'accessLog'],
  employer: ['employerVacancies', 'candidates', 'fairs', 'programmes', 'platformIncomes'],
  officer: [
    'seekers',
    'referrals',
    'referralStatistics',
    'registry',
    'hotline',
    'hotlineStatistics',
    'benefits',
    'programmes',
    'fairs',
  ],
  manager: ['programmes', 'enrolments', 'projects', 'referralStatistics'],
  analyst: [
    'dashboards',
    'formalisation',
    'regions',
    'fairs',
    'projects',
    'programmes',
    'hotlineStatistics',
    'referralStatistics',
  ],
  admin: ['accounts', 'channels', 'auditLog', 'referenceData', 'fairs', 'referralStatistics', 'referralLimits'],
  channel: ['statusCheck', 'batches', 'apiKeys', 'hotlineCall'],
}

/** Menu sections only some channels' staff use, by channel code: the contact centre takes hotline calls. */
export const channelOnlySections: Partial<Record<Section, readonly string[]>> = { hotlineCall: ['contact1414'] }

/** The menu of an account: its role's sections, less the channel-only ones that are not its channel's. */
export function menuSections(role: Role, channelCode: string | null | undefined): readonly Section[] {
  return roleSections[role].filter((section) => {
    const channels = channelOnlySections[section]
    return role !== 'channel' || channels === undefined || channels.includes(channelCode ?? '')
  })
}

/** Roles whose work is bounded by one region, so their workspace is named after it. */
export function isRegionalRole(role: Role): boolean {
  return role === 'officer' || role === 'manager'
}

export type RegistryPage = 'lookup' | 'batches' | 'formalisation' | 'check' | 'channelBatches'

/**
 * The registry's built pages and the roles each is for. Officers move between theirs with the registry's
 * own sub-menu, under the one "registry" item of the main menu; analysts and channels reach theirs from the
 * main menu.
 */
export const registryPages: Record<RegistryPage, { path: string; roles: readonly Role[] }> = {
  lookup: { path: sectionPaths.registry, roles: ['officer'] },
  batches: { path: '/registry/batches', roles: ['officer'] },
  formalisation: { path: sectionPaths.formalisation, roles: ['officer', 'analyst'] },
  check: { path: sectionPaths.statusCheck, roles: ['channel'] },
  // A channel uploads its own files on the same page, under its own menu item.
  channelBatches: { path: sectionPaths.batches, roles: ['channel'] },
}

/** Sections whose page is built, so the app routes them to it rather than to the "being built" notice. */
export const builtSections: ReadonlySet<Section> = new Set(['registry', 'formalisation', 'statusCheck', 'batches'])
