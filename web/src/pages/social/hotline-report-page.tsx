import { type FormEvent, useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { ApiError } from '../../api/client'
import { regionName, useRegions } from '../../api/reference'
import { type FiledReport, type HotlineCategory, hotlineCategories, useFileReport } from '../../api/social'
import { currentLanguage } from '../../i18n'
import { formatDate } from '../../i18n/format'
import { PageHeading } from '../../layout/page-heading'
import { useDocumentTitle } from '../../layout/use-document-title'

type Field = 'region' | 'employer' | 'description'
const minDescription = 10

/**
 * The public hotline form: anyone, signed in or not, reports envelope wages, unpaid contributions or a missing
 * contract. Anonymous by default; the reporter's contact, if given, is shown only to the assigned inspector.
 */
export function HotlineReportPage() {
  const { t } = useTranslation()
  useDocumentTitle(t('social.report.title'))
  const language = currentLanguage()
  const regions = useRegions()
  const file = useFileReport()
  const [category, setCategory] = useState<HotlineCategory>('envelope_wages')
  const [region, setRegion] = useState('')
  const [employerBin, setEmployerBin] = useState('')
  const [employerName, setEmployerName] = useState('')
  const [description, setDescription] = useState('')
  const [contact, setContact] = useState('')
  const [anonymous, setAnonymous] = useState(true)
  const [problems, setProblems] = useState<Field[]>([])
  const problemRef = useRef<HTMLDivElement>(null)

  useEffect(() => {
    if (problems.length > 0) problemRef.current?.focus()
  }, [problems])

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    const found: Field[] = []
    if (region === '') found.push('region')
    if (employerBin.trim() === '' && employerName.trim() === '') found.push('employer')
    if (description.trim().length < minDescription) found.push('description')
    setProblems(found)
    if (found.length > 0) return
    file.mutate({
      category,
      region,
      ...(employerBin.trim() ? { employerBin: employerBin.trim() } : {}),
      ...(employerName.trim() ? { employerName: employerName.trim() } : {}),
      description: description.trim(),
      ...(!anonymous && contact.trim() ? { contact: contact.trim() } : {}),
      anonymous,
    })
  }

  if (file.isSuccess) return <Filed report={file.data} />

  const serverField =
    file.error instanceof ApiError ? (file.error.details as { field?: string } | undefined)?.field : null

  return (
    <div className="social hotline-form">
      <PageHeading lead={t('social.report.lead')}>{t('social.report.title')}</PageHeading>
      {problems.length > 0 && (
        <div className="notice notice--error" role="alert" tabIndex={-1} ref={problemRef}>
          <h2 className="notice__title">{t('social.report.fixFields')}</h2>
          <ul className="notice__list">
            {problems.map((p) => (
              <li key={p}>
                <a href={`#report-${p}`}>{t(`social.report.problems.${p}`, { min: minDescription })}</a>
              </li>
            ))}
          </ul>
        </div>
      )}
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
        <div className="field">
          <label className="field__label" htmlFor="report-category">
            {t('social.report.category')}
          </label>
          <select
            id="report-category"
            className="field__select"
            value={category}
            onChange={(event) => setCategory(event.target.value as HotlineCategory)}
          >
            {hotlineCategories.map((c) => (
              <option key={c} value={c}>
                {t(`social.category.${c}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label className="field__label" htmlFor="report-region">
            {t('social.report.region')}
          </label>
          <select
            id="report-region"
            className="field__select"
            required
            aria-invalid={problems.includes('region')}
            value={region}
            onChange={(event) => setRegion(event.target.value)}
          >
            <option value="">{t('social.report.chooseRegion')}</option>
            {(regions.data ?? []).map((r) => (
              <option key={r.code} value={r.code}>
                {regionName(r, language)}
              </option>
            ))}
          </select>
        </div>
        <fieldset className="field" id="report-employer">
          <legend className="field__label">{t('social.report.employer')}</legend>
          <p className="field__hint">{t('social.report.employerHint')}</p>
          <label className="field__label" htmlFor="report-employer-bin">
            {t('social.bin')}
          </label>
          <input
            id="report-employer-bin"
            className="field__input"
            inputMode="numeric"
            autoComplete="off"
            maxLength={20}
            aria-invalid={problems.includes('employer') || serverField === 'employerBin'}
            value={employerBin}
            onChange={(event) => setEmployerBin(event.target.value)}
          />
          <label className="field__label" htmlFor="report-employer-name">
            {t('social.report.employerName')}
          </label>
          <input
            id="report-employer-name"
            className="field__input"
            maxLength={300}
            aria-invalid={problems.includes('employer')}
            value={employerName}
            onChange={(event) => setEmployerName(event.target.value)}
          />
        </fieldset>
        <div className="field">
          <label className="field__label" htmlFor="report-description">
            {t('social.report.description')}
          </label>
          <p className="field__hint" id="report-description-hint">
            {t('social.report.descriptionHint')}
          </p>
          <textarea
            id="report-description"
            className="field__input"
            rows={6}
            maxLength={5000}
            aria-describedby="report-description-hint"
            aria-invalid={problems.includes('description')}
            value={description}
            onChange={(event) => setDescription(event.target.value)}
          />
        </div>
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

function Filed({ report }: { report: FiledReport }) {
  const { t } = useTranslation()
  const language = currentLanguage()
  const regions = useRegions()
  const region = regions.data?.find((r) => r.code === report.region)
  const ref = useRef<HTMLDivElement>(null)
  useEffect(() => {
    ref.current?.focus()
  }, [])
  return (
    <div className="social">
      <PageHeading>{t('social.report.title')}</PageHeading>
      <div className="notice notice--success" role="status" tabIndex={-1} ref={ref}>
        <h2 className="notice__title">{t('social.report.filedTitle')}</h2>
        <p>
          {t('social.report.reference')}{' '}
          <strong className="hotline-form__reference" data-testid="report-reference">
            {report.id}
          </strong>
        </p>
        <p>
          {t('social.report.filedBody', {
            region: region ? regionName(region, language) : report.region,
            due: formatDate(report.dueDate, language),
          })}
        </p>
        <p className="hint">{t('social.report.keepReference')}</p>
      </div>
    </div>
  )
}
