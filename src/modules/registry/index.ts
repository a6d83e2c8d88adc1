export { seedRegistryDemo } from './demo.service.js'
export { type ParsedRow, parseCsv, parseCsvBatches, parseJsonl } from './event.parser.js'
export { type InboxResult, pickUpInbox } from './inbox.service.js'
export {
  createBatch,
  getBatch,
  ingestBatch,
  listRejections,
  type RegistryDb,
  submitEvents,
  sweepAbandonedBatches,
} from './ingest.service.js'
export { registryRoutes } from './registry.routes.js'
export { listStatusesOn } from './status.repository.js'
export {
  findCurrentStatusCode,
  listPlans as listFormalisationPlans,
  summarise as summariseFormalisation,
} from './status.service.js'
