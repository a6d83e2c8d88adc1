import { type FormEvent, useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { currentReferralYear, type ReferralLimit, useReferralLimits, useSetReferralLimit } from '../../api/hiring'
import { regionName, useRegions } from '../../api/reference'
import { currentLanguage } from '../../i18n'
import { formatNumber } from '../../i18n/format'
import { PageHeading } from '../../layout/page-heading'
import { ErrorPanel, LoadingPanel } from '../../layout/status-panels'
import { useDocumentTitle } from '../../layout/use-document-title'
import { sectionPaths } from '../../session/workspaces'

/** The national yearly referral limit the regions' limits split (src/modules/exchange/demo.service.ts). */
export const NATIONAL_REFERRAL_LIMIT = 350_000

/** Years offered: next year (limits are set ahead), this one and the four before it. */
const yearsBack = 4

/**
 * The administrator sets each region's yearly referral limit. Every region is listed, with or without a limit
 * for the year; the regions' sum is shown against the national limit. Each row saves on its own, and a refusal
 * (a limit below what the region has already used) is shown at that row in the API's words.
 */
export function ReferralLimitsPage() {
  const { t } = useTranslation()
  const language = currentLanguage()
  const regions = useRegions()
  const thisYear = currentReferralYear()
  const [year, setYear] = useState(thisYear)
  const limits = useReferralLimits(year)
  const byRegion = useMemo(() => new Map((limits.data ?? []).map((l) => [l.regionCode, l])), [limits.data])
  const title = t('hiring.referralLimits.title')
  useDocumentTitle(title)
  const n = (value: number) => formatNumber(value, language)
  const sum = (limits.data ?? []).reduce((total, l) => total + l.total, 0)
  const used = (limits.data ?? []).reduce((total, l) => total + l.used, 0)
  const gap = NATIONAL_REFERRAL_LIMIT - sum

  return (
    <div className="hiring referral-limits">
      <PageHeading lead={t('hiring.referralLimits.lead')}>{title}</PageHeading>
      <p className="referrals__links">
        <Link to={sectionPaths.referralStatistics}>{t('hiring.referralLimits.toStatistics')}</Link>
      </p>
      <div className="field referral-stats__year">
        <label className="field__label" htmlFor="referral-limits-year">
          {t('hiring.referralLimits.year')}
        </label>
        <select
          id="referral-limits-year"
          className="field__input"
          value={year}
          onChange={(event) => setYear(Number(event.target.value))}
        >
          {Array.from({ length: yearsBack + 2 }, (_, i) => thisYear + 1 - i).map((option) => (
            <option key={option} value={option}>
              {option}
            </option>
          ))}
        </select>
      </div>
      {regions.isPending || limits.isPending ? (
        <LoadingPanel />
      ) : regions.isError ? (
        <ErrorPanel error={regions.error} onRetry={() => void regions.refetch()} />
      ) : limits.isError ? (
        <ErrorPanel error={limits.error} onRetry={() => void limits.refetch()} />
      ) : (
        <>
          <p className="referral-limits__national" data-testid="national-sum">
            {t('hiring.referralLimits.national', { sum: n(sum), national: n(NATIONAL_REFERRAL_LIMIT), used: n(used) })}{' '}
            <strong>
              {gap === 0
                ? t('hiring.referralLimits.balanced')
                : gap > 0
                  ? t('hiring.referralLimits.under', { gap: n(gap) })
                  : t('hiring.referralLimits.over', { gap: n(-gap) })}
            </strong>
          </p>
          <div className="table-wrap">
            <table className="table" data-testid="referral-limits">
              <caption>{t('hiring.referralLimits.caption', { year })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('hiring.referralLimits.columns.region')}</th>
                  <th scope="col" className="table__number">
                    {t('hiring.referralLimits.columns.limit')}
                  </th>
                  <th scope="col" className="table__number">
                    {t('hiring.referralLimits.columns.used')}
                  </th>
                  <th scope="col" className="table__number">
                    {t('hiring.referralLimits.columns.remaining')}
                  </th>
                  <th scope="col">{t('hiring.referralLimits.columns.newLimit')}</th>
                </tr>
              </thead>
              <tbody>
                {regions.data.map((region) => {
                  const name = regionName(region, language)
                  return (
                    <LimitRow
                      // Another year starts the row afresh; a saved total keeps what was typed and the answer.
                      key={`${region.code}-${year}`}
                      regionCode={region.code}
                      regionName={name}
                      year={year}
                      limit={byRegion.get(region.code)}
                      inputLabel={t('hiring.referralLimits.inputLabel', { region: name })}
                      saveLabel={t('hiring.referralLimits.save')}
                      savedText={t('hiring.referralLimits.saved')}
                      noLimitText={t('hiring.referralLimits.noLimit')}
                      format={n}
                    />
                  )
                })}
              </tbody>
            </table>
          </div>
        </>
      )}
    </div>
  )
}

function LimitRow({
  regionCode,
  regionName,
  year,
  limit,
  inputLabel,
  saveLabel,
  savedText,
  noLimitText,
  format,
}: {
  regionCode: string
  regionName: string
  year: number
  limit: ReferralLimit | undefined
  inputLabel: string
  saveLabel: string
  savedText: string
  noLimitText: string
  format: (value: number) => string
}) {
  const [value, setValue] = useState(limit === undefined ? '' : String(limit.total))
  const save = useSetReferralLimit()
  const total = Number(value)
  const isValid = value.trim() !== '' && Number.isInteger(total) && total >= 0
  const onSubmit = (event: FormEvent) => {
    event.preventDefault()
    if (isValid) save.mutate({ regionCode, year, total })
  }
  const formId = `referral-limit-${regionCode}`

  return (
    <tr data-region={regionCode}>
      <th scope="row">{regionName}</th>
      <td className="table__number" data-figure="limit">
        {limit === undefined ? noLimitText : format(limit.total)}
      </td>
      <td className="table__number" data-figure="used">
        {format(limit?.used ?? 0)}
      </td>
      <td className="table__number" data-figure="remaining">
        {limit === undefined ? noLimitText : format(limit.remaining)}
      </td>
      <td>
        <form id={formId} className="referral-limits__form" onSubmit={onSubmit}>
          <input
            className="field__input referral-limits__input"
            type="number"
            min={0}
            step={1}
            inputMode="numeric"
            aria-label={inputLabel}
            value={value}
            onChange={(event) => {
              setValue(event.target.value)
              save.reset()
            }}
          />{' '}
          <button type="submit" className="button" disabled={!isValid || save.isPending}>
            {saveLabel}
          </button>
        </form>
        {save.isError && (
          <p className="field__error" role="alert">
            {save.error.message}
          </p>
        )}
        {save.isSuccess && (
          <p className="hint" role="status">
            {savedText}
          </p>
        )}
      </td>
    </tr>
  )
}
