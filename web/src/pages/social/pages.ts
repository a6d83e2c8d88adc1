// The signed-in social pages (incomes, benefits, the hotline's staff side), loaded when first opened (see routes.tsx).
import '../../i18n/social'

export { BenefitLookupPage } from './benefit-lookup-page'
export { HotlineCallPage } from './hotline-call-page'
export { HotlineCasePage } from './hotline-case-page'
export { HotlineQueuePage } from './hotline-queue-page'
export { MySocialPage } from './my-social-page'
export { PlatformIncomesPage } from './platform-incomes-page'
