// The public hotline form and follow-up page, loaded when one of them is first opened (see routes.tsx).
import '../../i18n/social'

export { HotlineFollowPage } from './hotline-follow-page'
export { HotlineReportPage } from './hotline-report-page'
