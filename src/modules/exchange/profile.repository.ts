import { type Insertable, sql } from 'kysely'
import type { Conn } from '../../db/client.js'
import type { ExchangeTables, ProfileTable } from './exchange.tables.js'

const tables = (db: Conn) => db.withTables<ExchangeTables>()

export function findProfile(db: Conn, seekerIin: string) {
  return tables(db).selectFrom('exchange.profiles').selectAll().where('seeker_iin', '=', seekerIin).executeTakeFirst()
}

/** The profiles of several seekers at once (an employer's applicant list), whatever their visibility. */
export function listProfiles(db: Conn, seekerIins: readonly string[]) {
  if (seekerIins.length === 0) return Promise.resolve([])
  return tables(db).selectFrom('exchange.profiles').selectAll().where('seeker_iin', 'in', seekerIins).execute()
}

/** Writes the whole profile: the seeker's one row is created or replaced. */
export function upsertProfile(db: Conn, row: Omit<Insertable<ProfileTable>, 'created_at' | 'updated_at'>) {
  const { seeker_iin: _, ...changes } = row
  return tables(db)
    .insertInto('exchange.profiles')
    .values(row)
    .onConflict((oc) => oc.column('seeker_iin').doUpdateSet({ ...changes, updated_at: sql`now()` }))
    .returningAll()
    .executeTakeFirstOrThrow()
}
