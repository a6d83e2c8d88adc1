export { seedProjectsDemo } from './demo.service.js'
export { projectRoutes } from './project.routes.js'
