import { useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useLocation } from 'react-router'
import {
  type Application,
  type ApplicationEvent,
  finalApplicationStates,
  useMyApplications,
  useWithdraw,
} from '../../api/exchange'
import { currentLanguage } from '../../i18n'
import { formatDateTime } from '../../i18n/format'
import { PageHeading } from '../../layout/page-heading'
import { ErrorPanel, LoadingPanel } from '../../layout/status-panels'
import { useDocumentTitle } from '../../layout/use-document-title'
import { useAccount } from '../../session/require-session'
import { SectionPage } from '../section-page'
import { daysSince } from './format'
import { SeekerFrame } from './seeker-frame'

/** The seeker's applications, each with its current state, since when, and every step that led there. */
export function ApplicationsPage() {
  const account = useAccount()
  // Employers have an "applications" section of their own, built in their cabinet.
  if (account.role !== 'citizen') return <SectionPage section="applications" />
  return (
    <SeekerFrame>
      <MyApplications />
    </SeekerFrame>
  )
}

function MyApplications() {
  const { t } = useTranslation()
  useDocumentTitle(t('exchange.applications.title'))
  const applications = useMyApplications()
  const { hash } = useLocation()

  useEffect(() => {
    // A link from a vacancy or a notification points at one application: bring it into view and focus.
    if (!hash || !applications.data) return
    const target = document.getElementById(hash.slice(1))
    target?.scrollIntoView({ block: 'start' })
    target?.focus()
  }, [hash, applications.data])

  return (
    <div className="applications">
      <PageHeading lead={t('exchange.applications.lead')}>{t('exchange.applications.title')}</PageHeading>
      {applications.isPending ? (
        <LoadingPanel />
      ) : applications.isError ? (
        <ErrorPanel error={applications.error} onRetry={() => void applications.refetch()} />
      ) : applications.data.length === 0 ? (
        <div className="notice">
          <p>{t('exchange.applications.empty')}</p>
          <Link to="/vacancies">{t('exchange.applications.findVacancies')}</Link>
        </div>
      ) : (
        <ol className="application-list">
          {[...applications.data]
            .sort((a, b) => b.updatedAt.localeCompare(a.updatedAt))
            .map((application) => (
              <ApplicationCard key={application.id} application={application} />
            ))}
        </ol>
      )}
    </div>
  )
}

function ApplicationCard({ application }: { application: Application }) {
  const { t } = useTranslation()
  const language = currentLanguage()
  const withdraw = useWithdraw()
  const [isConfirming, setIsConfirming] = useState(false)
  const confirmRef = useRef<HTMLButtonElement>(null)

  useEffect(() => {
    // The button that asked is gone; the keyboard moves to the question's answer.
    if (isConfirming) confirmRef.current?.focus()
  }, [isConfirming])
  const last: ApplicationEvent | undefined = application.events[application.events.length - 1]
  const since = last?.at ?? application.updatedAt
  const isFinal = finalApplicationStates.includes(application.state)
  const headingId = `application-${application.id}-heading`

  return (
    <li
      className={`card application application--${application.state}`}
      id={`application-${application.id}`}
      tabIndex={-1}
      aria-labelledby={headingId}
    >
      <div className="application__head">
        <h2 id={headingId} className="application__title">
          <Link to={`/vacancies/${application.vacancyId}`}>{application.vacancyTitle}</Link>
        </h2>
        <p className="application__employer">{application.employerName}</p>
      </div>
      <p className="application__now">
        {t('exchange.applications.currentState')}{' '}
        <span className={`badge badge--application-${application.state}`}>
          {t(`exchange.applicationState.${application.state}`)}
        </span>{' '}
        {t('exchange.applications.since', { when: formatDateTime(since, language) })}
      </p>
      {application.state === 'rejected' && last?.reason && (
        <p className="application__reason">
          <span className="notice__label">{t('exchange.applications.reason')}</span> {last.reason}
        </p>
      )}
      {/* Never left guessing: while the employer has not acted, say so and for how long. */}
      <p className="hint">{t(`exchange.applications.next.${application.state}`, { days: daysSince(since) })}</p>

      <h3 className="application__steps-heading">{t('exchange.applications.steps')}</h3>
      <ol className="timeline application__timeline">
        {application.events.map((event) => (
          <li key={`${event.state}-${event.at}`} className={`timeline__item timeline__item--${event.state}`}>
            <div className="timeline__head">
              <span className="timeline__status">{t(`exchange.applicationState.${event.state}`)}</span>
              <span className="badge badge--muted">{t(`exchange.applications.by.${event.by}`)}</span>
            </div>
            <p className="timeline__period">
              <time dateTime={event.at}>{formatDateTime(event.at, language)}</time>
            </p>
            {event.reason && (
              <p className="application__event-reason">
                <span className="notice__label">{t('exchange.applications.reason')}</span> {event.reason}
              </p>
            )}
          </li>
        ))}
      </ol>

      {application.coverLetter && (
        <details className="application__letter">
          <summary>{t('exchange.applications.coverLetter')}</summary>
          <p>{application.coverLetter}</p>
        </details>
      )}

      {!isFinal && (
        <div className="application__actions">
          {withdraw.isError && (
            <p className="notice notice--error" role="alert">
              {withdraw.error.message}
            </p>
          )}
          {/* Withdrawing is final, so it takes a second, explicit step on the page (not a browser dialog). */}
          {isConfirming ? (
            <div className="notice">
              <p>{t('exchange.applications.withdrawConfirm', { title: application.vacancyTitle })}</p>
              <div className="form__buttons">
                <button
                  type="button"
                  className="button"
                  ref={confirmRef}
                  disabled={withdraw.isPending}
                  onClick={() => withdraw.mutate(application.id, { onSettled: () => setIsConfirming(false) })}
                >
                  {t('exchange.applications.withdrawYes')}
                </button>
                <button type="button" className="button button--secondary" onClick={() => setIsConfirming(false)}>
                  {t('exchange.applications.withdrawNo')}
                </button>
              </div>
            </div>
          ) : (
            <button type="button" className="button button--secondary" onClick={() => setIsConfirming(true)}>
              {t('exchange.applications.withdraw')}
            </button>
          )}
        </div>
      )}
    </li>
  )
}
