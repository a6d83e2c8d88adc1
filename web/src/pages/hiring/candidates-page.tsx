import { useTranslation } from 'react-i18next'
import { Link, useSearchParams } from 'react-router'
import { type Match, type OwnVacancy, type RankedApplication, useApplicants, useOwnVacancies } from '../../api/hiring'
import { currentLanguage } from '../../i18n'
import { formatDateTime } from '../../i18n/format'
import { PageHeading } from '../../layout/page-heading'
import { ErrorPanel, LoadingPanel } from '../../layout/status-panels'
import { useDocumentTitle } from '../../layout/use-document-title'
import { sectionPaths } from '../../session/workspaces'
import { ApplicationStateBadge, VacancyStateBadge } from './hiring-shared'
import { MatchReason } from './match-reason'

/** The vacancy a visit starts with: the one in the address, else the first with applicants, else the first. */
function pickVacancy(vacancies: OwnVacancy[], requested: number | null): OwnVacancy | undefined {
  return (
    vacancies.find((vacancy) => vacancy.id === requested) ??
    vacancies.find((vacancy) => vacancy.applicants > 0) ??
    vacancies[0]
  )
}

/** The candidate pipeline of one vacancy: its applicants ranked by the explainable match score. */
export function CandidatesPage() {
  const { t } = useTranslation()
  useDocumentTitle(t('hiring.candidates.title'))
  const [params, setParams] = useSearchParams()
  const requested = params.get('vacancy') === null ? null : Number(params.get('vacancy'))
  const vacancies = useOwnVacancies()
  const vacancy = vacancies.data ? pickVacancy(vacancies.data, requested) : undefined
  const applicants = useApplicants(vacancy?.id ?? null)

  return (
    <div className="hiring">
      <PageHeading lead={t('hiring.candidates.lead')}>{t('hiring.candidates.title')}</PageHeading>
      {vacancies.isPending ? (
        <LoadingPanel />
      ) : vacancies.isError ? (
        <ErrorPanel error={vacancies.error} onRetry={() => void vacancies.refetch()} />
      ) : !vacancy ? (
        <p className="notice">
          {t('hiring.candidates.noVacancies')}{' '}
          <Link to={`${sectionPaths.employerVacancies}/new`}>{t('hiring.vacancies.new')}</Link>
        </p>
      ) : (
        <>
          <div className="field field--inline hiring__picker">
            <label className="field__label" htmlFor="candidates-vacancy">
              {t('hiring.candidates.vacancy')}
            </label>
            <select
              id="candidates-vacancy"
              className="field__input field__select"
              value={vacancy.id}
              onChange={(event) => setParams({ vacancy: event.target.value }, { replace: true })}
            >
              {vacancies.data.map((item) => (
                <option key={item.id} value={item.id}>
                  {t('hiring.candidates.option', {
                    title: item.title,
                    id: item.id,
                    n: item.applicants,
                  })}
                </option>
              ))}
            </select>
          </div>
          <p className="hiring__summary">
            <VacancyStateBadge state={vacancy.state} />{' '}
            {t('hiring.vacancies.filledOf', { filled: vacancy.positionsFilled, total: vacancy.positions })}{' '}
            {t('hiring.candidates.positionsWord')} ·{' '}
            <Link to={`${sectionPaths.employerVacancies}/${vacancy.id}`}>{t('hiring.candidates.openVacancy')}</Link>
          </p>
          {applicants.isPending ? (
            <LoadingPanel />
          ) : applicants.isError ? (
            <ErrorPanel error={applicants.error} onRetry={() => void applicants.refetch()} />
          ) : applicants.data.length === 0 ? (
            <p className="notice">{t('hiring.candidates.none')}</p>
          ) : (
            <section aria-labelledby="ranked-heading">
              <h2 id="ranked-heading">
                {t('hiring.candidates.ranked', { n: applicants.data.length, title: vacancy.title })}
              </h2>
              <p className="hint">{t('hiring.candidates.rankNote')}</p>
              <ol className="candidates">
                {applicants.data.map((application, index) => (
                  <CandidateCard key={application.id} application={application} rank={index + 1} />
                ))}
              </ol>
            </section>
          )}
        </>
      )}
    </div>
  )
}

function CandidateCard({ application, rank }: { application: RankedApplication; rank: number }) {
  const { t } = useTranslation()
  const language = currentLanguage()
  const headingId = `candidate-${application.id}`
  return (
    <li className="candidate" aria-labelledby={headingId}>
      <div className="candidate__head">
        <span className="candidate__rank" aria-hidden="true">
          {rank}
        </span>
        <h3 id={headingId} className="candidate__name">
          <Link to={`${sectionPaths.candidates}/${application.id}`}>{application.seekerName}</Link>
        </h3>
        <ApplicationStateBadge state={application.state} />
        <span className="candidate__score">
          {application.match ? t('hiring.match.score', { score: application.match.score }) : t('hiring.match.noScore')}
        </span>
      </div>
      <p className="hint">
        {t('hiring.candidates.appliedAt', { at: formatDateTime(application.createdAt, language) })}
      </p>
      {application.match ? (
        <MatchTable match={application.match} seekerName={application.seekerName} />
      ) : (
        <p className="hint">{t('hiring.match.noProfile')}</p>
      )}
    </li>
  )
}

/** The match score's five parts, each with its points, its maximum and its reason in the reader's language. */
export function MatchTable({ match, seekerName }: { match: Match; seekerName: string }) {
  const { t } = useTranslation()
  return (
    <div className="table-wrap match">
      <table className="table">
        <caption>{t('hiring.match.caption', { name: seekerName, score: match.score })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('hiring.match.part')}</th>
            <th scope="col" className="table__number">
              {t('hiring.match.points')}
            </th>
            <th scope="col">{t('hiring.match.reason')}</th>
          </tr>
        </thead>
        <tbody>
          {match.parts.map((part) => (
            <tr key={part.part}>
              <th scope="row">{t(`hiring.match.parts.${part.part}`)}</th>
              <td className="table__number">
                <span className="match__bar" aria-hidden="true">
                  <span style={{ width: `${part.max === 0 ? 0 : (100 * part.points) / part.max}%` }} />
                </span>
                {t('hiring.match.pointsOf', { points: part.points, max: part.max })}
              </td>
              <td>
                <MatchReason part={part} />
              </td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">{t('hiring.match.total')}</th>
            <td className="table__number">{t('hiring.match.pointsOf', { points: match.score, max: 100 })}</td>
            <td />
          </tr>
        </tfoot>
      </table>
    </div>
  )
}
