import { type FormEvent, useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useParams } from 'react-router'
import {
  type Application,
  type ApplicationState,
  employerMoves,
  fieldErrors,
  useApplicantProfile,
  useApplicants,
  useApplication,
  useMoveApplication,
} from '../../api/hiring'
import { currentLanguage } from '../../i18n'
import { formatDate, formatDateTime } from '../../i18n/format'
import { PageHeading } from '../../layout/page-heading'
import { ErrorPanel, LoadingPanel } from '../../layout/status-panels'
import { useDocumentTitle } from '../../layout/use-document-title'
import { sectionPaths } from '../../session/workspaces'
import { MatchTable } from './candidates-page'
import { ApplicationStateBadge, formatTenge, ServerSays } from './hiring-shared'

/** One applicant: the match explained, the profile they share, the decisions, and every step so far. */
export function CandidatePage() {
  const { t } = useTranslation()
  const id = Number(useParams().id)
  const application = useApplication(Number.isInteger(id) ? id : null)
  useDocumentTitle(application.data?.seekerName ?? t('hiring.candidate.title'))

  if (!Number.isInteger(id)) return <ErrorPanel error={new Error(t('hiring.form.badAddress'))} />
  if (application.isPending) return <LoadingPanel />
  if (application.isError) return <ErrorPanel error={application.error} onRetry={() => void application.refetch()} />
  return <Candidate application={application.data} />
}

function Candidate({ application }: { application: Application }) {
  const { t } = useTranslation()
  const applicants = useApplicants(application.vacancyId)
  const match = applicants.data?.find((item) => item.id === application.id)?.match

  return (
    <div className="hiring">
      <p>
        <Link to={`${sectionPaths.candidates}?vacancy=${application.vacancyId}`}>
          {t('hiring.candidate.back', { title: application.vacancyTitle })}
        </Link>
      </p>
      <PageHeading lead={t('hiring.candidate.lead', { title: application.vacancyTitle })}>
        {application.seekerName}
      </PageHeading>
      <p className="hiring__summary">
        {t('hiring.candidate.state')} <ApplicationStateBadge state={application.state} />
      </p>
      <Decisions application={application} />
      <section aria-labelledby="match-heading">
        <h2 id="match-heading">{t('hiring.candidate.matchHeading')}</h2>
        {applicants.isPending ? (
          <LoadingPanel />
        ) : match ? (
          <MatchTable match={match} seekerName={application.seekerName} />
        ) : (
          <p className="hint">{t('hiring.match.noProfile')}</p>
        )}
      </section>
      {application.coverLetter && (
        <section aria-labelledby="letter-heading">
          <h2 id="letter-heading">{t('hiring.candidate.coverLetter')}</h2>
          {/* Plain text as the seeker wrote it; React escapes it, so markup in it is shown, never run. */}
          <p className="candidate__letter">{application.coverLetter}</p>
        </section>
      )}
      <Profile applicationId={application.id} />
      <EventLog application={application} />
    </div>
  )
}

function Decisions({ application }: { application: Application }) {
  const { t } = useTranslation()
  const move = useMoveApplication()
  const [rejecting, setRejecting] = useState(false)
  const [reason, setReason] = useState('')
  const alertRef = useRef<HTMLDivElement>(null)
  const next = employerMoves[application.state].filter((state) => state !== 'rejected' && state !== 'viewed')
  const canReject = employerMoves[application.state].includes('rejected')
  const reasonProblem = fieldErrors(move.error).get('reason')

  useEffect(() => {
    if (move.error) alertRef.current?.focus()
  }, [move.error])

  function go(state: ApplicationState) {
    move.mutate({ id: application.id, state })
  }

  function reject(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    move.mutate(
      { id: application.id, state: 'rejected', reason: reason.trim() },
      {
        onSuccess: () => {
          setRejecting(false)
          setReason('')
        },
      },
    )
  }

  if (next.length === 0 && !canReject) {
    return <p className="notice">{t('hiring.candidate.final')}</p>
  }

  return (
    <section className="card hiring__decisions" aria-labelledby="decisions-heading">
      <h2 id="decisions-heading">{t('hiring.candidate.decisions')}</h2>
      {move.error && !reasonProblem && (
        <div className="notice notice--error" role="alert" tabIndex={-1} ref={alertRef}>
          <h3 className="notice__title">{t('hiring.candidate.moveRefused')}</h3>
          <ServerSays message={move.error.message} />
        </div>
      )}
      <div className="hiring__actions">
        {next.map((state) => (
          <button key={state} type="button" className="button" disabled={move.isPending} onClick={() => go(state)}>
            {t(`hiring.candidate.moveTo.${state}`)}
          </button>
        ))}
        {canReject && !rejecting && (
          <button
            type="button"
            className="button button--secondary"
            disabled={move.isPending}
            onClick={() => setRejecting(true)}
          >
            {t('hiring.candidate.moveTo.rejected')}
          </button>
        )}
      </div>
      {rejecting && (
        <form className="form hiring__reject" onSubmit={reject} noValidate>
          <div className="field">
            <label className="field__label" htmlFor="reject-reason">
              {t('hiring.candidate.reason')}
            </label>
            <p className="field__hint" id="reject-reason-hint">
              {t('hiring.candidate.reasonHint')}
            </p>
            {reasonProblem !== undefined && (
              <p className="field__error" id="reject-reason-error" role="alert">
                {t('hiring.candidate.reasonRequired')}{' '}
                <span className="field__error-detail">({move.error?.message})</span>
              </p>
            )}
            <textarea
              id="reject-reason"
              className="field__input field__textarea"
              rows={3}
              maxLength={1000}
              value={reason}
              aria-invalid={reasonProblem !== undefined}
              aria-describedby={
                reasonProblem !== undefined ? 'reject-reason-hint reject-reason-error' : 'reject-reason-hint'
              }
              onChange={(event) => setReason(event.target.value)}
            />
          </div>
          <div className="hiring__actions">
            <button type="submit" className="button" disabled={move.isPending}>
              {t('hiring.candidate.confirmReject')}
            </button>
            <button type="button" className="button button--secondary" onClick={() => setRejecting(false)}>
              {t('hiring.candidate.cancel')}
            </button>
          </div>
        </form>
      )}
    </section>
  )
}

function Profile({ applicationId }: { applicationId: number }) {
  const { t } = useTranslation()
  const language = currentLanguage()
  const profile = useApplicantProfile(applicationId)
  return (
    <section aria-labelledby="profile-heading">
      <h2 id="profile-heading">{t('hiring.candidate.profileHeading')}</h2>
      {profile.isPending ? (
        <LoadingPanel />
      ) : profile.isError ? (
        <ErrorPanel error={profile.error} onRetry={() => void profile.refetch()} />
      ) : profile.data === null ? (
        <p className="hint">{t('hiring.candidate.profileHidden')}</p>
      ) : (
        <dl className="facts facts--grid">
          <div className="facts__row">
            <dt>{t('hiring.candidate.skills')}</dt>
            <dd>{profile.data.profile.skills.join(', ') || '—'}</dd>
          </div>
          <div className="facts__row">
            <dt>{t('hiring.candidate.experience')}</dt>
            <dd>
              {profile.data.profile.experience.length === 0
                ? '—'
                : profile.data.profile.experience.map((job) => (
                    <span key={`${job.title}-${job.from}`} className="table__sub">
                      {job.title}, {job.employerName} ({formatDate(job.from, language)} –{' '}
                      {job.to ? formatDate(job.to, language) : t('hiring.candidate.now')})
                    </span>
                  ))}
            </dd>
          </div>
          <div className="facts__row">
            <dt>{t('hiring.candidate.education')}</dt>
            <dd>
              {profile.data.profile.education.length === 0
                ? '—'
                : profile.data.profile.education.map((entry) => (
                    <span key={`${entry.institution}-${entry.year}`} className="table__sub">
                      {t(`hiring.education.${entry.level}`)}: {entry.field}, {entry.institution} ({entry.year})
                    </span>
                  ))}
            </dd>
          </div>
          <div className="facts__row">
            <dt>{t('hiring.candidate.languages')}</dt>
            <dd>
              {profile.data.profile.languages
                .map((item) => `${t(`languages.${item.lang}`)} — ${t(`hiring.languageLevel.${item.level}`)}`)
                .join('; ') || '—'}
            </dd>
          </div>
          <div className="facts__row">
            <dt>{t('hiring.candidate.desiredWage')}</dt>
            <dd>
              {profile.data.profile.desiredWage === null
                ? '—'
                : formatTenge(profile.data.profile.desiredWage, language)}
            </dd>
          </div>
        </dl>
      )}
    </section>
  )
}

function EventLog({ application }: { application: Application }) {
  const { t } = useTranslation()
  const language = currentLanguage()
  return (
    <section className="timeline-section" aria-labelledby="events-heading">
      <h2 id="events-heading">{t('hiring.candidate.eventsHeading')}</h2>
      <ol className="timeline">
        {[...application.events].reverse().map((event) => (
          <li key={`${event.state}-${event.at}`} className="timeline__item">
            <div className="timeline__head">
              <span className="timeline__status">{t(`hiring.applicationState.${event.state}`)}</span>
              <span className="badge badge--muted">{t(`hiring.candidate.by.${event.by}`)}</span>
            </div>
            <p className="timeline__period">{formatDateTime(event.at, language)}</p>
            {event.reason && (
              <p className="candidate__reason">
                <span className="notice__label">{t('hiring.candidate.reasonLabel')}</span> {event.reason}
              </p>
            )}
          </li>
        ))}
      </ol>
    </section>
  )
}
