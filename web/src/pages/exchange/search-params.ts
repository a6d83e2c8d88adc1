import type { EmploymentType, SavedSearchParams, SearchSort } from '../../api/exchange'
import { employmentTypes } from '../../api/exchange'

/**
 * The search page keeps its whole state in the address, under the API's own parameter names, so a search can
 * be bookmarked, shared and reloaded, and the API's query string is the page's query string without surprises.
 */

export const PAGE_SIZE = 20
/** The API pages up to 500; beyond that a narrower search is the answer. */
export const MAX_PAGE = 500

const listKeys = ['region', 'district', 'occupation', 'employment_type'] as const
const flagKeys = ['no_experience', 'remote'] as const
const numberKeys = ['wage_min', 'project', 'fair'] as const
const sorts: readonly SearchSort[] = ['relevance', 'date', 'wage']

type ListKey = (typeof listKeys)[number]

const patterns: Record<ListKey, RegExp> = {
  region: /^\d{2}$/,
  district: /^\d{9}$/,
  occupation: /^\d{1,4}$/,
  employment_type: new RegExp(`^(${employmentTypes.join('|')})$`),
}

/** Only the values the API accepts, so a hand-edited address degrades to a broader search, never to an error. */
export function readSavedParams(url: URLSearchParams): SavedSearchParams {
  const params: SavedSearchParams = {}
  const q = url.get('q')?.trim()
  if (q) params.q = q.slice(0, 200)
  for (const key of listKeys) {
    const values = [...new Set(url.getAll(key).filter((value) => patterns[key].test(value)))]
    if (values.length === 0) continue
    if (key === 'employment_type') params.employment_type = values as EmploymentType[]
    else params[key] = values
  }
  for (const key of numberKeys) {
    const raw = url.get(key)
    if (raw === null || !/^\d{1,9}$/.test(raw)) continue
    const value = Number(raw)
    if (key === 'wage_min' || value >= 1) params[key] = value
  }
  for (const key of flagKeys) if (url.get(key) === 'true') params[key] = true
  const since = url.get('posted_since')
  if (since && /^\d{4}-\d{2}-\d{2}$/.test(since)) params.posted_since = since
  return params
}

export function readSort(url: URLSearchParams): SearchSort | undefined {
  const sort = url.get('sort')
  return sorts.find((candidate) => candidate === sort)
}

export function readPage(url: URLSearchParams): number {
  const page = Number(url.get('page') ?? '1')
  return Number.isInteger(page) && page >= 1 ? Math.min(page, MAX_PAGE) : 1
}

/** Writes a search into query-string form, in a fixed key order so equal searches give equal addresses. */
export function writeParams(params: SavedSearchParams, extra: { sort?: SearchSort; page?: number } = {}) {
  const url = new URLSearchParams()
  if (params.q) url.set('q', params.q)
  for (const key of listKeys) for (const value of params[key] ?? []) url.append(key, value)
  for (const key of numberKeys) if (params[key] !== undefined) url.set(key, String(params[key]))
  for (const key of flagKeys) if (params[key]) url.set(key, 'true')
  if (params.posted_since) url.set('posted_since', params.posted_since)
  if (extra.sort) url.set('sort', extra.sort)
  if (extra.page && extra.page > 1) url.set('page', String(extra.page))
  return url
}

/** The API's query for the page's address: the search, its sort and page, and the page size. */
export function apiQuery(url: URLSearchParams): string {
  const sort = readSort(url)
  const query = writeParams(readSavedParams(url), { ...(sort && { sort }), page: readPage(url) })
  query.set('page_size', String(PAGE_SIZE))
  return query.toString()
}

/** The link to the search page for a saved search. */
export function searchHref(params: SavedSearchParams): string {
  const query = writeParams(params).toString()
  return query ? `/vacancies?${query}` : '/vacancies'
}

export function hasFilters(params: SavedSearchParams): boolean {
  return Object.keys(params).some((key) => key !== 'q')
}

/** The date `days` ago, for "posted in the last N days" (the API takes a date). */
export function daysAgo(days: number, now = new Date()): string {
  const date = new Date(now.getTime() - days * 86_400_000)
  return date.toISOString().slice(0, 10)
}
