export { DEMO_FAIR_TITLE, seedFairsDemo } from './demo.service.js'
export { fairRoutes } from './fair.routes.js'
export { switchFairs } from './fair.service.js'
export { remindInterviews } from './notification.service.js'
