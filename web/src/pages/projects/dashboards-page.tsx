import { useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { type BalanceItem, useLabourBalance, useOverview } from '../../api/projects'
import { localName, useRegions } from '../../api/reference'
import { currentLanguage, type Language } from '../../i18n'
import { formatNumber } from '../../i18n/format'
import { PageHeading } from '../../layout/page-heading'
import { ErrorPanel, LoadingPanel } from '../../layout/status-panels'
import { useDocumentTitle } from '../../layout/use-document-title'
import { ProgrammesOverviewPanel } from '../programmes/overview-panel'
import { type ChartOption, EChart } from '../registry/echart'
import { Downloads } from './downloads'

const occupationTitle = (item: BalanceItem, language: Language) =>
  item.title[language] ?? item.title.ru ?? item.title.en ?? item.occupationCode

/** The analysts' national overview: each panel from its own module, and the labour-market balance. */
export function DashboardsPage() {
  const { t } = useTranslation()
  const language = currentLanguage()
  const year = new Date().getFullYear()
  const overview = useOverview(year)
  const regions = useRegions()
  const [balanceRegion, setBalanceRegion] = useState<string | undefined>(undefined)
  const balance = useLabourBalance(balanceRegion)
  const names = useMemo(
    () => new Map((regions.data ?? []).map((r) => [r.code, localName(r, language)])),
    [regions.data, language],
  )
  const title = t('projects.overview.title')
  useDocumentTitle(title)
  const n = (value: number) => formatNumber(value, language)

  const funnelOption = useMemo<ChartOption | null>(() => {
    if (!overview.data) return null
    const rows = overview.data.exchange.regions.filter((r) => r.vacancies + r.applications > 0)
    const series = (['vacancies', 'applications', 'hires'] as const).map((k) => ({
      type: 'bar' as const,
      name: t(`projects.overview.${k}`),
      data: rows.map((r) => r[k]),
    }))
    return {
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 140, right: 16, top: 32, bottom: 24 },
      xAxis: { type: 'value' },
      yAxis: { type: 'category', data: rows.map((r) => names.get(r.regionCode) ?? r.regionCode) },
      series,
    } as ChartOption
  }, [overview.data, names, t])

  const projectsOption = useMemo<ChartOption | null>(() => {
    if (!overview.data) return null
    const rows = overview.data.projects.regions.filter((r) => r.projects > 0)
    return {
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 140, right: 16, top: 32, bottom: 24 },
      xAxis: { type: 'value' },
      yAxis: { type: 'category', data: rows.map((r) => names.get(r.regionCode) ?? r.regionCode) },
      series: [
        {
          type: 'bar',
          name: t('projects.columns.planned'),
          data: rows.map((r) => r.planned),
          itemStyle: { color: '#9fb3c3' },
        },
        {
          type: 'bar',
          name: t('projects.columns.created'),
          data: rows.map((r) => r.created),
          itemStyle: { color: '#0b4a6f' },
        },
      ],
    } as ChartOption
  }, [overview.data, names, t])

  return (
    <div className="dashboard">
      <PageHeading lead={t('projects.overview.lead')}>{title}</PageHeading>
      {overview.isError ? (
        <ErrorPanel error={overview.error} onRetry={() => void overview.refetch()} />
      ) : overview.isPending ? (
        <LoadingPanel />
      ) : (
        <>
          <Downloads path="/api/overview" params={{ year }} label={title} />
          <div className="projects-panels">
            <section className="card" aria-labelledby="panel-registry">
              <h2 id="panel-registry">{t('projects.overview.registry')}</h2>
              <dl className="projects-figures">
                <dt>{t('projects.overview.people')}</dt>
                <dd>{n(overview.data.registry.total.people)}</dd>
                <dt>{t('projects.overview.known')}</dt>
                <dd>{n(overview.data.registry.total.known)}</dd>
                <dt>{t('projects.overview.unknown')}</dt>
                <dd>{n(overview.data.registry.total.unknown)}</dd>
                <dt>{t('projects.overview.stale')}</dt>
                <dd>{n(overview.data.registry.total.stale)}</dd>
              </dl>
            </section>
            <section className="card" aria-labelledby="panel-exchange">
              <h2 id="panel-exchange">{t('projects.overview.exchange', { year })}</h2>
              <dl className="projects-figures">
                <dt>{t('projects.overview.vacancies')}</dt>
                <dd>{n(overview.data.exchange.total.vacancies)}</dd>
                <dt>{t('projects.overview.applications')}</dt>
                <dd>{n(overview.data.exchange.total.applications)}</dd>
                <dt>{t('projects.overview.hires')}</dt>
                <dd>{n(overview.data.exchange.total.hires)}</dd>
                <dt>{t('projects.overview.seekers')}</dt>
                <dd>{n(overview.data.exchange.total.seekers)}</dd>
              </dl>
            </section>
            <section className="card" aria-labelledby="panel-fairs">
              <h2 id="panel-fairs">{t('projects.overview.fairs', { year })}</h2>
              <dl className="projects-figures">
                <dt>{t('projects.overview.fairCount')}</dt>
                <dd>{n(overview.data.fairs.fairs)}</dd>
                <dt>{t('projects.overview.registrations')}</dt>
                <dd>{n(overview.data.fairs.registrations)}</dd>
                <dt>{t('projects.overview.applications')}</dt>
                <dd>{n(overview.data.fairs.applications)}</dd>
                <dt>{t('projects.overview.hires')}</dt>
                <dd>{n(overview.data.fairs.hires)}</dd>
              </dl>
            </section>
            <section className="card" aria-labelledby="panel-projects">
              <h2 id="panel-projects">{t('projects.overview.projects', { year })}</h2>
              <dl className="projects-figures">
                <dt>{t('projects.columns.projects')}</dt>
                <dd>{n(overview.data.projects.total.projects)}</dd>
                <dt>{t('projects.columns.planned')}</dt>
                <dd>{n(overview.data.projects.total.planned)}</dd>
                <dt>{t('projects.columns.created')}</dt>
                <dd>{n(overview.data.projects.total.created)}</dd>
                <dt>{t('projects.columns.inTender')}</dt>
                <dd>{n(overview.data.projects.total.inTender)}</dd>
              </dl>
            </section>
            <ProgrammesOverviewPanel programmes={overview.data.programmes} year={year} />
          </div>
          {funnelOption && (
            <section className="card" aria-labelledby="funnel-heading">
              <h2 id="funnel-heading">{t('projects.overview.funnelHeading', { year })}</h2>
              <EChart option={funnelOption} label={t('projects.overview.funnelHeading', { year })} />
            </section>
          )}
          {projectsOption && (
            <section className="card" aria-labelledby="projects-chart-heading">
              <h2 id="projects-chart-heading">{t('projects.overview.projectsHeading', { year })}</h2>
              <EChart option={projectsOption} label={t('projects.overview.projectsHeading', { year })} />
            </section>
          )}
        </>
      )}

      <section aria-labelledby="balance-heading">
        <h2 id="balance-heading">{t('projects.balance.heading')}</h2>
        <p className="hint">{t('projects.balance.note')}</p>
        <div className="field field--inline">
          <label className="field__label" htmlFor="balance-region">
            {t('projects.columns.region')}
          </label>
          <select
            id="balance-region"
            className="field__input field__select"
            value={balanceRegion ?? ''}
            onChange={(e) => setBalanceRegion(e.target.value || undefined)}
          >
            <option value="">{t('projects.all')}</option>
            {(regions.data ?? []).map((r) => (
              <option key={r.code} value={r.code}>
                {localName(r, language)}
              </option>
            ))}
          </select>
        </div>
        <Downloads
          path="/api/overview/labour-balance"
          params={{ region: balanceRegion }}
          label={t('projects.balance.heading')}
        />
        {balance.isError ? (
          <ErrorPanel error={balance.error} onRetry={() => void balance.refetch()} />
        ) : balance.isPending ? (
          <LoadingPanel />
        ) : (
          <>
            <p>
              {t('projects.balance.totals', {
                positions: n(balance.data.total.openPositions),
                seekers: n(balance.data.total.seekers),
                youth: n(balance.data.total.youthSeekers),
                age: balance.data.youthAgeLimit,
              })}
            </p>
            <div className="table-wrap">
              <table className="table">
                <caption>{t('projects.balance.caption')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('projects.columns.region')}</th>
                    <th scope="col">{t('projects.balance.scarcest')}</th>
                    <th scope="col">{t('projects.balance.oversupplied')}</th>
                    <th scope="col">{t('projects.balance.youthOversupplied', { age: balance.data.youthAgeLimit })}</th>
                    <th scope="col" className="table__number">
                      {t('projects.balance.youthSeekers', { age: balance.data.youthAgeLimit })}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {balance.data.regions.map((r) => (
                    <tr key={r.regionCode}>
                      <th scope="row">{names.get(r.regionCode) ?? r.regionCode}</th>
                      <td>
                        {r.scarcest
                          .map((i) => `${occupationTitle(i, language)} (${n(i.openPositions)} / ${n(i.seekers)})`)
                          .join('; ') || '—'}
                      </td>
                      <td>
                        {r.oversupplied
                          .map((i) => `${occupationTitle(i, language)} (${n(i.seekers)} / ${n(i.openPositions)})`)
                          .join('; ') || '—'}
                      </td>
                      <td>
                        {r.youthOversupplied
                          .map((i) => `${occupationTitle(i, language)} (${n(i.youthSeekers)} / ${n(i.openPositions)})`)
                          .join('; ') || '—'}
                      </td>
                      <td className="table__number">{n(r.youthSeekers)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </>
        )}
      </section>
    </div>
  )
}
