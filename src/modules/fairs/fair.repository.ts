import { type Insertable, type Selectable, sql } from 'kysely'
import type { Conn } from '../../db/client.js'
import type { BoothState, FairState, FairTable, FairTables, RegistrationTable, Sender } from './fairs.tables.js'

const tables = (db: Conn) => db.withTables<FairTables>()

// ---- fairs

export function insertFair(db: Conn, fair: Insertable<FairTable>) {
  return tables(db).insertInto('fairs.fairs').values(fair).returningAll().executeTakeFirstOrThrow()
}

export function findFair(db: Conn, id: number) {
  return tables(db).selectFrom('fairs.fairs').selectAll().where('id', '=', id).executeTakeFirst()
}

export function listFairs(db: Conn, state: FairState | undefined) {
  let query = tables(db).selectFrom('fairs.fairs').selectAll()
  if (state !== undefined) query = query.where('state', '=', state)
  return query.orderBy('starts_at', 'desc').orderBy('id', 'desc').limit(200).execute()
}

/** Planned fairs whose window has begun open; fairs whose window has ended close. Two statements, each set-wise. */
export async function switchStates(db: Conn, now: Date): Promise<{ opened: number; closed: number }> {
  const closed = await tables(db)
    .updateTable('fairs.fairs')
    .set({ state: 'closed' })
    .where('state', 'in', ['planned', 'open'])
    .where('ends_at', '<=', now)
    .returning('id')
    .execute()
  const opened = await tables(db)
    .updateTable('fairs.fairs')
    .set({ state: 'open' })
    .where('state', '=', 'planned')
    .where('starts_at', '<=', now)
    .where('ends_at', '>', now)
    .returning('id')
    .execute()
  return { opened: opened.length, closed: closed.length }
}

/**
 * Next month's fair for every monthly fair that has begun and has no successor yet: same times a calendar month
 * later, same rules. (template_id, starts_at) is unique, so a second run (or a concurrent worker) adds nothing.
 */
export async function createNextMonthlyFairs(db: Conn, now: Date): Promise<number> {
  const { rows } = await sql<{ id: number }>`
    INSERT INTO fairs.fairs (title, description, organiser_account_id, organiser_name, starts_at, ends_at,
                             recurrence, template_id, max_age, graduated_within_years, allowed_statuses, region_codes)
    SELECT f.title, f.description, f.organiser_account_id, f.organiser_name,
           f.starts_at + interval '1 month', f.ends_at + interval '1 month',
           'monthly', f.id, f.max_age, f.graduated_within_years, f.allowed_statuses, f.region_codes
    FROM fairs.fairs f
    WHERE f.recurrence = 'monthly' AND f.starts_at <= ${now}
      AND NOT EXISTS (SELECT 1 FROM fairs.fairs n WHERE n.template_id = f.id)
    ON CONFLICT (template_id, starts_at) DO NOTHING
    RETURNING id`.execute(db)
  return rows.length
}

// ---- booths

export function insertBooth(db: Conn, row: { fair_id: number; employer_bin: string; employer_name: string }) {
  return tables(db)
    .insertInto('fairs.booths')
    .values(row)
    .onConflict((oc) => oc.columns(['fair_id', 'employer_bin']).doNothing())
    .returningAll()
    .executeTakeFirst()
}

export function findBooth(db: Conn, fairId: number, boothId: number) {
  return tables(db)
    .selectFrom('fairs.booths')
    .selectAll()
    .where('fair_id', '=', fairId)
    .where('id', '=', boothId)
    .executeTakeFirst()
}

export function findEmployerBooth(db: Conn, fairId: number, employerBin: string) {
  return tables(db)
    .selectFrom('fairs.booths')
    .selectAll()
    .where('fair_id', '=', fairId)
    .where('employer_bin', '=', employerBin)
    .executeTakeFirst()
}

export function listBooths(db: Conn, fairId: number, states: readonly BoothState[]) {
  return tables(db)
    .selectFrom('fairs.booths')
    .selectAll()
    .where('fair_id', '=', fairId)
    .where('state', 'in', states)
    .orderBy('id')
    .execute()
}

export function decideBooth(db: Conn, boothId: number, state: BoothState, reason: string | null) {
  return tables(db)
    .updateTable('fairs.booths')
    .set({ state, decision_reason: reason, decided_at: sql`now()` })
    .where('id', '=', boothId)
    .returningAll()
    .executeTakeFirstOrThrow()
}

export async function insertBoothVacancies(
  db: Conn,
  rows: { fair_id: number; booth_id: number; vacancy_id: number; title: string; region_code: string }[],
) {
  if (rows.length === 0) return
  await tables(db)
    .insertInto('fairs.booth_vacancies')
    .values(rows)
    .onConflict((oc) => oc.columns(['fair_id', 'vacancy_id']).doNothing())
    .execute()
}

export function listBoothVacancies(db: Conn, boothIds: readonly number[]) {
  if (boothIds.length === 0) return Promise.resolve([])
  return tables(db)
    .selectFrom('fairs.booth_vacancies')
    .selectAll()
    .where('booth_id', 'in', boothIds)
    .orderBy('vacancy_id')
    .execute()
}

export function listFairVacancies(db: Conn, fairId: number) {
  return tables(db)
    .selectFrom('fairs.booth_vacancies as v')
    .innerJoin('fairs.booths as b', 'b.id', 'v.booth_id')
    .select(['v.vacancy_id', 'v.title', 'v.region_code', 'v.booth_id', 'b.employer_bin', 'b.employer_name', 'b.state'])
    .where('v.fair_id', '=', fairId)
    .orderBy('v.vacancy_id')
    .execute()
}

/** A vacancy on offer at the fair, with its booth. */
export function findFairVacancy(db: Conn, fairId: number, vacancyId: number) {
  return tables(db)
    .selectFrom('fairs.booth_vacancies as v')
    .innerJoin('fairs.booths as b', 'b.id', 'v.booth_id')
    .select(['v.vacancy_id', 'v.title', 'v.booth_id', 'b.state as booth_state', 'b.employer_bin'])
    .where('v.fair_id', '=', fairId)
    .where('v.vacancy_id', '=', vacancyId)
    .executeTakeFirst()
}

// ---- seekers

/** identity's published person facts (birth date, region). */
export function findPersonFacts(db: Conn, iin: string) {
  return tables(db)
    .selectFrom('identity.person_facts')
    .select(['iin', 'birth_date', 'region_code'])
    .where('iin', '=', iin)
    .executeTakeFirst()
}

export function insertRegistration(
  db: Conn,
  row: { fair_id: number; seeker_iin: string; seeker_name: string; region_code: string | null },
) {
  return tables(db)
    .insertInto('fairs.registrations')
    .values(row)
    .onConflict((oc) => oc.columns(['fair_id', 'seeker_iin']).doNothing())
    .returningAll()
    .executeTakeFirst()
}

/**
 * Registers the seeker and confirms it in one statement (one round trip, atomic without BEGIN/COMMIT): the notice
 * is written only when the registration is new, so registering again neither duplicates nor notifies.
 */
export async function insertRegistrationWithNotice(
  db: Conn,
  row: { fair_id: number; seeker_iin: string; seeker_name: string; region_code: string | null },
  unchecked: readonly string[],
) {
  const { rows } = await sql<Selectable<RegistrationTable>>`
    WITH r AS (
      INSERT INTO fairs.registrations (fair_id, seeker_iin, seeker_name, region_code)
      VALUES (${row.fair_id}, ${row.seeker_iin}, ${row.seeker_name}, ${row.region_code})
      ON CONFLICT (fair_id, seeker_iin) DO NOTHING
      RETURNING *
    ), n AS (
      INSERT INTO fairs.notifications (fair_id, recipient_iin, kind, payload)
      SELECT fair_id, seeker_iin, 'registration.confirmed',
             jsonb_build_object('registeredAt', created_at, 'unchecked', ${JSON.stringify(unchecked)}::jsonb)
      FROM r
      ON CONFLICT DO NOTHING
    )
    SELECT * FROM r`.execute(db)
  return rows[0]
}

export function findRegistration(db: Conn, fairId: number, seekerIin: string) {
  return tables(db)
    .selectFrom('fairs.registrations')
    .selectAll()
    .where('fair_id', '=', fairId)
    .where('seeker_iin', '=', seekerIin)
    .executeTakeFirst()
}

export function findRegistrationById(db: Conn, fairId: number, id: number) {
  return tables(db)
    .selectFrom('fairs.registrations')
    .selectAll()
    .where('fair_id', '=', fairId)
    .where('id', '=', id)
    .executeTakeFirst()
}

export async function insertFairApplication(
  db: Conn,
  row: {
    application_id: number
    fair_id: number
    booth_id: number
    vacancy_id: number
    seeker_iin: string
    region_code: string | null
  },
) {
  await tables(db)
    .insertInto('fairs.applications')
    .values(row)
    .onConflict((oc) => oc.column('application_id').doNothing())
    .execute()
}

// ---- slots and bookings

export function insertSlot(
  db: Conn,
  row: { fair_id: number; booth_id: number; starts_at: Date; ends_at: Date; meeting_link: string },
) {
  return tables(db).insertInto('fairs.slots').values(row).returningAll().executeTakeFirstOrThrow()
}

/** The slot that overlaps a time at a booth, to name it in the refusal. */
export function findOverlappingSlot(db: Conn, boothId: number, startsAt: Date, endsAt: Date) {
  return tables(db)
    .selectFrom('fairs.slots')
    .selectAll()
    .where('booth_id', '=', boothId)
    .where(sql<boolean>`tstzrange(starts_at, ends_at) && tstzrange(${startsAt}, ${endsAt})`)
    .orderBy('starts_at')
    .executeTakeFirst()
}

export function findSlot(db: Conn, fairId: number, slotId: number) {
  return tables(db)
    .selectFrom('fairs.slots')
    .selectAll()
    .where('fair_id', '=', fairId)
    .where('id', '=', slotId)
    .executeTakeFirst()
}

export function listBoothSlots(db: Conn, boothId: number) {
  return tables(db)
    .selectFrom('fairs.slots as s')
    .leftJoin('fairs.bookings as b', 'b.slot_id', 's.id')
    .select(['s.id', 's.booth_id', 's.starts_at', 's.ends_at', 's.meeting_link', 'b.seeker_iin'])
    .where('s.booth_id', '=', boothId)
    .orderBy('s.starts_at')
    .limit(5000)
    .execute()
}

export function insertBooking(
  db: Conn,
  row: { slot_id: number; fair_id: number; booth_id: number; seeker_iin: string; starts_at: Date; ends_at: Date },
) {
  return tables(db).insertInto('fairs.bookings').values(row).returningAll().executeTakeFirstOrThrow()
}

/**
 * Books the slot and tells the seeker in one statement: the constraints decide the race exactly as for a bare
 * insert (a refused booking raises and writes no notice), at the cost of one round trip.
 */
export async function insertBookingWithNotice(
  db: Conn,
  row: { slot_id: number; fair_id: number; booth_id: number; seeker_iin: string; starts_at: Date; ends_at: Date },
  meetingLink: string,
) {
  const { rows } = await sql<{ id: number }>`
    WITH b AS (
      INSERT INTO fairs.bookings (slot_id, fair_id, booth_id, seeker_iin, starts_at, ends_at)
      VALUES (${row.slot_id}, ${row.fair_id}, ${row.booth_id}, ${row.seeker_iin}, ${row.starts_at}, ${row.ends_at})
      RETURNING id, slot_id, fair_id, booth_id, seeker_iin, starts_at, ends_at
    ), n AS (
      INSERT INTO fairs.notifications (fair_id, recipient_iin, kind, booking_id, payload)
      SELECT b.fair_id, b.seeker_iin, 'booking.confirmed', b.id,
             jsonb_build_object('slotId', b.slot_id, 'boothId', b.booth_id, 'employerName', bo.employer_name,
                                'startsAt', b.starts_at, 'endsAt', b.ends_at, 'meetingLink', ${meetingLink}::text)
      FROM b JOIN fairs.booths bo ON bo.id = b.booth_id
    )
    SELECT id FROM b`.execute(db)
  const booking = rows[0]
  if (booking === undefined) throw new Error('the booking insert returned no row')
  return { id: Number(booking.id) }
}

export function findSeekerOverlap(db: Conn, seekerIin: string, startsAt: Date, endsAt: Date) {
  return tables(db)
    .selectFrom('fairs.bookings')
    .select(['slot_id', 'starts_at', 'ends_at'])
    .where('seeker_iin', '=', seekerIin)
    .where(sql<boolean>`tstzrange(starts_at, ends_at) && tstzrange(${startsAt}, ${endsAt})`)
    .executeTakeFirst()
}

export function listSeekerBookings(db: Conn, fairId: number, seekerIin: string) {
  return tables(db)
    .selectFrom('fairs.bookings as b')
    .innerJoin('fairs.slots as s', 's.id', 'b.slot_id')
    .select(['b.id', 'b.slot_id', 'b.booth_id', 'b.starts_at', 'b.ends_at', 's.meeting_link'])
    .where('b.fair_id', '=', fairId)
    .where('b.seeker_iin', '=', seekerIin)
    .orderBy('b.starts_at')
    .execute()
}

/** The seeker's own booking at the fair, locked so a cancellation and the slot's start cannot race. */
export function lockSeekerBooking(db: Conn, fairId: number, bookingId: number, seekerIin: string) {
  return tables(db)
    .selectFrom('fairs.bookings')
    .selectAll()
    .where('id', '=', bookingId)
    .where('fair_id', '=', fairId)
    .where('seeker_iin', '=', seekerIin)
    .forUpdate()
    .executeTakeFirst()
}

/** Deleting the booking frees its slot: the slot's uniqueness is the booking row itself. */
export async function deleteBooking(db: Conn, bookingId: number) {
  await tables(db).deleteFrom('fairs.bookings').where('id', '=', bookingId).execute()
}

/** A booth's applications at the fair with the seeker's registration and booked interview, if any. */
export function listBoothApplications(db: Conn, fairId: number, boothId: number) {
  return tables(db)
    .selectFrom('fairs.applications as a')
    .leftJoin('fairs.registrations as r', (j) =>
      j.onRef('r.fair_id', '=', 'a.fair_id').onRef('r.seeker_iin', '=', 'a.seeker_iin'),
    )
    .leftJoin('fairs.bookings as b', (j) =>
      j.onRef('b.booth_id', '=', 'a.booth_id').onRef('b.seeker_iin', '=', 'a.seeker_iin'),
    )
    .select(['a.application_id', 'a.vacancy_id', 'r.id as registration_id', 'b.slot_id', 'b.starts_at', 'b.ends_at'])
    .where('a.fair_id', '=', fairId)
    .where('a.booth_id', '=', boothId)
    .orderBy('b.starts_at')
    .execute()
}

// ---- the booth's queue

/** Joins the queue once; joining again while waiting keeps the original place. */
export async function joinQueue(db: Conn, boothId: number, seekerIin: string) {
  await sql`
    INSERT INTO fairs.queue_entries (booth_id, seeker_iin) VALUES (${boothId}, ${seekerIin})
    ON CONFLICT (booth_id, seeker_iin) WHERE served_at IS NULL DO NOTHING`.execute(db)
}

export async function queuePlace(db: Conn, boothId: number, seekerIin: string) {
  const { rows } = await sql<{ place: number | null; waiting: number }>`
    SELECT CASE WHEN me.id IS NULL THEN NULL
                ELSE (SELECT count(*)::int + 1 FROM fairs.queue_entries o
                      WHERE o.booth_id = me.booth_id AND o.served_at IS NULL AND o.id < me.id) END AS place,
           (SELECT count(*)::int FROM fairs.queue_entries w WHERE w.booth_id = ${boothId} AND w.served_at IS NULL) AS waiting
    FROM (SELECT ${boothId}::bigint AS booth_id) b
    LEFT JOIN fairs.queue_entries me ON me.booth_id = b.booth_id AND me.seeker_iin = ${seekerIin} AND me.served_at IS NULL`.execute(
    db,
  )
  const row = rows[0] ?? { place: null, waiting: 0 }
  return { place: row.place, waiting: row.waiting }
}

export async function countWaiting(db: Conn, boothId: number): Promise<number> {
  const row = await tables(db)
    .selectFrom('fairs.queue_entries')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('booth_id', '=', boothId)
    .where('served_at', 'is', null)
    .executeTakeFirstOrThrow()
  return Number(row.n)
}

/** Serves the head of the queue; two recruiters calling "next" at once get two different seekers. */
export async function serveNext(db: Conn, boothId: number) {
  const { rows } = await sql<{ seeker_iin: string }>`
    UPDATE fairs.queue_entries SET served_at = clock_timestamp()
    WHERE id = (SELECT id FROM fairs.queue_entries WHERE booth_id = ${boothId} AND served_at IS NULL
                ORDER BY id LIMIT 1 FOR UPDATE SKIP LOCKED)
    RETURNING seeker_iin`.execute(db)
  return rows[0]?.seeker_iin
}

// ---- messages

export function insertMessage(
  db: Conn,
  row: { fair_id: number; booth_id: number; seeker_iin: string; sender: Sender; body: string },
) {
  return tables(db).insertInto('fairs.messages').values(row).returningAll().executeTakeFirstOrThrow()
}

export function listThread(db: Conn, boothId: number, seekerIin: string) {
  return tables(db)
    .selectFrom('fairs.messages')
    .selectAll()
    .where('booth_id', '=', boothId)
    .where('seeker_iin', '=', seekerIin)
    .orderBy('id')
    .limit(1000)
    .execute()
}

/** One row per seeker who has a conversation with the booth: the count and who wrote last, newest first. */
export async function listBoothThreads(db: Conn, fairId: number, boothId: number) {
  const { rows } = await sql<{
    registration_id: number
    seeker_name: string
    last_at: Date
    messages: number
    last_sender: Sender
  }>`
    SELECT r.id AS registration_id, r.seeker_name, t.last_at, t.messages, t.last_sender
    FROM (
      SELECT seeker_iin, max(sent_at) AS last_at, count(*)::int AS messages,
             (array_agg(sender ORDER BY id DESC))[1] AS last_sender
      FROM fairs.messages
      WHERE fair_id = ${fairId} AND booth_id = ${boothId}
      GROUP BY seeker_iin
    ) t
    JOIN fairs.registrations r ON r.fair_id = ${fairId} AND r.seeker_iin = t.seeker_iin
    ORDER BY t.last_at DESC
    LIMIT 1000`.execute(db)
  return rows
}

// ---- funnel

export async function addVisit(db: Conn, fairId: number, boothId: number) {
  await sql`
    INSERT INTO fairs.visits (fair_id, booth_id, day, views) VALUES (${fairId}, ${boothId}, current_date, 1)
    ON CONFLICT (fair_id, booth_id, day) DO UPDATE SET views = fairs.visits.views + 1`.execute(db)
}

export async function countVisits(db: Conn, fairId: number) {
  const { rows } = await sql<{ booth_id: number; views: number }>`
    SELECT booth_id, sum(views)::bigint AS views FROM fairs.visits WHERE fair_id = ${fairId} GROUP BY booth_id`.execute(
    db,
  )
  return rows.map((r) => ({ boothId: Number(r.booth_id), views: Number(r.views) }))
}

export async function countRegistrationsByRegion(db: Conn, fairId: number) {
  const { rows } = await sql<{ region_code: string | null; n: number }>`
    SELECT region_code, count(*)::int AS n FROM fairs.registrations WHERE fair_id = ${fairId} GROUP BY region_code`.execute(
    db,
  )
  return rows
}

export function listFairApplications(db: Conn, fairId: number) {
  return tables(db)
    .selectFrom('fairs.applications')
    .select(['application_id', 'booth_id', 'vacancy_id', 'seeker_iin', 'region_code'])
    .where('fair_id', '=', fairId)
    .execute()
}

/** Booked interviews with the seeker's region (from the registration). */
export function listFairBookings(db: Conn, fairId: number) {
  return tables(db)
    .selectFrom('fairs.bookings as b')
    .leftJoin('fairs.registrations as r', (j) =>
      j.onRef('r.fair_id', '=', 'b.fair_id').onRef('r.seeker_iin', '=', 'b.seeker_iin'),
    )
    .select(['b.booth_id', 'b.seeker_iin', 'r.region_code'])
    .where('b.fair_id', '=', fairId)
    .execute()
}
