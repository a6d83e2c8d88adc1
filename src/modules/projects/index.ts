export { seedProjectsDemo } from './demo.service.js'
export { recountLabourBalance } from './overview.service.js'
export { projectRoutes } from './project.routes.js'
export { recountProjectCounts } from './project.service.js'
