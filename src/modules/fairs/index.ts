export { fairRoutes } from './fair.routes.js'
export { switchFairs } from './fair.service.js'
