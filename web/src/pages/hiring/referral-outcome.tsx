import { type FormEvent, useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { fieldErrors, type Referral, type ReferralOutcome, referralOutcomes, useRecordOutcome } from '../../api/hiring'
import { currentLanguage } from '../../i18n'
import { formatDateTime } from '../../i18n/format'
import { ServerSays } from './hiring-shared'

/** The API's own rule (RecordOutcome in referral.schema.ts): a reason of at least 3 characters unless hired. */
const minReasonLength = 3

/**
 * A referral's outcome; while it has none, the officers who may record it (any officer of the referral's region,
 * as the API allows) get a small form: hired, not hired or did not come, with a reason unless hired.
 */
export function OutcomeCell({ referral, canRecord }: { referral: Referral; canRecord: boolean }) {
  const { t } = useTranslation()
  const language = currentLanguage()
  const [isOpen, setOpen] = useState(false)
  const openerRef = useRef<HTMLButtonElement>(null)

  if (referral.outcome) {
    return (
      <div className="referral-outcome" data-testid={`referral-outcome-${referral.id}`}>
        <strong>{t(`hiring.referrals.outcome.${referral.outcome}`)}</strong>
        {referral.outcomeReason && <span className="referral-outcome__reason">{referral.outcomeReason}</span>}
        {referral.outcomeAt && (
          <span className="table__sub">
            {t('hiring.referrals.outcomeAt', { date: formatDateTime(referral.outcomeAt, language) })}
          </span>
        )}
      </div>
    )
  }

  return (
    <div className="referral-outcome" data-testid={`referral-outcome-${referral.id}`}>
      <span>{t('hiring.referrals.pending')}</span>
      {canRecord &&
        (isOpen ? (
          <OutcomeForm
            referral={referral}
            onCancel={() => {
              setOpen(false)
              // Back to the button that opened the form, so a keyboard user keeps their place in the table.
              requestAnimationFrame(() => openerRef.current?.focus())
            }}
          />
        ) : (
          <button
            type="button"
            ref={openerRef}
            className="button button--secondary button--small"
            onClick={() => setOpen(true)}
          >
            {t('hiring.referrals.recordOutcome')}
          </button>
        ))}
    </div>
  )
}

type Problem = 'outcome' | 'reason'

function OutcomeForm({ referral, onCancel }: { referral: Referral; onCancel: () => void }) {
  const { t } = useTranslation()
  const record = useRecordOutcome()
  const [outcome, setOutcome] = useState<ReferralOutcome | null>(null)
  const [reason, setReason] = useState('')
  const [problems, setProblems] = useState<Problem[]>([])
  const firstRadioRef = useRef<HTMLInputElement>(null)
  const refusalRef = useRef<HTMLDivElement>(null)
  const id = `referral-${referral.id}-outcome`

  useEffect(() => firstRadioRef.current?.focus(), [])
  useEffect(() => {
    if (record.isError) refusalRef.current?.focus()
  }, [record.isError])

  // A refusal that names the reason (a schema error on body/reason, or the rule's details.field) is shown at the
  // field; anything else (another officer recorded it first, the referral is not of this region) above the buttons.
  const apiReasonProblem = record.isError && fieldErrors(record.error).has('reason') ? record.error.message : undefined

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    const trimmed = reason.trim()
    const found: Problem[] = []
    if (outcome === null) found.push('outcome')
    if (outcome !== 'hired' && trimmed.length < minReasonLength) found.push('reason')
    setProblems(found)
    if (found.length > 0 || outcome === null) return
    record.mutate({ id: referral.id, outcome, ...(outcome !== 'hired' && { reason: trimmed }) })
  }

  const isReasonInvalid = problems.includes('reason') || apiReasonProblem !== undefined
  return (
    <form
      className="referral-outcome__form"
      onSubmit={submit}
      noValidate
      aria-label={t('hiring.referrals.outcomeLegend', { id: referral.id })}
    >
      <fieldset className="choice referral-outcome__choice">
        <legend className="field__label">{t('hiring.referrals.outcomeLegend', { id: referral.id })}</legend>
        {problems.includes('outcome') && <p className="field__error">{t('hiring.referrals.outcomeChoose')}</p>}
        {referralOutcomes.map((option, index) => (
          <label key={option} className="choice__option">
            <input
              ref={index === 0 ? firstRadioRef : undefined}
              type="radio"
              name={id}
              value={option}
              checked={outcome === option}
              onChange={() => setOutcome(option)}
            />
            {t(`hiring.referrals.outcome.${option}`)}
          </label>
        ))}
      </fieldset>
      {outcome !== 'hired' && (
        <div className="field">
          <label className="field__label" htmlFor={`${id}-reason`}>
            {t('hiring.referrals.reason')}
          </label>
          {problems.includes('reason') ? (
            <p className="field__error" id={`${id}-reason-error`}>
              {t('hiring.referrals.reasonMissing', { min: minReasonLength })}
            </p>
          ) : (
            apiReasonProblem !== undefined && (
              <p className="field__error" id={`${id}-reason-error`} role="alert">
                {t('hiring.referrals.outcomeRefused')}.{' '}
                <span className="field__error-detail">
                  {t('hiring.serverSays')} {apiReasonProblem}
                </span>
              </p>
            )
          )}
          <textarea
            id={`${id}-reason`}
            className="field__input field__textarea"
            rows={2}
            maxLength={1000}
            aria-invalid={isReasonInvalid}
            aria-describedby={isReasonInvalid ? `${id}-reason-error ${id}-reason-hint` : `${id}-reason-hint`}
            value={reason}
            onChange={(event) => setReason(event.target.value)}
          />
          <p className="hint" id={`${id}-reason-hint`}>
            {t('hiring.referrals.reasonHint')}
          </p>
        </div>
      )}
      {record.isError && apiReasonProblem === undefined && (
        <div className="notice notice--error" role="alert" tabIndex={-1} ref={refusalRef}>
          <h3 className="notice__title">{t('hiring.referrals.outcomeRefused')}</h3>
          <ServerSays message={record.error.message} />
        </div>
      )}
      <div className="hiring__actions">
        <button type="submit" className="button button--small" disabled={record.isPending}>
          {record.isPending ? t('hiring.referrals.savingOutcome') : t('hiring.referrals.saveOutcome')}
        </button>
        <button type="button" className="button button--secondary button--small" onClick={onCancel}>
          {t('hiring.referrals.cancel')}
        </button>
      </div>
    </form>
  )
}
