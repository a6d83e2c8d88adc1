import { useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import {
  katoName,
  localName,
  type RegionsGeoJson,
  useKatoChildren,
  useRegions,
  useRegionsGeoJson,
} from '../../api/reference'
import { usePlans, useRegistrySummary } from '../../api/registry'
import { type PlanCategory, type PlanProgress, planCategories, type Region, type RegionSummary } from '../../api/types'
import { currentLanguage, type Language } from '../../i18n'
import { formatNumber, formatPercent } from '../../i18n/format'
import { PageHeading } from '../../layout/page-heading'
import { ErrorPanel, LoadingPanel } from '../../layout/status-panels'
import { useDocumentTitle } from '../../layout/use-document-title'
import { useAccount } from '../../session/require-session'
import { type ChartOption, EChart, registerMapOnce } from './echart'

const mapName = 'kz'
const brand = '#0b4a6f'
const planColour = '#9fb3c3'
const noDataColour = '#eef1f4'
// Pale to deep: the darker a region, the larger the share of people whose status needs updating.
const shareColours = ['#fbf3d5', '#f2c230', '#c2691a', '#7a2e0e']

interface Progress {
  target: number
  done: number
}

/** One region's line of the dashboard: registry counts (when in scope) and plan progress (when planned). */
interface RegionRow {
  code: string
  name: string
  summary: RegionSummary | null
  plan: Progress | null
}

const shareOf = (summary: RegionSummary) =>
  summary.people > 0 ? (summary.unknown + summary.stale) / summary.people : 0
const executed = (progress: Progress) => (progress.target > 0 ? progress.done / progress.target : 0)

function addProgress(into: Progress | undefined, row: Progress): Progress {
  return { target: (into?.target ?? 0) + row.target, done: (into?.done ?? 0) + row.done }
}

/**
 * Plan progress per region and category. A plan may be set for the whole region, for its districts, or
 * both; where a region-wide figure exists it is the region's target, and the districts' rows are its
 * breakdown, so adding them as well would count the same people twice.
 */
function planByRegionAndCategory(plans: readonly PlanProgress[]): Map<string, Map<PlanCategory, Progress>> {
  const regionWide = new Map<string, Progress>()
  const districtSums = new Map<string, Progress>()
  for (const row of plans) {
    const key = `${row.regionCode}|${row.category}`
    if (row.districtCode === null) regionWide.set(key, addProgress(regionWide.get(key), row))
    else districtSums.set(key, addProgress(districtSums.get(key), row))
  }
  const result = new Map<string, Map<PlanCategory, Progress>>()
  for (const row of plans) {
    const key = `${row.regionCode}|${row.category}`
    const progress = regionWide.get(key) ?? districtSums.get(key)
    if (!progress) continue
    const categories = result.get(row.regionCode) ?? new Map<PlanCategory, Progress>()
    categories.set(row.category, progress)
    result.set(row.regionCode, categories)
  }
  return result
}

/** Registry counts per region: a one-region view answers by district, and its districts add up to the region. */
function sumByRegion(rows: readonly RegionSummary[]): RegionSummary[] {
  const sums = new Map<string, RegionSummary>()
  for (const row of rows) {
    const sum = sums.get(row.regionCode) ?? { regionCode: row.regionCode, people: 0, known: 0, unknown: 0, stale: 0 }
    sums.set(row.regionCode, {
      regionCode: row.regionCode,
      people: sum.people + row.people,
      known: sum.known + row.known,
      unknown: sum.unknown + row.unknown,
      stale: sum.stale + row.stale,
    })
  }
  return [...sums.values()]
}

function total(items: Iterable<Progress>): Progress {
  let sum: Progress = { target: 0, done: 0 }
  for (const item of items) sum = addProgress(sum, item)
  return sum
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`)
}

export function FormalisationPage() {
  const { t } = useTranslation()
  const language = currentLanguage()
  const account = useAccount()
  const isRegional = account.role === 'officer'
  const thisYear = new Date().getFullYear()
  const [year, setYear] = useState(thisYear)
  const regions = useRegions()
  const summary = useRegistrySummary(null)
  const plans = usePlans(year, null)
  const geoJson = useRegionsGeoJson()

  const ownRegion = regions.data?.find((region) => region.code === account.regionCode)
  const title = isRegional
    ? t('registry.formalisation.titleRegion', { region: ownRegion ? localName(ownRegion, language) : '' })
    : t('registry.formalisation.titleNational')
  useDocumentTitle(title)

  const planTree = useMemo(() => planByRegionAndCategory(plans.data ?? []), [plans.data])
  const regionSummaries = useMemo(() => sumByRegion(summary.data ?? []), [summary.data])
  const districtSummaries = useMemo(
    () => (summary.data ?? []).filter((item) => item.districtCode !== undefined),
    [summary.data],
  )
  const rows = useMemo<RegionRow[]>(() => {
    const summaries = new Map(regionSummaries.map((item) => [item.regionCode, item]))
    return (regions.data ?? [])
      .filter((region) => summaries.has(region.code) || planTree.has(region.code))
      .map((region) => {
        const categories = planTree.get(region.code)
        return {
          code: region.code,
          name: localName(region, language),
          summary: summaries.get(region.code) ?? null,
          plan: categories ? total(categories.values()) : null,
        }
      })
  }, [regions.data, regionSummaries, planTree, language])

  const categoryTotals = useMemo(() => {
    const sums = new Map<PlanCategory, Progress>()
    for (const categories of planTree.values()) {
      for (const [category, progress] of categories) sums.set(category, addProgress(sums.get(category), progress))
    }
    return planCategories.flatMap((category) => {
      const progress = sums.get(category)
      return progress ? [{ category, ...progress }] : []
    })
  }, [planTree])

  const yearOptions = [thisYear - 3, thisYear - 2, thisYear - 1, thisYear, thisYear + 1]

  return (
    <div className="dashboard">
      <PageHeading
        lead={isRegional ? t('registry.formalisation.leadRegion') : t('registry.formalisation.leadNational')}
      >
        {title}
      </PageHeading>

      <section className="card dashboard__map" aria-labelledby="map-heading">
        <h2 id="map-heading">{t('registry.formalisation.mapHeading')}</h2>
        <p className="hint">{t('registry.formalisation.mapNote')}</p>
        {summary.isError ? (
          <ErrorPanel error={summary.error} onRetry={() => void summary.refetch()} />
        ) : geoJson.isError ? (
          <ErrorPanel error={geoJson.error} onRetry={() => void geoJson.refetch()} />
        ) : summary.isPending || geoJson.isPending || regions.isPending ? (
          <LoadingPanel />
        ) : (
          <RegionsMap
            geoJson={geoJson.data}
            regions={regions.data ?? []}
            summaries={regionSummaries}
            language={language}
            highlight={isRegional ? account.regionCode : null}
          />
        )}
        <p className="attribution">
          {t('registry.formalisation.mapData')}{' '}
          <a href="https://www.openstreetmap.org/copyright" rel="noreferrer" target="_blank">
            © OpenStreetMap contributors
          </a>
        </p>
      </section>

      <section className="card" aria-labelledby="plan-heading">
        <div className="card__head">
          <h2 id="plan-heading">{t('registry.formalisation.planHeading', { year })}</h2>
          <div className="field field--inline">
            <label className="field__label" htmlFor="plan-year">
              {t('registry.formalisation.year')}
            </label>
            <select
              id="plan-year"
              className="field__input field__select"
              value={year}
              onChange={(event) => setYear(Number(event.target.value))}
            >
              {yearOptions.map((option) => (
                <option key={option} value={option}>
                  {option}
                </option>
              ))}
            </select>
          </div>
        </div>
        {plans.isError ? (
          <ErrorPanel error={plans.error} onRetry={() => void plans.refetch()} />
        ) : plans.isPending || regions.isPending ? (
          <LoadingPanel />
        ) : planTree.size === 0 ? (
          <p className="notice">{t('registry.formalisation.noPlan', { year })}</p>
        ) : planTree.size > 1 ? (
          <PlanChart
            bars={rows
              .filter((row) => row.plan)
              .map((row) => ({ label: row.name, target: row.plan?.target ?? 0, done: row.plan?.done ?? 0 }))}
            label={t('registry.formalisation.planChartByRegion', { year })}
          />
        ) : (
          // One region in view: its categories say more than a single pair of bars.
          <PlanChart
            bars={categoryTotals.map((item) => ({
              label: t(`registry.planCategory.${item.category}`),
              target: item.target,
              done: item.done,
            }))}
            label={t('registry.formalisation.planChartByCategory', { year })}
          />
        )}
      </section>

      {!summary.isPending && !plans.isPending && (
        <section aria-labelledby="table-heading">
          <h2 id="table-heading">{t('registry.formalisation.tableHeading')}</h2>
          <p className="hint">{t('registry.formalisation.tableNote')}</p>
          <RegionTable rows={rows} year={year} language={language} />
          {categoryTotals.length > 0 && <CategoryTable items={categoryTotals} year={year} language={language} />}
          {ownRegion && districtSummaries.length > 0 && (
            <DistrictTable region={ownRegion} rows={districtSummaries} language={language} />
          )}
        </section>
      )}
    </div>
  )
}

function RegionsMap({
  geoJson,
  regions,
  summaries,
  language,
  highlight,
}: {
  geoJson: RegionsGeoJson
  regions: Region[]
  summaries: RegionSummary[]
  language: Language
  highlight: string | null
}) {
  const { t } = useTranslation()
  registerMapOnce(mapName, geoJson)

  const option = useMemo<ChartOption>(() => {
    const names = new Map(regions.map((region) => [region.code, localName(region, language)]))
    const byCode = new Map(summaries.map((item) => [item.regionCode, item]))
    const tooltip = (code: string) => {
      const name = escapeHtml(names.get(code) ?? code)
      const item = byCode.get(code)
      if (!item) return `<strong>${name}</strong><br>${escapeHtml(t('registry.formalisation.noData'))}`
      const line = (label: string, value: string) => `${escapeHtml(label)}: <strong>${value}</strong>`
      return [
        `<strong>${name}</strong>`,
        line(t('registry.formalisation.columns.people'), formatNumber(item.people, language)),
        line(t('registry.formalisation.columns.unknown'), formatNumber(item.unknown, language)),
        line(t('registry.formalisation.columns.stale'), formatNumber(item.stale, language)),
        line(t('registry.formalisation.columns.share'), formatPercent(shareOf(item), language)),
      ].join('<br>')
    }
    const worst = Math.max(0, ...summaries.map(shareOf))
    const scaleMax = Math.min(100, Math.max(10, Math.ceil(worst * 10) * 10))
    return {
      tooltip: {
        trigger: 'item',
        formatter: (params) => tooltip(String((params as { name?: string }).name ?? '')),
      },
      visualMap: {
        type: 'continuous',
        min: 0,
        // The scale ends at the next ten above the worst region, so small differences still show; the
        // legend states the range, so the colours are never read against a hidden 100 %.
        max: scaleMax,
        left: 'left',
        bottom: 0,
        orient: 'horizontal',
        itemWidth: 14,
        itemHeight: 160,
        text: [formatPercent(scaleMax / 100, language), formatPercent(0, language)],
        textStyle: { color: '#1b1f23' },
        formatter: (value) => formatPercent(Number(value) / 100, language),
        inRange: { color: shareColours },
        calculable: false,
      },
      series: [
        {
          type: 'map',
          map: mapName,
          nameProperty: 'code',
          roam: false,
          // Fitted into the box above the legend; ECharts keeps the country's proportions.
          left: 8,
          right: 8,
          top: 8,
          bottom: 48,
          selectedMode: false,
          itemStyle: { areaColor: noDataColour, borderColor: '#ffffff', borderWidth: 1 },
          emphasis: {
            label: { show: true, color: '#1b1f23', formatter: ({ name }) => names.get(name) ?? name },
            itemStyle: { areaColor: undefined, borderColor: '#1b1f23', borderWidth: 2 },
          },
          label: { show: false },
          data: [
            ...summaries.map((item) => ({
              name: item.regionCode,
              value: Math.round(shareOf(item) * 1000) / 10,
              // The officer's own region is outlined so it is found at a glance.
              itemStyle: item.regionCode === highlight ? { borderColor: '#1b1f23', borderWidth: 2 } : undefined,
            })),
          ],
        },
      ],
    }
  }, [regions, summaries, language, highlight, t])

  return (
    <EChart
      option={option}
      className="chart chart--map"
      label={t('registry.formalisation.mapLabel', {
        regions: summaries.length,
      })}
    />
  )
}

function PlanChart({ bars, label }: { bars: { label: string; target: number; done: number }[]; label: string }) {
  const { t } = useTranslation()
  const language = currentLanguage()
  const option = useMemo<ChartOption>(() => {
    // Horizontal bars, first item at the top: region names are long and read better as rows.
    const ordered = [...bars].reverse()
    return {
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      legend: { top: 0, left: 0, textStyle: { color: '#1b1f23' } },
      grid: { left: 8, right: 64, top: 36, bottom: 8, containLabel: true },
      xAxis: {
        type: 'value',
        axisLabel: { color: '#47525d', formatter: (value: number) => formatNumber(value, language) },
      },
      yAxis: {
        type: 'category',
        data: ordered.map((bar) => bar.label),
        axisLabel: { color: '#1b1f23', width: 200, overflow: 'truncate' },
      },
      series: [
        {
          type: 'bar',
          name: t('registry.formalisation.columns.target'),
          data: ordered.map((bar) => bar.target),
          itemStyle: { color: planColour },
          barGap: '10%',
        },
        {
          type: 'bar',
          name: t('registry.formalisation.columns.done'),
          data: ordered.map((bar) => bar.done),
          itemStyle: { color: brand },
          label: {
            show: true,
            position: 'right',
            color: '#1b1f23',
            formatter: ({ dataIndex }) => {
              const bar = ordered[dataIndex]
              return bar ? formatPercent(executed(bar), language) : ''
            },
          },
        },
      ],
    }
  }, [bars, language, t])

  return (
    <div className="plan-chart" style={{ height: `${Math.max(220, 72 + bars.length * 46)}px` }}>
      <EChart option={option} label={label} className="chart chart--fill" />
    </div>
  )
}

function RegionTable({ rows, year, language }: { rows: RegionRow[]; year: number; language: Language }) {
  const { t } = useTranslation()
  if (rows.length === 0) return <p className="notice">{t('registry.formalisation.noData')}</p>

  const people = rows.reduce((sum, row) => sum + (row.summary?.people ?? 0), 0)
  const unknown = rows.reduce((sum, row) => sum + (row.summary?.unknown ?? 0), 0)
  const stale = rows.reduce((sum, row) => sum + (row.summary?.stale ?? 0), 0)
  const plan = total(rows.flatMap((row) => (row.plan ? [row.plan] : [])))
  const dash = '—'

  return (
    <div className="table-wrap">
      <table className="table">
        <caption>{t('registry.formalisation.regionCaption', { year })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('registry.formalisation.columns.region')}</th>
            <th scope="col" className="table__number">
              {t('registry.formalisation.columns.people')}
            </th>
            <th scope="col" className="table__number">
              {t('registry.formalisation.columns.unknown')}
            </th>
            <th scope="col" className="table__number">
              {t('registry.formalisation.columns.stale')}
            </th>
            <th scope="col" className="table__number">
              {t('registry.formalisation.columns.share')}
            </th>
            <th scope="col" className="table__number">
              {t('registry.formalisation.columns.target')}
            </th>
            <th scope="col" className="table__number">
              {t('registry.formalisation.columns.done')}
            </th>
            <th scope="col" className="table__number">
              {t('registry.formalisation.columns.executed')}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.code}>
              <th scope="row">{row.name}</th>
              <td className="table__number">{row.summary ? formatNumber(row.summary.people, language) : dash}</td>
              <td className="table__number">{row.summary ? formatNumber(row.summary.unknown, language) : dash}</td>
              <td className="table__number">{row.summary ? formatNumber(row.summary.stale, language) : dash}</td>
              <td className="table__number">{row.summary ? formatPercent(shareOf(row.summary), language) : dash}</td>
              <td className="table__number">{row.plan ? formatNumber(row.plan.target, language) : dash}</td>
              <td className="table__number">{row.plan ? formatNumber(row.plan.done, language) : dash}</td>
              <td className="table__number">{row.plan ? formatPercent(executed(row.plan), language) : dash}</td>
            </tr>
          ))}
        </tbody>
        {rows.length > 1 && (
          <tfoot>
            <tr>
              <th scope="row">{t('registry.formalisation.total')}</th>
              <td className="table__number">{formatNumber(people, language)}</td>
              <td className="table__number">{formatNumber(unknown, language)}</td>
              <td className="table__number">{formatNumber(stale, language)}</td>
              <td className="table__number">
                {people > 0 ? formatPercent((unknown + stale) / people, language) : dash}
              </td>
              <td className="table__number">{formatNumber(plan.target, language)}</td>
              <td className="table__number">{formatNumber(plan.done, language)}</td>
              <td className="table__number">{formatPercent(executed(plan), language)}</td>
            </tr>
          </tfoot>
        )}
      </table>
    </div>
  )
}

function CategoryTable({
  items,
  year,
  language,
}: {
  items: ({ category: PlanCategory } & Progress)[]
  year: number
  language: Language
}) {
  const { t } = useTranslation()
  return (
    <div className="table-wrap">
      <table className="table">
        <caption>{t('registry.formalisation.categoryCaption', { year })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('registry.formalisation.columns.category')}</th>
            <th scope="col" className="table__number">
              {t('registry.formalisation.columns.target')}
            </th>
            <th scope="col" className="table__number">
              {t('registry.formalisation.columns.done')}
            </th>
            <th scope="col" className="table__number">
              {t('registry.formalisation.columns.executed')}
            </th>
          </tr>
        </thead>
        <tbody>
          {items.map((item) => (
            <tr key={item.category}>
              <th scope="row">{t(`registry.planCategory.${item.category}`)}</th>
              <td className="table__number">{formatNumber(item.target, language)}</td>
              <td className="table__number">{formatNumber(item.done, language)}</td>
              <td className="table__number">{formatPercent(executed(item), language)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}

function DistrictTable({ region, rows, language }: { region: Region; rows: RegionSummary[]; language: Language }) {
  const { t } = useTranslation()
  const districts = useKatoChildren(region.kato)
  const names = new Map((districts.data ?? []).map((unit) => [unit.code, katoName(unit, language)]))
  const named = rows
    .map((row) => ({
      ...row,
      name: row.districtCode
        ? (names.get(row.districtCode) ?? row.districtCode)
        : t('registry.formalisation.noDistrict'),
    }))
    .sort((a, b) => (a.districtCode === null ? 1 : b.districtCode === null ? -1 : a.name.localeCompare(b.name)))

  return (
    <div className="table-wrap">
      <table className="table">
        <caption>{t('registry.formalisation.districtCaption', { region: localName(region, language) })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('registry.formalisation.columns.district')}</th>
            <th scope="col" className="table__number">
              {t('registry.formalisation.columns.people')}
            </th>
            <th scope="col" className="table__number">
              {t('registry.formalisation.columns.unknown')}
            </th>
            <th scope="col" className="table__number">
              {t('registry.formalisation.columns.stale')}
            </th>
            <th scope="col" className="table__number">
              {t('registry.formalisation.columns.share')}
            </th>
          </tr>
        </thead>
        <tbody>
          {named.map((row) => (
            <tr key={row.districtCode ?? 'none'}>
              <th scope="row">{row.name}</th>
              <td className="table__number">{formatNumber(row.people, language)}</td>
              <td className="table__number">{formatNumber(row.unknown, language)}</td>
              <td className="table__number">{formatNumber(row.stale, language)}</td>
              <td className="table__number">{formatPercent(shareOf(row), language)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
