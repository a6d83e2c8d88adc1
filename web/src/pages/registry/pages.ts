// The registry's staff pages without charts, loaded when one of them is first opened (see app.tsx).
export { BatchUploadPage } from './batch-upload-page'
export { PersonLookupPage } from './person-lookup-page'
export { PointOfServicePage } from './point-of-service-page'
