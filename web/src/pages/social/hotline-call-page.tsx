import { type FormEvent, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { ApiError } from '../../api/client'
import { useEnterCall } from '../../api/social'
import { PageHeading } from '../../layout/page-heading'
import { useDocumentTitle } from '../../layout/use-document-title'
import { useAccount } from '../../session/require-session'
import {
  checkDraft,
  type DraftField,
  DraftProblems,
  draftBody,
  emptyDraft,
  FiledNotice,
  ReportFields,
} from './hotline-report-fields'

/** The channels whose staff take hotline calls (the API holds the same list). */
const contactCentreChannels = ['contact1414']

/**
 * A contact-centre operator (or a region's officer answering its hotline phone) enters a caller's report. It is
 * recorded as received by the contact centre under the operator's account; a caller who gives their name or
 * IIN is recorded as the reporter (seen only by the assigned inspector) and that recording is audited.
 */
export function HotlineCallPage() {
  const { t } = useTranslation()
  const title = t('social.call.title')
  useDocumentTitle(title)
  const account = useAccount()
  const isOfficer = account.role === 'officer'
  const mayEnter = isOfficer || contactCentreChannels.includes(account.channelCode ?? '')
  const enter = useEnterCall()
  const ownRegion = isOfficer && account.regionCode ? account.regionCode : null
  const [draft, setDraft] = useState({ ...emptyDraft, region: ownRegion ?? '' })
  const [anonymous, setAnonymous] = useState(false)
  const [caller, setCaller] = useState({ name: '', iin: '', contact: '' })
  const [problems, setProblems] = useState<DraftField[]>([])
  const [callerMissing, setCallerMissing] = useState(false)

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    const found = checkDraft(draft)
    const noIdentity = !anonymous && !caller.name.trim() && !caller.iin.trim() && !caller.contact.trim()
    setProblems(found)
    setCallerMissing(noIdentity)
    if (found.length > 0 || noIdentity) return
    enter.mutate({
      ...draftBody(draft),
      anonymous,
      ...(anonymous
        ? {}
        : {
            caller: {
              ...(caller.name.trim() ? { name: caller.name.trim() } : {}),
              ...(caller.iin.trim() ? { iin: caller.iin.trim() } : {}),
              ...(caller.contact.trim() ? { contact: caller.contact.trim() } : {}),
            },
          }),
    })
  }

  function startNext() {
    enter.reset()
    setDraft({ ...emptyDraft, region: ownRegion ?? '' })
    setAnonymous(false)
    setCaller({ name: '', iin: '', contact: '' })
    setProblems([])
  }

  if (!mayEnter) {
    return (
      <div className="social">
        <PageHeading>{title}</PageHeading>
        <p className="notice">{t('social.call.notContactCentre')}</p>
      </div>
    )
  }

  if (enter.isSuccess) {
    return (
      <div className="social">
        <PageHeading>{title}</PageHeading>
        <FiledNotice report={enter.data} forCaller />
        <p>
          <button type="button" className="button" onClick={startNext}>
            {t('social.call.next')}
          </button>
        </p>
      </div>
    )
  }

  const serverField =
    enter.error instanceof ApiError ? (enter.error.details as { field?: string } | undefined)?.field : null

  return (
    <div className="social hotline-form">
      <PageHeading lead={t(isOfficer ? 'social.call.leadOfficer' : 'social.call.lead')}>{title}</PageHeading>
      <DraftProblems problems={problems} />
      {enter.isError && (
        <div className="notice notice--error" role="alert">
          <h2 className="notice__title">{t('social.report.refused')}</h2>
          <p className="notice__message">
            {serverField ? `${serverField}: ` : ''}
            {enter.error.message}
          </p>
        </div>
      )}
      <form className="form" onSubmit={submit} noValidate aria-label={title}>
        <ReportFields
          draft={draft}
          onChange={setDraft}
          problems={problems}
          serverField={serverField}
          regionCodes={ownRegion ? [ownRegion] : undefined}
        />
        <fieldset className="field" id="report-caller">
          <legend className="field__label">{t('social.call.caller')}</legend>
          <label className="choice__option">
            <input
              type="checkbox"
              checked={anonymous}
              aria-invalid={serverField === 'anonymous'}
              onChange={(event) => setAnonymous(event.target.checked)}
            />{' '}
            {t('social.call.anonymous')}
          </label>
          {!anonymous && (
            <>
              <p className="field__hint" id="caller-hint" role={callerMissing ? 'alert' : undefined}>
                {callerMissing ? t('social.call.callerMissing') : t('social.call.callerHint')}
              </p>
              <label className="field__label" htmlFor="caller-name">
                {t('social.call.name')}
              </label>
              <input
                id="caller-name"
                className="field__input"
                maxLength={200}
                autoComplete="off"
                aria-describedby="caller-hint"
                aria-invalid={callerMissing || serverField === 'caller.name'}
                value={caller.name}
                onChange={(event) => setCaller({ ...caller, name: event.target.value })}
              />
              <label className="field__label" htmlFor="caller-iin">
                {t('social.iin')}
              </label>
              <input
                id="caller-iin"
                className="field__input"
                inputMode="numeric"
                autoComplete="off"
                maxLength={12}
                aria-invalid={serverField === 'caller.iin'}
                value={caller.iin}
                onChange={(event) => setCaller({ ...caller, iin: event.target.value })}
              />
              <label className="field__label" htmlFor="caller-contact">
                {t('social.report.contact')}
              </label>
              <input
                id="caller-contact"
                className="field__input"
                maxLength={200}
                autoComplete="off"
                value={caller.contact}
                onChange={(event) => setCaller({ ...caller, contact: event.target.value })}
              />
            </>
          )}
        </fieldset>
        <div className="form__actions">
          <button type="submit" className="button" disabled={enter.isPending}>
            {t('social.call.submit')}
          </button>
        </div>
      </form>
    </div>
  )
}
