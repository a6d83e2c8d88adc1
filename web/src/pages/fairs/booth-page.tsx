import { useQuery } from '@tanstack/react-query'
import { type FormEvent, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useParams } from 'react-router'
import { useSession } from '../../api/auth'
import { requestJson } from '../../api/client'
import {
  type ApplicationState,
  type Booth,
  type Fair,
  nextStates,
  useApplicants,
  useApplyAtFair,
  useBookSlot,
  useBooths,
  useCancelBooking,
  useDecideApplication,
  useFair,
  useJoinQueue,
  useMyBookings,
  useMyRegistration,
  useOpenSlot,
  useQueuePlace,
  useSlots,
} from '../../api/fairs'
import type { Account } from '../../api/types'
import { currentLanguage } from '../../i18n'
import { formatDateTime } from '../../i18n/format'
import { PageHeading } from '../../layout/page-heading'
import { ErrorPanel, LoadingPanel } from '../../layout/status-panels'
import { useDocumentTitle } from '../../layout/use-document-title'
import { BoothMessages, SeekerMessages } from './booth-messages'
import { JoinForm, useVisitOnce } from './fair-page'
import { FairWindow, problemText, StateBadge, useRegionName } from './fair-parts'

export function BoothPage() {
  const { t } = useTranslation()
  const params = useParams()
  const fairId = Number(params.fairId)
  const boothId = Number(params.boothId)
  const fair = useFair(fairId)
  const booths = useBooths(fairId)
  const session = useSession()
  useVisitOnce(fairId, boothId)
  const booth = booths.data?.find((b) => b.id === boothId)
  useDocumentTitle(booth ? t('fairs.booth.title', { employer: booth.employerName }) : t('fairs.list.title'))

  if (fair.isPending || booths.isPending) return <LoadingPanel />
  if (fair.isError) return <ErrorPanel error={fair.error} />
  if (booths.isError) return <ErrorPanel error={booths.error} />
  if (!booth) return <ErrorPanel error={new Error(t('fairs.booth.notFound', { id: boothId }))} />
  const account = session.data ?? null
  const isOwn = account?.role === 'employer' && account.bin === booth.employerBin

  return (
    <div className="fairs">
      <p className="fairs-back">
        <Link to={`/fairs/${fairId}`}>{fair.data.title}</Link>
      </p>
      <PageHeading
        lead={
          <>
            <FairWindow fair={fair.data} /> <StateBadge state={fair.data.state} />
          </>
        }
      >
        {t('fairs.booth.title', { employer: booth.employerName })}
      </PageHeading>
      {isOwn ? (
        <OwnBooth fair={fair.data} booth={booth} />
      ) : (
        <SeekerBooth fair={fair.data} booth={booth} account={account} />
      )}
    </div>
  )
}

interface MyApplication {
  id: number
  vacancyId: number
  state: ApplicationState
}

function SeekerBooth({ fair, booth, account }: { fair: Fair; booth: Booth; account: Account | null }) {
  const { t } = useTranslation()
  const language = currentLanguage()
  const regionName = useRegionName()
  const isSeeker = account?.role === 'citizen'
  const registration = useMyRegistration(fair.id, isSeeker)
  const isRegistered = isSeeker && registration.data !== null && registration.data !== undefined
  const slots = useSlots(fair.id, booth.id)
  const bookings = useMyBookings(fair.id, isRegistered)
  const book = useBookSlot(fair.id)
  const cancel = useCancelBooking(fair.id)
  const apply = useApplyAtFair(fair.id)
  const queue = useQueuePlace(fair.id, booth.id, isRegistered)
  const joinQueue = useJoinQueue(fair.id, booth.id)
  const applications = useQuery({
    queryKey: ['fairs', fair.id, 'my-applications'],
    queryFn: async () => (await requestJson<{ items: MyApplication[] }>('/api/me/applications')).items,
    enabled: isRegistered,
  })
  const stateOf = (vacancyId: number) => applications.data?.find((a) => a.vacancyId === vacancyId)?.state
  const isOpen = fair.state !== 'closed'
  const problem = book.error ?? cancel.error ?? apply.error ?? joinQueue.error

  return (
    <>
      {isSeeker && registration.data === null && (
        <p className="notice" role="status">
          <Link to={`/fairs/${fair.id}`}>{t('fairs.booth.registerFirst')}</Link>
        </p>
      )}
      {problem && (
        <p className="notice notice--error" role="alert">
          {problemText(problem)}
        </p>
      )}
      <section aria-labelledby="booth-vacancies">
        <h2 id="booth-vacancies">{t('fairs.booth.vacancies')}</h2>
        <ul className="fairs-vacancies">
          {booth.vacancies.map((v) => {
            const state = stateOf(v.vacancyId)
            return (
              <li key={v.vacancyId} className="card card--quiet">
                <h3>
                  <a href={`/vacancies/${v.vacancyId}`}>{v.title}</a>
                </h3>
                <p className="hint">{regionName(v.regionCode)}</p>
                {state ? (
                  <p>
                    <span className="badge badge--ok">{t(`fairs.application.${state}`)}</span>
                  </p>
                ) : (
                  isRegistered &&
                  isOpen && (
                    <button
                      type="button"
                      className="button"
                      disabled={apply.isPending}
                      onClick={() => apply.mutate(v.vacancyId, { onSuccess: () => void applications.refetch() })}
                    >
                      {t('fairs.booth.apply', { title: v.title })}
                    </button>
                  )
                )}
              </li>
            )
          })}
        </ul>
      </section>

      {isRegistered && isOpen && (
        <section className="card fairs-queue" aria-labelledby="booth-queue">
          <h2 id="booth-queue">{t('fairs.queue.title')}</h2>
          {queue.data?.place != null ? (
            <p role="status">{t('fairs.queue.place', { place: queue.data.place, waiting: queue.data.waiting })}</p>
          ) : (
            <>
              <p>{t('fairs.queue.waiting', { n: queue.data?.waiting ?? 0 })}</p>
              <button type="button" className="button" onClick={() => joinQueue.mutate()}>
                {t('fairs.queue.join')}
              </button>
            </>
          )}
        </section>
      )}

      {isRegistered && <SeekerMessages fair={fair} booth={booth} />}

      <section aria-labelledby="booth-slots">
        <h2 id="booth-slots">{t('fairs.slots.title')}</h2>
        {slots.isPending && <LoadingPanel />}
        {slots.data && slots.data.length === 0 && <p className="hint">{t('fairs.slots.none')}</p>}
        {slots.data && slots.data.length > 0 && (
          <div className="table-wrap">
            <table className="table">
              <caption>{t('fairs.slots.caption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('fairs.slots.time')}</th>
                  <th scope="col">{t('fairs.slots.state')}</th>
                  <th scope="col">
                    <span className="visually-hidden">{t('fairs.slots.action')}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {slots.data.map((s) => {
                  const myBooking = bookings.data?.find((b) => b.slotId === s.id)
                  const isFuture = new Date(s.startsAt) > new Date()
                  return (
                    <tr key={s.id}>
                      <th scope="row">
                        <time dateTime={s.startsAt}>{formatDateTime(s.startsAt, language)}</time>
                      </th>
                      <td>
                        {s.isMine ? (
                          <>
                            {t('fairs.slots.mine')}{' '}
                            {s.meetingLink && (
                              <a href={s.meetingLink} target="_blank" rel="noreferrer">
                                {t('fairs.booth.meetingLink')}
                              </a>
                            )}
                          </>
                        ) : s.isBooked ? (
                          t('fairs.slots.taken')
                        ) : (
                          t('fairs.slots.free')
                        )}
                      </td>
                      <td>
                        {isRegistered && isFuture && !s.isBooked && (
                          <button
                            type="button"
                            className="button"
                            disabled={book.isPending}
                            onClick={() => book.mutate(s.id)}
                            aria-label={t('fairs.slots.bookAt', { at: formatDateTime(s.startsAt, language) })}
                          >
                            {t('fairs.slots.book')}
                          </button>
                        )}
                        {myBooking && isFuture && (
                          <button
                            type="button"
                            className="button button--secondary"
                            disabled={cancel.isPending}
                            onClick={() => cancel.mutate(myBooking.id)}
                          >
                            {t('fairs.seeker.cancel')}
                          </button>
                        )}
                      </td>
                    </tr>
                  )
                })}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </>
  )
}

/** datetime-local gives the reader's local time without a zone; the API wants an instant. */
const toInstant = (local: string) => new Date(local).toISOString()

function OwnBooth({ fair, booth }: { fair: Fair; booth: Booth }) {
  const { t } = useTranslation()
  const language = currentLanguage()
  const slots = useSlots(fair.id, booth.id)
  const openSlot = useOpenSlot(fair.id, booth.id)
  const applicants = useApplicants(fair.id, booth.id, true)
  const decide = useDecideApplication(fair.id)
  const [startsAt, setStartsAt] = useState('')
  const [endsAt, setEndsAt] = useState('')
  const [meetingLink, setMeetingLink] = useState('https://')
  const [reasons, setReasons] = useState<Record<number, string>>({})
  const isApproved = booth.state === 'approved'

  function submitSlot(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    if (startsAt === '' || endsAt === '') return
    openSlot.mutate({ startsAt: toInstant(startsAt), endsAt: toInstant(endsAt), meetingLink: meetingLink.trim() })
  }

  return (
    <>
      <p className="notice" role="status">
        {t(`fairs.boothState.${booth.state}`)}
        {booth.decisionReason && ` — ${booth.decisionReason}`}
      </p>

      <section className="card fairs-panel" aria-labelledby="own-vacancies">
        <h2 id="own-vacancies">{t('fairs.booth.vacancies')}</h2>
        <ul>
          {booth.vacancies.map((v) => (
            <li key={v.vacancyId}>{v.title}</li>
          ))}
        </ul>
        {fair.state !== 'closed' && <JoinForm fairId={fair.id} existing={booth.vacancies.map((v) => v.vacancyId)} />}
      </section>

      <section className="card fairs-panel" aria-labelledby="own-applicants">
        <h2 id="own-applicants">{t('fairs.applicants.title')}</h2>
        {decide.isError && (
          <p className="notice notice--error" role="alert">
            {problemText(decide.error)}
          </p>
        )}
        {applicants.isPending && <LoadingPanel />}
        {applicants.isError && <ErrorPanel error={applicants.error} />}
        {applicants.data && applicants.data.length === 0 && <p className="hint">{t('fairs.applicants.none')}</p>}
        {applicants.data && applicants.data.length > 0 && (
          <div className="table-wrap">
            <table className="table">
              <caption>{t('fairs.applicants.caption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('fairs.applicants.seeker')}</th>
                  <th scope="col">{t('fairs.applicants.vacancy')}</th>
                  <th scope="col">{t('fairs.applicants.match')}</th>
                  <th scope="col">{t('fairs.applicants.interview')}</th>
                  <th scope="col">{t('fairs.applicants.state')}</th>
                  <th scope="col">{t('fairs.applicants.decision')}</th>
                </tr>
              </thead>
              <tbody>
                {applicants.data.map((a) => (
                  <tr key={a.applicationId}>
                    <th scope="row">{a.seekerName}</th>
                    <td>{a.vacancyTitle}</td>
                    <td>{a.matchScore ?? '—'}</td>
                    <td>{a.interview ? formatDateTime(a.interview.startsAt, language) : '—'}</td>
                    <td>{t(`fairs.application.${a.state}`)}</td>
                    <td>
                      {nextStates[a.state].length > 0 && (
                        <div className="fairs-decision">
                          {nextStates[a.state].includes('rejected') && (
                            <>
                              <label className="field__label" htmlFor={`reason-${a.applicationId}`}>
                                {t('fairs.applicants.reason')}
                              </label>
                              <input
                                id={`reason-${a.applicationId}`}
                                className="field__input"
                                value={reasons[a.applicationId] ?? ''}
                                onChange={(e) => setReasons((old) => ({ ...old, [a.applicationId]: e.target.value }))}
                              />
                            </>
                          )}
                          {nextStates[a.state].map((state) => (
                            <button
                              key={state}
                              type="button"
                              className={state === 'rejected' ? 'button button--secondary' : 'button'}
                              disabled={decide.isPending}
                              onClick={() =>
                                decide.mutate({
                                  applicationId: a.applicationId,
                                  state,
                                  ...(state === 'rejected' && { reason: (reasons[a.applicationId] ?? '').trim() }),
                                })
                              }
                              aria-label={t('fairs.applicants.moveFor', {
                                step: t(`fairs.move.${state}`),
                                name: a.seekerName,
                              })}
                            >
                              {t(`fairs.move.${state}`)}
                            </button>
                          ))}
                        </div>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      {isApproved && <BoothMessages fair={fair} booth={booth} />}

      <section className="card fairs-panel" aria-labelledby="own-slots">
        <h2 id="own-slots">{t('fairs.slots.title')}</h2>
        {isApproved && fair.state !== 'closed' && (
          <form className="form form--row" onSubmit={submitSlot} aria-label={t('fairs.slots.open')}>
            <div className="field">
              <label className="field__label" htmlFor="slot-starts">
                {t('fairs.slots.startsAt')}
              </label>
              <input
                id="slot-starts"
                type="datetime-local"
                className="field__input"
                required
                value={startsAt}
                onChange={(e) => setStartsAt(e.target.value)}
              />
            </div>
            <div className="field">
              <label className="field__label" htmlFor="slot-ends">
                {t('fairs.slots.endsAt')}
              </label>
              <input
                id="slot-ends"
                type="datetime-local"
                className="field__input"
                required
                value={endsAt}
                onChange={(e) => setEndsAt(e.target.value)}
              />
            </div>
            <div className="field">
              <label className="field__label" htmlFor="slot-link">
                {t('fairs.booth.meetingLink')}
              </label>
              <input
                id="slot-link"
                type="url"
                className="field__input"
                required
                value={meetingLink}
                onChange={(e) => setMeetingLink(e.target.value)}
              />
            </div>
            <div className="form__actions">
              <button type="submit" className="button" disabled={openSlot.isPending}>
                {t('fairs.slots.open')}
              </button>
            </div>
          </form>
        )}
        {openSlot.isError && (
          <p className="notice notice--error" role="alert">
            {problemText(openSlot.error)}
          </p>
        )}
        {slots.data && slots.data.length > 0 && (
          <div className="table-wrap">
            <table className="table">
              <caption>{t('fairs.slots.caption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('fairs.slots.time')}</th>
                  <th scope="col">{t('fairs.slots.state')}</th>
                  <th scope="col">{t('fairs.booth.meetingLink')}</th>
                </tr>
              </thead>
              <tbody>
                {slots.data.map((s) => (
                  <tr key={s.id}>
                    <th scope="row">
                      <time dateTime={s.startsAt}>{formatDateTime(s.startsAt, language)}</time>
                    </th>
                    <td>{s.isBooked ? t('fairs.slots.taken') : t('fairs.slots.free')}</td>
                    <td>{s.meetingLink}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </>
  )
}
