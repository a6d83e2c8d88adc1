// The employer cabinet and the referral pages, loaded when one of them is first opened (see routes.tsx).
import '../../i18n/hiring'

export { CandidatePage } from './candidate-page'
export { CandidatesPage } from './candidates-page'
export { ReferralLimitsPage } from './referral-limits-page'
export { ReferralStatisticsPage } from './referral-statistics-page'
export { ReferralsPage } from './referrals-page'
export { VacanciesPage } from './vacancies-page'
export { VacancyFormPage } from './vacancy-form-page'
