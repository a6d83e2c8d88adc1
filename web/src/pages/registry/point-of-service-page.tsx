import { type FormEvent, useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { ApiError } from '../../api/client'
import { localName, nameOf, useStatusCategories } from '../../api/reference'
import { useChannels, useRecordStatus, useStatusCheck } from '../../api/registry'
import type { Account, Channel, CheckState } from '../../api/types'
import { currentLanguage } from '../../i18n'
import { todayIsoDate } from '../../i18n/format'
import { PageHeading } from '../../layout/page-heading'
import { ErrorPanel, LoadingPanel } from '../../layout/status-panels'
import { useDocumentTitle } from '../../layout/use-document-title'
import { useAccount } from '../../session/require-session'

/**
 * The channel this account records for: the one the server names on the account, or, failing that, the
 * only channel the server lists for it.
 */
function findOwnChannel(account: Account, channels: readonly Channel[]): Channel | undefined {
  if (account.channelCode) return channels.find((channel) => channel.code === account.channelCode)
  return channels.length === 1 ? channels[0] : undefined
}

// Takes the fallback text rather than `t`: typing `t` as a parameter makes TypeScript expand every key of the
// merged translations, which exceeds its instantiation depth once the areas' words are all in.
function problemText(error: Error, networkError: string): string {
  return error instanceof ApiError ? error.message : networkError
}

export function PointOfServicePage() {
  const { t } = useTranslation()
  useDocumentTitle(t('registry.check.title'))
  const account = useAccount()
  const channels = useChannels()
  const check = useStatusCheck()
  const [iin, setIin] = useState('')
  const [isIinInvalid, setIsIinInvalid] = useState(false)
  const answerRef = useRef<HTMLDivElement>(null)

  const answer = check.data
  useEffect(() => {
    if (answer || check.isError || isIinInvalid) answerRef.current?.focus()
  }, [answer, check.isError, isIinInvalid])

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    const clean = iin.replace(/\s+/g, '')
    const isValid = /^\d{12}$/.test(clean)
    setIsIinInvalid(!isValid)
    check.reset()
    if (isValid) check.mutate(clean)
  }

  const ownChannel = channels.data ? findOwnChannel(account, channels.data) : undefined

  return (
    <div className="check">
      <PageHeading lead={t('registry.check.lead')}>{t('registry.check.title')}</PageHeading>
      {ownChannel && (
        <p className="check__channel">
          {t('registry.check.asChannel', { channel: localName(ownChannel, currentLanguage()) })}
        </p>
      )}

      <form
        className="form form--row form--row-short"
        onSubmit={submit}
        noValidate
        aria-label={t('registry.check.formLabel')}
      >
        <div className="field field--iin">
          <label className="field__label" htmlFor="check-iin">
            {t('registry.iin')}
          </label>
          <p className="field__hint" id="check-iin-hint">
            {t('registry.iinHint')}
          </p>
          <input
            id="check-iin"
            className="field__input"
            type="text"
            inputMode="numeric"
            autoComplete="off"
            spellCheck={false}
            maxLength={20}
            aria-describedby="check-iin-hint"
            aria-invalid={isIinInvalid}
            value={iin}
            onChange={(event) => {
              setIin(event.target.value)
              // A new IIN hides the previous person's answer at once: it must not be read as this one's.
              if (check.data || check.isError) check.reset()
            }}
          />
        </div>
        <div className="form__actions">
          <button type="submit" className="button" disabled={check.isPending}>
            {check.isPending ? t('registry.check.submitting') : t('registry.check.submit')}
          </button>
        </div>
      </form>

      {isIinInvalid && (
        <div className="notice notice--error" role="alert" tabIndex={-1} ref={answerRef}>
          <p>{t('registry.lookup.iinInvalid')}</p>
        </div>
      )}
      {check.isError && (
        <div className="notice notice--error" role="alert" tabIndex={-1} ref={answerRef}>
          <h2 className="notice__title">{t('registry.check.failed')}</h2>
          <p className="notice__message">{problemText(check.error, t('registry.check.networkError'))}</p>
        </div>
      )}
      {answer && (
        <>
          <div className={`check-answer check-answer--${answer.state}`} role="status" tabIndex={-1} ref={answerRef}>
            <p className="check-answer__label">{t('registry.check.answerFor', { iin: answer.iin })}</p>
            <p className="check-answer__state">{t(`registry.check.state.${answer.state}`)}</p>
            <p className="check-answer__advice">{t(`registry.check.advice.${answer.state}`)}</p>
          </div>
          {channels.isPending ? (
            <LoadingPanel />
          ) : channels.isError ? (
            <ErrorPanel error={channels.error} onRetry={() => void channels.refetch()} />
          ) : ownChannel ? (
            <RecordStatusForm key={answer.iin} iin={answer.iin} state={answer.state} channel={ownChannel} />
          ) : (
            <p className="notice">{t('registry.check.noChannel')}</p>
          )}
        </>
      )}
    </div>
  )
}

function RecordStatusForm({ iin, state, channel }: { iin: string; state: CheckState; channel: Channel }) {
  const { t } = useTranslation()
  const language = currentLanguage()
  const statuses = useStatusCategories()
  const record = useRecordStatus()
  const today = todayIsoDate()
  const [status, setStatus] = useState(channel.allowedStatuses.length === 1 ? (channel.allowedStatuses[0] ?? '') : '')
  const [validFrom, setValidFrom] = useState(today)
  const [problem, setProblem] = useState<'status' | 'date' | null>(null)
  const resultRef = useRef<HTMLDivElement>(null)

  useEffect(() => {
    if (record.data || record.isError || problem) resultRef.current?.focus()
  }, [record.data, record.isError, problem])

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    record.reset()
    const found = !status ? 'status' : !/^\d{4}-\d{2}-\d{2}$/.test(validFrom) || validFrom > today ? 'date' : null
    setProblem(found)
    if (!found) record.mutate({ iin, status, validFrom })
  }

  const outcome = record.data
  const isRecorded = outcome && outcome.outcome !== 'rejected'

  return (
    <section className="card record" aria-labelledby="record-heading">
      <h2 id="record-heading">
        {state === 'current' ? t('registry.check.reconfirmHeading') : t('registry.check.recordHeading')}
      </h2>
      <p className="hint">{t('registry.check.recordNote')}</p>

      {problem && (
        <div className="notice notice--error" role="alert" tabIndex={-1} ref={resultRef}>
          <p>{problem === 'status' ? t('registry.check.chooseStatus') : t('registry.check.dateInvalid')}</p>
        </div>
      )}
      {record.isError && (
        <div className="notice notice--error" role="alert" tabIndex={-1} ref={resultRef}>
          <h3 className="notice__title">{t('registry.check.recordFailed')}</h3>
          <p className="notice__message">{problemText(record.error, t('registry.check.networkError'))}</p>
        </div>
      )}
      {outcome && (
        <div
          className={`notice ${isRecorded ? 'notice--success' : 'notice--error'}`}
          role={isRecorded ? 'status' : 'alert'}
          tabIndex={-1}
          ref={resultRef}
        >
          <h3 className="notice__title">{t(`registry.check.outcome.${outcome.outcome}`)}</h3>
          {outcome.reason && (
            <p className="notice__message">
              <span className="notice__label">{t('registry.serverSays')}</span> {outcome.reason}
            </p>
          )}
        </div>
      )}

      <form onSubmit={submit} noValidate>
        <div className="field">
          <label className="field__label" htmlFor="record-status">
            {t('registry.check.status')}
          </label>
          <p className="field__hint" id="record-status-hint">
            {t('registry.check.statusHint')}
          </p>
          <select
            id="record-status"
            className="field__input field__select"
            aria-describedby="record-status-hint"
            aria-invalid={problem === 'status'}
            value={status}
            onChange={(event) => setStatus(event.target.value)}
          >
            <option value="">{t('registry.check.statusPlaceholder')}</option>
            {channel.allowedStatuses.map((code) => (
              <option key={code} value={code}>
                {nameOf(statuses.data, code, language)}
              </option>
            ))}
          </select>
        </div>
        <div className="field field--date">
          <label className="field__label" htmlFor="record-valid-from">
            {t('registry.check.validFrom')}
          </label>
          <p className="field__hint" id="record-valid-from-hint">
            {t('registry.check.validFromHint')}
          </p>
          <input
            id="record-valid-from"
            className="field__input"
            type="date"
            max={today}
            aria-describedby="record-valid-from-hint"
            aria-invalid={problem === 'date'}
            value={validFrom}
            onChange={(event) => setValidFrom(event.target.value)}
          />
        </div>
        <button type="submit" className="button" disabled={record.isPending}>
          {record.isPending ? t('registry.check.recording') : t('registry.check.record')}
        </button>
      </form>
    </section>
  )
}
