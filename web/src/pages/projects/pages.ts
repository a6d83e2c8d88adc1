// The projects' pages without charts, loaded when one of them is first opened (see routes.tsx).
import '../../i18n/projects'

export { ProjectPage, ProjectsPage } from './projects-page'
