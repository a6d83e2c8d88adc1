import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useParams } from 'react-router'
import { type Counts, type Funnel, funnelSteps, useFair, useFunnel } from '../../api/fairs'
import { currentLanguage } from '../../i18n'
import { formatNumber } from '../../i18n/format'
import { PageHeading } from '../../layout/page-heading'
import { ErrorPanel, LoadingPanel } from '../../layout/status-panels'
import { useDocumentTitle } from '../../layout/use-document-title'
import { type ChartOption, EChart } from '../registry/echart'
import { FairWindow, problemText, StateBadge, useRegionName } from './fair-parts'

const brand = '#0b4a6f'
const stepColours = ['#9fb3c3', '#5f87a3', '#0b4a6f', '#c2691a', '#f2c230', '#2e7d32']
const regionSteps = ['registrations', 'applications', 'interviews', 'hires'] as const

/** The fair's funnel: live for its organiser while it runs, public once it closes. */
export function FunnelPage() {
  const { t } = useTranslation()
  const fairId = Number(useParams().fairId)
  const fair = useFair(fairId)
  const funnel = useFunnel(fairId, fair.data?.state !== 'closed')
  useDocumentTitle(t('fairs.funnel.title', { title: fair.data?.title ?? '' }))

  if (fair.isPending || funnel.isPending) return <LoadingPanel />
  if (fair.isError) return <ErrorPanel error={fair.error} />
  return (
    <div className="fairs">
      <p className="fairs-back">
        <Link to={`/fairs/${fairId}`}>{fair.data.title}</Link>
      </p>
      <PageHeading
        lead={
          <>
            <FairWindow fair={fair.data} /> <StateBadge state={fair.data.state} />
          </>
        }
      >
        {t('fairs.funnel.title', { title: fair.data.title })}
      </PageHeading>
      {funnel.isError ? (
        <p className="notice notice--error" role="alert">
          {problemText(funnel.error)}
        </p>
      ) : (
        <FunnelView funnel={funnel.data} />
      )}
    </div>
  )
}

function FunnelView({ funnel }: { funnel: Funnel }) {
  const { t } = useTranslation()
  const language = currentLanguage()
  const regionName = useRegionName()
  const stepNames = useMemo(() => funnelSteps.map((step) => t(`fairs.funnel.steps.${step}`)), [t])

  const totalOption = useMemo<ChartOption>(
    () => ({
      grid: { left: 8, right: 48, top: 8, bottom: 8, containLabel: true },
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: { type: 'category', inverse: true, data: stepNames },
      series: [
        {
          type: 'bar',
          data: funnelSteps.map((step, i) => ({ value: funnel.total[step], itemStyle: { color: stepColours[i] } })),
          label: { show: true, position: 'right' },
        },
      ],
    }),
    [funnel.total, stepNames],
  )

  const regionOption = useMemo<ChartOption>(
    () => ({
      grid: { left: 8, right: 8, top: 40, bottom: 8, containLabel: true },
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      legend: { top: 0 },
      xAxis: { type: 'category', data: funnel.byRegion.map((r) => regionName(r.regionCode)) },
      yAxis: { type: 'value', minInterval: 1 },
      series: regionSteps.map((step, i) => ({
        type: 'bar' as const,
        name: t(`fairs.funnel.steps.${step}`),
        data: funnel.byRegion.map((r) => r[step]),
        itemStyle: { color: [stepColours[1], brand, stepColours[3], stepColours[5]][i] },
      })),
    }),
    [funnel.byRegion, regionName, t],
  )

  const summary = funnelSteps.map((step, i) => `${stepNames[i]}: ${funnel.total[step]}`).join(', ')
  return (
    <>
      {funnel.isLive && (
        <p className="notice" role="status">
          {t('fairs.funnel.liveNote')}
        </p>
      )}
      <section className="card fairs-panel" aria-labelledby="funnel-total">
        <h2 id="funnel-total">{t('fairs.funnel.total')}</h2>
        <EChart option={totalOption} label={summary} className="chart fairs-chart" />
        <dl className="fairs-counts" data-testid="funnel-total">
          {funnelSteps.map((step, i) => (
            <div key={step} className="fairs-counts__item">
              <dt>{stepNames[i]}</dt>
              <dd data-step={step}>{formatNumber(funnel.total[step], language)}</dd>
            </div>
          ))}
        </dl>
      </section>
      {funnel.byRegion.length > 0 && (
        <section className="card fairs-panel" aria-labelledby="funnel-regions">
          <h2 id="funnel-regions">{t('fairs.funnel.byRegion')}</h2>
          <EChart option={regionOption} label={t('fairs.funnel.byRegion')} className="chart fairs-chart" />
        </section>
      )}
      <CountsTable
        caption={t('fairs.funnel.byEmployer')}
        head={t('fairs.booths.employer')}
        rows={funnel.byEmployer.map((r) => ({ key: r.employerBin, name: r.employerName, counts: r }))}
      />
      <CountsTable
        caption={t('fairs.funnel.byRegion')}
        head={t('fairs.funnel.region')}
        rows={funnel.byRegion.map((r) => ({ key: r.regionCode, name: regionName(r.regionCode), counts: r }))}
      />
      <CountsTable
        caption={t('fairs.funnel.byVacancy')}
        head={t('fairs.applicants.vacancy')}
        rows={funnel.byVacancy.map((r) => ({ key: String(r.vacancyId), name: r.title, counts: r }))}
      />
    </>
  )
}

function CountsTable({
  caption,
  head,
  rows,
}: {
  caption: string
  head: string
  rows: { key: string; name: string; counts: Counts }[]
}) {
  const { t } = useTranslation()
  const language = currentLanguage()
  if (rows.length === 0) return null
  return (
    <div className="table-wrap">
      <table className="table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{head}</th>
            {funnelSteps.map((step) => (
              <th key={step} scope="col" className="table__number">
                {t(`fairs.funnel.steps.${step}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.key}>
              <th scope="row">{row.name}</th>
              {funnelSteps.map((step) => (
                <td key={step} className="table__number">
                  {formatNumber(row.counts[step], language)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
