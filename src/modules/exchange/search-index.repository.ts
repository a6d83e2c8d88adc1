import { sql } from 'kysely'
import type { Conn } from '../../db/client.js'
import type { SearchTerm } from './search.query.js'
import type { IndexRow, ResolvedTerm } from './search-index.js'

// Everything the index holds of a published vacancy; the tsvector as its lexemes per weight class (positions are
// not needed: a term's score is the best weight class it matched). Times as exact integer microseconds.
const INDEX_COLUMNS = sql`
  v.id, (extract(epoch FROM v.updated_at) * 1000000)::float8 AS updated_us, v.state,
  v.title, v.employer_name, v.occupation_code, v.region_code, v.district_code, v.kato_code,
  v.wage_min, v.wage_max, v.employment_type, v.schedule, v.experience_years, v.positions, v.positions_filled,
  v.project_id, v.fair_id,
  (extract(epoch FROM v.published_at) * 1000000)::float8 AS published_us,
  (extract(epoch FROM v.expires_at) * 1000000)::float8 AS expires_us,
  strip(ts_filter(v.search, '{a}'))::text AS lex_a, strip(ts_filter(v.search, '{b}'))::text AS lex_b,
  strip(ts_filter(v.search, '{c}'))::text AS lex_c, strip(ts_filter(v.search, '{d}'))::text AS lex_d`

export type ChangedRow = IndexRow & { state: string }

/** One batch of the initial load: published vacancies with id above `afterId`, in id order. */
export async function loadPublished(db: Conn, afterId: number, limit: number): Promise<ChangedRow[]> {
  const { rows } = await sql<ChangedRow>`
    SELECT ${INDEX_COLUMNS} FROM exchange.vacancies v
    WHERE v.state = 'published' AND v.id > ${afterId}
    ORDER BY v.id LIMIT ${limit}`.execute(db)
  return rows
}

/** The newest update time, exact, as integer microseconds since the epoch (0 when there are no vacancies). */
export async function latestUpdate(db: Conn): Promise<number> {
  const { rows } = await sql<{ us: number | null }>`
    SELECT (extract(epoch FROM max(updated_at)) * 1000000)::float8 AS us FROM exchange.vacancies`.execute(db)
  return rows[0]?.us ?? 0
}

/** Whether any vacancy changed after the cursor: one index probe, so the common answer (no) is cheap. */
export async function anyChangedSince(db: Conn, afterUs: number): Promise<boolean> {
  const { rows } = await sql<{ x: number }>`
    SELECT 1 AS x FROM exchange.vacancies
    WHERE updated_at > 'epoch'::timestamptz + ${afterUs}::bigint * interval '1 microsecond' LIMIT 1`.execute(db)
  return rows.length > 0
}

/** Vacancies (any state) updated after the cursor, oldest change first. */
export async function changedSince(db: Conn, afterUs: number, limit: number): Promise<ChangedRow[]> {
  const { rows } = await sql<ChangedRow>`
    SELECT ${INDEX_COLUMNS} FROM exchange.vacancies v
    WHERE v.updated_at > 'epoch'::timestamptz + ${afterUs}::bigint * interval '1 microsecond'
    ORDER BY v.updated_at, v.id LIMIT ${limit}`.execute(db)
  return rows
}

/** Text-search parts of a tsquery's text form: `'lex'` or `'lex':*`; null when it is anything else. */
function parseTsquery(text: string): { lexeme: string; prefix: boolean } | null | 'empty' {
  if (text === '') return 'empty'
  const m = /^'((?:[^']|'')*)'(:\*)?$/.exec(text)
  if (m === null) return null
  return { lexeme: (m[1] as string).replaceAll("''", "'").replaceAll('\\\\', '\\'), prefix: m[2] !== undefined }
}

/**
 * The lexemes PostgreSQL makes of each term — exactly the parts the SQL path puts in its tsquery (simple word or
 * prefix, Russian stem, English stem, Kazakh stem prefix). Null when a part is not a single lexeme (the parser split
 * the word): such queries are answered by the SQL path.
 */
export async function resolveTerms(db: Conn, terms: SearchTerm[]): Promise<ResolvedTerm[] | null> {
  if (terms.length === 0) return []
  const { rows } = await sql<{ s: string; r: string; e: string; k: string | null }>`
    SELECT to_tsquery('simple', t.q)::text AS s, plainto_tsquery('russian', t.w)::text AS r,
           plainto_tsquery('english', t.w)::text AS e, to_tsquery('simple', t.k)::text AS k
    FROM unnest(${terms.map((t) => (t.isPrefix ? `${t.word}:*` : t.word))}::text[],
                ${terms.map((t) => t.word)}::text[],
                ${terms.map((t) => (t.kazakhStem === undefined ? null : `${t.kazakhStem}:*`))}::text[])
         WITH ORDINALITY AS t(q, w, k, n)
    ORDER BY t.n`.execute(db)
  const out: ResolvedTerm[] = []
  for (const [i, row] of rows.entries()) {
    const term: ResolvedTerm = { word: (terms[i] as SearchTerm).word, exact: [], prefixes: [] }
    for (const text of [row.s, row.r, row.e, row.k]) {
      if (text === null) continue
      const part = parseTsquery(text)
      if (part === null) return null
      if (part === 'empty') continue
      ;(part.prefix ? term.prefixes : term.exact).push(part.lexeme)
    }
    out.push(term)
  }
  return out
}

/** A calendar day at midnight in the database's time zone, as `published_at >= $1::date` compares it. */
export async function dayStartUs(db: Conn, day: string): Promise<number> {
  const { rows } = await sql<{ us: number }>`
    SELECT (extract(epoch FROM ${day}::date::timestamptz) * 1000000)::float8 AS us`.execute(db)
  return (rows[0] as { us: number }).us
}
