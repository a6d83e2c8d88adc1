export { getParameterOn, type Parameter } from './parameter.service.js'
export { loadReferenceData } from './reference.loader.js'
export {
  findKato,
  findOccupation,
  findRegion,
  listDistrictsByRegion,
  listOccupations,
  listRegions,
  listStatusCategories,
} from './reference.repository.js'
export { referenceRoutes } from './reference.routes.js'
