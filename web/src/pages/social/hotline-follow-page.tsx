import { type FormEvent, useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { ApiError } from '../../api/client'
import { regionName, useRegions } from '../../api/reference'
import { type FollowedReport, useFollowReport } from '../../api/social'
import { currentLanguage } from '../../i18n'
import { formatDate, formatDateTime, formatNumber } from '../../i18n/format'
import { PageHeading } from '../../layout/page-heading'
import { useDocumentTitle } from '../../layout/use-document-title'

/**
 * The reporter follows their report without an account: the reference number and the follow-up code they were
 * given at filing. The page shows the status, the deadline, the dates of each step and the outcome; a wrong
 * number and a wrong code get the same answer.
 */
export function HotlineFollowPage() {
  const { t } = useTranslation()
  const title = t('social.follow.title')
  useDocumentTitle(title)
  const follow = useFollowReport()
  const [reference, setReference] = useState('')
  const [code, setCode] = useState('')
  const [missing, setMissing] = useState(false)

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    const incomplete = reference.trim() === '' || code.trim() === ''
    setMissing(incomplete)
    if (!incomplete) follow.mutate({ reference: reference.trim(), code: code.trim() })
  }

  const status = follow.error instanceof ApiError ? follow.error.status : null
  return (
    <div className="social hotline-form">
      <PageHeading lead={t('social.follow.lead')}>{title}</PageHeading>
      <form className="form" onSubmit={submit} noValidate aria-label={title}>
        <div className="field">
          <label className="field__label" htmlFor="follow-reference">
            {t('social.follow.reference')}
          </label>
          <input
            id="follow-reference"
            className="field__input"
            inputMode="numeric"
            autoComplete="off"
            maxLength={40}
            aria-invalid={missing && reference.trim() === ''}
            value={reference}
            onChange={(event) => setReference(event.target.value)}
          />
        </div>
        <div className="field">
          <label className="field__label" htmlFor="follow-code">
            {t('social.report.followCode')}
          </label>
          <p className="field__hint" id="follow-code-hint">
            {t('social.follow.codeHint')}
          </p>
          <input
            id="follow-code"
            className="field__input hotline-form__code"
            autoComplete="off"
            autoCapitalize="characters"
            spellCheck={false}
            maxLength={80}
            aria-describedby="follow-code-hint"
            aria-invalid={missing && code.trim() === ''}
            value={code}
            onChange={(event) => setCode(event.target.value)}
          />
        </div>
        {missing && (
          <p className="notice notice--error" role="alert">
            {t('social.follow.missing')}
          </p>
        )}
        <div className="form__actions">
          <button type="submit" className="button" disabled={follow.isPending}>
            {t('social.follow.submit')}
          </button>
        </div>
      </form>
      {follow.isError && (
        <div className="notice notice--error" role="alert">
          <p className="notice__message">
            {status === 404
              ? t('social.follow.notFound')
              : status === 429
                ? t('social.follow.tooMany')
                : follow.error.message}
          </p>
        </div>
      )}
      {follow.isSuccess && <Followed report={follow.data} />}
    </div>
  )
}

function Followed({ report }: { report: FollowedReport }) {
  const { t } = useTranslation()
  const language = currentLanguage()
  const regions = useRegions()
  const region = regions.data?.find((r) => r.code === report.region)
  const ref = useRef<HTMLElement>(null)
  useEffect(() => {
    ref.current?.focus()
  }, [])
  return (
    <section
      className="card hotline-follow"
      aria-labelledby="follow-result"
      tabIndex={-1}
      ref={ref}
      data-testid="follow-result"
    >
      <h2 id="follow-result">{t('social.case.title', { id: report.id })}</h2>
      <dl className="facts facts--grid">
        <Fact term={t('social.queue.status')} value={t(`social.status.${report.status}`)} />
        <Fact term={t('social.report.category')} value={t(`social.category.${report.category}`)} />
        <Fact term={t('social.report.region')} value={region ? regionName(region, language) : report.region} />
        <Fact term={t('social.queue.received')} value={formatDateTime(report.createdAt, language)} />
        <Fact
          term={t('social.queue.due')}
          value={`${formatDate(report.dueDate, language)}${report.isOverdue ? ` — ${t('social.queue.overdue')}` : ''}`}
        />
        {report.closedAt && <Fact term={t('social.follow.closed')} value={formatDateTime(report.closedAt, language)} />}
      </dl>
      {report.outcome && (
        <>
          <h3>{t('social.case.outcome')}</h3>
          <dl className="facts">
            <Fact term={t('social.case.contracts')} value={formatNumber(report.outcome.contractsConcluded, language)} />
            <Fact
              term={t('social.case.recovered')}
              value={`${formatNumber(report.outcome.contributionsRecovered, language)} ₸`}
            />
            {report.outcome.reply && <Fact term={t('social.follow.reply')} value={report.outcome.reply} />}
          </dl>
        </>
      )}
      <h3>{t('social.case.history')}</h3>
      <ol className="timeline">
        {report.steps.map((step) => (
          <li key={`${step.at}-${step.status}`} className="timeline__item">
            <div className="timeline__head">
              <span className="timeline__status">{t(`social.status.${step.status}`)}</span>
            </div>
            <p className="timeline__period">{formatDateTime(step.at, language)}</p>
          </li>
        ))}
      </ol>
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
