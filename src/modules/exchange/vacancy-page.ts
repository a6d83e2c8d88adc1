import type { EmploymentType, Schedule } from './exchange.tables.js'

/**
 * The public vacancy page as served: the web app's shell with the vacancy's schema.org JobPosting, title and
 * description in <head>, so that search engines and aggregators read them without running any script. Pure.
 */

export interface PostingInput {
  id: number
  title: string
  description: string
  employerName: string
  employmentType: EmploymentType
  schedule: Schedule
  wageMin: number
  wageMax: number
  publishedAt: Date
  expiresAt: Date
  occupationCode: string
  regionName: string | null
  localityName: string | null
}

/** schema.org employmentType values; seasonal work is temporary, shift and rotation work is full-time. */
export function schemaEmploymentTypes(type: EmploymentType, schedule: Schedule): string[] {
  const base = type === 'temporary' || type === 'seasonal' ? 'TEMPORARY' : 'FULL_TIME'
  if (schedule === 'part_time') return base === 'TEMPORARY' ? ['TEMPORARY', 'PART_TIME'] : ['PART_TIME']
  return [base]
}

/** "г.Павлодар" → "Павлодар": KATO writes the settlement type before the name; a postal address does not. */
export const localityOf = (katoName: string) => katoName.replace(/^(г|с|п|пгт|а|ст)\.\s*/u, '').trim()

export function buildJobPosting(v: PostingInput): Record<string, unknown> {
  return {
    '@context': 'https://schema.org/',
    '@type': 'JobPosting',
    title: v.title,
    description: v.description,
    identifier: { '@type': 'PropertyValue', name: 'Jumys', value: String(v.id) },
    datePosted: v.publishedAt.toISOString(),
    validThrough: v.expiresAt.toISOString(),
    employmentType: schemaEmploymentTypes(v.employmentType, v.schedule),
    hiringOrganization: { '@type': 'Organization', name: v.employerName },
    jobLocation: {
      '@type': 'Place',
      address: {
        '@type': 'PostalAddress',
        ...(v.localityName !== null && { addressLocality: localityOf(v.localityName) }),
        ...(v.regionName !== null && { addressRegion: v.regionName }),
        addressCountry: 'KZ',
      },
    },
    ...(v.employmentType === 'remote' && { jobLocationType: 'TELECOMMUTE' }),
    baseSalary: {
      '@type': 'MonetaryAmount',
      currency: 'KZT',
      value: { '@type': 'QuantitativeValue', minValue: v.wageMin, maxValue: v.wageMax, unitText: 'MONTH' },
    },
    occupationalCategory: v.occupationCode,
  }
}

/**
 * JSON for inside <script>: every <, > and & becomes a \u escape, so neither "</script" nor "<!--" can appear and
 * end or confuse the script element, whatever a description contains; U+2028/2029 too, for old JS parsers.
 */
export function scriptSafeJson(value: unknown): string {
  return JSON.stringify(value).replace(
    /[<>&\u2028\u2029]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  )
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)
}

/** A meta description: the first ~160 characters of the text, whitespace collapsed, cut at a word. */
export function summarise(text: string, max = 160): string {
  const flat = text.replace(/\s+/g, ' ').trim()
  if (flat.length <= max) return flat
  const cut = flat.slice(0, max - 1)
  const lastSpace = cut.lastIndexOf(' ')
  return `${(lastSpace > max / 2 ? cut.slice(0, lastSpace) : cut).trimEnd()}…`
}

/** When the web app is not built: a bare shell, still carrying everything a crawler reads. */
export const FALLBACK_SHELL =
  '<!doctype html>\n<html lang="kk">\n  <head>\n    <meta charset="UTF-8" />\n    <title>Jumys</title>\n  </head>\n  <body>\n    <div id="root"></div>\n  </body>\n</html>\n'

/**
 * Puts the head tags before any of the shell's scripts: right after <meta charset> (which must stay within the
 * first 1024 bytes), or after <head> when the charset comes later or not at all. The shell's own <title> and meta
 * description are dropped so each appears once.
 */
export function injectHead(shell: string, tags: string): string {
  const withoutOwn = shell
    .replace(/<title>[\s\S]*?<\/title>\s*/i, '')
    .replace(/<meta\s+name=["']description["'][^>]*>\s*/i, '')
  const firstScript = withoutOwn.search(/<script/i)
  const charset = /<meta\s+charset=[^>]*>/i.exec(withoutOwn)
  const anchor =
    charset !== null && (firstScript === -1 || charset.index < firstScript)
      ? charset
      : /<head(\s[^>]*)?>/i.exec(withoutOwn)
  if (anchor === null) return `${tags}\n${withoutOwn}`
  const at = anchor.index + anchor[0].length
  return `${withoutOwn.slice(0, at)}\n    ${tags}${withoutOwn.slice(at)}`
}

export function renderVacancyPage(shell: string, v: PostingInput): string {
  const tags = [
    `<title>${escapeHtml(`${v.title} — ${v.employerName} | Jumys`)}</title>`,
    `<meta name="description" content="${escapeHtml(summarise(v.description))}" />`,
    `<script type="application/ld+json">${scriptSafeJson(buildJobPosting(v))}</script>`,
  ].join('\n    ')
  return injectHead(shell, tags)
}

export function renderNotFoundPage(shell: string): string {
  const tags = [
    '<title>Вакансия не найдена | Jumys</title>',
    '<meta name="description" content="Вакансия снята с публикации или не существует." />',
    '<meta name="robots" content="noindex" />',
  ].join('\n    ')
  return injectHead(shell, tags)
}
