// The programmes' pages, loaded when one of them is first opened (see routes.tsx).
import '../../i18n/programmes'

export { EnrolmentsPage } from './enrolments-page'
export { ProgrammesPage } from './programmes-page'
