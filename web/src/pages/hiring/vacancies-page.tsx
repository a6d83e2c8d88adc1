import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { useOwnVacancies } from '../../api/hiring'
import { currentLanguage } from '../../i18n'
import { formatDate } from '../../i18n/format'
import { PageHeading } from '../../layout/page-heading'
import { ErrorPanel, LoadingPanel } from '../../layout/status-panels'
import { useDocumentTitle } from '../../layout/use-document-title'
import { sectionPaths } from '../../session/workspaces'
import { VacancyStateBadge, wageRange } from './hiring-shared'

/** The employer's own vacancies in every state, with their applicants and publication window. */
export function VacanciesPage() {
  const { t } = useTranslation()
  const language = currentLanguage()
  useDocumentTitle(t('hiring.vacancies.title'))
  const vacancies = useOwnVacancies()

  return (
    <div className="hiring">
      <PageHeading lead={t('hiring.vacancies.lead')}>{t('hiring.vacancies.title')}</PageHeading>
      <p>
        <Link className="button" to={`${sectionPaths.employerVacancies}/new`}>
          {t('hiring.vacancies.new')}
        </Link>
      </p>
      {vacancies.isPending ? (
        <LoadingPanel />
      ) : vacancies.isError ? (
        <ErrorPanel error={vacancies.error} onRetry={() => void vacancies.refetch()} />
      ) : vacancies.data.length === 0 ? (
        <p className="notice">{t('hiring.vacancies.empty')}</p>
      ) : (
        <div className="table-wrap">
          <table className="table">
            <caption>{t('hiring.vacancies.caption', { n: vacancies.data.length })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('hiring.vacancies.columns.title')}</th>
                <th scope="col">{t('hiring.vacancies.columns.state')}</th>
                <th scope="col" className="table__number">
                  {t('hiring.vacancies.columns.applicants')}
                </th>
                <th scope="col" className="table__number">
                  {t('hiring.vacancies.columns.positions')}
                </th>
                <th scope="col" className="table__number">
                  {t('hiring.vacancies.columns.wage')}
                </th>
                <th scope="col">{t('hiring.vacancies.columns.expires')}</th>
              </tr>
            </thead>
            <tbody>
              {vacancies.data.map((vacancy) => (
                <tr key={vacancy.id}>
                  <th scope="row">
                    <Link to={`${sectionPaths.employerVacancies}/${vacancy.id}`}>{vacancy.title}</Link>
                    <span className="table__sub">{t('hiring.vacancyNumber', { id: vacancy.id })}</span>
                  </th>
                  <td>
                    <VacancyStateBadge state={vacancy.state} />
                  </td>
                  <td className="table__number">
                    {vacancy.applicants > 0 ? (
                      <Link
                        to={`${sectionPaths.candidates}?vacancy=${vacancy.id}`}
                        aria-label={t('hiring.vacancies.applicantsLink', {
                          n: vacancy.applicants,
                          title: vacancy.title,
                        })}
                      >
                        {vacancy.applicants}
                      </Link>
                    ) : (
                      0
                    )}
                  </td>
                  <td className="table__number">
                    {t('hiring.vacancies.filledOf', { filled: vacancy.positionsFilled, total: vacancy.positions })}
                  </td>
                  <td className="table__number">{wageRange(vacancy.wageMin, vacancy.wageMax, language)}</td>
                  <td>{vacancy.expiresAt ? formatDate(vacancy.expiresAt, language) : '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  )
}
