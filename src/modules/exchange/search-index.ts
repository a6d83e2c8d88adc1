/**
 * The in-memory vacancy search index: PostgreSQL stays the source of truth, this is a read model kept in the
 * server process so that one search (words, filters, three facets, one ranked page) is one pass over typed
 * arrays instead of a GIN scan plus five aggregations.
 *
 * Matching is PostgreSQL's own: the postings are built from the stored `search` tsvector of each vacancy (its
 * lexemes with their best weight, as `ts_filter` reports them), and the query words are turned into lexemes by
 * PostgreSQL (`to_tsquery`/`plainto_tsquery`, see search-index.repository.ts). A term matches a vacancy when one
 * of its lexemes is in the vacancy's tsvector (exactly, or as a prefix for `:*` parts) — exactly what `@@` does
 * for a disjunction of single lexemes.
 *
 * Relevance is the same in both paths (see search.repository.ts `rankOf`): each term scores by the best weight
 * among the lexemes that matched it (A = 10, B = 4, C = 2, D = 1), summed over terms; ties by newest, then id.
 */
import type { EmploymentType, Schedule } from './exchange.tables.js'
import type { FacetCounts, SearchFilters, SearchOrder, SummaryRow } from './search.repository.js'

/** Points per weight class, indexed by weight code (D = 0, C = 1, B = 2, A = 3). */
export const WEIGHT_POINTS = [1, 2, 4, 10] as const

/** One query term in lexemes: matched when any exact lexeme or any prefix is in the vacancy. */
export interface ResolvedTerm {
  word: string
  exact: string[]
  prefixes: string[]
}

/** One published vacancy as the index loads it. */
export interface IndexRow {
  id: number
  updated_us: number
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
  published_us: number
  expires_us: number
  /** Stripped tsvector texts of the lexemes having positions of weight A, B, C, D (`strip(ts_filter(…))::text`). */
  lex_a: string
  lex_b: string
  lex_c: string
  lex_d: string
}

export interface IndexResult {
  total: number
  facets: FacetCounts
  rows: SummaryRow[]
}

const EMPLOYMENT_TYPES: EmploymentType[] = ['permanent', 'temporary', 'seasonal', 'shift', 'remote']
const SCHEDULES: Schedule[] = ['full_day', 'part_time', 'flexible', 'shift_work', 'rotation']
const REMOTE = EMPLOYMENT_TYPES.indexOf('remote')
const MAX_TERMS = 8
const TYPES = EMPLOYMENT_TYPES.length

// Counting cells: region × employment type × occupation major group × no experience asked, one Uint16 per slot.
const REGION_CAP = 64
const MAJOR_CAP = 16
const CELLS = REGION_CAP * TYPES * MAJOR_CAP * 2
const cellOf = (region: number, type: number, major: number, noExperience: number) =>
  ((region * TYPES + type) * MAJOR_CAP + major) * 2 + noExperience
/** A head of a wage or date order longer than this is counted from checkpoints rather than scanned. */
const HEAD_SCAN = 4096
/** Entries a page walk may look at before a scan of the head is cheaper. */
const WALK_LIMIT = 200_000

// A set entry is slot << SCORE_BITS | score (at most 8 terms × 10 points), so slots stay below 2^24.
const SCORE_BITS = 7
const SCORE_MASK = (1 << SCORE_BITS) - 1
const MAX_SLOTS = 2 ** (31 - SCORE_BITS)
/** Memory kept for match sets (entries, cells and orders), least recently used dropped first. */
const SET_BYTES = 256 * 2 ** 20

/** Lexemes of a stripped tsvector's text form: `'a' 'b''c'` (quotes doubled, backslashes doubled). */
export function parseStrippedTsvector(text: string, out: (lexeme: string) => void): void {
  let i = 0
  const n = text.length
  while (i < n) {
    if (text.charCodeAt(i) !== 39 /* ' */) {
      i++
      continue
    }
    i++
    let start = i
    let parts: string | null = null
    for (;;) {
      const c = text.charCodeAt(i)
      if (c === 39) {
        if (text.charCodeAt(i + 1) === 39) {
          parts = (parts ?? '') + text.slice(start, i + 1)
          i += 2
          start = i
          continue
        }
        break
      }
      if (c === 92 /* \ */) {
        parts = (parts ?? '') + text.slice(start, i)
        i++
        start = i
        i++
        continue
      }
      if (i >= n) throw new Error('unterminated lexeme in tsvector text')
      i++
    }
    out(parts === null ? text.slice(start, i) : parts + text.slice(start, i))
    i++
  }
}

class Interner {
  readonly values: string[] = []
  private readonly map = new Map<string, number>()
  id(value: string): number {
    let id = this.map.get(value)
    if (id === undefined) {
      id = this.values.length
      this.values.push(value)
      this.map.set(value, id)
    }
    return id
  }
  find(value: string): number | undefined {
    return this.map.get(value)
  }
}

function grow<T extends Float64Array | Int32Array | Uint32Array | Uint16Array | Uint8Array>(a: T, size: number): T {
  if (size <= a.length) return a
  const b = new (a.constructor as new (n: number) => T)(Math.max(size, a.length * 2, 1024))
  b.set(a)
  return b
}

// Rows of the distance table, reused by every call (a search runs to completion on one thread).
let rowPrev2 = new Int32Array(64)
let rowPrev = new Int32Array(64)
let rowCur = new Int32Array(64)

/** Restricted Damerau–Levenshtein (optimal string alignment) distance, giving up above `max`. */
export function editDistance(a: string, b: string, max: number): number {
  const la = a.length
  const lb = b.length
  if (Math.abs(la - lb) > max) return max + 1
  if (rowPrev.length <= lb) {
    rowPrev2 = new Int32Array(lb * 2)
    rowPrev = new Int32Array(lb * 2)
    rowCur = new Int32Array(lb * 2)
  }
  let prev2 = rowPrev2
  let prev = rowPrev
  let cur = rowCur
  for (let j = 0; j <= lb; j++) prev[j] = j
  for (let i = 1; i <= la; i++) {
    cur[0] = i
    let rowMin = i
    const ca = a.charCodeAt(i - 1)
    for (let j = 1; j <= lb; j++) {
      const cb = b.charCodeAt(j - 1)
      let v = Math.min(
        (prev[j] as number) + 1,
        (cur[j - 1] as number) + 1,
        (prev[j - 1] as number) + (ca === cb ? 0 : 1),
      )
      if (i > 1 && j > 1 && ca === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === cb)
        v = Math.min(v, (prev2[j - 2] as number) + 1)
      cur[j] = v
      if (v < rowMin) rowMin = v
    }
    if (rowMin > max) return max + 1
    const t = prev2
    prev2 = prev
    prev = cur
    cur = t
  }
  return prev[lb] as number
}

/** Which of 32 buckets of letters a word uses (letters hashed by code point). */
export function letterMask(word: string): number {
  let mask = 0
  for (let i = 0; i < word.length; i++) mask |= 1 << (Math.imul(word.charCodeAt(i), 0x9e3779b1) >>> 27)
  return mask >>> 0
}

function bitCount(x: number): number {
  let v = x - ((x >>> 1) & 0x55555555)
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333)
  return (((v + (v >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24
}

/**
 * A lower bound of the edit distance from the words' letter masks: one edit (insertion, deletion, substitution,
 * transposition) changes whether at most two buckets are used, so words whose masks differ in more than 2 × max
 * buckets are further apart than max — most of the vocabulary is rejected without computing a distance.
 */
export function tooFarByLetters(maskA: number, maskB: number, max: number): boolean {
  return bitCount((maskA ^ maskB) >>> 0) > 2 * max
}

/**
 * Slots hold vacancies; a changed vacancy gets a new slot and its old one is marked dead. Postings of the bulk
 * load are one sorted CSR block (a prefix is one contiguous range); later vacancies go to a small delta map.
 */
export class SearchIndexData {
  // --- per slot
  size = 0
  private alive = new Uint8Array(0)
  private ids = new Float64Array(0)
  private updatedUs = new Float64Array(0)
  private publishedUs = new Float64Array(0)
  private expiresUs = new Float64Array(0)
  private wageMin = new Int32Array(0)
  private wageMax = new Int32Array(0)
  private positions = new Int32Array(0)
  private filled = new Int32Array(0)
  private projectId = new Float64Array(0)
  private fairId = new Float64Array(0)
  private region = new Uint8Array(0)
  private district = new Uint16Array(0)
  private occupation = new Uint16Array(0)
  private major = new Uint8Array(0)
  private kato = new Int32Array(0)
  private employer = new Int32Array(0)
  private type = new Uint8Array(0)
  private schedule = new Uint8Array(0)
  private experience = new Uint8Array(0)
  private titles: string[] = []
  private readonly regions = new Interner()
  private readonly districts = new Interner()
  private readonly occupations = new Interner()
  private readonly majors = new Interner()
  private readonly katos = new Interner()
  private readonly employers = new Interner()
  private readonly slotOf = new Map<number, number>()
  liveCount = 0
  /** Bumped by every change, so cached answers know they are stale. */
  version = 0

  // --- the bulk block: sorted lexemes, offsets, postings (slot * 4 + weight code)
  private lexemes: string[] = []
  private lexemeId = new Map<string, number>()
  private lexemeMasks = new Uint32Array(0)
  /** Corrections already worked out, valid while the data's version is the same. */
  private corrections = { version: -1, words: new Map<string, string | undefined>() }
  private offsets = new Int32Array(1)
  private postings = new Uint32Array(0)
  // --- slots added after the bulk block
  private readonly delta = new Map<string, number[]>()
  // --- the bulk load's staging: per-slot lexeme entries, turned into the block by `seal()`
  private staging: { lex: Map<string, number>; entries: Uint32Array; count: number; starts: Int32Array } | null = {
    lex: new Map(),
    entries: new Uint32Array(1 << 20),
    count: 0,
    starts: new Int32Array(1024),
  }
  private stagingLexemes: string[] = []

  // --- query scratch (one search runs at a time: searches are synchronous)
  private marks: Uint8Array[] = []
  private readonly cellBuffers = [new Int32Array(CELLS), new Int32Array(CELLS)]
  private readonly cellOkBuffer = new Uint8Array(CELLS)

  /** A zeroed per-cell count array of the search under way (two of them). */
  private cellBuffer(i: 0 | 1): Int32Array {
    return (this.cellBuffers[i] as Int32Array).fill(0)
  }

  // --- counting cell of every slot; bulk slots' deaths (removal, or the end of the window) in the order seen
  private cell = new Uint16Array(0)
  /** Per bulk slot: 0 while live, else its place in `deaths` + 1 (-1: dead before the block was sealed). */
  private diedAt = new Int32Array(0)
  private deaths = new Int32Array(1024)
  private deathCount = 0
  /** Live bulk slots by the end of their window, earliest first; those before `expiryNext` have died. */
  private expiryOrder = new Int32Array(0)
  private expiryNext = 0
  private readonly sets = new Map<string, MatchSet>()
  private setBytes = 0
  private setsDropped = 0
  /** The cells some slot has had, numbered densely (for checkpoints). */
  private readonly compactOf = new Int16Array(CELLS).fill(-1)
  private readonly compactCells: number[] = []

  constructor(private readonly tuning: IndexTuning = {}) {
    this.districts.id('') // 0 = no district
  }

  private ensure(capacity: number): void {
    this.alive = grow(this.alive, capacity)
    this.ids = grow(this.ids, capacity)
    this.updatedUs = grow(this.updatedUs, capacity)
    this.publishedUs = grow(this.publishedUs, capacity)
    this.expiresUs = grow(this.expiresUs, capacity)
    this.wageMin = grow(this.wageMin, capacity)
    this.wageMax = grow(this.wageMax, capacity)
    this.positions = grow(this.positions, capacity)
    this.filled = grow(this.filled, capacity)
    this.projectId = grow(this.projectId, capacity)
    this.fairId = grow(this.fairId, capacity)
    this.region = grow(this.region, capacity)
    this.district = grow(this.district, capacity)
    this.occupation = grow(this.occupation, capacity)
    this.major = grow(this.major, capacity)
    this.kato = grow(this.kato, capacity)
    this.employer = grow(this.employer, capacity)
    this.type = grow(this.type, capacity)
    this.schedule = grow(this.schedule, capacity)
    this.experience = grow(this.experience, capacity)
    this.cell = grow(this.cell, capacity)
  }

  /** The update time the index holds for a vacancy, or undefined when it is not in the index. */
  updatedOf(id: number): number | undefined {
    const slot = this.slotOf.get(id)
    return slot === undefined ? undefined : this.updatedUs[slot]
  }

  /** Drops a vacancy (closed, filled, expired, unpublished). */
  remove(id: number): void {
    const slot = this.slotOf.get(id)
    if (slot === undefined) return
    this.alive[slot] = 0
    if (slot < this.sealedSize && this.diedAt[slot] === 0) this.logDeath(slot)
    this.version++
    this.slotOf.delete(id)
    this.liveCount--
  }

  /** Adds or replaces a published vacancy. */
  upsert(row: IndexRow): void {
    if (this.slotOf.get(row.id) !== undefined) this.remove(row.id)
    if (this.size >= MAX_SLOTS) throw new Error(`the search index holds at most ${MAX_SLOTS} slots: reload it`)
    const slot = this.size++
    this.version++
    this.ensure(this.size)
    this.alive[slot] = 1
    this.ids[slot] = row.id
    this.updatedUs[slot] = row.updated_us
    this.publishedUs[slot] = row.published_us
    this.expiresUs[slot] = row.expires_us
    this.wageMin[slot] = row.wage_min
    this.wageMax[slot] = row.wage_max
    this.positions[slot] = row.positions
    this.filled[slot] = row.positions_filled
    this.projectId[slot] = row.project_id ?? Number.NaN
    this.fairId[slot] = row.fair_id ?? Number.NaN
    this.region[slot] = this.regions.id(row.region_code)
    this.district[slot] = this.districts.id(row.district_code ?? '')
    this.occupation[slot] = this.occupations.id(row.occupation_code)
    this.major[slot] = this.majors.id(row.occupation_code.slice(0, 1))
    this.kato[slot] = this.katos.id(row.kato_code)
    this.employer[slot] = this.employers.id(row.employer_name)
    this.type[slot] = EMPLOYMENT_TYPES.indexOf(row.employment_type)
    this.schedule[slot] = SCHEDULES.indexOf(row.schedule)
    this.experience[slot] = row.experience_years
    const region = this.region[slot] as number
    const major = this.major[slot] as number
    if (region >= REGION_CAP || major >= MAJOR_CAP)
      throw new Error(`the search index counts at most ${REGION_CAP} regions and ${MAJOR_CAP} occupation major groups`)
    const k = cellOf(region, this.type[slot] as number, major, row.experience_years === 0 ? 1 : 0)
    this.cell[slot] = k
    if (this.compactOf[k] === -1) {
      this.compactOf[k] = this.compactCells.length
      this.compactCells.push(k)
    }
    this.titles[slot] = row.title
    this.slotOf.set(row.id, slot)
    this.liveCount++

    // Best weight per lexeme: A beats B beats C beats D.
    const best = new Map<string, number>()
    const texts = [row.lex_d, row.lex_c, row.lex_b, row.lex_a]
    for (let w = 0; w < 4; w++) parseStrippedTsvector(texts[w] ?? '', (lexeme) => best.set(lexeme, w))
    const st = this.staging
    if (st !== null) {
      st.starts = grow(st.starts, slot + 2)
      st.starts[slot] = st.count
      st.entries = grow(st.entries, st.count + best.size)
      for (const [lexeme, w] of best) {
        let id = st.lex.get(lexeme)
        if (id === undefined) {
          id = this.stagingLexemes.length
          this.stagingLexemes.push(lexeme)
          st.lex.set(lexeme, id)
        }
        st.entries[st.count++] = id * 4 + w
      }
      st.starts[slot + 1] = st.count
    } else {
      for (const [lexeme, w] of best) {
        let list = this.delta.get(lexeme)
        if (list === undefined) {
          list = []
          this.delta.set(lexeme, list)
        }
        list.push(slot * 4 + w)
      }
    }
  }

  /** Ends the bulk load: builds the sorted postings block from the staged entries. */
  seal(): void {
    const st = this.staging
    if (st === null) return
    const n = this.stagingLexemes.length
    const order = Array.from({ length: n }, (_, i) => i)
    const lex = this.stagingLexemes
    order.sort((a, b) => {
      const x = lex[a] as string
      const y = lex[b] as string
      return x < y ? -1 : x > y ? 1 : 0
    })
    const rank = new Int32Array(n)
    for (let i = 0; i < n; i++) rank[order[i] as number] = i
    const counts = new Int32Array(n + 1)
    for (let k = 0; k < st.count; k++) {
      const c = (rank[(st.entries[k] as number) >>> 2] as number) + 1
      counts[c] = (counts[c] as number) + 1
    }
    for (let i = 0; i < n; i++) counts[i + 1] = (counts[i + 1] as number) + (counts[i] as number)
    const offsets = counts.slice()
    const postings = new Uint32Array(st.count)
    const fill = counts.slice(0, n)
    for (let slot = 0; slot < this.size; slot++) {
      const from = st.starts[slot] as number
      const to = st.starts[slot + 1] as number
      for (let k = from; k < to; k++) {
        const e = st.entries[k] as number
        const r = rank[e >>> 2] as number
        const at = fill[r] as number
        fill[r] = at + 1
        postings[at] = slot * 4 + (e & 3)
      }
    }
    this.lexemes = order.map((i) => lex[i] as string)
    this.lexemeId = new Map(this.lexemes.map((l, i) => [l, i]))
    this.lexemeMasks = Uint32Array.from(this.lexemes, letterMask)
    this.offsets = offsets
    this.postings = postings
    this.staging = null
    this.stagingLexemes = []
    this.sealedSize = this.size
    this.dateOrder = Int32Array.from({ length: this.size }, (_, i) => i).sort((a, b) => this.byDate(b, a))
    this.wageOrder = Int32Array.from({ length: this.size }, (_, i) => i).sort((a, b) => this.byWage(b, a))
    this.diedAt = new Int32Array(this.size)
    let live = 0
    for (let s = 0; s < this.size; s++) {
      if (this.alive[s] === 1) live++
      else this.diedAt[s] = -1
    }
    const expiry = new Int32Array(live)
    live = 0
    for (let s = 0; s < this.size; s++) if (this.alive[s] === 1) expiry[live++] = s
    this.expiryOrder = expiry.sort((a, b) => (this.expiresUs[a] as number) - (this.expiresUs[b] as number))
  }

  /**
   * Builds ahead what the first searches without words would otherwise build: the set of every bulk slot with its
   * live counts, its date and wage orders and their checkpoints (so a landing page after a restart is not slow).
   */
  warm(nowUs: number): void {
    if (this.staging !== null) return
    this.advanceDeaths(nowUs)
    const set = this.matchSet([])
    this.liveCells(set)
    for (const head of ['date', 'wage'] as const) {
      const list = this.orderOf(set, head)
      this.headCells(set, head, list, list.length, this.cellBuffer(1))
    }
  }

  // --- searches without words and without the filters the cube does not hold: pre-sorted orders + facet cube
  private sealedSize = 0
  private dateOrder = new Int32Array(0)
  private wageOrder = new Int32Array(0)
  private cube: {
    version: number
    validUntilUs: number
    cells: Int32Array
    regions: number
    occupations: number
  } | null = null

  private byDate(a: number, b: number): number {
    return (
      (this.publishedUs[a] as number) - (this.publishedUs[b] as number) ||
      (this.ids[a] as number) - (this.ids[b] as number)
    )
  }

  private byWage(a: number, b: number): number {
    return (
      (this.wageMax[a] as number) - (this.wageMax[b] as number) ||
      (this.wageMin[a] as number) - (this.wageMin[b] as number) ||
      (this.ids[a] as number) - (this.ids[b] as number)
    )
  }

  /**
   * Open vacancies counted by region × employment type × occupation code. Exact while nothing changed and no counted
   * vacancy's window has ended (it is rebuilt at the first search after either).
   */
  private facetCube(nowUs: number) {
    const c = this.cube
    if (c !== null && c.version === this.version && nowUs < c.validUntilUs) return c
    const regions = this.regions.values.length
    const occupations = this.occupations.values.length
    const cells = new Int32Array(regions * EMPLOYMENT_TYPES.length * occupations)
    let validUntilUs = Number.POSITIVE_INFINITY
    for (let s = 0; s < this.size; s++) {
      const e = this.expiresUs[s] as number
      if (this.alive[s] === 0 || e <= nowUs) continue
      if (e < validUntilUs) validUntilUs = e
      const i =
        ((this.region[s] as number) * EMPLOYMENT_TYPES.length + (this.type[s] as number)) * occupations +
        (this.occupation[s] as number)
      cells[i] = (cells[i] as number) + 1
    }
    this.cube = { version: this.version, validUntilUs, cells, regions, occupations }
    return this.cube
  }

  /**
   * Facets, total and page from the occupation-level cube and the pre-sorted orders, for a finer occupation filter
   * without words or other filters (rebuilt after any change: the cells of the match sets are kept up to date instead).
   */
  private landing(
    order: SearchOrder,
    page: { limit: number; offset: number },
    nowUs: number,
    regionOk: Uint8Array | null,
    typeOk: Uint8Array | null,
    occupationOk: Uint8Array | null,
  ): IndexResult {
    const cube = this.facetCube(nowUs)
    const T = EMPLOYMENT_TYPES.length
    const regionCounts = new Int32Array(this.regions.values.length)
    const typeCounts = new Int32Array(T)
    const majorCounts = new Int32Array(this.majors.values.length)
    const majorOf = this.occupations.values.map((code) => this.majors.find(code.slice(0, 1)) ?? 0)
    let total = 0
    for (let rg = 0; rg < cube.regions; rg++) {
      const r = regionOk === null || regionOk[rg] === 1
      for (let ty = 0; ty < T; ty++) {
        const t = typeOk === null || typeOk[ty] === 1
        if (!r && !t) continue
        const base = (rg * T + ty) * cube.occupations
        for (let oc = 0; oc < cube.occupations; oc++) {
          const n = cube.cells[base + oc] as number
          if (n === 0) continue
          const o = occupationOk === null || occupationOk[oc] === 1
          if (t && o) regionCounts[rg] = (regionCounts[rg] as number) + n
          if (r && o) typeCounts[ty] = (typeCounts[ty] as number) + n
          if (r && t) {
            const mj = majorOf[oc] as number
            majorCounts[mj] = (majorCounts[mj] as number) + n
            if (o) total += n
          }
        }
      }
    }
    // The page: walk the bulk order merged with the (few, sorted here) slots added since.
    const better =
      order === 'wage' ? (a: number, b: number) => this.byWage(a, b) : (a: number, b: number) => this.byDate(a, b)
    const bulk = order === 'wage' ? this.wageOrder : this.dateOrder
    const added: number[] = []
    for (let s = this.sealedSize; s < this.size; s++) if (this.alive[s] === 1) added.push(s)
    added.sort((a, b) => better(b, a))
    const want = page.offset + page.limit
    const slots: number[] = []
    let seen = 0
    let i = 0
    let j = 0
    while (seen < want && (i < bulk.length || j < added.length)) {
      let s: number
      if (j >= added.length || (i < bulk.length && better(bulk[i] as number, added[j] as number) > 0))
        s = bulk[i++] as number
      else s = added[j++] as number
      if (this.alive[s] === 0 || (this.expiresUs[s] as number) <= nowUs) continue
      if (regionOk !== null && regionOk[this.region[s] as number] !== 1) continue
      if (typeOk !== null && typeOk[this.type[s] as number] !== 1) continue
      if (occupationOk !== null && occupationOk[this.occupation[s] as number] !== 1) continue
      if (seen++ >= page.offset) slots.push(s)
    }
    return {
      total,
      facets: {
        region: this.counts(this.regions.values, regionCounts),
        employment_type: this.counts(EMPLOYMENT_TYPES, typeCounts),
        occupation_major: this.counts(this.majors.values, majorCounts),
      },
      rows: slots.map((s) => this.summary(s)),
    }
  }

  /** Postings of one term: ranges [from, to) in the bulk block and lists of the slots added since (or one part). */
  private termSources(t: ResolvedTerm, part: 'bulk' | 'delta' | 'all' = 'all'): TermSources {
    const bulk = part !== 'delta'
    const delta = part !== 'bulk'
    const ranges: number[] = []
    const lists: number[][] = []
    let count = 0
    for (const e of t.exact) {
      const id = bulk ? this.lexemeId.get(e) : undefined
      if (id !== undefined) {
        ranges.push(this.offsets[id] as number, this.offsets[id + 1] as number)
        count += (this.offsets[id + 1] as number) - (this.offsets[id] as number)
      }
      const list = delta ? this.delta.get(e) : undefined
      if (list !== undefined) {
        lists.push(list)
        count += list.length
      }
    }
    for (const p of t.prefixes) {
      if (!bulk) {
        for (const [lexeme, list] of this.delta) {
          if (lexeme.startsWith(p)) {
            lists.push(list)
            count += list.length
          }
        }
        continue
      }
      let lo = 0
      let hi = this.lexemes.length
      while (lo < hi) {
        const mid = (lo + hi) >>> 1
        if ((this.lexemes[mid] as string) < p) lo = mid + 1
        else hi = mid
      }
      let end = lo
      while (end < this.lexemes.length && (this.lexemes[end] as string).startsWith(p)) end++
      if (end > lo) {
        ranges.push(this.offsets[lo] as number, this.offsets[end] as number)
        count += (this.offsets[end] as number) - (this.offsets[lo] as number)
      }
      if (delta) {
        for (const [lexeme, list] of this.delta) {
          if (lexeme.startsWith(p)) {
            lists.push(list)
            count += list.length
          }
        }
      }
    }
    return { ranges, lists, count }
  }

  /** How many postings a term has (live or not): 0 means the word is nowhere in the corpus. */
  termFrequency(t: ResolvedTerm): number {
    return this.termSources(t).count
  }

  /**
   * The closest corpus word to a mistyped word: edit distance 1 (2 for words of 8 letters or more), then the
   * most frequent. Any lexeme of a vacancy counts as a word.
   */
  correct(word: string): string | undefined {
    if (word.length < 4) return undefined
    if (this.corrections.version !== this.version) this.corrections = { version: this.version, words: new Map() }
    const known = this.corrections.words
    if (known.has(word)) return known.get(word)
    const corrected = this.closestWord(word)
    if (known.size >= 10_000) known.clear()
    known.set(word, corrected)
    return corrected
  }

  private closestWord(word: string): string | undefined {
    const max = word.length >= 8 ? 2 : 1
    const mask = letterMask(word)
    let best: string | undefined
    let bestDistance = max + 1
    let bestFrequency = 0
    const consider = (lexeme: string, lexemeMask: number, frequency: () => number) => {
      if (Math.abs(lexeme.length - word.length) > max || tooFarByLetters(mask, lexemeMask, max)) return
      const f = frequency()
      if (f < 1) return
      const d = editDistance(word, lexeme, Math.min(max, bestDistance))
      if (d > max || d === 0) return
      if (d < bestDistance || (d === bestDistance && f > bestFrequency)) {
        best = lexeme
        bestDistance = d
        bestFrequency = f
      }
    }
    for (let i = 0; i < this.lexemes.length; i++) {
      const lexeme = this.lexemes[i] as string
      consider(
        lexeme,
        this.lexemeMasks[i] as number,
        () => (this.offsets[i + 1] as number) - (this.offsets[i] as number) + (this.delta.get(lexeme)?.length ?? 0),
      )
    }
    for (const [lexeme, list] of this.delta)
      if (!this.lexemeId.has(lexeme)) consider(lexeme, letterMask(lexeme), () => list.length)
    return best
  }

  private mark(i: number): Uint8Array {
    let m = this.marks[i]
    if (m === undefined || m.length < this.size) {
      m = new Uint8Array(Math.max(this.size * 1.25, 1024) | 0)
      this.marks[i] = m
    }
    return m
  }

  /** Words, filters, the three facets (each ignoring its own filter), the total and one ordered page. */
  search(
    terms: ResolvedTerm[],
    f: SearchFilters,
    order: SearchOrder,
    page: { limit: number; offset: number },
    nowUs: number,
    postedSinceUs: number | undefined,
  ): IndexResult {
    if (terms.length > MAX_TERMS) throw new Error('too many terms')

    // Filters as lookups by interned code; 1 = passes.
    const regionOk = f.regions?.length ? this.lookup(this.regions, f.regions) : null
    const districtOk = f.districts?.length ? this.lookup(this.districts, f.districts) : null
    const typeOk = f.employmentTypes?.length ? new Uint8Array(EMPLOYMENT_TYPES.length) : null
    if (typeOk) for (const t of f.employmentTypes ?? []) typeOk[EMPLOYMENT_TYPES.indexOf(t)] = 1
    let occupationOk: Uint8Array | null = null
    if (f.occupations?.length) {
      const prefixes = f.occupations
      const ok = new Uint8Array(this.occupations.values.length)
      this.occupations.values.forEach((code, i) => {
        if (prefixes.some((p) => code.startsWith(p))) ok[i] = 1
      })
      occupationOk = ok
    }
    const wageMin = f.wageMin ?? Number.NEGATIVE_INFINITY
    const since = postedSinceUs ?? Number.NEGATIVE_INFINITY
    const noExperience = f.noExperience === true
    const remote = f.remote === true
    const anyOther = districtOk !== null || f.project !== undefined || f.fair !== undefined
    // An occupation filter of whole major groups is a cell dimension; a finer one is checked per vacancy.
    let majorOk: Uint8Array | null = null
    if (f.occupations?.length && f.occupations.every((p) => p.length === 1)) {
      majorOk = this.lookup(this.majors, f.occupations)
      occupationOk = null
    }
    // A finer occupation filter alone: the occupation-level cube.
    if (
      occupationOk !== null &&
      terms.length === 0 &&
      !anyOther &&
      !noExperience &&
      !remote &&
      f.wageMin === undefined &&
      postedSinceUs === undefined
    )
      return this.landing(order, page, nowUs, regionOk, typeOk, occupationOk)

    this.advanceDeaths(nowUs)
    const cellOk = this.cellFilter(regionOk, typeOk, majorOk, remote, noExperience)
    const want = page.offset + page.limit
    const scores = this.scoreBuffer()
    const top = new TopK(
      want,
      this.primaryKey(order, terms.length > 0 ? scores : null),
      this.comparator(order, terms.length > 0 ? scores : null),
    )
    // Without words every bulk slot is a member (score 0) and relevance is the date order.
    const set = this.matchSet(terms)
    const setOrder: SearchOrder = terms.length === 0 && order === 'relevance' ? 'date' : order
    const cells = this.cellBuffer(0)
    let cellsForMajor = cells
    const check: SlotCheck = { nowUs, wageMin, since, anyOther, districtOk, project: f.project, fair: f.fair }
    const heads: [Head, number][] = []
    if (f.wageMin !== undefined) heads.push(['wage', wageMin])
    if (postedSinceUs !== undefined) heads.push(['date', since])
    const cellsOnly = !anyOther && occupationOk === null

    if (cellsOnly && heads.length === 0) {
      // Only cell filters: the counts are the set's kept cells, the page a walk down the set's kept order.
      cells.set(this.liveCells(set))
      this.walk(set, this.orderOf(set, setOrder), cellOk, null, want, top)
    } else if (cellsOnly && heads.length === 1) {
      // A minimum wage or a posting date: the members that pass are the head of the set's wage or date order.
      const [head, bound] = heads[0] as [Head, number]
      const list = this.orderOf(set, head)
      const n = this.headLength(list, head, bound)
      if (n <= (this.tuning.headScan ?? HEAD_SCAN)) this.scanSealed(list, n, check, cellOk, cells, cells, null, top)
      else {
        this.headCells(set, head, list, n, cells)
        let total = 0
        for (const k of this.compactCells) if (cellOk[k] === 1) total += cells[k] as number
        const pageList = setOrder === head ? list : this.orderOf(set, setOrder)
        if (pageList === list) this.walk(set, list, cellOk, null, want, top, n)
        else if (total > 0 && (want * pageList.length) / total <= WALK_LIMIT)
          this.walk(set, pageList, cellOk, heads[0] as [Head, number], want, top)
        else if (total > 0) this.scanSealed(list, n, check, cellOk, this.cellBuffer(1), this.cellBuffer(1), null, top)
      }
    } else {
      // Anything else: one pass over the shortest of the set and the heads of its wage and date orders.
      let list = set.entries
      let n = list.length
      for (const [head, bound] of heads) {
        const ordered = this.orderOf(set, head)
        const length = this.headLength(ordered, head, bound)
        if (length < n) {
          list = ordered
          n = length
        }
      }
      if (occupationOk !== null) cellsForMajor = this.cellBuffer(1)
      this.scanSealed(list, n, check, cellOk, cells, cellsForMajor, occupationOk, top)
    }
    this.scanDelta(terms, check, cellOk, cells, cellsForMajor === cells ? null : cellsForMajor, occupationOk, top)

    const counted = this.facetsFromCells(cells, cellsForMajor, regionOk, typeOk, majorOk, remote, noExperience)
    const slots = top.sorted().slice(page.offset)
    return { total: counted.total, facets: counted.facets, rows: slots.map((s) => this.summary(s)) }
  }

  /** Offers the first `want` live entries of an ordered list that pass the cells (and the head bound) to the page. */
  private walk(
    set: MatchSet,
    list: Uint32Array,
    cellOk: Uint8Array,
    head: [Head, number] | null,
    want: number,
    top: TopK,
    end = list.length,
  ): void {
    const died = this.diedAt
    const cells = set.orderCells.get(list) as Uint16Array
    const scores = this.scoreBuffer()
    const key = head === null ? null : head[0] === 'wage' ? this.wageMax : this.publishedUs
    const bound = head === null ? 0 : head[1]
    let taken = 0
    for (let i = 0; i < end && taken < want; i++) {
      if (cellOk[cells[i] as number] !== 1) continue
      const e = list[i] as number
      const s = e >>> SCORE_BITS
      if (died[s] !== 0) continue
      if (key !== null && (key[s] as number) < bound) continue
      scores[s] = e & SCORE_MASK
      top.offer(s)
      taken++
    }
  }

  /** How many entries of a wage (date) order have a wage (posting time) of at least `bound`. */
  private headLength(list: Uint32Array, head: Head, bound: number): number {
    const key = head === 'wage' ? this.wageMax : this.publishedUs
    let lo = 0
    let hi = list.length
    while (lo < hi) {
      const mid = (lo + hi) >>> 1
      if ((key[(list[mid] as number) >>> SCORE_BITS] as number) >= bound) lo = mid + 1
      else hi = mid
    }
    return lo
  }

  /**
   * Adds the live members among the first `n` entries of the set's wage (date) order to `cells`: the counts kept
   * at every `step` entries (brought up to date from the deaths since), plus a scan of the rest.
   */
  private headCells(set: MatchSet, head: Head, list: Uint32Array, n: number, cells: Int32Array): void {
    const died = this.diedAt
    const cell = this.cell
    const compactOf = this.compactOf
    const C = this.compactCells.length
    let kept = set.heads[head]
    if (kept === undefined || kept.compact !== C || this.deathCount - kept.at > (list.length >>> 3) + 64) {
      const step = Math.max(this.tuning.minStep ?? 4096, Math.ceil(list.length / 64))
      const points = Math.floor(list.length / step)
      const counts = new Int32Array((points + 1) * C)
      const running = new Int32Array(C)
      for (let i = 0; i < list.length; i++) {
        if (i % step === 0 && i > 0) counts.set(running, (i / step) * C)
        const s = (list[i] as number) >>> SCORE_BITS
        if (died[s] === 0) {
          const k = compactOf[cell[s] as number] as number
          running[k] = (running[k] as number) + 1
        }
      }
      if (points * step === list.length && points > 0) counts.set(running, points * C)
      if (kept !== undefined) {
        set.bytes -= kept.counts.byteLength
        this.setBytes -= kept.counts.byteLength
      }
      kept = { step, points, compact: C, at: this.deathCount, counts }
      set.heads[head] = kept
      set.bytes += counts.byteLength
      this.setBytes += counts.byteLength
    } else if (kept.at < this.deathCount) {
      const better = head === 'wage' ? this.byWage.bind(this) : this.byDate.bind(this)
      for (let d = kept.at; d < this.deathCount; d++) {
        const s = this.deaths[d] as number
        if (!hasSlot(set.entries, s)) continue
        // The dead member's place in the order: entries before it rank better.
        let lo = 0
        let hi = list.length
        while (lo < hi) {
          const mid = (lo + hi) >>> 1
          if (better((list[mid] as number) >>> SCORE_BITS, s) > 0) lo = mid + 1
          else hi = mid
        }
        const k = compactOf[cell[s] as number] as number
        for (let j = Math.floor(lo / kept.step) + 1; j <= kept.points; j++)
          kept.counts[j * C + k] = (kept.counts[j * C + k] as number) - 1
      }
      kept.at = this.deathCount
    }
    // The nearer checkpoint: below n, add the live entries up to n; above it, take off those from n on.
    const listCells = set.orderCells.get(list) as Uint16Array
    let j = Math.min(Math.floor(n / kept.step), kept.points)
    let sign = 1
    let from = j * kept.step
    let to = n
    if (j < kept.points && (j + 1) * kept.step - n < n - from) {
      j++
      sign = -1
      from = n
      to = j * kept.step
    }
    const base = j * C
    for (let k = 0; k < C; k++) {
      const c = this.compactCells[k] as number
      cells[c] = (cells[c] as number) + (kept.counts[base + k] as number)
    }
    for (let i = from; i < to; i++) {
      if (died[(list[i] as number) >>> SCORE_BITS] !== 0) continue
      const c = listCells[i] as number
      cells[c] = (cells[c] as number) + sign
    }
  }

  /** 1 for the cells (region × type × major group × no experience) that pass the cell filters. */
  private cellFilter(
    regionOk: Uint8Array | null,
    typeOk: Uint8Array | null,
    majorOk: Uint8Array | null,
    remote: boolean,
    noExperience: boolean,
  ): Uint8Array {
    const ok = this.cellOkBuffer.fill(0)
    const regions = this.regions.values.length
    const majors = this.majors.values.length
    for (let rg = 0; rg < regions; rg++) {
      if (regionOk !== null && regionOk[rg] !== 1) continue
      for (let ty = 0; ty < TYPES; ty++) {
        if ((typeOk !== null && typeOk[ty] !== 1) || (remote && ty !== REMOTE)) continue
        for (let mj = 0; mj < majors; mj++) {
          if (majorOk !== null && majorOk[mj] !== 1) continue
          ok[cellOf(rg, ty, mj, 1)] = 1
          if (!noExperience) ok[cellOf(rg, ty, mj, 0)] = 1
        }
      }
    }
    return ok
  }

  /**
   * Total and the three facets from per-cell counts: each facet ignores its own filter; remote and no experience
   * hold for all of them.
   */
  private facetsFromCells(
    cells: Int32Array,
    cellsForMajor: Int32Array,
    regionOk: Uint8Array | null,
    typeOk: Uint8Array | null,
    majorOk: Uint8Array | null,
    remote: boolean,
    noExperience: boolean,
  ): { total: number; facets: FacetCounts } {
    const regions = this.regions.values.length
    const majors = this.majors.values.length
    const regionCounts = new Int32Array(regions)
    const typeCounts = new Int32Array(TYPES)
    const majorCounts = new Int32Array(majors)
    let total = 0
    for (let rg = 0; rg < regions; rg++) {
      const r = regionOk === null || regionOk[rg] === 1
      for (let ty = 0; ty < TYPES; ty++) {
        if (remote && ty !== REMOTE) continue
        const t = typeOk === null || typeOk[ty] === 1
        for (let mj = 0; mj < majors; mj++) {
          const m = majorOk === null || majorOk[mj] === 1
          for (let ex = noExperience ? 1 : 0; ex < 2; ex++) {
            const c = cellOf(rg, ty, mj, ex)
            const n = cells[c] as number
            if (n !== 0) {
              if (t && m) regionCounts[rg] = (regionCounts[rg] as number) + n
              if (r && m) typeCounts[ty] = (typeCounts[ty] as number) + n
              if (r && t && m) total += n
            }
            if (r && t) majorCounts[mj] = (majorCounts[mj] as number) + (cellsForMajor[c] as number)
          }
        }
      }
    }
    return {
      total,
      facets: {
        region: this.counts(this.regions.values, regionCounts),
        employment_type: this.counts(EMPLOYMENT_TYPES, typeCounts),
        occupation_major: this.counts(this.majors.values, majorCounts),
      },
    }
  }

  /**
   * One pass over the first `n` entries of one of the set's lists: live ones passing the filters are counted by
   * cell (and, with a finer occupation filter, apart for the major-group facet) and offered to the page.
   */
  private scanSealed(
    list: Uint32Array,
    n: number,
    c: SlotCheck,
    cellOk: Uint8Array,
    cells: Int32Array,
    cellsForMajor: Int32Array,
    occupationOk: Uint8Array | null,
    top: TopK,
  ): void {
    const died = this.diedAt
    const cell = this.cell
    const scores = this.scoreBuffer()
    // The per-vacancy filters, hoisted: this loop is where a search with a common word spends its time.
    const wageMax = this.wageMax
    const published = this.publishedUs
    const wageMin = c.wageMin
    const since = c.since
    const anyOther = c.anyOther
    const occupation = this.occupation
    for (let i = 0; i < n; i++) {
      const e = list[i] as number
      const s = e >>> SCORE_BITS
      if (died[s] !== 0 || (wageMax[s] as number) < wageMin || (published[s] as number) < since) continue
      if (anyOther && !this.passesOther(s, c)) continue
      const k = cell[s] as number
      if (occupationOk !== null) {
        cellsForMajor[k] = (cellsForMajor[k] as number) + 1
        if (occupationOk[occupation[s] as number] !== 1) continue
      }
      cells[k] = (cells[k] as number) + 1
      if (cellOk[k] === 1) {
        scores[s] = e & SCORE_MASK
        top.offer(s)
      }
    }
  }

  /** The slots added since the bulk block that match the words (all of them without words), as scanSealed does. */
  private scanDelta(
    terms: ResolvedTerm[],
    c: SlotCheck,
    cellOk: Uint8Array,
    cells: Int32Array,
    cellsForMajor: Int32Array | null,
    occupationOk: Uint8Array | null,
    top: TopK,
  ): void {
    if (this.size === this.sealedSize) return
    const scores = this.scoreBuffer()
    let cand: Int32Array | null = null
    let n = this.size - this.sealedSize
    if (terms.length > 0) {
      const sources = terms.map((t) => this.termSources(t, 'delta')).sort((a, b) => a.count - b.count)
      cand = this.candidateBuffer()
      n = (sources[0]?.count ?? 0) > 0 ? this.matchAll(sources, cand, scores) : 0
    }
    for (let i = 0; i < n; i++) {
      const s = cand === null ? this.sealedSize + i : (cand[i] as number)
      if (this.alive[s] === 0 || (this.expiresUs[s] as number) <= c.nowUs || !this.passes(s, c)) continue
      const k = this.cell[s] as number
      if (occupationOk !== null) {
        if (cellsForMajor !== null) cellsForMajor[k] = (cellsForMajor[k] as number) + 1
        if (occupationOk[this.occupation[s] as number] !== 1) continue
      }
      cells[k] = (cells[k] as number) + 1
      if (cellOk[k] === 1) {
        if (cand === null) scores[s] = 0
        top.offer(s)
      }
    }
  }

  private passes(s: number, c: SlotCheck): boolean {
    if ((this.wageMax[s] as number) < c.wageMin || (this.publishedUs[s] as number) < c.since) return false
    return !c.anyOther || this.passesOther(s, c)
  }

  /** District, project and fair. */
  private passesOther(s: number, c: SlotCheck): boolean {
    if (c.districtOk !== null && c.districtOk[this.district[s] as number] !== 1) return false
    if (c.project !== undefined && this.projectId[s] !== c.project) return false
    if (c.fair !== undefined && this.fairId[s] !== c.fair) return false
    return true
  }

  // --- match sets: the bulk slots matching a list of terms, kept between searches (the bulk block never changes)

  private termKey(t: ResolvedTerm): string {
    return `${t.exact.join('\u0001')}\u0002${t.prefixes.join('\u0001')}`
  }

  /** The bulk slots matching every term with their scores, from the kept sets or built now. */
  private matchSet(terms: ResolvedTerm[]): MatchSet {
    const key = terms
      .map((t) => this.termKey(t))
      .sort()
      .join('\u0003')
    const kept = this.sets.get(key)
    if (kept !== undefined) {
      this.sets.delete(key)
      this.sets.set(key, kept)
      return kept
    }
    let entries: Uint32Array
    if (terms.length === 0) entries = Uint32Array.from({ length: this.sealedSize }, (_, s) => s << SCORE_BITS)
    else if (terms.length === 1) entries = this.termEntries(terms[0] as ResolvedTerm)
    else {
      const parts = terms.map((t) => this.matchSet([t]).entries).sort((a, b) => a.length - b.length)
      entries = intersectEntries(parts)
    }
    const set: MatchSet = {
      entries,
      cells: null,
      cellsAt: 0,
      orders: {},
      orderCells: new Map(),
      heads: {},
      bytes: entries.byteLength + CELLS * 4,
    }
    this.keep(key, set)
    return set
  }

  private keep(key: string, set: MatchSet): void {
    this.sets.set(key, set)
    this.setBytes += set.bytes
    for (const [k, old] of this.sets) {
      if (this.setBytes <= (this.tuning.setBytes ?? SET_BYTES) || k === key) break
      this.sets.delete(k)
      this.setBytes -= old.bytes
      this.setsDropped++
    }
  }

  /** One term's bulk slots, ascending, as slot << SCORE_BITS | points of the best weight that matched. */
  private termEntries(t: ResolvedTerm): Uint32Array {
    const { ranges } = this.termSources(t, 'bulk')
    const p = this.postings
    if (ranges.length === 2) {
      // One range: when it is one lexeme, its postings are already one per slot, ascending.
      const from = ranges[0] as number
      const out = new Uint32Array((ranges[1] as number) - from)
      let previous = -1
      let i = 0
      for (; i < out.length; i++) {
        const e = p[from + i] as number
        const s = e >>> 2
        if (s <= previous) break
        previous = s
        out[i] = (s << SCORE_BITS) | (WEIGHT_POINTS[e & 3] as number)
      }
      if (i === out.length) return out
    }
    const mark = this.mark(0)
    let unique = 0
    let lo = this.sealedSize
    let hi = -1
    for (let r = 0; r < ranges.length; r += 2) {
      const to = ranges[r + 1] as number
      for (let i = ranges[r] as number; i < to; i++) {
        const e = p[i] as number
        const s = e >>> 2
        const w = (e & 3) + 1
        const was = mark[s] as number
        if (was === 0) {
          unique++
          if (s < lo) lo = s
          if (s > hi) hi = s
        }
        if (w > was) mark[s] = w
      }
    }
    const out = new Uint32Array(unique)
    let n = 0
    for (let s = lo; s <= hi && n < unique; s++) {
      const w = mark[s] as number
      if (w === 0) continue
      out[n++] = (s << SCORE_BITS) | (WEIGHT_POINTS[w - 1] as number)
      mark[s] = 0
    }
    return out
  }

  /** Live members per cell, kept with the set and brought up to date from the deaths since. */
  private liveCells(set: MatchSet): Int32Array {
    const died = this.diedAt
    const cell = this.cell
    const since = this.deathCount - set.cellsAt
    if (set.cells === null || since > (set.entries.length >>> 3) + 64) {
      const cells = set.cells ?? new Int32Array(CELLS)
      cells.fill(0)
      const entries = set.entries
      for (let i = 0; i < entries.length; i++) {
        const s = (entries[i] as number) >>> SCORE_BITS
        if (died[s] === 0) {
          const k = cell[s] as number
          cells[k] = (cells[k] as number) + 1
        }
      }
      set.cells = cells
    } else {
      const cells = set.cells
      for (let d = set.cellsAt; d < this.deathCount; d++) {
        const s = this.deaths[d] as number
        if (hasSlot(set.entries, s)) {
          const k = cell[s] as number
          cells[k] = (cells[k] as number) - 1
        }
      }
    }
    set.cellsAt = this.deathCount
    return set.cells
  }

  /** The set's entries in a search order (best first), built once per set and order. */
  private orderOf(set: MatchSet, order: SearchOrder): Uint32Array {
    const kept = set.orders[order]
    if (kept !== undefined) return kept
    let out: Uint32Array
    if (order === 'relevance') {
      // Newest first within each score: a stable counting sort of the date order by score, highest first.
      const byDate = this.orderOf(set, 'date')
      const counts = new Int32Array(SCORE_MASK + 2)
      for (let i = 0; i < byDate.length; i++) {
        const sc = (byDate[i] as number) & SCORE_MASK
        counts[SCORE_MASK - sc + 1] = (counts[SCORE_MASK - sc + 1] as number) + 1
      }
      for (let i = 1; i < counts.length; i++) counts[i] = (counts[i] as number) + (counts[i - 1] as number)
      out = new Uint32Array(byDate.length)
      for (let i = 0; i < byDate.length; i++) {
        const e = byDate[i] as number
        const b = SCORE_MASK - (e & SCORE_MASK)
        out[counts[b] as number] = e
        counts[b] = (counts[b] as number) + 1
      }
    } else {
      const global = order === 'wage' ? this.wageOrder : this.dateOrder
      const entries = set.entries
      if (entries.length * 16 < global.length) {
        const better = order === 'wage' ? this.byWage.bind(this) : this.byDate.bind(this)
        out = entries.slice().sort((a, b) => better(b >>> SCORE_BITS, a >>> SCORE_BITS))
      } else {
        // Walk the whole bulk order keeping the members: linear, where sorting a big set is not.
        const mark = this.mark(0)
        for (let i = 0; i < entries.length; i++) {
          const e = entries[i] as number
          mark[e >>> SCORE_BITS] = (e & SCORE_MASK) + 1
        }
        out = new Uint32Array(entries.length)
        let n = 0
        for (let i = 0; i < global.length; i++) {
          const s = global[i] as number
          const m = mark[s] as number
          if (m === 0) continue
          out[n++] = (s << SCORE_BITS) | (m - 1)
          mark[s] = 0
        }
      }
    }
    // Each entry's cell beside it, so a page walk skips other cells without touching the slot's own arrays.
    const cells = new Uint16Array(out.length)
    for (let i = 0; i < out.length; i++) cells[i] = this.cell[(out[i] as number) >>> SCORE_BITS] as number
    set.orders[order] = out
    set.orderCells.set(out, cells)
    set.bytes += out.byteLength + cells.byteLength
    this.setBytes += out.byteLength + cells.byteLength
    return out
  }

  // --- deaths of bulk slots (removed, or past their window), in the order they were seen

  private logDeath(s: number): void {
    if (this.deathCount === this.deaths.length) this.deaths = grow(this.deaths, this.deathCount + 1)
    this.deaths[this.deathCount++] = s
    this.diedAt[s] = this.deathCount
  }

  /** Bulk slots whose window has ended by `nowUs` die now (once). */
  private advanceDeaths(nowUs: number): void {
    const order = this.expiryOrder
    while (this.expiryNext < order.length) {
      const s = order[this.expiryNext] as number
      if ((this.expiresUs[s] as number) > nowUs) break
      this.expiryNext++
      if (this.diedAt[s] === 0) this.logDeath(s)
    }
  }

  /**
   * Writes the slots matching every term into `out` (the cheapest term first), and their scores; returns how many.
   * marks[i][slot] = best weight code + 1 of term i in that slot (0 = no match), cleared before returning.
   */
  private matchAll(sources: TermSources[], out: Int32Array, scores: Uint8Array): number {
    const p = this.postings
    const m0 = this.mark(0)
    let n = 0
    const first = sources[0] as TermSources
    const add0 = (e: number) => {
      const s = e >>> 2
      const w = (e & 3) + 1
      const was = m0[s] as number
      if (was === 0) out[n++] = s
      if (w > was) m0[s] = w
    }
    for (let r = 0; r < first.ranges.length; r += 2) {
      const to = first.ranges[r + 1] as number
      for (let i = first.ranges[r] as number; i < to; i++) {
        const e = p[i] as number
        const s = e >>> 2
        const w = (e & 3) + 1
        const was = m0[s] as number
        if (was === 0) out[n++] = s
        if (w > was) m0[s] = w
      }
    }
    for (const list of first.lists) for (const e of list) add0(e)
    const marks = [m0]
    for (let k = 1; k < sources.length; k++) {
      const src = sources[k] as TermSources
      const mk = this.mark(k)
      marks.push(mk)
      const addK = (e: number) => {
        const s = e >>> 2
        const w = (e & 3) + 1
        if (m0[s] !== 0 && w > (mk[s] as number)) mk[s] = w
      }
      for (let r = 0; r < src.ranges.length; r += 2) {
        const to = src.ranges[r + 1] as number
        for (let i = src.ranges[r] as number; i < to; i++) {
          const e = p[i] as number
          const s = e >>> 2
          const w = (e & 3) + 1
          if (m0[s] !== 0 && w > (mk[s] as number)) mk[s] = w
        }
      }
      for (const list of src.lists) for (const e of list) addK(e)
    }
    // Keep the slots every term matched; score them; clear the marks.
    let kept = 0
    for (let i = 0; i < n; i++) {
      const s = out[i] as number
      let score = 0
      let all = true
      for (let k = 0; k < marks.length; k++) {
        const mk = marks[k] as Uint8Array
        const w = mk[s] as number
        if (w === 0) all = false
        else score += WEIGHT_POINTS[w - 1] as number
        mk[s] = 0
      }
      if (all) {
        out[kept++] = s
        scores[s] = score
      }
    }
    return kept
  }

  private candidates: Int32Array | null = null
  private candidateBuffer(): Int32Array {
    if (this.candidates === null || this.candidates.length < this.size)
      this.candidates = new Int32Array(Math.max(this.size * 1.25, 1024) | 0)
    return this.candidates
  }

  /** The first sort key (larger ranks first), for the top-k's quick rejection. */
  private primaryKey(order: SearchOrder, scores: Uint8Array | null): Float64Array | Int32Array | Uint8Array {
    if (order === 'wage') return this.wageMax
    if (order === 'relevance' && scores !== null) return scores
    return this.publishedUs
  }

  private scoreArray: Uint8Array | null = null
  /** Score per slot of the search under way (written before a slot is offered to the page). */
  private scoreBuffer(): Uint8Array {
    if (this.scoreArray === null || this.scoreArray.length < this.size)
      this.scoreArray = new Uint8Array(Math.max(this.size * 1.25, 1024) | 0)
    return this.scoreArray
  }

  private comparator(order: SearchOrder, scores: Uint8Array | null): (a: number, b: number) => number {
    // Positive when a ranks before b.
    const pub = this.publishedUs
    const ids = this.ids
    const byDate = (a: number, b: number) =>
      (pub[a] as number) - (pub[b] as number) || (ids[a] as number) - (ids[b] as number)
    if (order === 'date') return byDate
    if (order === 'wage') {
      const max = this.wageMax
      const min = this.wageMin
      return (a, b) =>
        (max[a] as number) - (max[b] as number) ||
        (min[a] as number) - (min[b] as number) ||
        (ids[a] as number) - (ids[b] as number)
    }
    if (scores === null) return byDate
    return (a, b) => (scores[a] as number) - (scores[b] as number) || byDate(a, b)
  }

  private lookup(interner: Interner, codes: string[]): Uint8Array {
    const ok = new Uint8Array(interner.values.length)
    for (const c of codes) {
      const id = interner.find(c)
      if (id !== undefined) ok[id] = 1
    }
    return ok
  }

  private counts(keys: readonly string[], counts: Int32Array): Record<string, number> {
    const out: Record<string, number> = {}
    keys.forEach((key, i) => {
      if ((counts[i] as number) > 0) out[key] = counts[i] as number
    })
    return out
  }

  private summary(s: number): SummaryRow {
    const project = this.projectId[s] as number
    const fair = this.fairId[s] as number
    const district = this.districts.values[this.district[s] as number] as string
    return {
      id: this.ids[s] as number,
      title: this.titles[s] as string,
      employer_name: this.employers.values[this.employer[s] as number] as string,
      occupation_code: this.occupations.values[this.occupation[s] as number] as string,
      region_code: this.regions.values[this.region[s] as number] as string,
      district_code: district === '' ? null : district,
      kato_code: this.katos.values[this.kato[s] as number] as string,
      wage_min: this.wageMin[s] as number,
      wage_max: this.wageMax[s] as number,
      employment_type: EMPLOYMENT_TYPES[this.type[s] as number] as EmploymentType,
      schedule: SCHEDULES[this.schedule[s] as number] as Schedule,
      experience_years: this.experience[s] as number,
      positions: this.positions[s] as number,
      positions_filled: this.filled[s] as number,
      project_id: Number.isNaN(project) ? null : project,
      fair_id: Number.isNaN(fair) ? null : fair,
      published_at: this.isoOf(this.publishedIso, this.publishedUs, s),
      expires_at: this.isoOf(this.expiresIso, this.expiresUs, s),
    }
  }

  // ISO texts of the times of the slots shown on a page so far (pages show the same few slots again and again).
  private readonly publishedIso: string[] = []
  private readonly expiresIso: string[] = []

  private isoOf(texts: string[], us: Float64Array, s: number): string {
    let text = texts[s]
    if (text === undefined) {
      text = new Date(Math.floor((us[s] as number) / 1000)).toISOString()
      texts[s] = text
    }
    return text
  }

  /** Postings held (bulk block + delta) and slots, for the memory report. */
  stats() {
    let delta = 0
    for (const list of this.delta.values()) delta += list.length
    return {
      slots: this.size,
      live: this.liveCount,
      lexemes: this.lexemes.length + this.delta.size,
      postings: this.postings.length + delta,
      deltaLexemes: this.delta.size,
      matchSets: this.sets.size,
      matchSetBytes: this.setBytes,
      matchSetsDropped: this.setsDropped,
      deaths: this.deathCount,
    }
  }
}

interface TermSources {
  ranges: number[]
  lists: number[][]
  count: number
}

/** Sizes that tests shrink so that small data takes every path. */
export interface IndexTuning {
  /** Heads of a wage or date order up to this long are scanned; longer ones counted from checkpoints. */
  headScan?: number
  /** The least number of entries between two checkpoints. */
  minStep?: number
  /** Memory kept for match sets. */
  setBytes?: number
}

/** The bulk slots matching some terms, with what searches keep of them. */
interface MatchSet {
  /** slot << SCORE_BITS | score, ascending. */
  entries: Uint32Array
  /** Live members per cell as of `cellsAt` deaths. */
  cells: Int32Array | null
  cellsAt: number
  /** The entries in each search order, best first (built on first use). */
  orders: Partial<Record<SearchOrder, Uint32Array>>
  /** The cell of each entry of an order, beside it. */
  orderCells: Map<Uint32Array, Uint16Array>
  /** Live members per cell among the first j × step entries of the wage and date orders. */
  heads: Partial<Record<Head, HeadCounts>>
  bytes: number
}

type Head = 'wage' | 'date'

interface HeadCounts {
  step: number
  /** Checkpoints 0..points; checkpoint j counts entries [0, j × step). */
  points: number
  /** How many compact cells there were (the row width). */
  compact: number
  /** Deaths already taken off. */
  at: number
  counts: Int32Array
}

/** The per-vacancy filters of one search. */
interface SlotCheck {
  nowUs: number
  wageMin: number
  since: number
  anyOther: boolean
  districtOk: Uint8Array | null
  project: number | undefined
  fair: number | undefined
}

/** Whether ascending set entries hold a slot (binary search). */
function hasSlot(entries: Uint32Array, slot: number): boolean {
  let lo = 0
  let hi = entries.length
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    const s = (entries[mid] as number) >>> SCORE_BITS
    if (s === slot) return true
    if (s < slot) lo = mid + 1
    else hi = mid
  }
  return false
}

/**
 * The slots in every one of the ascending entry lists (the shortest first), scores summed: the shortest drives and
 * the others are galloped through, so a rare word next to a common one costs little.
 */
export function intersectEntries(parts: Uint32Array[]): Uint32Array {
  const first = parts[0] as Uint32Array
  const out = new Uint32Array(first.length)
  const at = new Int32Array(parts.length)
  let n = 0
  outer: for (let i = 0; i < first.length; i++) {
    const e = first[i] as number
    const s = e >>> SCORE_BITS
    let score = e & SCORE_MASK
    for (let k = 1; k < parts.length; k++) {
      const list = parts[k] as Uint32Array
      let lo = at[k] as number
      // Gallop to a bound, then binary search for the first entry with slot >= s.
      let step = 1
      let hi = lo
      while (hi < list.length && (list[hi] as number) >>> SCORE_BITS < s) {
        lo = hi + 1
        hi += step
        step *= 2
      }
      if (hi > list.length) hi = list.length
      while (lo < hi) {
        const mid = (lo + hi) >>> 1
        if ((list[mid] as number) >>> SCORE_BITS < s) lo = mid + 1
        else hi = mid
      }
      at[k] = lo
      if (lo >= list.length) break outer
      const f = list[lo] as number
      if (f >>> SCORE_BITS !== s) continue outer
      score += f & SCORE_MASK
    }
    out[n++] = (s << SCORE_BITS) | score
  }
  return out.slice(0, n)
}

/**
 * The best k slots under a comparator (positive = ranks first), as a binary min-heap of the kept ones. Once full,
 * a slot whose first sort key is below the worst kept one's is turned away without calling the comparator.
 */
class TopK {
  private readonly heap: number[] = []
  constructor(
    private readonly k: number,
    private readonly key: Float64Array | Int32Array | Uint8Array,
    private readonly better: (a: number, b: number) => number,
  ) {}

  offer(s: number): void {
    const h = this.heap
    if (h.length < this.k) {
      h.push(s)
      let i = h.length - 1
      while (i > 0) {
        const parent = (i - 1) >> 1
        if (this.better(h[parent] as number, h[i] as number) <= 0) break
        ;[h[parent], h[i]] = [h[i] as number, h[parent] as number]
        i = parent
      }
      return
    }
    if (this.k === 0 || (this.key[s] as number) < (this.key[h[0] as number] as number)) return
    if (this.better(s, h[0] as number) <= 0) return
    h[0] = s
    let i = 0
    for (;;) {
      const l = 2 * i + 1
      const r = l + 1
      let worst = i
      if (l < h.length && this.better(h[worst] as number, h[l] as number) > 0) worst = l
      if (r < h.length && this.better(h[worst] as number, h[r] as number) > 0) worst = r
      if (worst === i) break
      ;[h[worst], h[i]] = [h[i] as number, h[worst] as number]
      i = worst
    }
  }

  sorted(): number[] {
    return [...this.heap].sort((a, b) => this.better(b, a))
  }
}
