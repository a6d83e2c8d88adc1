import { Kysely, PostgresDialect, type Transaction } from 'kysely'
import pg from 'pg'
import type { Database } from './schema.js'

// `date` stays an ISO string: a birth date is a calendar day, not an instant, and must not shift by time zone.
pg.types.setTypeParser(pg.types.builtins.DATE, (value) => value)
// bigint ids and counts fit in a JS number for our scale; keep them as numbers in the API.
pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number(value))

export type Db = Kysely<Database>
export type Trx = Transaction<Database>
/** A connection a repository can run on: the pool or an open transaction. */
export type Conn = Db | Trx

export interface DatabaseHandle {
  db: Db
  pool: pg.Pool
  url: string
  close(): Promise<void>
}

export function connectDatabase(url: string, options: { max?: number } = {}): DatabaseHandle {
  // A bounded wait for a connection: a dry pool answers with an error instead of hanging every request.
  const pool = new pg.Pool({
    connectionString: url,
    max: options.max ?? 10,
    application_name: 'jumys',
    connectionTimeoutMillis: 30_000,
  })
  // An idle client that loses its server (restart, network) must not crash the process; the pool replaces it.
  pool.on('error', () => {})
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) })
  return {
    db,
    pool,
    url,
    async close() {
      await db.destroy()
    },
  }
}
