import { type FormEvent, useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { ApiError } from '../../api/client'
import { nameOf, useStatusCategories } from '../../api/reference'
import { type PersonLookup, useChannels, usePersonStatus } from '../../api/registry'
import type { Channel, CurrentStatus, PersonStatus, StatusCategory, StatusEvent } from '../../api/types'
import { currentLanguage } from '../../i18n'
import { formatDate, formatDateTime } from '../../i18n/format'
import { PageHeading } from '../../layout/page-heading'
import { ErrorPanel, LoadingPanel } from '../../layout/status-panels'
import { useDocumentTitle } from '../../layout/use-document-title'

// The server's audit purpose must say something; five characters rules out "x" and "test" but not much else.
const minPurposeLength = 5
const maxPurposeLength = 300

type FieldProblem = 'iin' | 'purpose'

/** Digits only: people paste IINs with spaces from documents. */
function normaliseIin(value: string): string {
  return value.replace(/\s+/g, '')
}

export function PersonLookupPage() {
  const { t } = useTranslation()
  useDocumentTitle(t('registry.lookup.title'))
  const [iin, setIin] = useState('')
  const [purpose, setPurpose] = useState('')
  const [problems, setProblems] = useState<FieldProblem[]>([])
  const [lookup, setLookup] = useState<PersonLookup | null>(null)
  const person = usePersonStatus(lookup)
  const problemRef = useRef<HTMLDivElement>(null)

  useEffect(() => {
    if (problems.length > 0) problemRef.current?.focus()
  }, [problems])

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    const cleanIin = normaliseIin(iin)
    const cleanPurpose = purpose.trim()
    const found: FieldProblem[] = []
    // Only the shape is checked here; the checksum and everything else is the server's to judge and explain.
    if (!/^\d{12}$/.test(cleanIin)) found.push('iin')
    if (cleanPurpose.length < minPurposeLength) found.push('purpose')
    setProblems(found)
    if (found.length > 0) {
      // The previous answer must not stay on screen as if it belonged to what is typed now.
      setLookup(null)
      return
    }
    setLookup({ iin: cleanIin, purpose: cleanPurpose, attempt: (lookup?.attempt ?? 0) + 1 })
  }

  return (
    <div className="lookup">
      <PageHeading lead={t('registry.lookup.lead')}>{t('registry.lookup.title')}</PageHeading>

      {problems.length > 0 && (
        <div className="notice notice--error" role="alert" tabIndex={-1} ref={problemRef}>
          <h2 className="notice__title">{t('registry.lookup.fixFields')}</h2>
          <ul className="notice__list">
            {problems.map((problem) => (
              <li key={problem}>
                <a href={`#lookup-${problem}`}>
                  {problem === 'iin'
                    ? t('registry.lookup.iinInvalid')
                    : t('registry.lookup.purposeTooShort', { min: minPurposeLength })}
                </a>
              </li>
            ))}
          </ul>
        </div>
      )}

      <form className="form form--row" onSubmit={submit} noValidate aria-label={t('registry.lookup.formLabel')}>
        <div className="field field--iin">
          <label className="field__label" htmlFor="lookup-iin">
            {t('registry.iin')}
          </label>
          <p className="field__hint" id="lookup-iin-hint">
            {t('registry.iinHint')}
          </p>
          <input
            id="lookup-iin"
            name="iin"
            className="field__input"
            type="text"
            inputMode="numeric"
            autoComplete="off"
            spellCheck={false}
            maxLength={20}
            aria-describedby="lookup-iin-hint"
            aria-invalid={problems.includes('iin')}
            value={iin}
            onChange={(event) => setIin(event.target.value)}
          />
        </div>
        <div className="field field--grow">
          <label className="field__label" htmlFor="lookup-purpose">
            {t('registry.lookup.purpose')}
          </label>
          <p className="field__hint" id="lookup-purpose-hint">
            {t('registry.lookup.purposeHint')}
          </p>
          <input
            id="lookup-purpose"
            name="purpose"
            className="field__input"
            type="text"
            autoComplete="off"
            required
            maxLength={maxPurposeLength}
            aria-describedby="lookup-purpose-hint"
            aria-invalid={problems.includes('purpose')}
            value={purpose}
            onChange={(event) => setPurpose(event.target.value)}
          />
        </div>
        <div className="form__actions">
          <button type="submit" className="button" disabled={person.isFetching}>
            {person.isFetching ? t('registry.lookup.submitting') : t('registry.lookup.submit')}
          </button>
        </div>
      </form>

      {lookup && <LookupResult person={person} />}
    </div>
  )
}

function LookupResult({ person }: { person: ReturnType<typeof usePersonStatus> }) {
  const { t } = useTranslation()
  const channels = useChannels()
  const statuses = useStatusCategories()
  const headingRef = useRef<HTMLHeadingElement>(null)
  const data = person.data

  useEffect(() => {
    // The answer appears below the form; taking focus there reads it out and saves a long tab.
    if (data) headingRef.current?.focus()
  }, [data])

  if (person.isPending) return <LoadingPanel />
  if (person.isError) return <LookupError error={person.error} onRetry={() => void person.refetch()} />

  return (
    <section className="lookup__result" aria-labelledby="lookup-result-heading">
      <h2 id="lookup-result-heading" tabIndex={-1} ref={headingRef}>
        {t('registry.lookup.resultHeading', { iin: person.data.iin })}
      </h2>
      <CurrentStatusCard current={person.data.current} channels={channels.data} statuses={statuses.data} />
      <StatusTimeline history={person.data.history} channels={channels.data} statuses={statuses.data} />
    </section>
  )
}

function LookupError({ error, onRetry }: { error: Error; onRetry: () => void }) {
  const { t } = useTranslation()
  const ref = useRef<HTMLDivElement>(null)
  useEffect(() => {
    ref.current?.focus()
  }, [])

  if (!(error instanceof ApiError) || ![400, 403, 404].includes(error.status)) {
    return <ErrorPanel error={error} onRetry={onRetry} />
  }
  const kind = error.status === 400 ? 'invalid' : error.status === 403 ? 'forbidden' : 'notFound'
  return (
    <div className="notice notice--error" role="alert" tabIndex={-1} ref={ref}>
      <h2 className="notice__title">{t(`registry.lookup.errors.${kind}.title`)}</h2>
      <p>{t(`registry.lookup.errors.${kind}.body`)}</p>
      {/* The server names the exact reason (which digit, which region); it is shown as it is worded. */}
      <p className="notice__message">
        <span className="notice__label">{t('registry.serverSays')}</span> {error.message}
      </p>
    </div>
  )
}

interface Lookups {
  channels: Channel[] | undefined
  statuses: StatusCategory[] | undefined
}

function CurrentStatusCard({ current, channels, statuses }: { current: PersonStatus['current'] } & Lookups) {
  const { t } = useTranslation()
  const language = currentLanguage()

  if (!current) {
    return (
      <div className="status-card status-card--unknown">
        <p className="status-card__eyebrow">{t('registry.lookup.currentHeading')}</p>
        <p className="status-card__name">{t('registry.lookup.unknownTitle')}</p>
        <p className="status-card__note">{t('registry.lookup.unknownBody')}</p>
      </div>
    )
  }
  return (
    <div className={`status-card ${current.isStale ? 'status-card--stale' : ''}`}>
      <p className="status-card__eyebrow">{t('registry.lookup.currentHeading')}</p>
      <p className="status-card__name">
        {nameOf(statuses, current.status, language)} <FreshnessBadge current={current} />
      </p>
      <dl className="facts facts--grid">
        <Fact term={t('registry.lookup.since')} value={formatDate(current.validFrom, language)} />
        <Fact term={t('registry.channel')} value={nameOf(channels, current.channel, language)} />
        <Fact term={t('registry.lookup.confirmedAt')} value={formatDateTime(current.confirmedAt, language)} />
        <Fact
          term={current.isStale ? t('registry.lookup.staleSince') : t('registry.lookup.freshUntil')}
          value={formatDateTime(current.freshUntil, language)}
        />
      </dl>
    </div>
  )
}

function FreshnessBadge({ current }: { current: CurrentStatus }) {
  const { t } = useTranslation()
  return current.isStale ? (
    <span className="badge badge--warning">{t('registry.stale')}</span>
  ) : (
    <span className="badge badge--ok">{t('registry.fresh')}</span>
  )
}

function StatusTimeline({ history, channels, statuses }: { history: StatusEvent[] } & Lookups) {
  const { t } = useTranslation()
  const language = currentLanguage()

  return (
    <section className="timeline-section" aria-labelledby="timeline-heading">
      <h3 id="timeline-heading">{t('registry.lookup.historyHeading')}</h3>
      {history.length === 0 ? (
        <p className="hint">{t('registry.lookup.historyEmpty')}</p>
      ) : (
        <>
          <p className="hint">{t('registry.lookup.historyNote')}</p>
          <ol className="timeline">
            {history.map((event) => (
              <li key={event.id} className={`timeline__item timeline__item--${event.outcome}`}>
                <div className="timeline__head">
                  <span className="timeline__status">{nameOf(statuses, event.status, language)}</span>
                  <span className={`badge ${event.outcome === 'applied' ? 'badge--ok' : 'badge--muted'}`}>
                    {t(`registry.outcome.${event.outcome}`)}
                  </span>
                </div>
                <p className="timeline__period">
                  {event.validTo
                    ? t('registry.lookup.validBetween', {
                        from: formatDate(event.validFrom, language),
                        to: formatDate(event.validTo, language),
                      })
                    : t('registry.lookup.validFrom', { from: formatDate(event.validFrom, language) })}
                </p>
                <dl className="timeline__facts">
                  <Fact term={t('registry.channel')} value={nameOf(channels, event.channel, language)} />
                  <Fact term={t('registry.lookup.recordedAt')} value={formatDateTime(event.recordedAt, language)} />
                  <Fact
                    term={t('registry.lookup.batch')}
                    value={
                      event.batchId === null
                        ? t('registry.lookup.noBatch')
                        : t('registry.batchNumber', { id: event.batchId })
                    }
                  />
                  <Fact term={t('registry.lookup.sourceRef')} value={event.sourceRef} />
                </dl>
              </li>
            ))}
          </ol>
        </>
      )}
    </section>
  )
}

function Fact({ term, value }: { term: string; value: string }) {
  return (
    <div className="facts__row">
      <dt>{term}</dt>
      <dd>{value}</dd>
    </div>
  )
}
