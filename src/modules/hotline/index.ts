export { seedHotlineDemo } from './demo.service.js'
export { hotlineRoutes } from './hotline.routes.js'
export type { ReportCategory, ReportStatus } from './hotline.rules.js'
