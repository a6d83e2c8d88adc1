export { findAccountByLogin } from './account.repository.js'
export { type AuditEvent, appendAudit, verifyAuditChain } from './audit.service.js'
export { installAuth } from './auth.plugin.js'
export { authRoutes } from './auth.routes.js'
export { hashPassword, issueApiKey } from './auth.service.js'
export {
  DEMO_ACCOUNTS,
  DEMO_CITIZEN_IIN,
  DEMO_EMPLOYER_BIN,
  seedDemoAccounts,
  seedDemoChannelAccounts,
} from './demo.service.js'
export { getOrganisation } from './organisation.service.js'
export { generatePeople } from './person.generator.js'
export { personRoutes } from './person.routes.js'
export type { Person } from './person.schema.js'
export { authorizeStaffRead, readPersonAsStaff, scopeOf } from './person.service.js'
export { seedPopulation } from './seed.service.js'
