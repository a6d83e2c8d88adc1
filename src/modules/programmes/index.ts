export { seedProgrammesDemo } from './demo.service.js'
export { programmeRoutes } from './programme.routes.js'
export {
  claimProgrammesOutbox,
  followUpCompletions,
  markProgrammesOutboxProcessed,
  PROGRAMS_CHANNEL,
  readProgrammesOverview,
} from './programme.service.js'
