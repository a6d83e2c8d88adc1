import type { Db } from '../../db/client.js'
import { listOccupations } from '../reference/index.js'
import { parseQuery } from './search.query.js'
import * as repo from './search.repository.js'
import type { SearchQuery, SearchResult, SuggestResult, VacancySummary } from './search.schema.js'
import type { SearchIndex } from './search-index.service.js'

// How alike a title's words must be to a mistyped query (pg_trgm word similarity; its default 0.6 misses one wrong
// letter in a ten-letter word such as "кансультант"). Trigrams cannot rescue very short words ("пвар" ~ "повар" is 0.4).
const FUZZY_THRESHOLD = 0.5

function toSummary(r: repo.SummaryRow): VacancySummary {
  return {
    id: r.id,
    title: r.title,
    employerName: r.employer_name,
    occupationCode: r.occupation_code,
    regionCode: r.region_code,
    districtCode: r.district_code,
    katoCode: r.kato_code,
    wageMin: r.wage_min,
    wageMax: r.wage_max,
    employmentType: r.employment_type,
    schedule: r.schedule,
    experienceYears: r.experience_years,
    positions: r.positions,
    positionsFilled: r.positions_filled,
    projectId: r.project_id,
    fairId: r.fair_id,
    publishedAt: typeof r.published_at === 'string' ? r.published_at : r.published_at.toISOString(),
    expiresAt: typeof r.expires_at === 'string' ? r.expires_at : r.expires_at.toISOString(),
  }
}

function toFacets(rows: repo.FacetRow[]): { total: number; facets: SearchResult['facets'] } {
  const facets: SearchResult['facets'] = { region: {}, employment_type: {}, occupation_major: {} }
  let total = 0
  for (const r of rows) {
    // GROUPING() bits, left to right: region, employment type, occupation; a set bit = not grouped by it.
    if (r.grouping === 0b111) total = r.total
    else if (r.grouping === 0b011 && r.region_code !== null && r.for_region > 0)
      facets.region[r.region_code] = r.for_region
    else if (r.grouping === 0b101 && r.employment_type !== null && r.for_type > 0)
      facets.employment_type[r.employment_type] = r.for_type
    else if (r.grouping === 0b110 && r.occupation_major !== null && r.for_occupation > 0)
      facets.occupation_major[r.occupation_major] = r.for_occupation
  }
  return { total, facets }
}

/** The repository's filters for a search query (also what the index takes). */
export function searchFilters(query: SearchQuery): repo.SearchFilters {
  return {
    terms: query.q === undefined ? [] : parseQuery(query.q),
    ...(query.region && { regions: query.region }),
    ...(query.district && { districts: query.district }),
    ...(query.occupation && { occupations: query.occupation }),
    ...(query.wage_min !== undefined && { wageMin: query.wage_min }),
    ...(query.employment_type && { employmentTypes: query.employment_type }),
    ...(query.no_experience !== undefined && { noExperience: query.no_experience }),
    ...(query.remote !== undefined && { remote: query.remote }),
    ...(query.project !== undefined && { project: query.project }),
    ...(query.fair !== undefined && { fair: query.fair }),
    ...(query.posted_since !== undefined && { postedSince: query.posted_since }),
  }
}

/**
 * Public vacancy search: full text in three languages, filters, facets recounted under the filters, stable
 * paging. When the words match nothing, titles resembling the query are searched instead (typos).
 */
export async function searchVacancies(db: Db, query: SearchQuery, index?: SearchIndex): Promise<SearchResult> {
  return (await searchVacanciesBy(db, query, index)).result
}

/** The search and which engine answered it: the in-memory index or PostgreSQL. */
export async function searchVacanciesBy(
  db: Db,
  query: SearchQuery,
  index?: SearchIndex,
): Promise<{ result: SearchResult; engine: 'index' | 'postgresql'; cached: boolean }> {
  const found = await searchInIndex(query, index)
  return found === undefined
    ? { result: await searchInPostgres(db, query), engine: 'postgresql', cached: false }
    : { result: found.result, engine: 'index', cached: found.cached }
}

async function searchInIndex(
  query: SearchQuery,
  index?: SearchIndex,
): Promise<{ result: SearchResult; cached: boolean } | undefined> {
  if (index === undefined) return undefined
  const filters = searchFilters(query)
  const hasText = filters.terms.length > 0
  const order = query.sort ?? (hasText ? 'relevance' : 'date')
  const page = { limit: query.page_size, offset: (query.page - 1) * query.page_size }
  const answer = await index.search(filters, order, page, true)
  if (answer === undefined) return undefined
  const fuzzy = answer.corrected !== undefined || (hasText && answer.total === 0)
  const result: SearchResult = {
    total: answer.total,
    page: query.page,
    pageSize: query.page_size,
    matchedBy: fuzzy ? 'fuzzy' : hasText ? 'fulltext' : 'all',
    ...(answer.corrected !== undefined && { correctedQuery: answer.corrected }),
    items: answer.rows.map(toSummary),
    facets: answer.facets,
  }
  return { result, cached: answer.cached === true }
}

/** The reference path: the same search in SQL (GIN index, filters, one grouping-sets pass for the facets). */
export async function searchInPostgres(db: Db, query: SearchQuery): Promise<SearchResult> {
  const filters = searchFilters(query)
  const hasText = filters.terms.length > 0
  const order = query.sort ?? (hasText ? 'relevance' : 'date')
  const page = { limit: query.page_size, offset: (query.page - 1) * query.page_size }

  // The page and the facets are independent reads: run them side by side on two connections.
  const [rows, facetRows] = await Promise.all([
    repo.searchPage(db, filters, order, page),
    repo.searchFacets(db, filters),
  ])
  let { total, facets } = toFacets(facetRows)
  let items = rows
  let matchedBy: SearchResult['matchedBy'] = hasText ? 'fulltext' : 'all'

  if (hasText && total === 0) {
    const fuzzy = { ...filters, fuzzy: filters.terms.map((t) => t.word).join(' ') }
    const result = await db.transaction().execute(async (trx) => {
      await repo.setFuzzyThreshold(trx, FUZZY_THRESHOLD)
      const fuzzyRows = await repo.searchPage(trx, fuzzy, query.sort ?? 'relevance', page)
      return { rows: fuzzyRows, ...toFacets(await repo.searchFacets(trx, fuzzy)) }
    })
    ;({ total, facets, rows: items } = result)
    matchedBy = 'fuzzy'
  }
  return { total, page: query.page, pageSize: query.page_size, matchedBy, items: items.map(toSummary), facets }
}

/** Typeahead: ISCO-08 occupations whose title contains the text, then published vacancy titles like it. */
export async function suggest(db: Db, q: string, limit: number): Promise<SuggestResult> {
  const text = q.trim()
  const [occupations, titles] = await Promise.all([
    listOccupations(db, { q: text, level: 4, limit: Math.ceil(limit / 2) }),
    repo.suggestTitles(db, text.toLowerCase(), limit),
  ])
  const items: SuggestResult['items'] = [
    ...occupations.map((o) => ({
      kind: 'occupation' as const,
      text: o.title_ru ?? o.title_en,
      occupationCode: o.code,
      count: null,
    })),
    ...titles.map((t) => ({ kind: 'title' as const, text: t.title, occupationCode: null, count: t.n })),
  ]
  return { items: items.slice(0, limit) }
}
