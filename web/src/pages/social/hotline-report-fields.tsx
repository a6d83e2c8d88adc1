import { useEffect, useRef } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { regionName, useRegions } from '../../api/reference'
import { type FiledReport, type HotlineCategory, hotlineCategories } from '../../api/social'
import { currentLanguage } from '../../i18n'
import { formatDate } from '../../i18n/format'

/** What every hotline report says, whether the reporter types it or a contact-centre operator does. */
export interface ReportDraft {
  category: HotlineCategory
  region: string
  employerBin: string
  employerName: string
  description: string
}

export const emptyDraft: ReportDraft = {
  category: 'envelope_wages',
  region: '',
  employerBin: '',
  employerName: '',
  description: '',
}

export type DraftField = 'region' | 'employer' | 'description'
export const minDescription = 10

/** The fields the server would refuse, checked before sending (the server checks again). */
export function checkDraft(draft: ReportDraft): DraftField[] {
  const found: DraftField[] = []
  if (draft.region === '') found.push('region')
  if (draft.employerBin.trim() === '' && draft.employerName.trim() === '') found.push('employer')
  if (draft.description.trim().length < minDescription) found.push('description')
  return found
}

/** The draft as the API takes it: empty optional fields left out. */
export function draftBody(draft: ReportDraft) {
  return {
    category: draft.category,
    region: draft.region,
    ...(draft.employerBin.trim() ? { employerBin: draft.employerBin.trim() } : {}),
    ...(draft.employerName.trim() ? { employerName: draft.employerName.trim() } : {}),
    description: draft.description.trim(),
  }
}

/** Category, region, employer and description, each with its label and its problem marked. */
export function ReportFields({
  draft,
  onChange,
  problems,
  serverField,
  regionCodes,
}: {
  draft: ReportDraft
  onChange: (draft: ReportDraft) => void
  problems: readonly DraftField[]
  serverField: string | null | undefined
  /** Only these regions may be chosen (an officer enters calls for their own region); all when undefined. */
  regionCodes?: readonly string[] | undefined
}) {
  const { t } = useTranslation()
  const language = currentLanguage()
  const regions = useRegions()
  const set = (change: Partial<ReportDraft>) => onChange({ ...draft, ...change })
  const choosable = (regions.data ?? []).filter((r) => regionCodes === undefined || regionCodes.includes(r.code))
  return (
    <>
      <div className="field">
        <label className="field__label" htmlFor="report-category">
          {t('social.report.category')}
        </label>
        <select
          id="report-category"
          className="field__select"
          value={draft.category}
          onChange={(event) => set({ category: event.target.value as HotlineCategory })}
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
          aria-invalid={problems.includes('region') || serverField === 'region'}
          value={draft.region}
          onChange={(event) => set({ region: event.target.value })}
        >
          <option value="">{t('social.report.chooseRegion')}</option>
          {choosable.map((r) => (
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
          value={draft.employerBin}
          onChange={(event) => set({ employerBin: event.target.value })}
        />
        <label className="field__label" htmlFor="report-employer-name">
          {t('social.report.employerName')}
        </label>
        <input
          id="report-employer-name"
          className="field__input"
          maxLength={300}
          aria-invalid={problems.includes('employer')}
          value={draft.employerName}
          onChange={(event) => set({ employerName: event.target.value })}
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
          aria-invalid={problems.includes('description') || serverField === 'description'}
          value={draft.description}
          onChange={(event) => set({ description: event.target.value })}
        />
      </div>
    </>
  )
}

/** The list of fields to fix, focused when it appears so a screen reader announces it. */
export function DraftProblems({ problems }: { problems: readonly DraftField[] }) {
  const { t } = useTranslation()
  const ref = useRef<HTMLDivElement>(null)
  useEffect(() => {
    if (problems.length > 0) ref.current?.focus()
  }, [problems])
  if (problems.length === 0) return null
  return (
    <div className="notice notice--error" role="alert" tabIndex={-1} ref={ref}>
      <h2 className="notice__title">{t('social.report.fixFields')}</h2>
      <ul className="notice__list">
        {problems.map((p) => (
          <li key={p}>
            <a href={`#report-${p}`}>{t(`social.report.problems.${p}`, { min: minDescription })}</a>
          </li>
        ))}
      </ul>
    </div>
  )
}

/**
 * The filed report's reference number and follow-up code, shown once: only the code's hash is stored, so a lost
 * code cannot be shown again and the report can no longer be followed online.
 */
export function FiledNotice({ report, forCaller = false }: { report: FiledReport; forCaller?: boolean }) {
  const { t } = useTranslation()
  const language = currentLanguage()
  const regions = useRegions()
  const region = regions.data?.find((r) => r.code === report.region)
  const ref = useRef<HTMLDivElement>(null)
  useEffect(() => {
    ref.current?.focus()
  }, [])
  return (
    <div className="notice notice--success" role="status" tabIndex={-1} ref={ref}>
      <h2 className="notice__title">{t(forCaller ? 'social.call.filedTitle' : 'social.report.filedTitle')}</h2>
      <dl className="facts">
        <div className="facts__row">
          <dt>{t('social.report.reference')}</dt>
          <dd>
            <strong className="hotline-form__reference" data-testid="report-reference">
              {report.id}
            </strong>
          </dd>
        </div>
        <div className="facts__row">
          <dt>{t('social.report.followCode')}</dt>
          <dd>
            <code className="hotline-form__code" data-testid="report-follow-code">
              {report.followCode}
            </code>
          </dd>
        </div>
      </dl>
      <p>
        {t('social.report.filedBody', {
          region: region ? regionName(region, language) : report.region,
          due: formatDate(report.dueDate, language),
        })}
      </p>
      <p className="hint">{t(forCaller ? 'social.call.readOut' : 'social.report.keepCode')}</p>
      {!forCaller && (
        <p>
          <Link to="/hotline/follow">{t('social.report.followLink')}</Link>
        </p>
      )}
    </div>
  )
}
