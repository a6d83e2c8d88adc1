import { type RawBuilder, sql } from 'kysely'
import type { Conn } from '../../db/client.js'
import type { EmploymentType, Schedule } from './exchange.tables.js'
import type { SearchTerm } from './search.query.js'

export interface SearchFilters {
  /** Full-text terms; empty = no text condition. */
  terms: SearchTerm[]
  /** Typo-tolerant mode: titles whose words resemble this text (pg_trgm word similarity) instead of terms. */
  fuzzy?: string
  regions?: string[]
  districts?: string[]
  occupations?: string[]
  wageMin?: number
  employmentTypes?: EmploymentType[]
  noExperience?: boolean
  remote?: boolean
  project?: number
  fair?: number
  postedSince?: string
}

export type SearchOrder = 'relevance' | 'date' | 'wage'

export interface SummaryRow {
  id: number
  title: string
  employer_name: string
  occupation_code: string
  region_code: string
  district_code: string | null
  kato_code: string
  wage_min: number
  wage_max: number
  employment_type: EmploymentType
  schedule: Schedule
  experience_years: number
  positions: number
  positions_filled: number
  project_id: number | null
  fair_id: number | null
  /** A Date from PostgreSQL; the in-memory index hands the ISO text it keeps. */
  published_at: Date | string
  expires_at: Date | string
}

export interface FacetCounts {
  region: Record<string, number>
  employment_type: Record<string, number>
  occupation_major: Record<string, number>
}

export interface FacetRow {
  region_code: string | null
  employment_type: string | null
  occupation_major: string | null
  for_region: number
  for_type: number
  for_occupation: number
  total: number
  grouping: number
}

const TRUE = sql<boolean>`TRUE`
const and = (parts: RawBuilder<boolean>[]) =>
  parts.length === 0 ? TRUE : sql<boolean>`(${sql.join(parts, sql` AND `)})`

/** One term matches as an exact-word prefix, a Russian stem, an English stem, or a Kazakh stem prefix. */
function termQuery(t: SearchTerm): RawBuilder<unknown> {
  const parts = [
    sql`to_tsquery('simple', ${t.isPrefix ? `${t.word}:*` : t.word})`,
    sql`plainto_tsquery('russian', ${t.word})`,
    sql`plainto_tsquery('english', ${t.word})`,
  ]
  if (t.kazakhStem !== undefined) parts.push(sql`to_tsquery('simple', ${`${t.kazakhStem}:*`})`)
  return sql`(${sql.join(parts, sql` || `)})`
}

function tsQuery(terms: SearchTerm[]): RawBuilder<unknown> {
  return sql`(${sql.join(terms.map(termQuery), sql` && `)})`
}

/** The conditions every facet shares; the three facet filters are kept apart so each facet can ignore its own. */
function conditions(f: SearchFilters) {
  const common: RawBuilder<boolean>[] = [sql`v.state = 'published'`, sql`v.expires_at > now()`]
  if (f.fuzzy !== undefined) common.push(sql`${f.fuzzy} <% v.title`)
  else if (f.terms.length > 0) common.push(sql`v.search @@ ${tsQuery(f.terms)}`)
  if (f.districts?.length) common.push(sql`v.district_code = ANY(${f.districts}::text[])`)
  if (f.wageMin !== undefined) common.push(sql`v.wage_max >= ${f.wageMin}`)
  if (f.noExperience) common.push(sql`v.experience_years = 0`)
  if (f.remote) common.push(sql`v.employment_type = 'remote'`)
  if (f.project !== undefined) common.push(sql`v.project_id = ${f.project}`)
  if (f.fair !== undefined) common.push(sql`v.fair_id = ${f.fair}`)
  if (f.postedSince !== undefined) common.push(sql`v.published_at >= ${f.postedSince}::date`)
  return {
    common: and(common),
    region: f.regions?.length ? sql<boolean>`v.region_code = ANY(${f.regions}::text[])` : TRUE,
    type: f.employmentTypes?.length ? sql<boolean>`v.employment_type = ANY(${f.employmentTypes}::text[])` : TRUE,
    occupation: f.occupations?.length
      ? sql<boolean>`v.occupation_code LIKE ANY(${f.occupations.map((o) => `${o}%`)}::text[])`
      : TRUE,
  }
}

/** The term's query with every part restricted to one weight class (A, B, C or D), e.g. `повар:*A`. */
function weightedTermQuery(t: SearchTerm, w: 'A' | 'B' | 'C' | 'D'): RawBuilder<unknown> {
  const parts = [
    sql`to_tsquery('simple', ${t.isPrefix ? `${t.word}:*${w}` : `${t.word}:${w}`})`,
    sql`to_tsquery('russian', ${`${t.word}:${w}`})`,
    sql`to_tsquery('english', ${`${t.word}:${w}`})`,
  ]
  if (t.kazakhStem !== undefined) parts.push(sql`to_tsquery('simple', ${`${t.kazakhStem}:*${w}`})`)
  return sql`(${sql.join(parts, sql` || `)})`
}

/**
 * Relevance, the same as the in-memory index computes (search-index.ts): each term scores by the best weight
 * class among the lexemes it matched — A (title) 10, B (English title stems) 4, C (description words) 2, D 1 —
 * and the scores add up; ties go to the newest. Deterministic, so both paths return the very same pages.
 */
function rankOf(f: SearchFilters): RawBuilder<number> {
  if (f.fuzzy !== undefined) return sql<number>`word_similarity(${f.fuzzy}, v.title)`
  if (f.terms.length > 0) {
    const perTerm = f.terms.map(
      (t) => sql`(CASE WHEN v.search @@ ${weightedTermQuery(t, 'A')} THEN 10
                      WHEN v.search @@ ${weightedTermQuery(t, 'B')} THEN 4
                      WHEN v.search @@ ${weightedTermQuery(t, 'C')} THEN 2 ELSE 1 END)`,
    )
    return sql<number>`(${sql.join(perTerm, sql` + `)})`
  }
  return sql<number>`0`
}

const ORDER: Record<SearchOrder, RawBuilder<unknown>> = {
  relevance: sql`score DESC, v.published_at DESC, v.id DESC`,
  date: sql`v.published_at DESC, v.id DESC`,
  wage: sql`v.wage_max DESC, v.wage_min DESC, v.id DESC`,
}

/** One page of matches; the id breaks every tie, so pages neither repeat nor skip rows. */
export async function searchPage(
  db: Conn,
  f: SearchFilters,
  order: SearchOrder,
  page: { limit: number; offset: number },
): Promise<SummaryRow[]> {
  const c = conditions(f)
  const { rows } = await sql<SummaryRow>`
    SELECT v.id, v.title, v.employer_name, v.occupation_code, v.region_code, v.district_code, v.kato_code,
           v.wage_min, v.wage_max, v.employment_type, v.schedule, v.experience_years, v.positions,
           v.positions_filled, v.project_id, v.fair_id, v.published_at, v.expires_at, ${rankOf(f)} AS score
    FROM exchange.vacancies v
    WHERE ${c.common} AND ${c.region} AND ${c.type} AND ${c.occupation}
    ORDER BY ${ORDER[order]}
    LIMIT ${page.limit} OFFSET ${page.offset}`.execute(db)
  return rows
}

/**
 * The total and the three facets in one pass over the matches: each facet counts the rows that pass every
 * filter but its own (choosing a region must not hide the other regions' counts).
 */
export async function searchFacets(db: Conn, f: SearchFilters): Promise<FacetRow[]> {
  const c = conditions(f)
  const { rows } = await sql<FacetRow>`
    WITH m AS (
      SELECT v.region_code, v.employment_type, v.occupation_major,
             ${c.region} AS is_region, ${c.type} AS is_type, ${c.occupation} AS is_occupation
      FROM exchange.vacancies v
      WHERE ${c.common}
    )
    SELECT region_code, employment_type, occupation_major,
           count(*) FILTER (WHERE is_type AND is_occupation)::int AS for_region,
           count(*) FILTER (WHERE is_region AND is_occupation)::int AS for_type,
           count(*) FILTER (WHERE is_region AND is_type)::int AS for_occupation,
           count(*) FILTER (WHERE is_region AND is_type AND is_occupation)::int AS total,
           GROUPING(region_code, employment_type, occupation_major) AS grouping
    FROM m
    GROUP BY GROUPING SETS ((region_code), (employment_type), (occupation_major), ())`.execute(db)
  return rows
}

/** Sets how alike a title's words must be to the query in fuzzy mode, for this transaction only. */
export async function setFuzzyThreshold(trx: Conn, threshold: number): Promise<void> {
  await sql`SELECT set_config('pg_trgm.word_similarity_threshold', ${String(threshold)}, true)`.execute(trx)
}

/** Published titles like the typed text, for typeahead: substring or word similarity, grouped by title. */
export async function suggestTitles(db: Conn, text: string, limit: number) {
  const like = `%${text.replaceAll(/[%_\\]/g, (ch) => `\\${ch}`)}%`
  const { rows } = await sql<{ title: string; n: number }>`
    SELECT min(v.title) AS title, count(*)::int AS n, max(word_similarity(${text}, v.title)) AS score
    FROM exchange.vacancies v
    WHERE v.state = 'published' AND v.expires_at > now() AND (v.title ILIKE ${like} OR ${text} <% v.title)
    GROUP BY lower(v.title)
    ORDER BY score DESC, n DESC, title
    LIMIT ${limit}`.execute(db)
  return rows
}
