import { type FormEvent, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { ApiError } from '../../api/client'
import { useFileReport } from '../../api/social'
import { PageHeading } from '../../layout/page-heading'
import { useDocumentTitle } from '../../layout/use-document-title'
import {
  checkDraft,
  type DraftField,
  DraftProblems,
  draftBody,
  emptyDraft,
  FiledNotice,
  ReportFields,
} from './hotline-report-fields'

/**
 * The public hotline form: anyone, signed in or not, reports envelope wages, unpaid contributions or a missing
 * contract. Anonymous by default; the reporter's contact, if given, is shown only to the assigned inspector.
 * The answer is the reference number and the follow-up code for /hotline/follow.
 */
export function HotlineReportPage() {
  const { t } = useTranslation()
  useDocumentTitle(t('social.report.title'))
  const file = useFileReport()
  const [draft, setDraft] = useState(emptyDraft)
  const [contact, setContact] = useState('')
  const [anonymous, setAnonymous] = useState(true)
  const [problems, setProblems] = useState<DraftField[]>([])

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    const found = checkDraft(draft)
    setProblems(found)
    if (found.length > 0) return
    file.mutate({
      ...draftBody(draft),
      ...(!anonymous && contact.trim() ? { contact: contact.trim() } : {}),
      anonymous,
    })
  }

  if (file.isSuccess) {
    return (
      <div className="social">
        <PageHeading>{t('social.report.title')}</PageHeading>
        <FiledNotice report={file.data} />
      </div>
    )
  }

  const serverField =
    file.error instanceof ApiError ? (file.error.details as { field?: string } | undefined)?.field : null

  return (
    <div className="social hotline-form">
      <PageHeading lead={t('social.report.lead')}>{t('social.report.title')}</PageHeading>
      <p>
        {t('social.report.alreadyFiled')} <Link to="/hotline/follow">{t('social.report.followLink')}</Link>
      </p>
      <DraftProblems problems={problems} />
      {file.isError && (
        <div className="notice notice--error" role="alert">
          <h2 className="notice__title">{t('social.report.refused')}</h2>
          <p className="notice__message">
            {serverField ? `${serverField}: ` : ''}
            {file.error.message}
          </p>
        </div>
      )}
      <form className="form" onSubmit={submit} noValidate aria-label={t('social.report.title')}>
        <ReportFields draft={draft} onChange={setDraft} problems={problems} serverField={serverField} />
        <div className="field">
          <label className="choice__option">
            <input type="checkbox" checked={anonymous} onChange={(event) => setAnonymous(event.target.checked)} />{' '}
            {t('social.report.anonymous')}
          </label>
        </div>
        {!anonymous && (
          <div className="field">
            <label className="field__label" htmlFor="report-contact">
              {t('social.report.contact')}
            </label>
            <p className="field__hint" id="report-contact-hint">
              {t('social.report.contactHint')}
            </p>
            <input
              id="report-contact"
              className="field__input"
              maxLength={200}
              aria-describedby="report-contact-hint"
              value={contact}
              onChange={(event) => setContact(event.target.value)}
            />
          </div>
        )}
        <div className="form__actions">
          <button type="submit" className="button" disabled={file.isPending}>
            {t('social.report.submit')}
          </button>
        </div>
      </form>
    </div>
  )
}
