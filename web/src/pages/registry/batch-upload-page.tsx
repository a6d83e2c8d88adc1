import { type FormEvent, useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useSearchParams } from 'react-router'
import type { UploadProgress } from '../../api/client'
import { ApiError } from '../../api/client'
import { localName, nameOf } from '../../api/reference'
import { isFinished, rejectionsUrl, useBatch, useBatches, useChannels, useUploadBatch } from '../../api/registry'
import { type Batch, type BatchCounts, type BatchFormat, batchStates, type Channel } from '../../api/types'
import { currentLanguage } from '../../i18n'
import { formatDateTime, formatNumber } from '../../i18n/format'
import { PageHeading } from '../../layout/page-heading'
import { ErrorPanel, LoadingPanel } from '../../layout/status-panels'
import { useDocumentTitle } from '../../layout/use-document-title'
import { useAccount } from '../../session/require-session'

/** The format a file name suggests; the officer can still override it. */
function guessFormat(fileName: string): BatchFormat {
  return /\.(jsonl|ndjson)$/i.test(fileName) ? 'jsonl' : 'csv'
}

export function BatchUploadPage() {
  const { t } = useTranslation()
  useDocumentTitle(t('registry.batches.title'))
  // The batch on show lives in the address, so a report can be reopened, bookmarked or shared with a colleague.
  const [searchParams, setSearchParams] = useSearchParams()
  const shownId = Number(searchParams.get('batch')) || null

  // A channel's own account sends only as that channel; the server knows which, so nothing is asked.
  const isOwnChannel = useAccount().role === 'channel'

  function showBatch(id: number) {
    setSearchParams({ batch: String(id) })
  }

  return (
    <div className="batches">
      <PageHeading lead={t('registry.batches.lead')}>{t('registry.batches.title')}</PageHeading>
      <UploadForm onCreated={showBatch} isOwnChannel={isOwnChannel} />
      {shownId !== null && <BatchReport key={shownId} id={shownId} />}
      <RecentBatches shownId={shownId} isOwnChannel={isOwnChannel} />
    </div>
  )
}

function UploadForm({ onCreated, isOwnChannel }: { onCreated: (id: number) => void; isOwnChannel: boolean }) {
  const { t } = useTranslation()
  const language = currentLanguage()
  const channels = useChannels()
  const upload = useUploadBatch()
  const [channel, setChannel] = useState('')
  const [format, setFormat] = useState<BatchFormat>('csv')
  const [file, setFile] = useState<File | null>(null)
  const [missing, setMissing] = useState<('channel' | 'file')[]>([])
  const [progress, setProgress] = useState<UploadProgress | null>(null)
  const errorRef = useRef<HTMLDivElement>(null)

  const hasError = missing.length > 0 || upload.isError
  useEffect(() => {
    if (hasError) errorRef.current?.focus()
  }, [hasError])

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    upload.reset()
    const found: ('channel' | 'file')[] = []
    if (!channel && !isOwnChannel) found.push('channel')
    if (!file) found.push('file')
    setMissing(found)
    if (!file || found.length > 0) return
    setProgress({ loaded: 0, total: file.size })
    upload.mutate({ channel: isOwnChannel ? null : channel, format, file, onCreated, onProgress: setProgress })
  }

  const percent = progress && progress.total > 0 ? Math.round((progress.loaded / progress.total) * 100) : 0
  const isSent = progress !== null && progress.total > 0 && progress.loaded >= progress.total

  return (
    <section className="card upload" aria-labelledby="upload-heading">
      <h2 id="upload-heading">{t('registry.batches.uploadHeading')}</h2>

      {hasError && (
        <div className="notice notice--error" role="alert" tabIndex={-1} ref={errorRef}>
          <h3 className="notice__title">{t('registry.batches.uploadFailed')}</h3>
          {missing.includes('channel') && <p>{t('registry.batches.chooseChannel')}</p>}
          {missing.includes('file') && <p>{t('registry.batches.chooseFile')}</p>}
          {upload.isError && (
            <p className="notice__message">
              {upload.error instanceof ApiError ? (
                <>
                  <span className="notice__label">{t('registry.serverSays')}</span> {upload.error.message}
                </>
              ) : (
                t('registry.batches.networkError')
              )}
            </p>
          )}
        </div>
      )}

      {channels.isError ? (
        <ErrorPanel error={channels.error} onRetry={() => void channels.refetch()} />
      ) : (
        <form className="upload__form" onSubmit={submit} noValidate>
          {isOwnChannel ? (
            <p className="hint">{t('registry.batches.ownChannel')}</p>
          ) : (
            <div className="field">
              <label className="field__label" htmlFor="upload-channel">
                {t('registry.channel')}
              </label>
              <p className="field__hint" id="upload-channel-hint">
                {t('registry.batches.channelHint')}
              </p>
              <select
                id="upload-channel"
                className="field__input field__select"
                aria-describedby="upload-channel-hint"
                aria-invalid={missing.includes('channel')}
                value={channel}
                disabled={channels.isPending}
                onChange={(event) => setChannel(event.target.value)}
              >
                <option value="">
                  {channels.isPending ? t('app.loading') : t('registry.batches.channelPlaceholder')}
                </option>
                {channels.data?.map((item) => (
                  <option key={item.code} value={item.code}>
                    {localName(item, language)}
                  </option>
                ))}
              </select>
            </div>
          )}

          <div className="field">
            <label className="field__label" htmlFor="upload-file">
              {t('registry.batches.file')}
            </label>
            <p className="field__hint" id="upload-file-hint">
              {t('registry.batches.fileHint')} <code>iin,status,valid_from,source_ref[,valid_to]</code>
            </p>
            {/* The browser's own file button speaks the browser's language, not the page's; this one is
                the input's second label, and the input itself stays focusable under it. */}
            <div className="file-picker">
              <input
                id="upload-file"
                className="file-picker__input"
                type="file"
                accept=".csv,.jsonl,.ndjson,text/csv,application/x-ndjson"
                aria-describedby="upload-file-hint upload-file-name"
                aria-invalid={missing.includes('file')}
                onChange={(event) => {
                  const picked = event.target.files?.[0] ?? null
                  setFile(picked)
                  if (picked) setFormat(guessFormat(picked.name))
                }}
              />
              <label htmlFor="upload-file" className="button button--secondary file-picker__button">
                {t('registry.batches.chooseFileButton')}
              </label>
              <span id="upload-file-name" className="file-picker__name">
                {file ? `${file.name} (${formatBytes(file.size, language)})` : t('registry.batches.noFile')}
              </span>
            </div>
          </div>

          <fieldset className="field choice">
            <legend className="field__label">{t('registry.batches.format')}</legend>
            {(['csv', 'jsonl'] as const).map((option) => (
              <label key={option} className="choice__option">
                <input
                  type="radio"
                  name="format"
                  value={option}
                  checked={format === option}
                  onChange={() => setFormat(option)}
                />
                {t(`registry.batches.formats.${option}`)}
              </label>
            ))}
          </fieldset>

          <button type="submit" className="button" disabled={upload.isPending}>
            {upload.isPending ? t('registry.batches.uploading') : t('registry.batches.upload')}
          </button>
        </form>
      )}

      {progress && (
        <div className="upload__progress">
          <label className="field__label" htmlFor="upload-progress">
            {t('registry.batches.progressLabel', { name: file?.name ?? '' })}
          </label>
          <progress id="upload-progress" className="progress" max={100} value={percent}>
            {percent}%
          </progress>
          <p className="hint">
            {isSent && upload.isPending
              ? t('registry.batches.sentProcessing')
              : t('registry.batches.sentBytes', {
                  loaded: formatBytes(progress.loaded, language),
                  total: formatBytes(progress.total, language),
                  percent,
                })}
          </p>
          {/* Announced in quarter steps: every percent would drown a screen reader. */}
          <p className="visually-hidden" aria-live="polite">
            {upload.isPending ? t('registry.batches.progressAnnouncement', { percent: roundDown(percent) }) : ''}
          </p>
        </div>
      )}
    </section>
  )
}

function roundDown(percent: number): number {
  return Math.floor(percent / 25) * 25
}

function formatBytes(bytes: number, language: ReturnType<typeof currentLanguage>): string {
  if (bytes < 1024) return `${formatNumber(bytes, language)} B`
  if (bytes < 1024 * 1024) return `${formatNumber(Math.round(bytes / 102.4) / 10, language)} KB`
  return `${formatNumber(Math.round(bytes / (1024 * 102.4)) / 10, language)} MB`
}

function BatchReport({ id }: { id: number }) {
  const { t } = useTranslation()
  const language = currentLanguage()
  const batch = useBatch(id)
  const channels = useChannels()

  if (batch.isPending) return <LoadingPanel />
  if (batch.isError) return <ErrorPanel error={batch.error} onRetry={() => void batch.refetch()} />
  const data = batch.data

  return (
    <section className="card batch-report" aria-labelledby="batch-heading">
      <h2 id="batch-heading">
        {t('registry.batchNumber', { id: data.id })}
        {data.fileName ? ` · ${data.fileName}` : ''}
      </h2>
      <p className="hint">
        {t('registry.batches.reportMeta', {
          channel: nameOf(channels.data, data.channel, language),
          format: data.format.toUpperCase(),
          createdAt: formatDateTime(data.createdAt, language),
        })}
      </p>

      <BatchStateSteps batch={data} />
      {/* One short live sentence, so a screen reader hears each stage without re-reading the whole report. */}
      <p className="visually-hidden" aria-live="polite">
        {t('registry.batches.stateAnnouncement', {
          state: t(`registry.batchState.${data.state}`),
          received: data.counts.received,
        })}
      </p>

      {data.state === 'failed' && (
        <div className="notice notice--error">
          <h3 className="notice__title">{t('registry.batches.failedTitle')}</h3>
          <p className="notice__message">{data.error ?? t('registry.batches.failedNoReason')}</p>
        </div>
      )}

      {data.state === 'done' ? <Reconciliation batch={data} /> : <LiveCounts counts={data.counts} />}
    </section>
  )
}

function BatchStateSteps({ batch }: { batch: Batch }) {
  const { t } = useTranslation()
  // done and failed are alternative endings: show the one reached, or "done" while still on the way.
  const steps = batchStates.filter((state) => state !== (batch.state === 'failed' ? 'done' : 'failed'))
  const reached = steps.indexOf(batch.state)
  return (
    <ol className="steps" aria-label={t('registry.batches.stepsLabel')}>
      {steps.map((state, index) => {
        // A finished batch's last step is passed, not in progress.
        const stage =
          index < reached || (index === reached && batch.state === 'done')
            ? 'past'
            : index === reached
              ? 'current'
              : 'future'
        return (
          <li
            key={state}
            className={`steps__item steps__item--${stage} ${state === 'failed' ? 'steps__item--failed' : ''}`}
            aria-current={index === reached ? 'step' : undefined}
          >
            {t(`registry.batchState.${state}`)}
            {stage === 'current' && !isFinished(batch) && (
              <span className="steps__working" aria-hidden="true">
                …
              </span>
            )}
          </li>
        )
      })}
    </ol>
  )
}

const countKeys: readonly (keyof BatchCounts)[] = ['received', 'applied', 'superseded', 'duplicate', 'rejected']

function LiveCounts({ counts }: { counts: BatchCounts }) {
  const { t } = useTranslation()
  const language = currentLanguage()
  return (
    <dl className="counts">
      {countKeys.map((key) => (
        <div key={key} className="counts__item">
          <dt>{t(`registry.counts.${key}`)}</dt>
          <dd>{formatNumber(counts[key], language)}</dd>
        </div>
      ))}
    </dl>
  )
}

function Reconciliation({ batch }: { batch: Batch }) {
  const { t } = useTranslation()
  const language = currentLanguage()
  const { received, applied, superseded, duplicate, rejected } = batch.counts
  const accounted = applied + superseded + duplicate + rejected
  const holds = accounted === received
  const terms: { key: keyof BatchCounts; value: number }[] = [
    { key: 'applied', value: applied },
    { key: 'superseded', value: superseded },
    { key: 'duplicate', value: duplicate },
    { key: 'rejected', value: rejected },
  ]

  return (
    <section className="reconciliation" aria-labelledby="reconciliation-heading">
      <h3 id="reconciliation-heading">{t('registry.batches.reconciliationHeading')}</h3>
      <p className="equation" data-testid="reconciliation-equation">
        <Term label={t('registry.counts.received')} value={formatNumber(received, language)} />
        <span className="equation__operator">=</span>
        {terms.map((term, index) => (
          <span key={term.key} className="equation__group">
            {index > 0 && <span className="equation__operator">+</span>}
            <Term label={t(`registry.counts.${term.key}`)} value={formatNumber(term.value, language)} />
          </span>
        ))}
      </p>
      {holds ? (
        <p className="reconciliation__verdict reconciliation__verdict--ok">
          <span className="reconciliation__mark" aria-hidden="true">
            ✓
          </span>
          {t('registry.batches.reconciled')}
        </p>
      ) : (
        <p className="reconciliation__verdict reconciliation__verdict--bad" role="alert">
          <span className="reconciliation__mark" aria-hidden="true">
            ✗
          </span>
          {t('registry.batches.notReconciled', { missing: received - accounted })}
        </p>
      )}
      {rejected > 0 ? (
        <p>
          <a
            className="button button--secondary"
            href={rejectionsUrl(batch.id)}
            download={`batch-${batch.id}-rejected.csv`}
          >
            {t('registry.batches.downloadRejected', { count: rejected })}
          </a>
        </p>
      ) : (
        <p className="hint">{t('registry.batches.noRejected')}</p>
      )}
    </section>
  )
}

function Term({ label, value }: { label: string; value: string }) {
  return (
    <span className="equation__term">
      <span className="equation__value">{value}</span> <span className="equation__label">{label}</span>
    </span>
  )
}

function RecentBatches({ shownId, isOwnChannel }: { shownId: number | null; isOwnChannel: boolean }) {
  const { t } = useTranslation()
  const language = currentLanguage()
  const [channel, setChannel] = useState('')
  const channels = useChannels()
  const batches = useBatches(channel)
  // While anything on the list is still running, the list follows it too.
  const isAnyRunning = batches.data?.some((batch) => !isFinished(batch)) ?? false
  const { refetch } = batches
  useEffect(() => {
    if (!isAnyRunning) return
    const timer = window.setInterval(() => void refetch(), 3000)
    return () => window.clearInterval(timer)
  }, [isAnyRunning, refetch])

  return (
    <section className="recent" aria-labelledby="recent-heading">
      <div className="recent__head">
        <h2 id="recent-heading">{t('registry.batches.recentHeading')}</h2>
        {!isOwnChannel && (
          <div className="field field--inline">
            <label className="field__label" htmlFor="recent-channel">
              {t('registry.channel')}
            </label>
            <select
              id="recent-channel"
              className="field__input field__select"
              value={channel}
              onChange={(event) => setChannel(event.target.value)}
            >
              <option value="">{t('registry.batches.allChannels')}</option>
              {channels.data?.map((item: Channel) => (
                <option key={item.code} value={item.code}>
                  {localName(item, language)}
                </option>
              ))}
            </select>
          </div>
        )}
      </div>
      {batches.isPending ? (
        <LoadingPanel />
      ) : batches.isError ? (
        <ErrorPanel error={batches.error} onRetry={() => void batches.refetch()} />
      ) : batches.data.length === 0 ? (
        <p className="hint">{t('registry.batches.noneYet')}</p>
      ) : (
        <div className="table-wrap">
          <table className="table">
            <caption className="visually-hidden">{t('registry.batches.recentCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('registry.batches.columns.batch')}</th>
                <th scope="col">{t('registry.channel')}</th>
                <th scope="col">{t('registry.batches.columns.createdAt')}</th>
                <th scope="col">{t('registry.batches.columns.state')}</th>
                {countKeys.map((key) => (
                  <th key={key} scope="col" className="table__number">
                    {t(`registry.counts.${key}`)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {batches.data.map((batch) => (
                <tr key={batch.id} aria-current={batch.id === shownId ? 'true' : undefined}>
                  <th scope="row" className="table__file">
                    <Link to={`?batch=${batch.id}`}>{t('registry.batchNumber', { id: batch.id })}</Link>
                    <span className="table__sub">
                      {batch.fileName ?? t(`registry.batches.formats.${batch.format}`)}
                    </span>
                  </th>
                  <td>{nameOf(channels.data, batch.channel, language)}</td>
                  <td>{formatDateTime(batch.createdAt, language)}</td>
                  <td>
                    <span className={`badge badge--state-${batch.state}`}>
                      {t(`registry.batchState.${batch.state}`)}
                    </span>
                  </td>
                  {countKeys.map((key) => (
                    <td key={key} className="table__number">
                      {formatNumber(batch.counts[key], language)}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  )
}
