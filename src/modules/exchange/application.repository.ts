import { type Insertable, sql } from 'kysely'
import type { Conn } from '../../db/client.js'
import type { ApplicationEventTable, ApplicationState, ExchangeTables } from './exchange.tables.js'

const tables = (db: Conn) => db.withTables<ExchangeTables>()

const WITH_VACANCY = [
  'a.id',
  'a.vacancy_id',
  'a.seeker_iin',
  'a.seeker_name',
  'a.cover_letter',
  'a.state',
  'a.created_at',
  'a.updated_at',
  'v.title as vacancy_title',
  'v.employer_name',
  'v.employer_bin',
] as const

/** Inserts the application unless the seeker already applied to the vacancy; undefined then. */
export function insertApplication(
  db: Conn,
  row: { vacancy_id: number; seeker_iin: string; seeker_name: string; cover_letter: string | null },
) {
  return tables(db)
    .insertInto('exchange.applications')
    .values(row)
    .onConflict((oc) => oc.columns(['vacancy_id', 'seeker_iin']).doNothing())
    .returning('id')
    .executeTakeFirst()
}

export function findApplicationId(db: Conn, vacancyId: number, seekerIin: string) {
  return tables(db)
    .selectFrom('exchange.applications')
    .select('id')
    .where('vacancy_id', '=', vacancyId)
    .where('seeker_iin', '=', seekerIin)
    .executeTakeFirst()
}

export function findApplication(db: Conn, id: number) {
  return tables(db)
    .selectFrom('exchange.applications as a')
    .innerJoin('exchange.vacancies as v', 'v.id', 'a.vacancy_id')
    .select(WITH_VACANCY)
    .where('a.id', '=', id)
    .executeTakeFirst()
}

/** The application row locked until the transaction ends: two moves of one application take turns. */
export function lockApplication(db: Conn, id: number) {
  return tables(db).selectFrom('exchange.applications').selectAll().where('id', '=', id).forUpdate().executeTakeFirst()
}

export async function moveApplication(
  db: Conn,
  id: number,
  event: Omit<Insertable<ApplicationEventTable>, 'application_id'>,
) {
  await tables(db)
    .updateTable('exchange.applications')
    .set({ state: event.state as ApplicationState, updated_at: sql`now()` })
    .where('id', '=', id)
    .execute()
  await tables(db)
    .insertInto('exchange.application_events')
    .values({ ...event, application_id: id })
    .execute()
}

export function insertEvent(db: Conn, event: Insertable<ApplicationEventTable>) {
  return tables(db).insertInto('exchange.application_events').values(event).execute()
}

export function listEvents(db: Conn, applicationIds: readonly number[]) {
  if (applicationIds.length === 0) return Promise.resolve([])
  return tables(db)
    .selectFrom('exchange.application_events')
    .selectAll()
    .where('application_id', 'in', applicationIds)
    .orderBy('application_id')
    .orderBy('id')
    .execute()
}

export function listSeekerApplications(db: Conn, seekerIin: string) {
  return tables(db)
    .selectFrom('exchange.applications as a')
    .innerJoin('exchange.vacancies as v', 'v.id', 'a.vacancy_id')
    .select(WITH_VACANCY)
    .where('a.seeker_iin', '=', seekerIin)
    .orderBy('a.created_at', 'desc')
    .orderBy('a.id', 'desc')
    .limit(500)
    .execute()
}

export function listVacancyApplications(db: Conn, vacancyId: number) {
  return tables(db)
    .selectFrom('exchange.applications as a')
    .innerJoin('exchange.vacancies as v', 'v.id', 'a.vacancy_id')
    .select(WITH_VACANCY)
    .where('a.vacancy_id', '=', vacancyId)
    .orderBy('a.created_at')
    .orderBy('a.id')
    .limit(5000)
    .execute()
}

/** Queues an event for another module in the caller's transaction (the transactional outbox). */
export function insertOutbox(db: Conn, row: { event_type: string; iin: string; payload: unknown }) {
  return tables(db)
    .insertInto('exchange.outbox')
    .values({ event_type: row.event_type, iin: row.iin, payload: JSON.stringify(row.payload) })
    .returning('id')
    .executeTakeFirstOrThrow()
}

/** Pending outbox events, oldest first, locked so that two consumers never take the same one. */
export function claimOutbox(db: Conn, limit: number) {
  return tables(db)
    .selectFrom('exchange.outbox')
    .selectAll()
    .where('processed_at', 'is', null)
    .orderBy('id')
    .limit(limit)
    .forUpdate()
    .skipLocked()
    .execute()
}

export async function markOutboxProcessed(db: Conn, ids: readonly number[]): Promise<void> {
  if (ids.length === 0) return
  await tables(db).updateTable('exchange.outbox').set({ processed_at: sql`now()` }).where('id', 'in', ids).execute()
}
