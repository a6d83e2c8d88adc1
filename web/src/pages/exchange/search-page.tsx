import { type FormEvent, useEffect, useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useLocation, useSearchParams } from 'react-router'
import { useSession } from '../../api/auth'
import {
  type AlertFrequency,
  type EmploymentType,
  employmentTypes,
  occupationMajors,
  type SavedSearchParams,
  type SearchResult,
  type SearchSort,
  useCreateSavedSearch,
  useVacancySearch,
  type VacancySummary,
} from '../../api/exchange'
import { regionName, useRegions } from '../../api/reference'
import { currentLanguage } from '../../i18n'
import { formatDate, formatNumber } from '../../i18n/format'
import { PageHeading } from '../../layout/page-heading'
import { ErrorPanel, LoadingPanel } from '../../layout/status-panels'
import { useDocumentTitle } from '../../layout/use-document-title'
import type { LoginState } from '../../session/require-session'
import { formatWage } from './format'
import { SearchBox } from './search-box'
import {
  apiQuery,
  daysAgo,
  hasFilters,
  MAX_PAGE,
  PAGE_SIZE,
  readPage,
  readSavedParams,
  readSort,
  writeParams,
} from './search-params'

const postedWithin = [1, 3, 7, 30] as const

/** Public vacancy search: no sign-in needed; the address holds the whole search, so it can be shared. */
export function SearchPage() {
  const { t } = useTranslation()
  useDocumentTitle(t('exchange.search.title'))
  const [url, setUrl] = useSearchParams()
  const params = readSavedParams(url)
  const sort = readSort(url)
  const page = readPage(url)
  const search = useVacancySearch(apiQuery(url))

  /** A new search or filter starts again at page 1; the sort is kept. */
  function update(next: SavedSearchParams) {
    setUrl(writeParams(next, sort ? { sort } : {}))
  }

  return (
    <div className="exchange-search">
      <PageHeading lead={t('exchange.search.lead')}>{t('exchange.search.title')}</PageHeading>
      <SearchBox
        query={params.q ?? ''}
        onSearch={(q) => update({ ...params, q: q || undefined })}
        onPickOccupation={(code) => update({ ...params, q: undefined, occupation: [code] })}
      />
      <div className="exchange-search__body">
        <Filters params={params} result={search.data} onChange={update} />
        <section className="exchange-search__results" aria-labelledby="results-heading" aria-busy={search.isFetching}>
          <h2 id="results-heading" className="visually-hidden">
            {t('exchange.search.resultsHeading')}
          </h2>
          {search.isPending ? (
            <LoadingPanel />
          ) : search.isError ? (
            <ErrorPanel error={search.error} onRetry={() => void search.refetch()} />
          ) : (
            <Results
              result={search.data}
              params={params}
              sort={sort}
              page={page}
              onChange={update}
              onSort={(next) => setUrl(writeParams(params, { sort: next }))}
            />
          )}
          <SaveSearch params={params} />
        </section>
      </div>
    </div>
  )
}

function Results({
  result,
  params,
  sort,
  page,
  onChange,
  onSort,
}: {
  result: SearchResult
  params: SavedSearchParams
  sort: SearchSort | undefined
  page: number
  onChange: (next: SavedSearchParams) => void
  onSort: (sort: SearchSort) => void
}) {
  const { t } = useTranslation()
  const language = currentLanguage()
  const sortId = useId()
  // Relevance means nothing without words; the API then orders by date, and so does the menu.
  const effectiveSort =
    sort === undefined || (sort === 'relevance' && !params.q) ? (params.q ? 'relevance' : 'date') : sort

  return (
    <>
      <div className="exchange-search__summary">
        <p className="exchange-search__count" role="status">
          {t('exchange.search.found', { n: formatNumber(result.total, language) })}
        </p>
        {result.total > 0 && (
          <div className="field field--inline">
            <label className="field__label" htmlFor={sortId}>
              {t('exchange.search.sort')}
            </label>
            <select
              id={sortId}
              className="field__input field__select"
              value={effectiveSort}
              onChange={(event) => onSort(event.target.value as SearchSort)}
            >
              {params.q && <option value="relevance">{t('exchange.search.sortBy.relevance')}</option>}
              <option value="date">{t('exchange.search.sortBy.date')}</option>
              <option value="wage">{t('exchange.search.sortBy.wage')}</option>
            </select>
          </div>
        )}
      </div>

      {result.matchedBy === 'fuzzy' && params.q && result.total > 0 && (
        <div className="notice exchange-search__correction">
          {result.correctedQuery ? (
            <p>
              {t('exchange.search.showingFor')} <strong>{result.correctedQuery}</strong>. {t('exchange.search.noneFor')}{' '}
              <q>{params.q}</q>.
            </p>
          ) : (
            <p>
              {t('exchange.search.similarFor')} <q>{params.q}</q>.
            </p>
          )}
          {result.correctedQuery && (
            <button
              type="button"
              className="button button--secondary"
              onClick={() => onChange({ ...params, q: result.correctedQuery })}
            >
              {t('exchange.search.searchInstead', { q: result.correctedQuery })}
            </button>
          )}
        </div>
      )}

      {result.total === 0 ? (
        <EmptyState params={params} onChange={onChange} />
      ) : (
        <>
          <ol className="vacancy-list">
            {result.items.map((vacancy) => (
              <VacancyCard key={vacancy.id} vacancy={vacancy} />
            ))}
          </ol>
          <Pager total={result.total} page={page} />
        </>
      )}
    </>
  )
}

function EmptyState({ params, onChange }: { params: SavedSearchParams; onChange: (next: SavedSearchParams) => void }) {
  const { t } = useTranslation()
  return (
    <div className="notice exchange-search__empty">
      <h3 className="notice__title">{t('exchange.search.emptyTitle')}</h3>
      <ul className="notice__list">
        {params.q && <li>{t('exchange.search.emptyWords')}</li>}
        {hasFilters(params) && <li>{t('exchange.search.emptyFilters')}</li>}
        <li>{t('exchange.search.emptyAlert')}</li>
      </ul>
      {hasFilters(params) && (
        <button type="button" className="button button--secondary" onClick={() => onChange({ q: params.q })}>
          {t('exchange.search.clearFilters')}
        </button>
      )}
    </div>
  )
}

export function VacancyCard({ vacancy }: { vacancy: VacancySummary }) {
  const { t } = useTranslation()
  const language = currentLanguage()
  const regions = useRegions()
  const region = regions.data?.find((item) => item.code === vacancy.regionCode)
  return (
    <li className="vacancy-card">
      <h3 className="vacancy-card__title">
        <Link to={`/vacancies/${vacancy.id}`}>{vacancy.title}</Link>
      </h3>
      <p className="vacancy-card__employer">{vacancy.employerName}</p>
      <p className="vacancy-card__wage">
        <span className="visually-hidden">{t('exchange.vacancy.wage')}: </span>
        {formatWage(vacancy.wageMin, vacancy.wageMax, language)}
        <span className="vacancy-card__per">{t('exchange.vacancy.perMonth')}</span>
      </p>
      <ul className="vacancy-card__tags">
        <li>{region ? regionName(region, language) : vacancy.regionCode}</li>
        <li>{t(`exchange.employmentType.${vacancy.employmentType}`)}</li>
        <li>
          {vacancy.experienceYears === 0
            ? t('exchange.vacancy.noExperience')
            : t('exchange.vacancy.experienceYears', { n: vacancy.experienceYears })}
        </li>
        <li>{t('exchange.vacancy.postedOn', { date: formatDate(vacancy.publishedAt, language) })}</li>
      </ul>
    </li>
  )
}

/** Page links, not buttons: every page of results has its own address. */
function Pager({ total, page }: { total: number; page: number }) {
  const { t } = useTranslation()
  const [url] = useSearchParams()
  const last = Math.min(Math.ceil(total / PAGE_SIZE), MAX_PAGE)
  if (last <= 1) return null
  const hrefFor = (target: number) => {
    const next = new URLSearchParams(url)
    if (target <= 1) next.delete('page')
    else next.set('page', String(target))
    return `?${next}`
  }
  const pages = [...new Set([1, page - 2, page - 1, page, page + 1, page + 2, last])]
    .filter((n) => n >= 1 && n <= last)
    .sort((a, b) => a - b)

  return (
    <nav className="pager" aria-label={t('exchange.search.pages')}>
      <ul className="pager__list">
        {page > 1 && (
          <li>
            <Link className="pager__link" to={hrefFor(page - 1)} rel="prev">
              {t('exchange.search.previous')}
            </Link>
          </li>
        )}
        {pages.map((n, index) => (
          <li key={n}>
            {index > 0 && n - (pages[index - 1] ?? n) > 1 && <span className="pager__gap">…</span>}
            <Link
              className="pager__link"
              to={hrefFor(n)}
              aria-current={n === page ? 'page' : undefined}
              aria-label={t('exchange.search.pageN', { n })}
            >
              {n}
            </Link>
          </li>
        ))}
        {page < last && (
          <li>
            <Link className="pager__link" to={hrefFor(page + 1)} rel="next">
              {t('exchange.search.next')}
            </Link>
          </li>
        )}
      </ul>
      {total > MAX_PAGE * PAGE_SIZE && <p className="hint">{t('exchange.search.narrowDown')}</p>}
    </nav>
  )
}

function Filters({
  params,
  result,
  onChange,
}: {
  params: SavedSearchParams
  result: SearchResult | undefined
  onChange: (next: SavedSearchParams) => void
}) {
  const { t } = useTranslation()
  const language = currentLanguage()
  const regions = useRegions()
  const facets = result?.facets
  const [wage, setWage] = useState(params.wage_min === undefined ? '' : String(params.wage_min))
  useEffect(() => setWage(params.wage_min === undefined ? '' : String(params.wage_min)), [params.wage_min])

  function toggle<K extends 'region' | 'occupation' | 'employment_type'>(key: K, value: string, on: boolean) {
    const current = (params[key] ?? []) as string[]
    const next = on ? [...current, value] : current.filter((item) => item !== value)
    onChange({ ...params, [key]: next.length > 0 ? next : undefined })
  }

  function submitWage(event?: FormEvent) {
    event?.preventDefault()
    const digits = wage.replace(/\D/g, '')
    const value = digits ? Number(digits) : undefined
    if (value !== params.wage_min) onChange({ ...params, wage_min: value })
  }

  const regionOptions = (regions.data ?? [])
    .map((region) => ({
      code: region.code,
      label: regionName(region, language),
      count: facets?.region[region.code] ?? 0,
    }))
    .filter((option) => option.count > 0 || params.region?.includes(option.code))
    .sort((a, b) => b.count - a.count || a.label.localeCompare(b.label))

  // Occupation filters picked from the typeahead are finer than the major groups listed here; they are shown so
  // they can be removed.
  const fineOccupations = (params.occupation ?? []).filter(
    (code) => !(occupationMajors as readonly string[]).includes(code),
  )
  const sinceOption = postedWithin.find((days) => daysAgo(days) === params.posted_since)

  return (
    <aside className="exchange-filters" aria-labelledby="filters-heading">
      <h2 id="filters-heading" className="exchange-filters__heading">
        {t('exchange.filters.heading')}
      </h2>
      {hasFilters(params) && (
        <button type="button" className="button button--secondary" onClick={() => onChange({ q: params.q })}>
          {t('exchange.search.clearFilters')}
        </button>
      )}

      <form className="exchange-filters__wage" onSubmit={submitWage}>
        <label className="field__label" htmlFor="filter-wage">
          {t('exchange.filters.wageMin')}
        </label>
        <p className="field__hint" id="filter-wage-hint">
          {t('exchange.filters.wageMinHint')}
        </p>
        <div className="exchange-filters__inline">
          <input
            id="filter-wage"
            className="field__input"
            inputMode="numeric"
            autoComplete="off"
            aria-describedby="filter-wage-hint"
            value={wage}
            onChange={(event) => setWage(event.target.value)}
            onBlur={() => submitWage()}
          />
          <button type="submit" className="button button--secondary">
            {t('exchange.filters.apply')}
          </button>
        </div>
      </form>

      <fieldset className="facet">
        <legend>{t('exchange.filters.conditions')}</legend>
        <Check
          label={t('exchange.filters.noExperience')}
          checked={params.no_experience === true}
          onChange={(on) => onChange({ ...params, no_experience: on || undefined })}
        />
        <Check
          label={t('exchange.filters.remote')}
          checked={params.remote === true}
          onChange={(on) => onChange({ ...params, remote: on || undefined })}
        />
      </fieldset>

      <fieldset className="facet">
        <legend>{t('exchange.filters.employmentType')}</legend>
        {employmentTypes
          .filter((type) => (facets?.employment_type[type] ?? 0) > 0 || params.employment_type?.includes(type))
          .map((type: EmploymentType) => (
            <Check
              key={type}
              label={t(`exchange.employmentType.${type}`)}
              count={facets?.employment_type[type] ?? 0}
              checked={params.employment_type?.includes(type) ?? false}
              onChange={(on) => toggle('employment_type', type, on)}
            />
          ))}
      </fieldset>

      <fieldset className="facet">
        <legend>{t('exchange.filters.region')}</legend>
        {regionOptions.length === 0 && <p className="hint">{t('exchange.filters.none')}</p>}
        {regionOptions.map((option) => (
          <Check
            key={option.code}
            label={option.label}
            count={option.count}
            checked={params.region?.includes(option.code) ?? false}
            onChange={(on) => toggle('region', option.code, on)}
          />
        ))}
      </fieldset>

      <fieldset className="facet">
        <legend>{t('exchange.filters.occupation')}</legend>
        {fineOccupations.map((code) => (
          <Check
            key={code}
            label={t('exchange.filters.occupationCode', { code })}
            checked
            onChange={() => toggle('occupation', code, false)}
          />
        ))}
        {occupationMajors
          .filter((major) => (facets?.occupation_major[major] ?? 0) > 0 || params.occupation?.includes(major))
          .map((major) => (
            <Check
              key={major}
              label={t(`exchange.occupationMajor.${major}`)}
              count={facets?.occupation_major[major] ?? 0}
              checked={params.occupation?.includes(major) ?? false}
              onChange={(on) => toggle('occupation', major, on)}
            />
          ))}
      </fieldset>

      <div className="field">
        <label className="field__label" htmlFor="filter-since">
          {t('exchange.filters.postedSince')}
        </label>
        <select
          id="filter-since"
          className="field__input field__select"
          value={sinceOption === undefined ? (params.posted_since ?? '') : String(sinceOption)}
          onChange={(event) => {
            const value = event.target.value
            const posted_since = /^\d+$/.test(value) ? daysAgo(Number(value)) : value || undefined
            onChange({ ...params, posted_since })
          }}
        >
          <option value="">{t('exchange.filters.anyTime')}</option>
          {postedWithin.map((days) => (
            <option key={days} value={String(days)}>
              {t('exchange.filters.lastDays', { n: days })}
            </option>
          ))}
          {params.posted_since && sinceOption === undefined && (
            <option value={params.posted_since}>
              {t('exchange.filters.sinceDate', { date: formatDate(params.posted_since, language) })}
            </option>
          )}
        </select>
      </div>
    </aside>
  )
}

function Check({
  label,
  count,
  checked,
  onChange,
}: {
  label: string
  count?: number
  checked: boolean
  onChange: (on: boolean) => void
}) {
  const language = currentLanguage()
  // The box follows the address, which React Router updates in a transition; until that lands, the click shows.
  // The click is remembered with the state it was made from.
  const [pending, setPending] = useState<{ from: boolean; to: boolean } | null>(null)
  // Once the address has moved on (this click, the back button, a link), the remembered click is spent.
  if (pending !== null && pending.from !== checked) setPending(null)
  return (
    <label className="facet__option">
      <input
        type="checkbox"
        checked={pending?.from === checked ? pending.to : checked}
        onChange={(event) => {
          setPending({ from: checked, to: event.target.checked })
          onChange(event.target.checked)
        }}
      />
      <span className="facet__label">{label}</span>
      {count !== undefined && <span className="facet__count">{formatNumber(count, language)}</span>}
    </label>
  )
}

/** Saving the current search as an alert: citizens only; a visitor is offered to sign in and come back. */
function SaveSearch({ params }: { params: SavedSearchParams }) {
  const { t } = useTranslation()
  const session = useSession()
  const location = useLocation()
  const create = useCreateSavedSearch()
  const [isOpen, setIsOpen] = useState(false)
  const [name, setName] = useState('')
  const [frequency, setFrequency] = useState<AlertFrequency>('daily')
  const [isNameMissing, setIsNameMissing] = useState(false)
  const account = session.data

  if (session.isPending || (account && account.role !== 'citizen')) return null
  if (!account) {
    const state: LoginState = { from: location.pathname + location.search }
    return (
      <section className="card card--quiet save-search" aria-labelledby="save-search-heading">
        <h2 id="save-search-heading">{t('exchange.alerts.saveHeading')}</h2>
        <p>{t('exchange.alerts.signInToSave')}</p>
        <Link className="button button--secondary" to="/login" state={state}>
          {t('exchange.signIn')}
        </Link>
      </section>
    )
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    const trimmed = name.trim()
    setIsNameMissing(!trimmed)
    if (!trimmed) return
    create.mutate({ name: trimmed, params, frequency }, { onSuccess: () => setIsOpen(false) })
  }

  return (
    <section className="card card--quiet save-search" aria-labelledby="save-search-heading">
      <h2 id="save-search-heading">{t('exchange.alerts.saveHeading')}</h2>
      {create.isSuccess && !isOpen && (
        <p className="notice notice--success" role="status">
          {t('exchange.alerts.saved', { name: create.data.name })}{' '}
          <Link to="/alerts">{t('exchange.alerts.seeAll')}</Link>
        </p>
      )}
      {!isOpen ? (
        <>
          <p>{t('exchange.alerts.saveLead')}</p>
          <button
            type="button"
            className="button button--secondary"
            onClick={() => {
              create.reset()
              setName(params.q ?? '')
              setIsOpen(true)
            }}
          >
            {t('exchange.alerts.saveButton')}
          </button>
        </>
      ) : (
        <form className="form" onSubmit={submit} noValidate>
          {create.isError && (
            <p className="notice notice--error" role="alert">
              {create.error.message}
            </p>
          )}
          <div className="field">
            <label className="field__label" htmlFor="alert-name">
              {t('exchange.alerts.name')}
            </label>
            {isNameMissing && (
              <p className="field__error" id="alert-name-error">
                {t('exchange.alerts.nameMissing')}
              </p>
            )}
            <input
              id="alert-name"
              className="field__input"
              maxLength={100}
              aria-invalid={isNameMissing}
              aria-describedby={isNameMissing ? 'alert-name-error' : undefined}
              value={name}
              onChange={(event) => setName(event.target.value)}
            />
          </div>
          <fieldset className="choice">
            <legend className="field__label">{t('exchange.alerts.frequency')}</legend>
            {(['instant', 'daily'] as const).map((option) => (
              <label key={option} className="choice__option">
                <input
                  type="radio"
                  name="alert-frequency"
                  value={option}
                  checked={frequency === option}
                  onChange={() => setFrequency(option)}
                />
                {t(`exchange.alerts.frequencies.${option}`)}
              </label>
            ))}
          </fieldset>
          <div className="form__buttons">
            <button type="submit" className="button" disabled={create.isPending}>
              {create.isPending ? t('exchange.saving') : t('exchange.alerts.saveSubmit')}
            </button>
            <button type="button" className="button button--secondary" onClick={() => setIsOpen(false)}>
              {t('exchange.cancel')}
            </button>
          </div>
        </form>
      )}
    </section>
  )
}
