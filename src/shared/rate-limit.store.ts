import { createHash } from 'node:crypto'
import type { FastifyRateLimitStore, FastifyRateLimitStoreCtor } from '@fastify/rate-limit'
import { sql } from 'kysely'
import type { Conn, Db } from '../db/client.js'

/**
 * What @fastify/rate-limit 11 really passes to `child`: its options merged with the route's `config.rateLimit`,
 * the route itself under `routeInfo` (empty for `createRateLimit`). Its typings call this RouteOptions.
 */
interface ChildOptions {
  routeInfo?: { method?: string | string[]; url?: string }
  continueExceeding?: boolean
  exponentialBackoff?: boolean
}

/**
 * The stored form of a limit key. The key holds what a person typed (a login is often an IIN, a reference
 * number), so only its sha256 is kept; the route is hashed in so that two routes never share a counter.
 */
export function hashRateLimitKey(route: string, key: string): Buffer {
  return createHash('sha256').update(`${route}\n${key}`).digest()
}

/**
 * Counts one attempt in one statement: the row is created, incremented, or restarted when its window has ended.
 * Concurrent attempts from any process serialise on the row, so each gets its own count. Times come from the
 * database's clock, which every app server shares.
 */
export async function countAttempt(
  db: Conn,
  keySha256: Buffer,
  windowMs: number,
): Promise<{ current: number; ttl: number }> {
  const { rows } = await sql<{ hits: number; ttl_ms: number }>`
    INSERT INTO platform.rate_limits AS r (key_sha256, hits, resets_at)
    VALUES (${keySha256}, 1, now() + ${windowMs}::float8 * interval '1 millisecond')
    ON CONFLICT (key_sha256) DO UPDATE SET
      hits = CASE WHEN r.resets_at <= now() THEN 1 ELSE r.hits + 1 END,
      resets_at = CASE WHEN r.resets_at <= now() THEN excluded.resets_at ELSE r.resets_at END
    RETURNING hits, ceil(extract(epoch FROM r.resets_at - now()) * 1000)::bigint AS ttl_ms`.execute(db)
  const row = rows[0]
  if (row === undefined) throw new Error('rate-limit upsert returned no row')
  return { current: row.hits, ttl: Math.max(0, row.ttl_ms) }
}

/** Deletes the counters whose window has ended (an ended window counts as no row at all). Safe to run any time. */
export async function sweepRateLimits(db: Conn): Promise<number> {
  const result = await sql`DELETE FROM platform.rate_limits WHERE resets_at <= now()`.execute(db)
  return Number(result.numAffectedRows ?? 0)
}

/**
 * A @fastify/rate-limit store over `platform.rate_limits`, so that every worker process and app server counts
 * the same attempts. The plugin builds the store itself (`new Store(options)`), hence a class made per database.
 * Register the plugin with `skipOnError: false`: when the database fails, the limited route fails too (500,
 * logged) rather than running without a limit.
 */
export function postgresRateLimitStore(db: Db): FastifyRateLimitStoreCtor {
  class PostgresRateLimitStore implements FastifyRateLimitStore {
    constructor(
      _options: unknown,
      private readonly route = '',
    ) {}

    incr(
      key: string,
      callback: (error: Error | null, result?: { current: number; ttl: number }) => void,
      timeWindow: number,
    ): void {
      countAttempt(db, hashRateLimitKey(this.route, key), timeWindow).then(
        (result) => callback(null, result),
        (error: Error) => callback(new Error(`rate-limit store failed: ${error.message}`, { cause: error })),
      )
    }

    child(routeOptions: Parameters<FastifyRateLimitStore['child']>[0]): FastifyRateLimitStore {
      const options = routeOptions as unknown as ChildOptions
      // These reshape the window after the limit is passed; the statement above does not, and ignoring them
      // silently would make a route's limit weaker than it reads.
      if (options.continueExceeding === true || options.exponentialBackoff === true) {
        throw new Error('the PostgreSQL rate-limit store supports neither continueExceeding nor exponentialBackoff')
      }
      const { method, url } = options.routeInfo ?? {}
      const route = [method, url].filter((part) => part !== undefined).join(' ')
      return new PostgresRateLimitStore(options, route)
    }
  }
  return PostgresRateLimitStore
}
