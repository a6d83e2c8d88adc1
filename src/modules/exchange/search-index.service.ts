import type { Db } from '../../db/client.js'
import { parseQuery, type SearchTerm } from './search.query.js'
import type { SearchFilters, SearchOrder } from './search.repository.js'
import { type IndexResult, type ResolvedTerm, SearchIndexData } from './search-index.js'
import * as repo from './search-index.repository.js'

const LOAD_BATCH = 20_000
const CHANGE_BATCH = 5_000
/** A transaction's updated_at is its start time, so a change can commit after a later-stamped one was read. */
const OVERLAP_US = 60_000_000
const SWEEP_MS = 5_000
const CACHE_LIMIT = 20_000

export interface SearchIndexOptions {
  /**
   * Answers are reused for identical searches while nothing changed and for at most this many ms (the bound on how
   * long a vacancy past its window may still show); 0 = no reuse. Default 1000.
   */
  cacheMs?: number
  /** Re-read recent changes with an overlap every this many ms (catches late commits); 0 = never. */
  sweepMs?: number
  log?: (message: string) => void
}

export type IndexAnswer = IndexResult & { corrected?: string; cached?: boolean }

/**
 * The index and its freshness. Every search first reads the vacancies changed since the newest change the index
 * has seen (one indexed query, normally returning nothing), so a vacancy published or closed before the search
 * arrived is in (or out of) its answer. Concurrent searches share that read. A sweep every few seconds re-reads
 * the last minute of changes to catch transactions that committed after a later-stamped one.
 */
export class SearchIndex {
  private data = new SearchIndexData()
  private cursorUs = 0
  private state: 'empty' | 'loading' | 'ready' | 'failed' = 'empty'
  private loading: Promise<void> | null = null
  private inflight: Promise<void> | null = null
  private next: Promise<void> | null = null
  private sweepTimer: NodeJS.Timeout | null = null
  private readonly termCache = new Map<string, ResolvedTerm[] | null>()
  private readonly dayCache = new Map<string, number>()
  private readonly answers = new Map<string, { version: number; at: number; answer: IndexAnswer }>()
  cacheHits = 0
  cacheMisses = 0
  loadMs = 0

  constructor(
    private readonly db: Db,
    private readonly options: SearchIndexOptions = {},
  ) {}

  get ready(): boolean {
    return this.state === 'ready'
  }

  stats() {
    return { ...this.data.stats(), loadMs: this.loadMs }
  }

  /** Loads every published vacancy (once; later calls wait for the same load). */
  start(): Promise<void> {
    if (this.loading === null) {
      this.state = 'loading'
      this.loading = this.load().then(
        () => {
          this.state = 'ready'
          const sweepMs = this.options.sweepMs ?? SWEEP_MS
          if (sweepMs > 0) {
            this.sweepTimer = setInterval(() => {
              this.sweep().catch((error: unknown) => this.options.log?.(`search index sweep failed: ${String(error)}`))
            }, sweepMs)
            this.sweepTimer.unref()
          }
        },
        (error: unknown) => {
          this.state = 'failed'
          this.options.log?.(`search index load failed, searching in PostgreSQL: ${String(error)}`)
        },
      )
    }
    return this.loading
  }

  stop(): void {
    if (this.sweepTimer !== null) clearInterval(this.sweepTimer)
    this.sweepTimer = null
  }

  private async load(): Promise<void> {
    const t0 = performance.now()
    const data = new SearchIndexData()
    // The cursor is taken before reading, so changes made during the load are read again afterwards.
    const cursor = await repo.latestUpdate(this.db)
    let afterId = 0
    let batch = repo.loadPublished(this.db, afterId, LOAD_BATCH)
    for (;;) {
      const rows = await batch
      if (rows.length === 0) break
      afterId = (rows[rows.length - 1] as repo.ChangedRow).id
      // Fetch the next batch while this one is parsed.
      batch = repo.loadPublished(this.db, afterId, LOAD_BATCH)
      for (const row of rows) data.upsert(row)
    }
    data.seal()
    data.warm(Date.now() * 1000)
    this.data = data
    this.cursorUs = cursor
    await this.catchUp(this.cursorUs - OVERLAP_US)
    this.loadMs = performance.now() - t0
    this.options.log?.(`search index loaded: ${data.liveCount} vacancies in ${Math.round(this.loadMs)} ms`)
  }

  private apply(row: repo.ChangedRow): void {
    if (row.state === 'published') {
      if (this.data.updatedOf(row.id) !== row.updated_us) this.data.upsert(row)
    } else this.data.remove(row.id)
  }

  private async catchUp(fromUs: number): Promise<void> {
    let after = fromUs
    for (;;) {
      const rows = await repo.changedSince(this.db, after, CHANGE_BATCH)
      for (const row of rows) {
        this.apply(row)
        if (row.updated_us > this.cursorUs) this.cursorUs = row.updated_us
      }
      if (rows.length < CHANGE_BATCH) return
      after = (rows[rows.length - 1] as repo.ChangedRow).updated_us
    }
  }

  private sweep(): Promise<void> {
    return this.catchUp(this.cursorUs - OVERLAP_US)
  }

  /** Resolves once every change committed before the call is in the index (shared between concurrent callers). */
  fresh(): Promise<void> {
    if (this.inflight === null) {
      const cursor = this.cursorUs
      this.inflight = repo
        .anyChangedSince(this.db, cursor)
        .then((changed) => (changed ? this.catchUp(cursor) : undefined))
        .finally(() => {
          this.inflight = null
        })
      return this.inflight
    }
    // A read is under way but may have started before this call: wait for the one after it.
    if (this.next === null) {
      const again = () => {
        this.next = null
        return this.fresh()
      }
      this.next = this.inflight.then(again, again)
    }
    return this.next
  }

  private async resolve(terms: SearchTerm[]): Promise<ResolvedTerm[] | null> {
    const key = terms.map((t) => `${t.word}/${t.isPrefix ? 1 : 0}/${t.kazakhStem ?? ''}`).join(' ')
    const cached = this.termCache.get(key)
    if (cached !== undefined) return cached
    const resolved = await repo.resolveTerms(this.db, terms)
    if (this.termCache.size >= CACHE_LIMIT) this.termCache.clear()
    this.termCache.set(key, resolved)
    return resolved
  }

  private async dayStart(day: string): Promise<number> {
    let us = this.dayCache.get(day)
    if (us === undefined) {
      us = await repo.dayStartUs(this.db, day)
      if (this.dayCache.size >= 1000) this.dayCache.clear()
      this.dayCache.set(day, us)
    }
    return us
  }

  /**
   * Searches the index; undefined when it cannot answer (not loaded, or a word PostgreSQL splits into several
   * lexemes), so the caller asks PostgreSQL. With `correctTypos`, words found nowhere in the corpus are replaced
   * by the closest corpus word (edit distance 1, 2 for long words) when nothing matched.
   */
  async search(
    f: SearchFilters,
    order: SearchOrder,
    page: { limit: number; offset: number },
    correctTypos = false,
  ): Promise<IndexAnswer | undefined> {
    if (this.state !== 'ready') return undefined
    const [terms, postedSinceUs] = await Promise.all([
      this.resolve(f.terms),
      f.postedSince === undefined ? undefined : this.dayStart(f.postedSince),
      this.fresh(),
    ])
    if (terms === null) return undefined
    const cacheMs = this.options.cacheMs ?? 1000
    const key = cacheMs > 0 ? JSON.stringify([f, order, page, correctTypos]) : ''
    if (cacheMs > 0) {
      const hit = this.answers.get(key)
      if (hit !== undefined && hit.version === this.data.version && Date.now() - hit.at < cacheMs) {
        this.cacheHits++
        return { ...hit.answer, cached: true }
      }
      this.cacheMisses++
    }
    const version = this.data.version
    const at = Date.now()
    const done = await this.compute(terms, f, order, page, postedSinceUs, correctTypos)
    if (cacheMs > 0 && done !== undefined) {
      if (this.answers.size >= CACHE_LIMIT) this.answers.clear()
      this.answers.set(key, { version, at, answer: done })
    }
    return done
  }

  private async compute(
    terms: ResolvedTerm[],
    f: SearchFilters,
    order: SearchOrder,
    page: { limit: number; offset: number },
    postedSinceUs: number | undefined,
    correctTypos: boolean,
  ): Promise<IndexAnswer | undefined> {
    const nowUs = Date.now() * 1000
    const result = this.data.search(terms, f, order, page, nowUs, postedSinceUs)
    if (result.total > 0 || terms.length === 0 || !correctTypos) return result

    // Typos: replace each word that is nowhere in the corpus by its closest corpus word, then search again.
    let changed = false
    const words = terms.map((t) => {
      if (this.data.termFrequency(t) > 0) return t.word
      const fixed = this.data.correct(t.word)
      if (fixed === undefined) return t.word
      changed = true
      return fixed
    })
    if (!changed) return result
    const corrected = words.join(' ')
    const correctedTerms = parseQuery(corrected)
    const resolved = await this.resolve(correctedTerms)
    if (resolved === null) return undefined
    const again = this.data.search(resolved, { ...f, terms: correctedTerms }, order, page, nowUs, postedSinceUs)
    return { ...again, corrected }
  }
}
