export { seedProgrammesDemo } from './demo.service.js'
export { programmeRoutes } from './programme.routes.js'
export {
  claimProgrammesOutbox,
  followUpCompletions,
  markProgrammesOutboxProcessed,
  PROGRAMS_CHANNEL,
} from './programme.service.js'
