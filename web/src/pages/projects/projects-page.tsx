import { type FormEvent, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useNavigate, useParams } from 'react-router'
import { ApiError } from '../../api/client'
import {
  type ProjectAction,
  type ProjectDetail,
  type ProjectFilters,
  type ProjectInput,
  type Sector,
  sectors,
  type TenderState,
  tenderStates,
  useNationalProgrammes,
  useProject,
  useProjects,
  useSaveProject,
} from '../../api/projects'
import { localName, useRegions } from '../../api/reference'
import { currentLanguage } from '../../i18n'
import { formatDate, formatNumber } from '../../i18n/format'
import { PageHeading } from '../../layout/page-heading'
import { ErrorPanel, LoadingPanel } from '../../layout/status-panels'
import { useDocumentTitle } from '../../layout/use-document-title'
import { useAccount } from '../../session/require-session'
import { Downloads } from './downloads'

/** The project list: national for analysts, the region's for managers, with the lists that need action. */
export function ProjectsPage() {
  const { t } = useTranslation()
  const language = currentLanguage()
  const account = useAccount()
  const isManager = account.role === 'manager'
  const [filters, setFilters] = useState<ProjectFilters>({})
  const projects = useProjects(filters)
  const regions = useRegions()
  const names = new Map((regions.data ?? []).map((r) => [r.code, localName(r, language)]))
  const title = t('projects.list.title')
  useDocumentTitle(title)
  const set = (patch: Partial<ProjectFilters>) => setFilters((current) => ({ ...current, ...patch }))
  const n = (value: number) => formatNumber(value, language)

  return (
    <div>
      <PageHeading lead={isManager ? t('projects.list.leadManager') : t('projects.list.leadNational')}>
        {title}
      </PageHeading>
      {isManager && (
        <p>
          <Link className="button" to="/projects/new">
            {t('projects.form.new')}
          </Link>
        </p>
      )}
      <form className="form form--row" aria-label={t('projects.list.filters')} onSubmit={(e) => e.preventDefault()}>
        {!isManager && (
          <div className="field">
            <label className="field__label" htmlFor="filter-region">
              {t('projects.columns.region')}
            </label>
            <select
              id="filter-region"
              className="field__input field__select"
              value={filters.region ?? ''}
              onChange={(e) => set({ region: e.target.value || undefined })}
            >
              <option value="">{t('projects.all')}</option>
              {(regions.data ?? []).map((r) => (
                <option key={r.code} value={r.code}>
                  {localName(r, language)}
                </option>
              ))}
            </select>
          </div>
        )}
        <div className="field">
          <label className="field__label" htmlFor="filter-state">
            {t('projects.columns.tenderState')}
          </label>
          <select
            id="filter-state"
            className="field__input field__select"
            value={filters.state ?? ''}
            onChange={(e) => set({ state: (e.target.value || undefined) as TenderState | undefined })}
          >
            <option value="">{t('projects.all')}</option>
            {tenderStates.map((s) => (
              <option key={s} value={s}>
                {t(`projects.tenderState.${s}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label className="field__label" htmlFor="filter-action">
            {t('projects.list.action')}
          </label>
          <select
            id="filter-action"
            className="field__input field__select"
            value={filters.action ?? ''}
            onChange={(e) => set({ action: (e.target.value || undefined) as ProjectAction | undefined })}
          >
            <option value="">{t('projects.all')}</option>
            <option value="needs_contractor">{t('projects.list.needsContractor')}</option>
            <option value="no_vacancies">{t('projects.list.noVacancies')}</option>
          </select>
        </div>
        <div className="field">
          <label className="field__label" htmlFor="filter-q">
            {t('projects.list.search')}
          </label>
          <input
            id="filter-q"
            className="field__input"
            value={filters.q ?? ''}
            onChange={(e) => set({ q: e.target.value || undefined })}
          />
        </div>
      </form>
      <Downloads path="/api/projects" params={{ ...filters }} label={title} />
      {projects.isError ? (
        <ErrorPanel error={projects.error} onRetry={() => void projects.refetch()} />
      ) : projects.isPending ? (
        <LoadingPanel />
      ) : projects.data.length === 0 ? (
        <p className="notice">{t('projects.list.empty')}</p>
      ) : (
        <div className="table-wrap">
          <table className="table" data-testid="project-list">
            <caption>{t('projects.list.caption', { count: projects.data.length })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('projects.columns.title')}</th>
                <th scope="col">{t('projects.columns.region')}</th>
                <th scope="col">{t('projects.columns.tenderState')}</th>
                <th scope="col">{t('projects.columns.contractor')}</th>
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
              </tr>
            </thead>
            <tbody>
              {projects.data.map((p) => (
                <tr key={p.id}>
                  <th scope="row">
                    <Link to={`/projects/${p.id}`}>{p.title}</Link>
                  </th>
                  <td>{names.get(p.regionCode) ?? p.regionCode}</td>
                  <td>{t(`projects.tenderState.${p.tenderState}`)}</td>
                  <td>{p.contractorName ?? t('projects.noContractor')}</td>
                  <td className="table__number">{n(p.plannedPermanent + p.plannedTemporary)}</td>
                  <td className="table__number">{n(p.vacancies)}</td>
                  <td className="table__number">{n(p.hires)}</td>
                  <td className="table__number">{n(p.createdPermanent + p.createdTemporary)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  )
}

/** One project: its figures and vacancies; managers (and admins) edit it here. */
export function ProjectPage() {
  const { t } = useTranslation()
  const language = currentLanguage()
  const account = useAccount()
  const { id } = useParams()
  const projectId = id === 'new' ? null : Number(id)
  const project = useProject(projectId)
  const canEdit = account.role === 'manager' || account.role === 'admin'
  const title = projectId === null ? t('projects.form.new') : (project.data?.title ?? t('projects.list.title'))
  useDocumentTitle(title)
  if (projectId !== null && project.isError) return <ErrorPanel error={project.error} />
  if (projectId !== null && project.isPending) return <LoadingPanel />
  const n = (value: number) => formatNumber(value, language)
  return (
    <div>
      <PageHeading>{title}</PageHeading>
      {project.data && (
        <section className="card" aria-labelledby="project-vacancies-heading">
          <h2 id="project-vacancies-heading">{t('projects.vacancies.heading')}</h2>
          <p className="hint">
            {t('projects.map.projectLine', {
              planned: n(project.data.plannedPermanent + project.data.plannedTemporary),
              created: n(project.data.createdPermanent + project.data.createdTemporary),
              contractor: project.data.contractorName ?? t('projects.noContractor'),
            })}
          </p>
          <Downloads
            path={`/api/projects/${project.data.id}/vacancies`}
            params={{}}
            label={t('projects.vacancies.heading')}
          />
          {project.data.vacancyList.length === 0 ? (
            <p className="notice">{t('projects.map.noVacancies')}</p>
          ) : (
            <div className="table-wrap">
              <table className="table">
                <caption>{t('projects.vacancies.caption', { project: project.data.title })}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('projects.vacancies.title')}</th>
                    <th scope="col">{t('projects.vacancies.published')}</th>
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
                  {project.data.vacancyList.map((v) => (
                    <tr key={v.vacancyId}>
                      <th scope="row">{v.title}</th>
                      <td>{v.publishedAt ? formatDate(v.publishedAt, language) : '—'}</td>
                      <td className="table__number">{n(v.positions)}</td>
                      <td className="table__number">{n(v.applications)}</td>
                      <td className="table__number">{n(v.hires)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </section>
      )}
      {canEdit && <ProjectForm project={project.data ?? null} regionCode={account.regionCode} />}
    </div>
  )
}

const year = new Date().getFullYear()

function toInput(project: ProjectDetail | null, regionCode: string | null): Record<string, string> {
  const plan = project?.plannedJobs.find((p) => p.year === year)
  return {
    programmeId: String(project?.programmeId ?? ''),
    title: project?.title ?? '',
    regionCode: project?.regionCode ?? regionCode ?? '',
    districtCode: project?.districtCode ?? '',
    sector: project?.sector ?? 'industry',
    investment: String(project?.investment ?? ''),
    tenderState: project?.tenderState ?? 'in_tender',
    contractorBin: project?.contractorBin ?? '',
    startsOn: project?.startsOn ?? `${year}-01-01`,
    endsOn: project?.endsOn ?? `${year}-12-31`,
    permanent: String(plan?.permanent ?? 0),
    temporary: String(plan?.temporary ?? 0),
  }
}

function ProjectForm({ project, regionCode }: { project: ProjectDetail | null; regionCode: string | null }) {
  const { t } = useTranslation()
  const language = currentLanguage()
  const navigate = useNavigate()
  const programmes = useNationalProgrammes()
  const regions = useRegions()
  const save = useSaveProject(project?.id ?? null)
  const [values, setValues] = useState(() => toInput(project, regionCode))
  const set = (name: string) => (e: { target: { value: string } }) =>
    setValues((v) => ({ ...v, [name]: e.target.value }))
  const error = save.error instanceof ApiError ? save.error : null
  const errorField = (error?.details as { field?: string } | undefined)?.field ?? ''
  const invalid = (name: string) =>
    errorField === name || (errorField.startsWith(`plannedJobs`) && ['permanent', 'temporary'].includes(name))

  const submit = (event: FormEvent) => {
    event.preventDefault()
    // Other years of the plan are kept as they are; this form edits this year's line.
    const others = (project?.plannedJobs ?? []).filter((p) => p.year !== year)
    const input: ProjectInput = {
      programmeId: Number(values.programmeId),
      title: values.title ?? '',
      regionCode: values.regionCode ?? '',
      districtCode: values.districtCode || null,
      sector: values.sector as Sector,
      investment: Number(values.investment || 0),
      tenderState: values.tenderState as TenderState,
      contractorBin: values.contractorBin || null,
      startsOn: values.startsOn ?? '',
      endsOn: values.endsOn ?? '',
      plannedJobs: [...others, { year, permanent: Number(values.permanent), temporary: Number(values.temporary) }],
    }
    save.mutate(input, { onSuccess: (saved) => navigate(`/projects/${saved.id}`) })
  }

  const field = (name: string, label: string, input: React.ReactNode) => (
    <div className="field" key={name}>
      <label className="field__label" htmlFor={`project-${name}`}>
        {label}
      </label>
      {input}
    </div>
  )
  const text = (name: string, type = 'text') => (
    <input
      id={`project-${name}`}
      className="field__input"
      type={type}
      value={values[name] ?? ''}
      onChange={set(name)}
      aria-invalid={invalid(name) || undefined}
      aria-describedby={invalid(name) ? 'project-error' : undefined}
    />
  )

  return (
    <section className="card" aria-labelledby="project-form-heading">
      <h2 id="project-form-heading">{project ? t('projects.form.edit') : t('projects.form.new')}</h2>
      {error && (
        <div className="notice notice--error" role="alert" id="project-error">
          <p>{error.message}</p>
        </div>
      )}
      <form className="form" onSubmit={submit}>
        {field(
          'programmeId',
          t('projects.form.programme'),
          <select
            id="project-programmeId"
            className="field__input field__select"
            value={values.programmeId}
            onChange={set('programmeId')}
            required
          >
            <option value="" />
            {(programmes.data ?? []).map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>,
        )}
        {field('title', t('projects.columns.title'), text('title'))}
        {field(
          'regionCode',
          t('projects.columns.region'),
          <select
            id="project-regionCode"
            className="field__input field__select"
            value={values.regionCode}
            onChange={set('regionCode')}
            disabled={regionCode !== null}
          >
            {(regions.data ?? []).map((r) => (
              <option key={r.code} value={r.code}>
                {localName(r, language)}
              </option>
            ))}
          </select>,
        )}
        {field('districtCode', t('projects.form.district'), text('districtCode'))}
        {field(
          'sector',
          t('projects.form.sector'),
          <select
            id="project-sector"
            className="field__input field__select"
            value={values.sector}
            onChange={set('sector')}
          >
            {sectors.map((s) => (
              <option key={s} value={s}>
                {t(`projects.sector.${s}`)}
              </option>
            ))}
          </select>,
        )}
        {field('investment', t('projects.form.investment'), text('investment', 'number'))}
        {field(
          'tenderState',
          t('projects.columns.tenderState'),
          <select
            id="project-tenderState"
            className="field__input field__select"
            value={values.tenderState}
            onChange={set('tenderState')}
          >
            {tenderStates.map((s) => (
              <option key={s} value={s}>
                {t(`projects.tenderState.${s}`)}
              </option>
            ))}
          </select>,
        )}
        {field('contractorBin', t('projects.form.contractorBin'), text('contractorBin'))}
        {field('startsOn', t('projects.form.startsOn'), text('startsOn', 'date'))}
        {field('endsOn', t('projects.form.endsOn'), text('endsOn', 'date'))}
        {field('permanent', t('projects.form.permanent', { year }), text('permanent', 'number'))}
        {field('temporary', t('projects.form.temporary', { year }), text('temporary', 'number'))}
        <div className="form__actions">
          <button type="submit" className="button" disabled={save.isPending}>
            {t('projects.form.save')}
          </button>
        </div>
      </form>
    </section>
  )
}
