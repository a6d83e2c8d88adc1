export { fairRoutes } from './fair.routes.js'
export { switchFairs } from './fair.service.js'
export { type FairsOverview, readFairsOverview } from './overview.repository.js'
