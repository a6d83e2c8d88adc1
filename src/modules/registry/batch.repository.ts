import { sql } from 'kysely'
import type { Conn } from '../../db/client.js'
import type { BatchFormat, BatchState, RegistryTables } from './registry.tables.js'

const t = (db: Conn) => db.withTables<RegistryTables>()

export function insertBatch(
  db: Conn,
  batch: { channelCode: string; format: BatchFormat; fileName: string | null; submittedBy: number | null },
) {
  return t(db)
    .insertInto('registry.batches')
    .values({
      channel_code: batch.channelCode,
      format: batch.format,
      file_name: batch.fileName,
      submitted_by: batch.submittedBy,
    })
    .returningAll()
    .executeTakeFirstOrThrow()
}

export function findBatch(db: Conn, id: number) {
  return t(db).selectFrom('registry.batches').selectAll().where('id', '=', id).executeTakeFirst()
}

export function listBatches(
  db: Conn,
  filter: { channelCode?: string | undefined; submittedBy?: number | undefined; limit: number },
) {
  let query = t(db).selectFrom('registry.batches').selectAll()
  if (filter.channelCode !== undefined) query = query.where('channel_code', '=', filter.channelCode)
  if (filter.submittedBy !== undefined) query = query.where('submitted_by', '=', filter.submittedBy)
  return query.orderBy('id', 'desc').limit(filter.limit).execute()
}

/** Progress and heartbeat: written outside the batch's transaction so other sessions see it live. */
export async function markProgress(db: Conn, id: number, state: BatchState, received?: number): Promise<void> {
  await t(db)
    .updateTable('registry.batches')
    .set({ state, updated_at: sql`now()`, ...(received === undefined ? {} : { received }) })
    .where('id', '=', id)
    .where('state', 'not in', ['done', 'failed'])
    .execute()
}

export async function markDone(
  db: Conn,
  id: number,
  counts: { received: number; applied: number; superseded: number; duplicate: number; rejected: number },
): Promise<void> {
  await t(db)
    .updateTable('registry.batches')
    .set({ state: 'done', ...counts, error: null, updated_at: sql`now()`, finished_at: sql`now()` })
    .where('id', '=', id)
    .execute()
}

export async function markFailed(db: Conn, id: number, error: string): Promise<void> {
  await t(db)
    .updateTable('registry.batches')
    .set({
      state: 'failed',
      error,
      applied: 0,
      superseded: 0,
      duplicate: 0,
      rejected: 0,
      updated_at: sql`now()`,
      finished_at: sql`now()`,
    })
    .where('id', '=', id)
    .where('state', '<>', 'done')
    .execute()
}

export async function touchBatch(db: Conn, id: number): Promise<void> {
  await t(db).updateTable('registry.batches').set({ updated_at: sql`now()` }).where('id', '=', id).execute()
}

/** Batches whose process stopped (no heartbeat since `staleAfterSeconds`): their transaction is gone, nothing was applied. */
export async function failAbandonedBatches(db: Conn, staleAfterSeconds: number): Promise<number[]> {
  const rows = await t(db)
    .updateTable('registry.batches')
    .set({
      state: 'failed',
      error: 'interrupted before it was applied (the server stopped); nothing from it was applied: send the file again',
      finished_at: sql`now()`,
      updated_at: sql`now()`,
    })
    .where('state', 'in', ['received', 'validating', 'applying'])
    .where('updated_at', '<', sql<Date>`now() - make_interval(secs => ${staleAfterSeconds})`)
    .returning('id')
    .execute()
  return rows.map((r) => r.id)
}

export function listRejections(db: Conn, batchId: number) {
  return t(db)
    .selectFrom('registry.batch_rejections')
    .select(['line', 'reason', 'raw'])
    .where('batch_id', '=', batchId)
    .orderBy('line')
    .execute()
}
