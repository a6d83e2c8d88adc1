import type { Insertable } from 'kysely'
import type { Conn } from '../../db/client.js'
import type { PersonTable } from '../../db/schema.js'

/** Where a staff member may look: null region = national. Applied inside the query, never after it. */
export interface Scope {
  regionCode: string | null
  districtCode: string | null
}

export function findPersonInScope(db: Conn, iin: string, scope: Scope) {
  let query = db.selectFrom('identity.people').selectAll().where('iin', '=', iin)
  if (scope.regionCode !== null) query = query.where('region_code', '=', scope.regionCode)
  if (scope.districtCode !== null) query = query.where('kato_code', '=', scope.districtCode)
  return query.executeTakeFirst()
}

export async function personExists(db: Conn, iin: string): Promise<boolean> {
  const row = await db.selectFrom('identity.people').select('iin').where('iin', '=', iin).executeTakeFirst()
  return row !== undefined
}

export function findPerson(db: Conn, iin: string) {
  return db.selectFrom('identity.people').selectAll().where('iin', '=', iin).executeTakeFirst()
}

export function insertPerson(db: Conn, person: Insertable<PersonTable>) {
  return db
    .insertInto('identity.people')
    .values(person)
    .onConflict((oc) => oc.column('iin').doNothing())
    .returningAll()
    .executeTakeFirst()
}

export async function countPeople(db: Conn): Promise<number> {
  const row = await db
    .selectFrom('identity.people')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow()
  return Number(row.n)
}
