import { sql } from 'kysely'
import type { Conn } from '../../db/client.js'
import type { AlertFrequency, ExchangeTables } from './exchange.tables.js'

const tables = (db: Conn) => db.withTables<ExchangeTables>()

export function insertSavedSearch(
  db: Conn,
  row: { seeker_iin: string; name: string; params: unknown; frequency: AlertFrequency },
) {
  return tables(db)
    .insertInto('exchange.saved_searches')
    .values({ ...row, params: JSON.stringify(row.params) })
    .returningAll()
    .executeTakeFirstOrThrow()
}

export async function countSavedSearches(db: Conn, seekerIin: string): Promise<number> {
  const row = await tables(db)
    .selectFrom('exchange.saved_searches')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('seeker_iin', '=', seekerIin)
    .executeTakeFirstOrThrow()
  return Number(row.n)
}

export function listSavedSearches(db: Conn, seekerIin: string) {
  return tables(db)
    .selectFrom('exchange.saved_searches')
    .selectAll()
    .where('seeker_iin', '=', seekerIin)
    .orderBy('id')
    .execute()
}

/** Deletes the seeker's own saved search; undefined when there is none of that id for this seeker. */
export function deleteSavedSearch(db: Conn, id: number, seekerIin: string) {
  return tables(db)
    .deleteFrom('exchange.saved_searches')
    .where('id', '=', id)
    .where('seeker_iin', '=', seekerIin)
    .returning('id')
    .executeTakeFirst()
}

/** Saved searches due for a check, least recently checked first: instant ones always, daily ones once a day. */
export function listDueSearches(db: Conn, startOfDay: Date, limit: number) {
  return tables(db)
    .selectFrom('exchange.saved_searches')
    .select('id')
    .where((eb) => eb.or([eb('frequency', '=', 'instant'), eb('checked_until', '<', startOfDay)]))
    .orderBy('checked_until')
    .orderBy('id')
    .limit(limit)
    .execute()
}

/** The saved search locked for this run; undefined when another run holds it (or it was deleted). */
export function lockSavedSearch(db: Conn, id: number) {
  return tables(db)
    .selectFrom('exchange.saved_searches')
    .selectAll()
    .where('id', '=', id)
    .forUpdate()
    .skipLocked()
    .executeTakeFirst()
}

export function setCheckedUntil(db: Conn, id: number, at: Date) {
  return tables(db).updateTable('exchange.saved_searches').set({ checked_until: at }).where('id', '=', id).execute()
}

export async function listDelivered(db: Conn, savedSearchId: number, vacancyIds: readonly number[]) {
  if (vacancyIds.length === 0) return new Set<number>()
  const rows = await tables(db)
    .selectFrom('exchange.alert_deliveries')
    .select('vacancy_id')
    .where('saved_search_id', '=', savedSearchId)
    .where('vacancy_id', 'in', vacancyIds)
    .execute()
  return new Set(rows.map((r) => r.vacancy_id))
}

export async function insertDeliveries(
  db: Conn,
  savedSearchId: number,
  notificationId: number,
  vacancyIds: readonly number[],
) {
  if (vacancyIds.length === 0) return
  await tables(db)
    .insertInto('exchange.alert_deliveries')
    .values(
      vacancyIds.map((vacancy_id) => ({ saved_search_id: savedSearchId, vacancy_id, notification_id: notificationId })),
    )
    .onConflict((oc) => oc.doNothing())
    .execute()
}

export function insertNotification(db: Conn, row: { recipient_iin: string; kind: string; payload: unknown }) {
  return tables(db)
    .insertInto('exchange.notifications')
    .values({ ...row, payload: JSON.stringify(row.payload) })
    .returning('id')
    .executeTakeFirstOrThrow()
}

export function insertEmail(db: Conn, row: { recipient_iin: string; subject: string; body: string }) {
  return tables(db).insertInto('exchange.email_outbox').values(row).returning('id').executeTakeFirstOrThrow()
}

export function listNotifications(db: Conn, recipientIin: string, options: { unreadOnly: boolean; limit: number }) {
  let query = tables(db).selectFrom('exchange.notifications').selectAll().where('recipient_iin', '=', recipientIin)
  if (options.unreadOnly) query = query.where('read_at', 'is', null)
  return query.orderBy('id', 'desc').limit(options.limit).execute()
}

export async function countUnread(db: Conn, recipientIin: string): Promise<number> {
  const row = await tables(db)
    .selectFrom('exchange.notifications')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('recipient_iin', '=', recipientIin)
    .where('read_at', 'is', null)
    .executeTakeFirstOrThrow()
  return Number(row.n)
}

/** Marks the recipient's own notification read, keeping the first reading time; undefined when not theirs. */
export function markNotificationRead(db: Conn, id: number, recipientIin: string) {
  return tables(db)
    .updateTable('exchange.notifications')
    .set({ read_at: sql`coalesce(read_at, now())` })
    .where('id', '=', id)
    .where('recipient_iin', '=', recipientIin)
    .returningAll()
    .executeTakeFirst()
}
