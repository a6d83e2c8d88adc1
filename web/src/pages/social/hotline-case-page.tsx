import { type FormEvent, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useParams } from 'react-router'
import { ApiError } from '../../api/client'
import { regionName, useRegions } from '../../api/reference'
import { type HotlineReportWithEvents, useHotlineReport, useMoveReport } from '../../api/social'
import { currentLanguage } from '../../i18n'
import { formatDate, formatDateTime, formatNumber } from '../../i18n/format'
import { PageHeading } from '../../layout/page-heading'
import { ErrorPanel, LoadingPanel } from '../../layout/status-panels'
import { useDocumentTitle } from '../../layout/use-document-title'
import { NotFoundPage } from '../not-found-page'

/** One hotline report for an inspector: the facts, its history, and the next step it may take. */
export function HotlineCasePage() {
  const { id } = useParams()
  const reportId = Number(id)
  if (!Number.isInteger(reportId) || reportId <= 0) return <NotFoundPage />
  return <HotlineCase id={reportId} />
}

function HotlineCase({ id }: { id: number }) {
  const { t } = useTranslation()
  const title = t('social.case.title', { id })
  useDocumentTitle(title)
  const report = useHotlineReport(id)

  return (
    <div className="social">
      <p>
        <Link to="/hotline">{t('social.case.back')}</Link>
      </p>
      <PageHeading>{title}</PageHeading>
      {report.isPending ? (
        <LoadingPanel />
      ) : report.isError ? (
        report.error instanceof ApiError && [403, 404].includes(report.error.status) ? (
          <div className="notice notice--error" role="alert">
            <p className="notice__message">{report.error.message}</p>
          </div>
        ) : (
          <ErrorPanel error={report.error} onRetry={() => void report.refetch()} />
        )
      ) : (
        <CaseContent report={report.data} />
      )}
    </div>
  )
}

function CaseContent({ report }: { report: HotlineReportWithEvents }) {
  const { t } = useTranslation()
  const language = currentLanguage()
  const regions = useRegions()
  const region = regions.data?.find((r) => r.code === report.region)

  return (
    <>
      <dl className="facts facts--grid" data-testid="case-facts">
        <Fact term={t('social.queue.status')} value={t(`social.status.${report.status}`)} />
        <Fact term={t('social.report.category')} value={t(`social.category.${report.category}`)} />
        <Fact term={t('social.report.region')} value={region ? regionName(region, language) : report.region} />
        <Fact
          term={t('social.report.employer')}
          value={[report.employerName, report.employerBin].filter(Boolean).join(' · ') || '—'}
        />
        <Fact term={t('social.queue.received')} value={formatDateTime(report.createdAt, language)} />
        <Fact
          term={t('social.queue.due')}
          value={`${formatDate(report.dueDate, language)}${report.isOverdue ? ` — ${t('social.queue.overdue')}` : ''}`}
        />
        <Fact term={t('social.case.source')} value={t(`social.source.${report.source}`)} />
        <Fact
          term={t('social.case.reporter')}
          value={
            report.isAnonymous
              ? t('social.case.anonymous')
              : report.reporter
                ? [report.reporter.name, report.reporter.contact, report.reporter.iin].filter(Boolean).join(' · ') ||
                  '—'
                : t('social.case.reporterHidden')
          }
        />
      </dl>
      <section aria-labelledby="case-description">
        <h2 id="case-description">{t('social.report.description')}</h2>
        <p className="social__description">{report.description}</p>
      </section>
      {report.outcome && (
        <section aria-labelledby="case-outcome">
          <h2 id="case-outcome">{t('social.case.outcome')}</h2>
          <dl className="facts">
            <Fact term={t('social.case.contracts')} value={String(report.outcome.contractsConcluded)} />
            <Fact
              term={t('social.case.recovered')}
              value={`${formatNumber(report.outcome.contributionsRecovered, language)} ₸`}
            />
            <Fact term={t('social.case.note')} value={report.outcome.note ?? '—'} />
            <Fact term={t('social.case.reply')} value={report.outcome.replyToReporter ?? '—'} />
          </dl>
        </section>
      )}
      <NextStep report={report} />
      <section aria-labelledby="case-history">
        <h2 id="case-history">{t('social.case.history')}</h2>
        <ol className="timeline">
          {report.events.map((event) => (
            <li key={`${event.at}-${event.status}`} className="timeline__item">
              <div className="timeline__head">
                <span className="timeline__status">{t(`social.status.${event.status}`)}</span>
              </div>
              <p className="timeline__period">{formatDateTime(event.at, language)}</p>
              {event.note && <p>{event.note}</p>}
            </li>
          ))}
        </ol>
      </section>
    </>
  )
}

function NextStep({ report }: { report: HotlineReportWithEvents }) {
  const { t } = useTranslation()
  const { assign, move } = useMoveReport(report.id)
  const [closing, setClosing] = useState<'resolved' | 'unfounded'>('resolved')
  const [contracts, setContracts] = useState('0')
  const [recovered, setRecovered] = useState('0')
  const [note, setNote] = useState('')
  const [reply, setReply] = useState('')
  const [noteMissing, setNoteMissing] = useState(false)
  const error = assign.error ?? move.error

  function close(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    // The server refuses to close a report without saying what the inspection found; say so before sending.
    setNoteMissing(note.trim() === '')
    if (note.trim() === '') return
    move.mutate({
      status: closing,
      contractsConcluded: Number(contracts) || 0,
      contributionsRecovered: Number(recovered) || 0,
      ...(note.trim() ? { note: note.trim() } : {}),
      ...(reply.trim() ? { replyToReporter: reply.trim() } : {}),
    })
  }

  if (report.status === 'resolved' || report.status === 'unfounded') return null
  return (
    <section aria-labelledby="case-next" className="card">
      <h2 id="case-next">{t('social.case.next')}</h2>
      {error && (
        <p className="notice notice--error" role="alert">
          {error.message}
        </p>
      )}
      {report.status === 'new' && (
        <button type="button" className="button" disabled={assign.isPending} onClick={() => assign.mutate()}>
          {t('social.case.assign')}
        </button>
      )}
      {report.status === 'assigned' && (
        <button
          type="button"
          className="button"
          disabled={move.isPending}
          onClick={() => move.mutate({ status: 'inspecting' })}
        >
          {t('social.case.startInspection')}
        </button>
      )}
      {report.status === 'inspecting' && (
        <form className="form" onSubmit={close} noValidate>
          <div className="field">
            <label className="field__label" htmlFor="case-closing">
              {t('social.case.result')}
            </label>
            <select
              id="case-closing"
              className="field__select"
              value={closing}
              onChange={(event) => setClosing(event.target.value as 'resolved' | 'unfounded')}
            >
              <option value="resolved">{t('social.status.resolved')}</option>
              <option value="unfounded">{t('social.status.unfounded')}</option>
            </select>
          </div>
          <div className="field">
            <label className="field__label" htmlFor="case-contracts">
              {t('social.case.contracts')}
            </label>
            <input
              id="case-contracts"
              className="field__input"
              type="number"
              min={0}
              step={1}
              value={contracts}
              onChange={(event) => setContracts(event.target.value)}
            />
          </div>
          <div className="field">
            <label className="field__label" htmlFor="case-recovered">
              {t('social.case.recovered')}
            </label>
            <input
              id="case-recovered"
              className="field__input"
              type="number"
              min={0}
              step="0.01"
              value={recovered}
              onChange={(event) => setRecovered(event.target.value)}
            />
          </div>
          <div className="field">
            <label className="field__label" htmlFor="case-note">
              {t('social.case.note')}
            </label>
            <p className="field__hint" id="case-note-hint" role={noteMissing ? 'alert' : undefined}>
              {noteMissing ? t('social.case.noteMissing') : t('social.case.noteHint')}
            </p>
            <textarea
              id="case-note"
              className="field__input"
              rows={3}
              required
              aria-invalid={noteMissing}
              aria-describedby="case-note-hint"
              maxLength={5000}
              value={note}
              onChange={(event) => setNote(event.target.value)}
            />
          </div>
          <div className="field">
            <label className="field__label" htmlFor="case-reply">
              {t('social.case.reply')}
            </label>
            <p className="field__hint" id="case-reply-hint">
              {t('social.case.replyHint')}
            </p>
            <textarea
              id="case-reply"
              className="field__input"
              rows={3}
              aria-describedby="case-reply-hint"
              maxLength={2000}
              value={reply}
              onChange={(event) => setReply(event.target.value)}
            />
          </div>
          <div className="form__actions">
            <button type="submit" className="button" disabled={move.isPending}>
              {t('social.case.close')}
            </button>
          </div>
        </form>
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
