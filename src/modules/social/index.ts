export type { BenefitKind, BenefitResult } from './benefit.rules.js'
export { calculateBenefit } from './benefit.service.js'
export { ingestIncomes, PLATFORMS_CHANNEL, submitIncomes, sweepAbandonedIncomeBatches } from './income.service.js'
export { socialRoutes } from './social.routes.js'
