import { useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useNavigate, useParams } from 'react-router'
import { type RegionJobs, useJobMap, useRegionProjects } from '../../api/projects'
import { localName, type RegionsGeoJson, useRegions, useRegionsGeoJson } from '../../api/reference'
import type { Region } from '../../api/types'
import { currentLanguage, type Language } from '../../i18n'
import { formatDateTime, formatNumber } from '../../i18n/format'
import { PageHeading } from '../../layout/page-heading'
import { ErrorPanel, LoadingPanel } from '../../layout/status-panels'
import { useDocumentTitle } from '../../layout/use-document-title'
import { type ChartOption, registerMapOnce } from '../registry/echart'
import { ClickChart } from './click-chart'
import { Downloads } from './downloads'

const mapName = 'kz'
const scale = ['#f1f6f9', '#9cc3d9', '#2f7fa8', '#0b4a6f']

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`)

/** The regional job-creation map: planned against created jobs this year, click a region for its projects. */
export function RegionsPage() {
  const { t } = useTranslation()
  const language = currentLanguage()
  const { code = null } = useParams()
  const navigate = useNavigate()
  const thisYear = new Date().getFullYear()
  const [year, setYear] = useState(thisYear)
  const map = useJobMap(year)
  const regions = useRegions()
  const geoJson = useRegionsGeoJson()
  const title = t('projects.map.title')
  useDocumentTitle(title)
  const names = useMemo(
    () => new Map((regions.data ?? []).map((r) => [r.code, localName(r, language)])),
    [regions.data, language],
  )

  return (
    <div className="dashboard">
      <PageHeading lead={t('projects.map.lead')}>{title}</PageHeading>
      <section className="card dashboard__map" aria-labelledby="jobs-map-heading">
        <div className="card__head">
          <h2 id="jobs-map-heading">{t('projects.map.heading', { year })}</h2>
          <div className="field field--inline">
            <label className="field__label" htmlFor="map-year">
              {t('projects.year')}
            </label>
            <select
              id="map-year"
              className="field__input field__select"
              value={year}
              onChange={(event) => setYear(Number(event.target.value))}
            >
              {[thisYear - 1, thisYear, thisYear + 1].map((option) => (
                <option key={option} value={option}>
                  {option}
                </option>
              ))}
            </select>
          </div>
        </div>
        <p className="hint">{t('projects.map.note')}</p>
        {map.data?.countedAt && (
          <p className="hint" data-testid="counted-at">
            {t('projects.map.countedAt', { time: formatDateTime(map.data.countedAt, language) })}
          </p>
        )}
        {map.isError ? (
          <ErrorPanel error={map.error} onRetry={() => void map.refetch()} />
        ) : geoJson.isError ? (
          <ErrorPanel error={geoJson.error} onRetry={() => void geoJson.refetch()} />
        ) : map.isPending || geoJson.isPending || regions.isPending ? (
          <LoadingPanel />
        ) : (
          <JobsMap
            geoJson={geoJson.data}
            rows={map.data.regions}
            names={names}
            onSelect={(region) => navigate(`/regions/${region}`)}
          />
        )}
        <p className="attribution">
          {t('projects.map.mapData')}{' '}
          <a href="https://www.openstreetmap.org/copyright" rel="noreferrer" target="_blank">
            © OpenStreetMap contributors
          </a>
        </p>
      </section>

      {map.data && (
        <section aria-labelledby="jobs-table-heading">
          <h2 id="jobs-table-heading">{t('projects.map.tableHeading')}</h2>
          <Downloads path="/api/projects/map" params={{ year }} label={t('projects.map.tableHeading')} />
          <RegionJobsTable
            rows={map.data.regions}
            total={map.data.total}
            names={names}
            year={year}
            language={language}
          />
        </section>
      )}

      {code !== null && (
        <RegionProjects
          key={`${code}-${year}`}
          code={code}
          year={year}
          name={names.get(code) ?? code}
          regions={regions.data ?? []}
        />
      )}
    </div>
  )
}

function JobsMap({
  geoJson,
  rows,
  names,
  onSelect,
}: {
  geoJson: RegionsGeoJson
  rows: RegionJobs[]
  names: Map<string, string>
  onSelect: (code: string) => void
}) {
  const { t } = useTranslation()
  const language = currentLanguage()
  registerMapOnce(mapName, geoJson)
  const option = useMemo<ChartOption>(() => {
    const byCode = new Map(rows.map((r) => [r.regionCode, r]))
    const most = Math.max(1, ...rows.map((r) => r.created))
    return {
      tooltip: {
        trigger: 'item',
        formatter: (params) => {
          const code = String((params as { name?: string }).name ?? '')
          const row = byCode.get(code)
          const line = (label: string, value: number) =>
            `${escapeHtml(label)}: <strong>${formatNumber(value, language)}</strong>`
          return [
            `<strong>${escapeHtml(names.get(code) ?? code)}</strong>`,
            line(t('projects.columns.planned'), row?.planned ?? 0),
            line(t('projects.columns.created'), row?.created ?? 0),
            line(t('projects.columns.projects'), row?.projects ?? 0),
          ].join('<br>')
        },
      },
      visualMap: {
        type: 'continuous',
        min: 0,
        max: most,
        left: 'left',
        bottom: 0,
        orient: 'horizontal',
        itemWidth: 14,
        itemHeight: 160,
        text: [formatNumber(most, language), '0'],
        inRange: { color: scale },
        calculable: false,
      },
      series: [
        {
          type: 'map',
          map: mapName,
          nameProperty: 'code',
          roam: false,
          left: 8,
          right: 8,
          top: 8,
          bottom: 48,
          selectedMode: false,
          itemStyle: { areaColor: '#eef1f4', borderColor: '#ffffff', borderWidth: 1 },
          emphasis: { label: { show: true, formatter: ({ name }) => names.get(name) ?? name } },
          label: { show: false },
          data: rows.map((r) => ({ name: r.regionCode, value: r.created })),
        },
      ],
    }
  }, [rows, names, t, language])
  return (
    <ClickChart option={option} label={t('projects.map.chartLabel')} className="chart chart--map" onSelect={onSelect} />
  )
}

function RegionJobsTable({
  rows,
  total,
  names,
  year,
  language,
}: {
  rows: RegionJobs[]
  total: Omit<RegionJobs, 'regionCode'>
  names: Map<string, string>
  year: number
  language: Language
}) {
  const { t } = useTranslation()
  const n = (value: number) => formatNumber(value, language)
  return (
    <div className="table-wrap">
      <table className="table" data-testid="jobs-by-region">
        <caption>{t('projects.map.caption', { year })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('projects.columns.region')}</th>
            <th scope="col" className="table__number">
              {t('projects.columns.projects')}
            </th>
            <th scope="col" className="table__number">
              {t('projects.columns.inTender')}
            </th>
            <th scope="col" className="table__number">
              {t('projects.columns.planned')}
            </th>
            <th scope="col" className="table__number">
              {t('projects.columns.vacancies')}
            </th>
            <th scope="col" className="table__number">
              {t('projects.columns.hires')}
            </th>
            <th scope="col" className="table__number">
              {t('projects.columns.created')}
            </th>
            <th scope="col" className="table__number">
              {t('projects.columns.percent')}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows
            .filter((r) => r.projects > 0)
            .map((r) => (
              <tr key={r.regionCode} data-region={r.regionCode}>
                <th scope="row">
                  <Link to={`/regions/${r.regionCode}`}>{names.get(r.regionCode) ?? r.regionCode}</Link>
                </th>
                <td className="table__number">{n(r.projects)}</td>
                <td className="table__number">{n(r.inTender)}</td>
                <td className="table__number">{n(r.planned)}</td>
                <td className="table__number">{n(r.vacancies)}</td>
                <td className="table__number">{n(r.hires)}</td>
                <td className="table__number" data-testid="created">
                  {n(r.created)}
                </td>
                <td className="table__number">{formatNumber(r.percent, language)} %</td>
              </tr>
            ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">{t('projects.total')}</th>
            <td className="table__number">{n(total.projects)}</td>
            <td className="table__number">{n(total.inTender)}</td>
            <td className="table__number">{n(total.planned)}</td>
            <td className="table__number">{n(total.vacancies)}</td>
            <td className="table__number">{n(total.hires)}</td>
            <td className="table__number">{n(total.created)}</td>
            <td className="table__number">{formatNumber(total.percent, language)} %</td>
          </tr>
        </tfoot>
      </table>
    </div>
  )
}

function RegionProjects({ code, year, name }: { code: string; year: number; name: string; regions: Region[] }) {
  const { t } = useTranslation()
  const language = currentLanguage()
  const [offset, setOffset] = useState(0)
  const drill = useRegionProjects(code, year, offset)
  const n = (value: number) => formatNumber(value, language)
  return (
    <section className="card" aria-labelledby="region-projects-heading" data-testid="region-projects">
      <h2 id="region-projects-heading">{t('projects.map.regionHeading', { region: name, year })}</h2>
      <Downloads path={`/api/projects/map/regions/${code}`} params={{ year }} label={name} />
      {drill.isError ? (
        <ErrorPanel error={drill.error} onRetry={() => void drill.refetch()} />
      ) : drill.isPending ? (
        <LoadingPanel />
      ) : drill.data.projects.length === 0 ? (
        <p className="notice">{t('projects.map.noProjects')}</p>
      ) : (
        <>
          <DrillDownPager page={drill.data} onOffset={setOffset} />
          {drill.data.projects.map((p) => (
            <div key={p.id} className="projects-drill">
              <h3>
                {p.title} <span className="hint">({t(`projects.tenderState.${p.tenderState}`)})</span>
              </h3>
              <p className="hint">
                {t('projects.map.projectLine', {
                  planned: n(p.plannedPermanent + p.plannedTemporary),
                  created: n(p.createdPermanent + p.createdTemporary),
                  contractor: p.contractorName ?? t('projects.noContractor'),
                })}
              </p>
              {p.vacancyList.length === 0 ? (
                <p className="hint">{t('projects.map.noVacancies')}</p>
              ) : (
                <div className="table-wrap">
                  <table className="table">
                    <caption>{t('projects.vacancies.caption', { project: p.title })}</caption>
                    <thead>
                      <tr>
                        <th scope="col">{t('projects.vacancies.title')}</th>
                        <th scope="col">{t('projects.vacancies.occupation')}</th>
                        <th scope="col" className="table__number">
                          {t('projects.vacancies.positions')}
                        </th>
                        <th scope="col" className="table__number">
                          {t('projects.vacancies.applications')}
                        </th>
                        <th scope="col" className="table__number">
                          {t('projects.vacancies.hires')}
                        </th>
                      </tr>
                    </thead>
                    <tbody>
                      {p.vacancyList.map((v) => (
                        <tr key={v.vacancyId}>
                          <th scope="row">
                            <a href={`/vacancies/${v.vacancyId}`}>{v.title}</a>
                          </th>
                          <td>{v.occupationCode}</td>
                          <td className="table__number">{n(v.positions)}</td>
                          <td className="table__number">{n(v.applications)}</td>
                          <td className="table__number">{n(v.hires)}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
              )}
            </div>
          ))}
          <DrillDownPager page={drill.data} onOffset={setOffset} />
        </>
      )}
    </section>
  )
}

/** "Projects 26–50 of 250" with previous/next buttons; nothing when one page holds them all. */
function DrillDownPager({
  page,
  onOffset,
}: {
  page: { total: number; offset: number; limit: number; projects: unknown[] }
  onOffset: (offset: number) => void
}) {
  const { t } = useTranslation()
  const language = currentLanguage()
  if (page.total <= page.limit && page.offset === 0) return null
  const n = (value: number) => formatNumber(value, language)
  return (
    <nav className="projects-pager" aria-label={t('projects.map.pages')}>
      <button
        type="button"
        className="button button--secondary"
        disabled={page.offset === 0}
        onClick={() => onOffset(Math.max(0, page.offset - page.limit))}
      >
        {t('projects.map.previous')}
      </button>
      <span aria-live="polite">
        {t('projects.map.pageOf', {
          from: n(page.offset + 1),
          to: n(page.offset + page.projects.length),
          total: n(page.total),
        })}
      </span>
      <button
        type="button"
        className="button button--secondary"
        disabled={page.offset + page.limit >= page.total}
        onClick={() => onOffset(page.offset + page.limit)}
      >
        {t('projects.map.next')}
      </button>
    </nav>
  )
}
