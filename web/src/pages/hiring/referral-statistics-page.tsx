import { useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { currentReferralYear, type ReferralStatsRow, referralStatsDownload, useReferralStats } from '../../api/hiring'
import { regionName, useRegions } from '../../api/reference'
import { currentLanguage } from '../../i18n'
import { formatNumber } from '../../i18n/format'
import { PageHeading } from '../../layout/page-heading'
import { ErrorPanel, LoadingPanel } from '../../layout/status-panels'
import { useDocumentTitle } from '../../layout/use-document-title'
import { useAccount } from '../../session/require-session'
import { isRegionalRole, sectionPaths } from '../../session/workspaces'

/** The figures of a row, in the table's order after the region. */
const figures = [
  'referrals',
  'hired',
  'notHired',
  'noShow',
  'pending',
  'limit',
  'used',
  'remaining',
] as const satisfies readonly (keyof ReferralStatsRow)[]
type Figure = (typeof figures)[number]

/** Years offered: this one and the four before it (limits are set per calendar year). */
const yearsBack = 4

/**
 * Referrals and their outcomes by region beside each region's yearly limit. The API scopes it: officers and
 * managers see their region, analysts and administrators every region that has a limit for the year.
 */
export function ReferralStatisticsPage() {
  const { t } = useTranslation()
  const language = currentLanguage()
  const account = useAccount()
  const regions = useRegions()
  const thisYear = currentReferralYear()
  const [year, setYear] = useState(thisYear)
  const stats = useReferralStats(year)
  const names = useMemo(
    () => new Map((regions.data ?? []).map((region) => [region.code, regionName(region, language)])),
    [regions.data, language],
  )
  const ownRegion = isRegionalRole(account.role) && account.regionCode ? names.get(account.regionCode) : undefined
  const title = ownRegion
    ? t('hiring.referralStats.titleRegion', { region: ownRegion })
    : t('hiring.referralStats.title')
  useDocumentTitle(title)

  return (
    <div className="hiring referral-stats">
      <PageHeading lead={t('hiring.referralStats.lead')}>{title}</PageHeading>
      {account.role === 'officer' && (
        <p className="referrals__links">
          <Link to={sectionPaths.referrals}>{t('hiring.referralStats.toReferrals')}</Link>
        </p>
      )}
      <div className="field referral-stats__year">
        <label className="field__label" htmlFor="referral-stats-year">
          {t('hiring.referralStats.year')}
        </label>
        <select
          id="referral-stats-year"
          className="field__input"
          value={year}
          onChange={(event) => setYear(Number(event.target.value))}
        >
          {Array.from({ length: yearsBack + 1 }, (_, i) => thisYear - i).map((option) => (
            <option key={option} value={option}>
              {option}
            </option>
          ))}
        </select>
      </div>
      {stats.isPending ? (
        <LoadingPanel />
      ) : stats.isError ? (
        <ErrorPanel error={stats.error} onRetry={() => void stats.refetch()} />
      ) : stats.data.items.length === 0 ? (
        <p className="hint">{t('hiring.referralStats.empty', { year: stats.data.year })}</p>
      ) : (
        <StatsTable year={stats.data.year} rows={stats.data.items} names={names} />
      )}
    </div>
  )
}

function StatsTable({
  year,
  rows,
  names,
}: {
  year: number
  rows: readonly ReferralStatsRow[]
  names: ReadonlyMap<string, string>
}) {
  const { t } = useTranslation()
  const language = currentLanguage()
  const n = (value: number) => formatNumber(value, language)
  const totals = Object.fromEntries(
    figures.map((figure) => [figure, rows.reduce((sum, row) => sum + row[figure], 0)]),
  ) as Record<Figure, number>

  return (
    <>
      <p className="referral-downloads">
        <span>{t('hiring.referralStats.download')}</span>{' '}
        <a href={referralStatsDownload(year, 'csv')} download>
          CSV
        </a>{' '}
        <a href={referralStatsDownload(year, 'xlsx')} download>
          XLSX
        </a>
      </p>
      <div className="table-wrap">
        <table className="table" data-testid="referral-statistics">
          <caption>{t('hiring.referralStats.caption', { year })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('hiring.referralStats.columns.region')}</th>
              {figures.map((figure) => (
                <th key={figure} scope="col" className="table__number">
                  {t(`hiring.referralStats.columns.${figure}`)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.regionCode} data-region={row.regionCode}>
                <th scope="row">{names.get(row.regionCode) ?? row.regionCode}</th>
                {figures.map((figure) => (
                  <td key={figure} className="table__number" data-figure={figure}>
                    {n(row[figure])}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
          {rows.length > 1 && (
            <tfoot>
              <tr>
                <th scope="row">{t('hiring.referralStats.total')}</th>
                {figures.map((figure) => (
                  <td key={figure} className="table__number">
                    {n(totals[figure])}
                  </td>
                ))}
              </tr>
            </tfoot>
          )}
        </table>
      </div>
    </>
  )
}
