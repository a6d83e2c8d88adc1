import { type FormEvent, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { ApiError } from '../../api/client'
import { type BenefitKind, type BenefitLookup, benefitKinds, useStaffBenefit } from '../../api/social'
import { PageHeading } from '../../layout/page-heading'
import { ErrorPanel, LoadingPanel } from '../../layout/status-panels'
import { useDocumentTitle } from '../../layout/use-document-title'
import { BenefitView } from './benefit-view'

const minPurposeLength = 5

/** An officer asks what is due to a person: scoped to the officer's region and audited with the stated purpose. */
export function BenefitLookupPage() {
  const { t } = useTranslation()
  useDocumentTitle(t('social.lookup.title'))
  const [iin, setIin] = useState('')
  const [purpose, setPurpose] = useState('')
  const [kind, setKind] = useState<BenefitKind>('job_loss')
  const [date, setDate] = useState('')
  const [problems, setProblems] = useState<('iin' | 'purpose')[]>([])
  const [lookup, setLookup] = useState<BenefitLookup | null>(null)
  const result = useStaffBenefit(lookup)

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    const cleanIin = iin.replace(/\s+/g, '')
    const found: ('iin' | 'purpose')[] = []
    if (!/^\d{12}$/.test(cleanIin)) found.push('iin')
    if (purpose.trim().length < minPurposeLength) found.push('purpose')
    setProblems(found)
    if (found.length > 0) {
      setLookup(null)
      return
    }
    setLookup({ iin: cleanIin, purpose: purpose.trim(), kind, date, attempt: (lookup?.attempt ?? 0) + 1 })
  }

  return (
    <div className="social">
      <PageHeading lead={t('social.lookup.lead')}>{t('social.lookup.title')}</PageHeading>
      <form className="form" onSubmit={submit} noValidate aria-label={t('social.lookup.title')}>
        <div className="field">
          <label className="field__label" htmlFor="benefit-iin">
            {t('social.iin')}
          </label>
          {problems.includes('iin') && (
            <p className="field__hint field__hint--error" id="benefit-iin-error">
              {t('social.lookup.iinInvalid')}
            </p>
          )}
          <input
            id="benefit-iin"
            className="field__input"
            inputMode="numeric"
            autoComplete="off"
            maxLength={20}
            aria-invalid={problems.includes('iin')}
            aria-describedby={problems.includes('iin') ? 'benefit-iin-error' : undefined}
            value={iin}
            onChange={(event) => setIin(event.target.value)}
          />
        </div>
        <div className="field">
          <label className="field__label" htmlFor="benefit-purpose">
            {t('social.lookup.purpose')}
          </label>
          <p className="field__hint" id="benefit-purpose-hint">
            {problems.includes('purpose')
              ? t('social.lookup.purposeTooShort', { min: minPurposeLength })
              : t('social.lookup.purposeHint')}
          </p>
          <input
            id="benefit-purpose"
            className="field__input"
            autoComplete="off"
            maxLength={500}
            aria-invalid={problems.includes('purpose')}
            aria-describedby="benefit-purpose-hint"
            value={purpose}
            onChange={(event) => setPurpose(event.target.value)}
          />
        </div>
        <div className="field">
          <label className="field__label" htmlFor="benefit-kind">
            {t('social.lookup.kind')}
          </label>
          <select
            id="benefit-kind"
            className="field__select"
            value={kind}
            onChange={(event) => setKind(event.target.value as BenefitKind)}
          >
            {benefitKinds.map((k) => (
              <option key={k} value={k}>
                {t(`social.benefit.kinds.${k}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field field--date">
          <label className="field__label" htmlFor="benefit-date">
            {t('social.lookup.date')}
          </label>
          <p className="field__hint">{t('social.lookup.dateHint')}</p>
          <input
            id="benefit-date"
            type="date"
            className="field__input"
            value={date}
            onChange={(event) => setDate(event.target.value)}
          />
        </div>
        <div className="form__actions">
          <button type="submit" className="button" disabled={result.isFetching}>
            {t('social.lookup.submit')}
          </button>
        </div>
      </form>
      {lookup &&
        (result.isPending ? (
          <LoadingPanel />
        ) : result.isError ? (
          result.error instanceof ApiError && [400, 403, 404].includes(result.error.status) ? (
            <div className="notice notice--error" role="alert">
              <h2 className="notice__title">{t('social.lookup.refused')}</h2>
              <p className="notice__message">{result.error.message}</p>
            </div>
          ) : (
            <ErrorPanel error={result.error} />
          )
        ) : (
          <>
            <p className="hint">{t('social.lookup.audited')}</p>
            <BenefitView result={result.data} headingId="lookup-benefit" />
          </>
        ))}
    </div>
  )
}
