import { type Insertable, sql, type Updateable } from 'kysely'
import type { Conn } from '../../db/client.js'
import type { ExchangeTables, VacancyTable } from './exchange.tables.js'

const tables = (db: Conn) => db.withTables<ExchangeTables>()

export function insertVacancy(db: Conn, vacancy: Insertable<VacancyTable>) {
  return tables(db).insertInto('exchange.vacancies').values(vacancy).returningAll().executeTakeFirstOrThrow()
}

export function findVacancy(db: Conn, id: number) {
  return tables(db).selectFrom('exchange.vacancies').selectAll().where('id', '=', id).executeTakeFirst()
}

/** The vacancy row locked until the transaction ends: hires and edits of one vacancy take turns. */
export function lockVacancy(db: Conn, id: number) {
  return tables(db).selectFrom('exchange.vacancies').selectAll().where('id', '=', id).forUpdate().executeTakeFirst()
}

export function updateVacancy(db: Conn, id: number, changes: Updateable<VacancyTable>) {
  return tables(db)
    .updateTable('exchange.vacancies')
    .set({ ...changes, updated_at: sql`now()` })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow()
}

export function listEmployerVacancies(db: Conn, employerBin: string) {
  return tables(db)
    .selectFrom('exchange.vacancies')
    .selectAll()
    .where('employer_bin', '=', employerBin)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(1000)
    .execute()
}

/** How many applications each of the vacancies has (every state); vacancies without any are absent. */
export async function countApplicants(db: Conn, vacancyIds: readonly number[]): Promise<Map<number, number>> {
  if (vacancyIds.length === 0) return new Map()
  const rows = await tables(db)
    .selectFrom('exchange.applications')
    .select(['vacancy_id', sql<number>`count(*)::int`.as('n')])
    .where('vacancy_id', 'in', [...vacancyIds])
    .groupBy('vacancy_id')
    .execute()
  return new Map(rows.map((r) => [r.vacancy_id, r.n]))
}

/**
 * The same employer's open (draft or published) vacancies for the same occupation and place whose title is
 * near-identical (trigram similarity above 0.8): the commonest kind of duplicate is a re-posted ad.
 */
export async function findLikelyDuplicates(
  db: Conn,
  v: { id?: number; employerBin: string; occupationCode: string; katoCode: string; title: string },
): Promise<number[]> {
  let query = tables(db)
    .selectFrom('exchange.vacancies')
    .select('id')
    .where('employer_bin', '=', v.employerBin)
    .where('occupation_code', '=', v.occupationCode)
    .where('kato_code', '=', v.katoCode)
    .where('state', 'in', ['draft', 'published'])
    .where(sql<boolean>`similarity(lower(title), lower(${v.title})) > 0.8`)
  if (v.id !== undefined) query = query.where('id', '<>', v.id)
  const rows = await query.orderBy('id').limit(20).execute()
  return rows.map((r) => r.id)
}

/** One more position filled; the vacancy becomes filled with the last one. Call with the vacancy row locked. */
export function fillPosition(db: Conn, id: number) {
  return tables(db)
    .updateTable('exchange.vacancies')
    .set({
      positions_filled: sql`positions_filled + 1`,
      state: sql`CASE WHEN positions_filled + 1 >= positions THEN 'filled' ELSE state END`,
      updated_at: sql`now()`,
    })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow()
}

/** Moves every published vacancy past its window to expired, in one statement; returns how many. */
export async function expirePublished(db: Conn, now: Date): Promise<number> {
  const rows = await tables(db)
    .updateTable('exchange.vacancies')
    .set({ state: 'expired', updated_at: sql`now()` })
    .where('state', '=', 'published')
    .where('expires_at', '<=', now)
    .returning('id')
    .execute()
  return rows.length
}
