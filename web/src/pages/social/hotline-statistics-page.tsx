import { useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { localName, useRegions } from '../../api/reference'
import {
  type HotlinePeriod,
  type HotlineStatistics,
  type HotlineStatisticsRow,
  hotlineCategories,
  hotlineDownloads,
  hotlinePeriodQuery,
  useHotlineStatistics,
} from '../../api/social'
import { currentLanguage } from '../../i18n'
import { formatDateTime, formatNumber } from '../../i18n/format'
import { PageHeading } from '../../layout/page-heading'
import { ErrorPanel, LoadingPanel } from '../../layout/status-panels'
import { useDocumentTitle } from '../../layout/use-document-title'
import { useAccount } from '../../session/require-session'
import { type ChartOption, EChart } from '../registry/echart'

// One colour per category, the same in the chart's legend and bars.
const categoryColours = {
  envelope_wages: '#0b4a6f',
  unpaid_pension: '#3f7fa6',
  no_contract: '#c07a1a',
  other: '#9fb3c3',
}

type Totals = Omit<HotlineStatisticsRow, 'region' | 'category'>
const sum = (rows: readonly HotlineStatisticsRow[]): Totals =>
  rows.reduce<Totals>(
    (acc, r) => ({
      total: acc.total + r.total,
      open: acc.open + r.open,
      overdue: acc.overdue + r.overdue,
      resolved: acc.resolved + r.resolved,
      unfounded: acc.unfounded + r.unfounded,
      contactCentre: acc.contactCentre + r.contactCentre,
      contractsConcluded: acc.contractsConcluded + r.contractsConcluded,
      contributionsRecovered: acc.contributionsRecovered + r.contributionsRecovered,
    }),
    {
      total: 0,
      open: 0,
      overdue: 0,
      resolved: 0,
      unfounded: 0,
      contactCentre: 0,
      contractsConcluded: 0,
      contributionsRecovered: 0,
    },
  )

/**
 * Hotline statistics: reports by region and category with their outcomes, and the employers named in repeated
 * reports. Officers see their region (the API scopes it), analysts the whole country.
 */
export function HotlineStatisticsPage() {
  const { t } = useTranslation()
  const language = currentLanguage()
  const account = useAccount()
  const regions = useRegions()
  const [period, setPeriod] = useState<HotlinePeriod>({ from: '', to: '' })
  const statistics = useHotlineStatistics(period)
  const names = useMemo(
    () => new Map((regions.data ?? []).map((r) => [r.code, localName(r, language)])),
    [regions.data, language],
  )
  const ownRegion = account.role === 'officer' && account.regionCode ? names.get(account.regionCode) : undefined
  const title = ownRegion ? t('social.statistics.titleRegion', { region: ownRegion }) : t('social.statistics.title')
  useDocumentTitle(title)

  return (
    <div className="social hotline-stats">
      <PageHeading lead={t('social.statistics.lead')}>{title}</PageHeading>
      <fieldset className="hotline-period">
        <legend>{t('social.statistics.period')}</legend>
        <div className="field">
          <label className="field__label" htmlFor="hotline-period-from">
            {t('social.statistics.from')}
          </label>
          <input
            id="hotline-period-from"
            className="field__input"
            type="date"
            value={period.from}
            max={period.to || undefined}
            onChange={(event) => setPeriod({ ...period, from: event.target.value })}
          />
        </div>
        <div className="field">
          <label className="field__label" htmlFor="hotline-period-to">
            {t('social.statistics.to')}
          </label>
          <input
            id="hotline-period-to"
            className="field__input"
            type="date"
            value={period.to}
            min={period.from || undefined}
            onChange={(event) => setPeriod({ ...period, to: event.target.value })}
          />
        </div>
        {(period.from !== '' || period.to !== '') && (
          <button type="button" className="button button--secondary" onClick={() => setPeriod({ from: '', to: '' })}>
            {t('social.statistics.allTime')}
          </button>
        )}
      </fieldset>
      {statistics.isPending ? (
        <LoadingPanel />
      ) : statistics.isError ? (
        <ErrorPanel error={statistics.error} onRetry={() => void statistics.refetch()} />
      ) : (
        <StatisticsContent data={statistics.data} names={names} query={hotlinePeriodQuery(period)} />
      )}
    </div>
  )
}

function StatisticsContent({
  data,
  names,
  query,
}: {
  data: HotlineStatistics
  names: ReadonlyMap<string, string>
  /** The period's query parameters, carried into the downloads. */
  query: string
}) {
  const { t } = useTranslation()
  const language = currentLanguage()
  const n = (value: number) => formatNumber(value, language)
  const rows = data.byRegionAndCategory
  const regionLabel = (code: string) => names.get(code) ?? code
  const totals = sum(rows)
  const regionCodes = useMemo(() => [...new Set(rows.map((r) => r.region))], [rows])

  const option = useMemo<ChartOption>(
    () => ({
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 160, right: 16, top: 40, bottom: 24 },
      xAxis: { type: 'value', minInterval: 1 },
      // The first region at the top, as in the table.
      yAxis: { type: 'category', inverse: true, data: regionCodes.map((code) => names.get(code) ?? code) },
      series: hotlineCategories.map((category) => ({
        type: 'bar' as const,
        stack: 'reports',
        name: t(`social.category.${category}`),
        itemStyle: { color: categoryColours[category] },
        data: regionCodes.map((code) => rows.find((r) => r.region === code && r.category === category)?.total ?? 0),
      })),
    }),
    [rows, regionCodes, names, t],
  )

  if (rows.length === 0) {
    return <p className="hint">{t(query === '' ? 'social.statistics.empty' : 'social.statistics.emptyPeriod')}</p>
  }

  return (
    <>
      <dl className="facts facts--grid" data-testid="hotline-totals">
        <Fact term={t('social.statistics.total')} value={n(totals.total)} />
        <Fact term={t('social.statistics.open')} value={n(totals.open)} />
        <Fact term={t('social.statistics.overdue')} value={n(totals.overdue)} />
        <Fact term={t('social.status.resolved')} value={n(totals.resolved)} />
        <Fact term={t('social.case.contracts')} value={n(totals.contractsConcluded)} />
        <Fact term={t('social.case.recovered')} value={`${n(totals.contributionsRecovered)} ₸`} />
      </dl>

      <section aria-labelledby="stats-chart">
        <h2 id="stats-chart">{t('social.statistics.chartHeading')}</h2>
        <EChart
          option={option}
          label={t('social.statistics.chartLabel', { count: totals.total })}
          className={regionCodes.length > 2 ? 'chart hotline-chart' : 'chart hotline-chart hotline-chart--short'}
        />
      </section>

      <section aria-labelledby="stats-table">
        <h2 id="stats-table">{t('social.statistics.tableHeading')}</h2>
        <Downloads path={hotlineDownloads.statistics} query={query} />
        <div className="table-wrap">
          <table className="table" data-testid="hotline-statistics">
            <caption>{t('social.statistics.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('social.report.region')}</th>
                <th scope="col">{t('social.report.category')}</th>
                <th scope="col" className="num">
                  {t('social.statistics.total')}
                </th>
                <th scope="col" className="num">
                  {t('social.statistics.open')}
                </th>
                <th scope="col" className="num">
                  {t('social.statistics.overdue')}
                </th>
                <th scope="col" className="num">
                  {t('social.status.resolved')}
                </th>
                <th scope="col" className="num">
                  {t('social.status.unfounded')}
                </th>
                <th scope="col" className="num">
                  {t('social.statistics.contactCentre')}
                </th>
                <th scope="col" className="num">
                  {t('social.case.contracts')}
                </th>
                <th scope="col" className="num">
                  {t('social.case.recovered')}
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={`${r.region}-${r.category}`}>
                  <th scope="row">{regionLabel(r.region)}</th>
                  <td>{t(`social.category.${r.category}`)}</td>
                  <td className="num">{n(r.total)}</td>
                  <td className="num">{n(r.open)}</td>
                  <td className="num">{n(r.overdue)}</td>
                  <td className="num">{n(r.resolved)}</td>
                  <td className="num">{n(r.unfounded)}</td>
                  <td className="num">{n(r.contactCentre)}</td>
                  <td className="num">{n(r.contractsConcluded)}</td>
                  <td className="num">{n(r.contributionsRecovered)}</td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row" colSpan={2}>
                  {t('social.total')}
                </th>
                <td className="num">{n(totals.total)}</td>
                <td className="num">{n(totals.open)}</td>
                <td className="num">{n(totals.overdue)}</td>
                <td className="num">{n(totals.resolved)}</td>
                <td className="num">{n(totals.unfounded)}</td>
                <td className="num">{n(totals.contactCentre)}</td>
                <td className="num">{n(totals.contractsConcluded)}</td>
                <td className="num">{n(totals.contributionsRecovered)}</td>
              </tr>
            </tfoot>
          </table>
        </div>
      </section>

      <section aria-labelledby="stats-employers">
        <h2 id="stats-employers">{t('social.statistics.employersHeading')}</h2>
        <p className="hint">{t('social.statistics.employersLead')}</p>
        {data.repeatedEmployers.length === 0 ? (
          <p className="hint">{t('social.statistics.noRepeated')}</p>
        ) : (
          <>
            <Downloads path={hotlineDownloads.employers} query={query} />
            <div className="table-wrap">
              <table className="table" data-testid="hotline-repeated-employers">
                <caption>{t('social.statistics.employersCaption', { count: data.repeatedEmployers.length })}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('social.report.employer')}</th>
                    <th scope="col">{t('social.bin')}</th>
                    <th scope="col" className="num">
                      {t('social.statistics.total')}
                    </th>
                    <th scope="col">{t('social.statistics.regions')}</th>
                    <th scope="col">{t('social.statistics.lastReport')}</th>
                  </tr>
                </thead>
                <tbody>
                  {data.repeatedEmployers.map((e) => (
                    <tr key={e.employerBin ?? e.employerName}>
                      <th scope="row">{e.employerName ?? '—'}</th>
                      <td>{e.employerBin ?? '—'}</td>
                      <td className="num">{n(e.reports)}</td>
                      <td>{e.regions.map(regionLabel).join(', ')}</td>
                      <td>{formatDateTime(e.lastReportAt, language)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </>
        )}
      </section>
    </>
  )
}

/** CSV and XLSX links: the same address with `format=` (and the period), which the API answers with a file. */
function Downloads({ path, query }: { path: string; query: string }) {
  const { t } = useTranslation()
  const period = query === '' ? '' : `&${query}`
  return (
    <p className="hotline-downloads">
      <span>{t('social.statistics.download')}</span>{' '}
      <a href={`${path}?format=csv${period}`} download>
        CSV
      </a>{' '}
      <a href={`${path}?format=xlsx${period}`} download>
        XLSX
      </a>
    </p>
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
