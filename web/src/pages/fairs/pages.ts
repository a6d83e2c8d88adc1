// The fairs' pages, loaded when one of them is first opened (see routes.tsx).
import '../../i18n/fairs'

export { BoothPage } from './booth-page'
export { FairListPage } from './fair-list-page'
export { FairPage } from './fair-page'
