// The seeker's cabinet, loaded when a signed-in seeker first opens it (see routes.tsx).
import '../../i18n/exchange'

export { AlertsPage } from './alerts-page'
export { ApplicationsPage } from './applications-page'
export { ProfilePage } from './profile-page'
export { SeekerFrame } from './seeker-frame'
