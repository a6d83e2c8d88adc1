import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { EmploymentType, Schedule } from './exchange.tables.js'
import type { SearchFilters, SearchOrder } from './search.repository.js'
import {
  type IndexRow,
  type IndexTuning,
  intersectEntries,
  type ResolvedTerm,
  SearchIndexData,
  WEIGHT_POINTS,
} from './search-index.js'

// The index against a plain model of the same vacancies: every answer (total, facets, page) must be the model's,
// through bulk loading, later additions, replacements, removals and windows ending — the kept match sets, their
// cell counts and orders must never go stale.

const LEXEMES = ['водител', 'водитель', 'повар', 'поварам', 'менеджер', 'опыт', 'работ', 'driver', 'cook', 'аспаз']
const TYPES: EmploymentType[] = ['permanent', 'temporary', 'seasonal', 'shift', 'remote']
const REGIONS = ['10', '39', '55']
const DISTRICTS = [null, '391000000', '551000000']
const OCCUPATIONS = ['8322', '5120', '2512', '8311', '5131']
const HOUR_US = 3_600_000_000
const T0 = 1_800_000_000_000_000

type Rand = () => number
const random = (seed: number): Rand => {
  let x = seed >>> 0 || 1
  return () => {
    x ^= x << 13
    x ^= x >>> 17
    x ^= x << 5
    return (x >>> 0) / 4294967296
  }
}
const pick = <T>(r: Rand, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)] as T
const some = <T>(r: Rand, xs: readonly T[], p: number): T[] => xs.filter(() => r() < p)

interface ModelRow {
  row: IndexRow
  weights: Map<string, number>
}

function makeRow(r: Rand, id: number, nowUs: number): ModelRow {
  const weights = new Map<string, number>()
  const texts: string[][] = [[], [], [], []]
  for (const lexeme of LEXEMES) {
    if (r() < 0.35) {
      const w = Math.floor(r() * 4)
      weights.set(lexeme, w)
      ;(texts[w] as string[]).push(`'${lexeme}'`)
      // A lower weight of the same lexeme too, sometimes: the best one counts.
      if (w > 0 && r() < 0.3) (texts[0] as string[]).push(`'${lexeme}'`)
    }
  }
  const region = pick(r, REGIONS)
  const district = pick(r, DISTRICTS)
  const occupation = pick(r, OCCUPATIONS)
  const wageMin = 100_000 + Math.floor(r() * 10) * 50_000
  const row: IndexRow = {
    id,
    updated_us: nowUs + id,
    title: `vacancy ${id}`,
    employer_name: `employer ${id % 5}`,
    occupation_code: occupation,
    region_code: region,
    district_code: district,
    kato_code: `${region}0000000`,
    wage_min: wageMin,
    wage_max: wageMin + Math.floor(r() * 4) * 50_000,
    employment_type: pick(r, TYPES),
    schedule: 'full_day' as Schedule,
    experience_years: Math.floor(r() * 3),
    positions: 1,
    positions_filled: 0,
    project_id: r() < 0.2 ? 7 : null,
    fair_id: r() < 0.2 ? 3 : null,
    // Few distinct times, so ties fall to the id.
    published_us: nowUs - Math.floor(r() * 6) * HOUR_US,
    expires_us: nowUs + Math.floor(1 + r() * 40) * HOUR_US,
    lex_a: texts[3]?.join(' ') ?? '',
    lex_b: texts[2]?.join(' ') ?? '',
    lex_c: texts[1]?.join(' ') ?? '',
    lex_d: texts[0]?.join(' ') ?? '',
  }
  return { row, weights }
}

function randomTerms(r: Rand): ResolvedTerm[] {
  const n = Math.floor(r() * 3)
  return Array.from({ length: n }, (_, i) => {
    const exact = some(r, LEXEMES, 0.15)
    const prefixes = r() < 0.4 ? [pick(r, ['вод', 'пов', 'dri', 'мен', 'x'])] : []
    if (exact.length === 0 && prefixes.length === 0) exact.push(pick(r, LEXEMES))
    return { word: `w${i}`, exact, prefixes }
  })
}

function randomFilters(r: Rand, nowUs: number): { f: SearchFilters; since: number | undefined } {
  const f: SearchFilters = { terms: [] }
  if (r() < 0.3) f.regions = some(r, REGIONS, 0.5)
  if (r() < 0.25) f.employmentTypes = some(r, TYPES, 0.4)
  if (r() < 0.2) f.occupations = r() < 0.5 ? [pick(r, ['8', '5', '2'])] : [pick(r, ['83', '51', '8322'])]
  if (r() < 0.15) f.wageMin = 100_000 + Math.floor(r() * 10) * 50_000
  if (r() < 0.1) f.noExperience = true
  if (r() < 0.1) f.remote = true
  if (r() < 0.1) f.districts = ['391000000']
  if (r() < 0.1) f.project = 7
  if (r() < 0.1) f.fair = 3
  const since = r() < 0.15 ? nowUs - Math.floor(r() * 6) * HOUR_US : undefined
  return { f, since }
}

/** What the index must answer, worked out the plain way. */
function model(
  rows: Map<number, ModelRow>,
  terms: ResolvedTerm[],
  f: SearchFilters,
  order: SearchOrder,
  page: { limit: number; offset: number },
  nowUs: number,
  since: number | undefined,
) {
  const scored: { m: ModelRow; score: number }[] = []
  for (const m of rows.values()) {
    const v = m.row
    if (v.expires_us <= nowUs) continue
    let score = 0
    let all = true
    for (const t of terms) {
      let best = -1
      for (const [lexeme, w] of m.weights)
        if (t.exact.includes(lexeme) || t.prefixes.some((p) => lexeme.startsWith(p))) best = Math.max(best, w)
      if (best < 0) all = false
      else score += WEIGHT_POINTS[best] as number
    }
    if (!all) continue
    if (f.wageMin !== undefined && v.wage_max < f.wageMin) continue
    if (since !== undefined && v.published_us < since) continue
    if (f.districts?.length && !f.districts.includes(v.district_code ?? '')) continue
    if (f.noExperience && v.experience_years !== 0) continue
    if (f.remote && v.employment_type !== 'remote') continue
    if (f.project !== undefined && v.project_id !== f.project) continue
    if (f.fair !== undefined && v.fair_id !== f.fair) continue
    scored.push({ m, score })
  }
  const inRegion = (v: IndexRow) => !f.regions?.length || f.regions.includes(v.region_code)
  const inType = (v: IndexRow) => !f.employmentTypes?.length || f.employmentTypes.includes(v.employment_type)
  const inOccupation = (v: IndexRow) =>
    !f.occupations?.length || f.occupations.some((p) => v.occupation_code.startsWith(p))
  const facets = { region: {}, employment_type: {}, occupation_major: {} } as Record<string, Record<string, number>>
  const bump = (facet: string, key: string) => {
    const counts = facets[facet] as Record<string, number>
    counts[key] = (counts[key] ?? 0) + 1
  }
  const hits: { m: ModelRow; score: number }[] = []
  for (const x of scored) {
    const v = x.m.row
    if (inType(v) && inOccupation(v)) bump('region', v.region_code)
    if (inRegion(v) && inOccupation(v)) bump('employment_type', v.employment_type)
    if (inRegion(v) && inType(v)) bump('occupation_major', v.occupation_code.slice(0, 1))
    if (inRegion(v) && inType(v) && inOccupation(v)) hits.push(x)
  }
  const byDate = (a: IndexRow, b: IndexRow) => b.published_us - a.published_us || b.id - a.id
  hits.sort((x, y) => {
    const a = x.m.row
    const b = y.m.row
    if (order === 'wage') return b.wage_max - a.wage_max || b.wage_min - a.wage_min || b.id - a.id
    if (order === 'relevance' && terms.length > 0) return y.score - x.score || byDate(a, b)
    return byDate(a, b)
  })
  return {
    total: hits.length,
    facets,
    ids: hits.slice(page.offset, page.offset + page.limit).map((x) => x.m.row.id),
  }
}

function scenario(seed: number, tuning: IndexTuning): void {
  const r = random(seed)
  let now = T0
  let nextId = 1
  const rows = new Map<number, ModelRow>()
  const index = new SearchIndexData(tuning)
  for (let i = 0; i < 250; i++) {
    const m = makeRow(r, nextId++, now)
    rows.set(m.row.id, m)
    index.upsert(m.row)
  }
  // Replaced and removed before the block is sealed, too.
  for (let i = 0; i < 10; i++) {
    const id = 1 + Math.floor(r() * 250)
    if (r() < 0.5) {
      rows.delete(id)
      index.remove(id)
    } else {
      const m = makeRow(r, id, now)
      rows.set(id, m)
      index.upsert(m.row)
    }
  }
  index.seal()
  // Half the time the structures of searches without words are built ahead, as the server does at load.
  if (r() < 0.5) index.warm(now)
  for (let step = 0; step < 160; step++) {
    const op = r()
    if (op < 0.12) {
      const m = makeRow(r, nextId++, now)
      rows.set(m.row.id, m)
      index.upsert(m.row)
    } else if (op < 0.2) {
      const id = 1 + Math.floor(r() * (nextId - 1))
      const m = makeRow(r, id, now)
      rows.set(id, m)
      index.upsert(m.row)
    } else if (op < 0.3) {
      const id = 1 + Math.floor(r() * (nextId - 1))
      rows.delete(id)
      index.remove(id)
    } else if (op < 0.36) {
      now += Math.floor(r() * 6) * HOUR_US
    } else {
      const terms = randomTerms(r)
      const { f, since } = randomFilters(r, now)
      const order = pick(r, ['relevance', 'relevance', 'date', 'wage'] as const)
      const page = { limit: 1 + Math.floor(r() * 8), offset: pick(r, [0, 0, 3, 10]) }
      const got = index.search(terms, f, order, page, now, since)
      const want = model(rows, terms, f, order, page, now, since)
      const context = JSON.stringify({ seed, step, terms, f, order, page, since })
      expect({ total: got.total, facets: got.facets, ids: got.rows.map((x) => x.id) }, context).toEqual(want)
    }
  }
}

describe('the index against a plain model', () => {
  it('answers every search exactly as the model through additions, replacements, removals and expiry', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2 ** 31 - 1 }), (seed) => scenario(seed, {})),
      { numRuns: 40 },
    )
  })

  it('answers the same with wage and date heads counted from checkpoints and match sets evicted', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2 ** 31 - 1 }), (seed) =>
        scenario(seed, { headScan: 4, minStep: 8, setBytes: 60_000 }),
      ),
      { numRuns: 40 },
    )
  })

  it('intersects entry lists by slot, summing scores, with a rare list galloping through a common one', () => {
    const common = Uint32Array.from({ length: 1000 }, (_, s) => (s << 7) | 1)
    const rare = Uint32Array.from([3, 500, 998, 2000], (s) => (s << 7) | 10)
    expect([...intersectEntries([rare, common])].map((e) => [e >>> 7, e & 127])).toEqual([
      [3, 11],
      [500, 11],
      [998, 11],
    ])
    expect(intersectEntries([rare, Uint32Array.from([])]).length).toBe(0)
  })
})
