// The public vacancy search and vacancy page: the one chunk a citizen needs besides the shell (see routes.tsx).
import '../../i18n/exchange'

export { SearchPage } from './search-page'
export { VacancyPage } from './vacancy-page'
