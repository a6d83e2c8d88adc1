import { type Insertable, sql } from 'kysely'
import type { Conn } from '../../db/client.js'
import type { EnrolmentState } from './programme.rules.js'
import type { EnrolmentTable, ProgrammesTables } from './programmes.tables.js'

const t = (db: Conn) => db.withTables<ProgrammesTables>()

export function listProgrammes(db: Conn) {
  return t(db).selectFrom('programmes.programmes').selectAll().orderBy('sort_order').execute()
}

export function findProgramme(db: Conn, code: string) {
  return t(db).selectFrom('programmes.programmes').selectAll().where('code', '=', code).executeTakeFirst()
}

export function findPersonFacts(db: Conn, iin: string) {
  return t(db).selectFrom('identity.person_facts').selectAll().where('iin', '=', iin).executeTakeFirst()
}

export async function listFlags(db: Conn, iin: string): Promise<string[]> {
  const rows = await t(db)
    .selectFrom('programmes.person_flags')
    .select('flag')
    .where('iin', '=', iin)
    .orderBy('flag')
    .execute()
  return rows.map((r) => r.flag)
}

export function upsertFlag(db: Conn, row: { iin: string; flag: string; recorded_by: number; note: string | null }) {
  return t(db)
    .insertInto('programmes.person_flags')
    .values(row)
    .onConflict((oc) =>
      oc
        .columns(['iin', 'flag'])
        .doUpdateSet({ recorded_by: row.recorded_by, note: row.note, recorded_at: sql`now()` }),
    )
    .execute()
}

export function deleteFlag(db: Conn, iin: string, flag: string) {
  return t(db).deleteFrom('programmes.person_flags').where('iin', '=', iin).where('flag', '=', flag).execute()
}

// Plans

export function findPlan(db: Conn, regionCode: string, year: number, programmeCode: string) {
  return t(db)
    .selectFrom('programmes.plans')
    .selectAll()
    .where('region_code', '=', regionCode)
    .where('year', '=', year)
    .where('programme_code', '=', programmeCode)
    .executeTakeFirst()
}

/** The plan row, locked: every ledger movement of a plan takes turns here. */
export function lockPlan(db: Conn, id: number) {
  return t(db).selectFrom('programmes.plans').selectAll().where('id', '=', id).forUpdate().executeTakeFirstOrThrow()
}

export function lockPlanByKey(db: Conn, regionCode: string, year: number, programmeCode: string) {
  return t(db)
    .selectFrom('programmes.plans')
    .selectAll()
    .where('region_code', '=', regionCode)
    .where('year', '=', year)
    .where('programme_code', '=', programmeCode)
    .forUpdate()
    .executeTakeFirst()
}

export function insertPlan(
  db: Conn,
  row: { region_code: string; year: number; programme_code: string; places: number; budget: number; set_by: number },
) {
  return t(db).insertInto('programmes.plans').values(row).returningAll().executeTakeFirstOrThrow()
}

export function updatePlanTarget(db: Conn, id: number, places: number, budget: number, setBy: number) {
  return t(db)
    .updateTable('programmes.plans')
    .set({ places, budget, set_by: setBy, updated_at: sql`now()` })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow()
}

/** Moves a plan's ledger totals and counters by the given deltas (the caller holds the plan's lock). */
export async function movePlan(
  db: Conn,
  id: number,
  delta: {
    placesCommitted?: number
    placesSpent?: number
    budgetCommitted?: number
    budgetSpent?: number
    enrolled?: number
    completed?: number
    dropped?: number
    followedUp?: number
    employed?: number
  },
) {
  await sql`
    UPDATE programmes.plans SET
      places_committed = places_committed + ${delta.placesCommitted ?? 0},
      places_spent = places_spent + ${delta.placesSpent ?? 0},
      budget_committed = budget_committed + ${delta.budgetCommitted ?? 0}::numeric,
      budget_spent = budget_spent + ${delta.budgetSpent ?? 0}::numeric,
      people_enrolled = people_enrolled + ${delta.enrolled ?? 0},
      people_completed = people_completed + ${delta.completed ?? 0},
      people_dropped = people_dropped + ${delta.dropped ?? 0},
      followed_up = followed_up + ${delta.followedUp ?? 0},
      employed_after_6m = employed_after_6m + ${delta.employed ?? 0}
    WHERE id = ${id}`.execute(db)
}

export function insertLedger(
  db: Conn,
  row: {
    plan_id: number
    enrolment_id: number
    entry: 'commit' | 'spend' | 'release'
    places: number
    amount: number
    actor_id: number
  },
) {
  return t(db).insertInto('programmes.ledger').values(row).execute()
}

export function listPlans(db: Conn, filter: { regionCode: string | null; year: number }) {
  let q = t(db)
    .selectFrom('programmes.plans as p')
    .innerJoin('programmes.programmes as g', 'g.code', 'p.programme_code')
    .selectAll('p')
    .select(['g.name_kk', 'g.name_ru', 'g.name_en'])
    .where('p.year', '=', filter.year)
  if (filter.regionCode !== null) q = q.where('p.region_code', '=', filter.regionCode)
  return q.orderBy('p.region_code').orderBy('g.sort_order').execute()
}

// Enrolments

export function insertEnrolment(db: Conn, row: Insertable<EnrolmentTable>) {
  return t(db).insertInto('programmes.enrolments').values(row).returningAll().executeTakeFirstOrThrow()
}

export function findEnrolmentOf(db: Conn, iin: string, programmeCode: string, year: number) {
  return t(db)
    .selectFrom('programmes.enrolments')
    .select(['id', 'state'])
    .where('iin', '=', iin)
    .where('programme_code', '=', programmeCode)
    .where('year', '=', year)
    .where('state', '<>', 'refused')
    .executeTakeFirst()
}

export function findEnrolment(db: Conn, id: number) {
  return t(db).selectFrom('programmes.enrolments').selectAll().where('id', '=', id).executeTakeFirst()
}

export function lockEnrolment(db: Conn, id: number) {
  return t(db).selectFrom('programmes.enrolments').selectAll().where('id', '=', id).forUpdate().executeTakeFirst()
}

export function updateEnrolment(
  db: Conn,
  id: number,
  set: {
    state: EnrolmentState
    decided_by?: number
    decided_at?: Date
    refusal_reason?: string
    exit_date?: string
    exit_reason?: string | null
    spent?: number
    followup_date?: string
  },
) {
  return t(db)
    .updateTable('programmes.enrolments')
    .set(set)
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow()
}

export function listEnrolments(
  db: Conn,
  filter: {
    regionCode: string | null
    year: number
    state: EnrolmentState | null
    programmeCode: string | null
    limit: number
  },
) {
  let q = t(db).selectFrom('programmes.enrolments').selectAll().where('year', '=', filter.year)
  if (filter.regionCode !== null) q = q.where('region_code', '=', filter.regionCode)
  if (filter.state !== null) q = q.where('state', '=', filter.state)
  if (filter.programmeCode !== null) q = q.where('programme_code', '=', filter.programmeCode)
  return q.orderBy('id', 'desc').limit(filter.limit).execute()
}

/** Completed enrolments whose follow-up day has come and that were not followed up yet, locked. */
export function claimDueFollowUps(db: Conn, today: string, limit: number) {
  return t(db)
    .selectFrom('programmes.enrolments')
    .select(['id', 'plan_id', 'iin', 'followup_date'])
    .where('state', '=', 'completed')
    .where('followup_status', 'is', null)
    .where('followup_date', '<=', today)
    .orderBy('followup_date')
    .limit(limit)
    .forUpdate()
    .skipLocked()
    .execute()
}

export function recordFollowUp(db: Conn, id: number, status: string, group: string) {
  return t(db)
    .updateTable('programmes.enrolments')
    .set({ followup_status: status, followup_group: group })
    .where('id', '=', id)
    .execute()
}

// Outbox

export function insertOutbox(db: Conn, iin: string, payload: unknown) {
  return t(db)
    .insertInto('programmes.outbox')
    .values({ iin, payload: JSON.stringify(payload) })
    .execute()
}

/** Pending outbox events, oldest first, locked so that two relays never take the same one. */
export function claimOutbox(db: Conn, limit: number) {
  return t(db)
    .selectFrom('programmes.outbox')
    .selectAll()
    .where('processed_at', 'is', null)
    .orderBy('id')
    .limit(limit)
    .forUpdate()
    .skipLocked()
    .execute()
}

export async function markOutboxProcessed(db: Conn, ids: readonly number[]) {
  if (ids.length === 0) return
  await t(db).updateTable('programmes.outbox').set({ processed_at: sql`now()` }).where('id', 'in', ids).execute()
}
