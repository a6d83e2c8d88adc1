import { type FormEvent, useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useParams } from 'react-router'
import { useSession } from '../../api/auth'
import {
  type Booth,
  type Fair,
  recordVisit,
  useBooths,
  useCancelBooking,
  useDecideBooth,
  useEligibility,
  useFair,
  useJoinFair,
  useMyBookings,
  useMyFairNotifications,
  useMyRegistration,
  useOwnVacancies,
  useRegister,
} from '../../api/fairs'
import type { Account } from '../../api/types'
import { currentLanguage } from '../../i18n'
import { formatDateTime } from '../../i18n/format'
import { PageHeading } from '../../layout/page-heading'
import { ErrorPanel, LoadingPanel } from '../../layout/status-panels'
import { useDocumentTitle } from '../../layout/use-document-title'
import { FairWindow, isOrganiserRole, problemText, StateBadge, TargetGroupFacts, useRegionName } from './fair-parts'

/** Counts the page view once per visit, even under React's double effects in development. */
export function useVisitOnce(fairId: number, boothId?: number) {
  const counted = useRef(false)
  useEffect(() => {
    if (counted.current || !Number.isFinite(fairId)) return
    counted.current = true
    recordVisit(fairId, boothId)
  }, [fairId, boothId])
}

export function FairPage() {
  const { t } = useTranslation()
  const fairId = Number(useParams().fairId)
  const fair = useFair(fairId)
  const session = useSession()
  useVisitOnce(fairId)
  useDocumentTitle(fair.data?.title ?? t('fairs.list.title'))

  if (fair.isPending) return <LoadingPanel />
  if (fair.isError) return <ErrorPanel error={fair.error} onRetry={() => void fair.refetch()} />
  const account = session.data ?? null
  const f = fair.data

  return (
    <div className="fairs">
      <p className="fairs-back">
        <Link to="/fairs">{t('fairs.list.back')}</Link>
      </p>
      <PageHeading
        lead={
          <>
            <FairWindow fair={f} /> · {t('fairs.organiser', { name: f.organiserName })}
          </>
        }
      >
        {f.title} <StateBadge state={f.state} />
      </PageHeading>
      {f.description !== '' && <p className="fairs-description">{f.description}</p>}

      <div className="workspace__grid">
        <div>
          {account?.role === 'citizen' && <SeekerPanel fair={f} />}
          {account?.role === 'employer' && <EmployerPanel fair={f} account={account} />}
          <BoothList fair={f} account={account} />
        </div>
        <aside className="card card--quiet" aria-labelledby="fair-target">
          <h2 id="fair-target">{t('fairs.target.title')}</h2>
          <TargetGroupFacts fair={f} />
          {(f.state === 'closed' || isOrganiserRole(account)) && (
            <p>
              <Link className="button button--secondary" to={`/fairs/${f.id}/funnel`}>
                {f.state === 'closed' ? t('fairs.funnel.public') : t('fairs.funnel.live')}
              </Link>
            </p>
          )}
          {!account && (
            <p className="hint">
              <Link to="/login" state={{ from: `/fairs/${f.id}` }}>
                {t('fairs.signInToTakePart')}
              </Link>
            </p>
          )}
        </aside>
      </div>
    </div>
  )
}

/** Registration with the eligibility answer; once registered, the seeker's interviews and notices. */
function SeekerPanel({ fair }: { fair: Fair }) {
  const { t } = useTranslation()
  const language = currentLanguage()
  const registration = useMyRegistration(fair.id, true)
  const mine = registration.data ?? null
  const isRegistered = mine !== null
  const eligibility = useEligibility(fair.id, registration.data === null)
  const register = useRegister(fair.id)
  const bookings = useMyBookings(fair.id, isRegistered)
  const cancel = useCancelBooking(fair.id)
  const notices = useMyFairNotifications(isRegistered)
  const alertRef = useRef<HTMLDivElement>(null)

  useEffect(() => {
    if (register.isError) alertRef.current?.focus()
  }, [register.isError])

  if (registration.isPending) return <LoadingPanel />
  if (registration.isError) return <ErrorPanel error={registration.error} />

  return (
    <section className="card fairs-panel" aria-labelledby="fair-seeker">
      <h2 id="fair-seeker">{t('fairs.seeker.title')}</h2>
      {register.isError && (
        <div className="notice notice--error" role="alert" tabIndex={-1} ref={alertRef}>
          <h3 className="notice__title">{t('fairs.seeker.refused')}</h3>
          <p className="notice__message" data-testid="refusal">
            {problemText(register.error)}
          </p>
        </div>
      )}
      {mine !== null ? (
        <>
          <p className="notice notice--success" role="status">
            {t('fairs.seeker.registered', { at: formatDateTime(mine.registeredAt, language) })}
          </p>
          {mine.eligibility.unchecked.length > 0 && (
            <p className="hint">
              {t('fairs.seeker.unchecked')} {mine.eligibility.unchecked.join('; ')}
            </p>
          )}
          <h3>{t('fairs.seeker.myInterviews')}</h3>
          {cancel.isError && (
            <p className="notice notice--error" role="alert">
              {problemText(cancel.error)}
            </p>
          )}
          {bookings.data && bookings.data.length === 0 && <p className="hint">{t('fairs.seeker.noInterviews')}</p>}
          {bookings.data && bookings.data.length > 0 && (
            <ul className="fairs-bookings">
              {bookings.data.map((b) => (
                <li key={b.id}>
                  <time dateTime={b.startsAt}>{formatDateTime(b.startsAt, language)}</time> ·{' '}
                  <a href={b.meetingLink} rel="noreferrer" target="_blank">
                    {t('fairs.booth.meetingLink')}
                  </a>{' '}
                  · <Link to={`/fairs/${fair.id}/booths/${b.boothId}`}>{t('fairs.booth.open')}</Link>{' '}
                  {new Date(b.startsAt) > new Date() && (
                    <button
                      type="button"
                      className="button button--secondary"
                      disabled={cancel.isPending}
                      onClick={() => cancel.mutate(b.id)}
                    >
                      {t('fairs.seeker.cancel')}
                    </button>
                  )}
                </li>
              ))}
            </ul>
          )}
          {notices.data && notices.data.length > 0 && (
            <>
              <h3>{t('fairs.notices.title')}</h3>
              <ul className="fairs-notices">
                {notices.data
                  .filter((n) => n.fairId === fair.id)
                  .map((n) => (
                    <li key={n.id}>
                      <time dateTime={n.createdAt}>{formatDateTime(n.createdAt, language)}</time> —{' '}
                      {t(`fairs.notices.${n.kind}`, {
                        employer: n.payload.employerName ?? '',
                        at: n.payload.startsAt ? formatDateTime(n.payload.startsAt, language) : '',
                      })}
                    </li>
                  ))}
              </ul>
              <p className="hint">{t('fairs.notices.decisionsHint')}</p>
            </>
          )}
        </>
      ) : (
        <>
          {eligibility.data && !eligibility.data.isEligible && (
            <div className="notice" role="status">
              <h3 className="notice__title">{t('fairs.seeker.notEligible')}</h3>
              <ul className="notice__list">
                {eligibility.data.reasons.map((reason) => (
                  <li key={reason}>{reason}</li>
                ))}
              </ul>
            </div>
          )}
          {eligibility.data?.isEligible && <p>{t('fairs.seeker.eligible')}</p>}
          {fair.state !== 'closed' ? (
            <button
              type="button"
              className="button"
              disabled={register.isPending}
              onClick={() => register.mutate(undefined, { onSuccess: () => void registration.refetch() })}
            >
              {t('fairs.seeker.register')}
            </button>
          ) : (
            <p className="hint">{t('fairs.seeker.closed')}</p>
          )}
        </>
      )}
    </section>
  )
}

/** The employer's own booth at the fair, or the form to join with their vacancies. */
function EmployerPanel({ fair, account }: { fair: Fair; account: Account }) {
  const { t } = useTranslation()
  const booths = useBooths(fair.id)
  const own = booths.data?.find((b) => b.employerBin === account.bin)
  return (
    <section className="card fairs-panel" aria-labelledby="fair-employer">
      <h2 id="fair-employer">{t('fairs.employer.title')}</h2>
      {own ? (
        <>
          <p>
            {t(`fairs.boothState.${own.state}`)}
            {own.decisionReason && ` — ${own.decisionReason}`}
          </p>
          <p>
            <Link className="button" to={`/fairs/${fair.id}/booths/${own.id}`}>
              {t('fairs.employer.openBooth')}
            </Link>
          </p>
        </>
      ) : fair.state === 'closed' ? (
        <p className="hint">{t('fairs.seeker.closed')}</p>
      ) : (
        <JoinForm fairId={fair.id} existing={[]} />
      )}
    </section>
  )
}

/** Choose own vacancies to offer at the booth; the first choice creates the booth, later ones add to it. */
export function JoinForm({ fairId, existing }: { fairId: number; existing: readonly number[] }) {
  const { t } = useTranslation()
  const vacancies = useOwnVacancies(true)
  const join = useJoinFair(fairId)
  const [chosen, setChosen] = useState<number[]>([])
  const offerable = (vacancies.data ?? []).filter(
    (v) =>
      (v.state === 'published' || v.state === 'draft') &&
      (v.fairId === null || v.fairId === fairId) &&
      !existing.includes(v.id),
  )

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    if (chosen.length > 0) join.mutate(chosen, { onSuccess: () => setChosen([]) })
  }

  if (vacancies.isPending) return <LoadingPanel />
  if (vacancies.isError) return <ErrorPanel error={vacancies.error} />
  if (offerable.length === 0) return <p className="hint">{t('fairs.employer.noVacancies')}</p>
  return (
    <form className="form" onSubmit={submit} aria-label={t('fairs.employer.join')}>
      <fieldset className="fairs-choices">
        <legend>{t('fairs.employer.chooseVacancies')}</legend>
        {offerable.map((v) => (
          <label key={v.id} className="choice__option fairs-choice">
            <input
              type="checkbox"
              checked={chosen.includes(v.id)}
              onChange={(e) =>
                setChosen((old) => (e.target.checked ? [...old, v.id] : old.filter((id) => id !== v.id)))
              }
            />
            {v.title}
          </label>
        ))}
      </fieldset>
      {join.isError && (
        <p className="notice notice--error" role="alert">
          {problemText(join.error)}
        </p>
      )}
      <button type="submit" className="button" disabled={join.isPending || chosen.length === 0}>
        {existing.length === 0 ? t('fairs.employer.join') : t('fairs.employer.addVacancies')}
      </button>
    </form>
  )
}

/** The booths: approved ones for everyone; the organiser also decides on pending ones. */
function BoothList({ fair, account }: { fair: Fair; account: Account | null }) {
  const { t } = useTranslation()
  const booths = useBooths(fair.id)
  const regionName = useRegionName()
  const isOrganiser = isOrganiserRole(account)
  return (
    <section className="fairs-booths" aria-labelledby="fair-booths">
      <h2 id="fair-booths">{t('fairs.booths.title')}</h2>
      {booths.isPending && <LoadingPanel />}
      {booths.isError && <ErrorPanel error={booths.error} />}
      {booths.data && booths.data.length === 0 && <p className="hint">{t('fairs.booths.none')}</p>}
      {booths.data && booths.data.length > 0 && (
        <div className="table-wrap">
          <table className="table">
            <caption>{t('fairs.booths.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('fairs.booths.employer')}</th>
                <th scope="col">{t('fairs.booths.vacancies')}</th>
                <th scope="col">{t('fairs.booths.state')}</th>
              </tr>
            </thead>
            <tbody>
              {booths.data.map((b) => (
                <tr key={b.id}>
                  <th scope="row">
                    <Link to={`/fairs/${fair.id}/booths/${b.id}`}>{b.employerName}</Link>
                  </th>
                  <td>
                    <ul className="fairs-inline-list">
                      {b.vacancies.map((v) => (
                        <li key={v.vacancyId}>
                          {v.title} ({regionName(v.regionCode)})
                        </li>
                      ))}
                    </ul>
                  </td>
                  <td>
                    {t(`fairs.boothState.${b.state}`)}
                    {isOrganiser && b.state === 'pending' && <BoothDecision fairId={fair.id} booth={b} />}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  )
}

function BoothDecision({ fairId, booth }: { fairId: number; booth: Booth }) {
  const { t } = useTranslation()
  const decide = useDecideBooth(fairId)
  const [reason, setReason] = useState('')
  const inputId = `booth-${booth.id}-reason`
  return (
    <div className="fairs-decision">
      <button
        type="button"
        className="button"
        disabled={decide.isPending}
        onClick={() => decide.mutate({ boothId: booth.id, state: 'approved' })}
      >
        {t('fairs.booths.approve')}
      </button>
      <label className="field__label" htmlFor={inputId}>
        {t('fairs.booths.reason')}
      </label>
      <input id={inputId} className="field__input" value={reason} onChange={(e) => setReason(e.target.value)} />
      <button
        type="button"
        className="button button--secondary"
        disabled={decide.isPending}
        onClick={() => decide.mutate({ boothId: booth.id, state: 'rejected', reason: reason.trim() })}
      >
        {t('fairs.booths.reject')}
      </button>
      {decide.isError && (
        <p className="notice notice--error" role="alert">
          {problemText(decide.error)}
        </p>
      )}
    </div>
  )
}
