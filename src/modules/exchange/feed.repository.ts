import { sql } from 'kysely'
import type { Conn } from '../../db/client.js'
import type { ExchangeTables } from './exchange.tables.js'

const tables = (db: Conn) => db.withTables<ExchangeTables>()

/** Where a page of the change stream starts: after this (updated_at, id), updated_at as exact text. */
export interface FeedPosition {
  at: string
  id: number
}

/**
 * Every vacancy's `updated_at` is its transaction's start (now()), and a transaction can commit after a later one
 * did. A reader that already passed that instant would never see the late row. So the stream serves only rows
 * older than every transaction still running in this database: nothing can appear behind the cursor later. A long
 * transaction delays the stream; it never makes it skip. Autovacuum and other background workers write no
 * vacancies, so only client sessions count.
 */
export async function findHorizon(db: Conn): Promise<string> {
  const { rows } = await sql<{ horizon: string }>`
    SELECT to_char(least(now(), (
      SELECT min(xact_start) FROM pg_stat_activity
      WHERE datname = current_database() AND pid <> pg_backend_pid() AND xact_start IS NOT NULL
        AND backend_type = 'client backend'
    )) AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS horizon`.execute(db)
  return rows[0]?.horizon as string
}

/** Vacancies that were ever public, changed after the position and before the horizon, in (updated_at, id) order. */
export function listChanges(db: Conn, after: FeedPosition | null, horizon: string, limit: number) {
  let query = tables(db)
    .selectFrom('exchange.vacancies')
    .selectAll()
    .select([
      sql<string>`to_char(updated_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`.as('updated_at_text'),
      // Publication stamps published_at in the app (milliseconds) after its transaction began (updated_at = now(),
      // microseconds), so an untouched vacancy has updated_at <= published_at at millisecond precision. Clock skew
      // between app and database can only turn a "published" into a "changed"; a consumer upserts both alike.
      sql<boolean>`date_trunc('milliseconds', updated_at) <= published_at`.as('is_unchanged_since_publication'),
    ])
    .where('published_at', 'is not', null)
    .where('updated_at', '<', sql<Date>`${horizon}::timestamptz`)
  if (after !== null) {
    query = query.where(sql<boolean>`(updated_at, id) > (${after.at}::timestamptz, ${after.id}::bigint)`)
  }
  return query.orderBy('updated_at').orderBy('id').limit(limit).execute()
}
