import { sql } from 'kysely'
import type { Conn } from '../../db/client.js'
import type { FairTables, NotificationKind } from './fairs.tables.js'

const tables = (db: Conn) => db.withTables<FairTables>()

/** Adds one notice; a second registration confirmation for the same fair and seeker is ignored. */
export async function insertNotification(
  db: Conn,
  row: {
    fair_id: number
    recipient_iin: string
    kind: NotificationKind
    booking_id?: number | null
    payload: Record<string, unknown>
  },
) {
  await sql`
    INSERT INTO fairs.notifications (fair_id, recipient_iin, kind, booking_id, payload)
    VALUES (${row.fair_id}, ${row.recipient_iin}, ${row.kind}, ${row.booking_id ?? null}, ${JSON.stringify(row.payload)}::jsonb)
    ON CONFLICT DO NOTHING`.execute(db)
}

export function listNotifications(db: Conn, recipientIin: string, limit: number) {
  return tables(db)
    .selectFrom('fairs.notifications as n')
    .innerJoin('fairs.fairs as f', 'f.id', 'n.fair_id')
    .select(['n.id', 'n.fair_id', 'f.title as fair_title', 'n.kind', 'n.payload', 'n.created_at', 'n.read_at'])
    .where('n.recipient_iin', '=', recipientIin)
    .orderBy('n.id', 'desc')
    .limit(limit)
    .execute()
}

export function markRead(db: Conn, id: number, recipientIin: string) {
  return tables(db)
    .updateTable('fairs.notifications')
    .set({ read_at: sql`coalesce(read_at, now())` })
    .where('id', '=', id)
    .where('recipient_iin', '=', recipientIin)
    .returning('id')
    .executeTakeFirst()
}

/**
 * One reminder for every booking whose interview starts within the lead time and has not been reminded of,
 * set-wise; the unique index on reminders makes a second run (or two at once) add nothing.
 */
export async function insertDueReminders(db: Conn, now: Date, leadMs: number): Promise<number> {
  const until = new Date(now.getTime() + leadMs)
  const result = await sql`
    INSERT INTO fairs.notifications (fair_id, recipient_iin, kind, booking_id, payload)
    SELECT b.fair_id, b.seeker_iin, 'booking.reminder', b.id,
           jsonb_build_object('slotId', b.slot_id, 'boothId', b.booth_id, 'employerName', bo.employer_name,
                              'startsAt', b.starts_at, 'endsAt', b.ends_at, 'meetingLink', s.meeting_link)
    FROM fairs.bookings b
    JOIN fairs.slots s ON s.id = b.slot_id
    JOIN fairs.booths bo ON bo.id = b.booth_id
    WHERE b.starts_at > ${now} AND b.starts_at <= ${until}
    ON CONFLICT (booking_id) WHERE kind = 'booking.reminder' DO NOTHING`.execute(db)
  return Number(result.numAffectedRows ?? 0)
}
