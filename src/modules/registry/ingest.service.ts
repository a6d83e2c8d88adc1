import type { Selectable } from 'kysely'
import type pg from 'pg'
import type { Db } from '../../db/client.js'
import { copyRowBatches } from '../../db/copy.js'
import { AppError } from '../../shared/errors.js'
import { listStatusCategories } from '../reference/index.js'
import * as batches from './batch.repository.js'
import * as channels from './channel.repository.js'
import type { ParsedRow } from './event.parser.js'
import { type EventInput, todayInKazakhstan, type ValidationContext, validateEvent } from './event.validate.js'
import * as ingest from './ingest.repository.js'
import type { BatchFormat, BatchTable, ChannelTable } from './registry.tables.js'

export interface RegistryDb {
  db: Db
  pool: pg.Pool
}

export interface Counts {
  received: number
  applied: number
  superseded: number
  duplicate: number
  rejected: number
}

export interface Batch {
  id: number
  channel: string
  state: Selectable<BatchTable>['state']
  format: BatchFormat
  fileName: string | null
  createdAt: string
  finishedAt: string | null
  error: string | null
  counts: Counts
}

export function toBatch(row: Selectable<BatchTable>): Batch {
  return {
    id: row.id,
    channel: row.channel_code,
    state: row.state,
    format: row.format,
    fileName: row.file_name,
    createdAt: row.created_at.toISOString(),
    finishedAt: row.finished_at?.toISOString() ?? null,
    error: row.error,
    counts: {
      received: row.received,
      applied: row.applied,
      superseded: row.superseded,
      duplicate: row.duplicate,
      rejected: row.rejected,
    },
  }
}

export async function getChannel(db: Db, code: string): Promise<Selectable<ChannelTable>> {
  const channel = await channels.findChannel(db, code)
  if (channel === undefined)
    throw new AppError('invalid', `unknown channel ${JSON.stringify(code)}`, { field: 'channel' })
  return channel
}

async function validationContext(db: Db, channel: Selectable<ChannelTable>): Promise<ValidationContext> {
  const statuses = await listStatusCategories(db)
  return {
    channelCode: channel.code,
    knownStatuses: new Set(statuses.map((s) => s.code)),
    allowedStatuses: new Set(channel.allowed_statuses),
    today: todayInKazakhstan(),
  }
}

type StageRow = readonly [
  number,
  string | null,
  string | null,
  string | null,
  string | null,
  string | null,
  string | null,
  string | null,
  string | null,
]

/** Turns a parsed row into a staging row: validated fields, or the reason with the raw text. */
function toStageRow(row: ParsedRow, ctx: ValidationContext): StageRow {
  if ('error' in row) return [row.line, null, null, null, null, null, null, row.error, row.raw]
  const event = validateEvent(row.input, ctx)
  if (typeof event === 'string') return [row.line, null, null, null, null, null, null, event, row.raw]
  const content = `${event.iin}|${event.status}|${event.validFrom}|${event.validTo ?? ''}`
  return [row.line, event.iin, event.status, event.validFrom, event.validTo, event.sourceRef, content, null, null]
}

export async function createBatch(
  db: Db,
  input: { channelCode: string; format: BatchFormat; fileName: string | null; submittedBy: number | null },
): Promise<Batch> {
  await getChannel(db, input.channelCode)
  return toBatch(await batches.insertBatch(db, input))
}

export async function getBatch(db: Db, id: number): Promise<Batch> {
  const row = await batches.findBatch(db, id)
  if (row === undefined) throw new AppError('not_found', `no batch ${id}`)
  return toBatch(row)
}

const PROGRESS_EVERY_MS = 1_000

/**
 * Loads one batch: every row is streamed into a staging table (validated on the way), then merged set-wise.
 * The whole batch is one transaction, so a crash at any moment leaves nothing half-applied; the batch row's
 * progress is written beside it for others to watch. Ends with counts that reconcile, or with `failed`.
 */
export async function ingestBatch(
  database: RegistryDb,
  batchId: number,
  rows: RowSource,
  options: {
    withResults?: boolean
    onProgress?: (received: number) => void
    onMerged?: (timings: Record<string, number>) => void
  } = {},
): Promise<{ batch: Batch; results?: ingest.RowResult[] }> {
  const batch = await getBatch(database.db, batchId)
  if (batch.state !== 'received')
    throw new AppError('conflict', `batch ${batchId} is ${batch.state}; a batch takes one file`)
  const channel = await getChannel(database.db, batch.channel)
  const ctx = await validationContext(database.db, channel)
  await batches.markProgress(database.db, batchId, 'validating', 0)
  // Heartbeat: the sweeper fails batches whose process died; a live one keeps saying it is alive.
  const heartbeat = setInterval(() => void batches.touchBatch(database.db, batchId).catch(() => {}), 10_000)
  let lastProgress = 0
  let released = false
  const client = await database.pool.connect()
  try {
    await client.query('BEGIN')
    await ingest.createStage(client)
    const staged = await copyRowBatches(
      client,
      'reg_stage',
      ingest.STAGE_COLUMNS,
      stageBatches(rows, ctx),
      (r) => r,
      (n) => {
        const now = Date.now()
        if (now - lastProgress < PROGRESS_EVERY_MS) return
        lastProgress = now
        options.onProgress?.(n)
        void batches.markProgress(database.db, batchId, 'validating', n).catch(() => {})
      },
    )
    options.onProgress?.(staged)
    // Not awaited: waiting for a second pool connection while holding one deadlocks a busy pool.
    void batches.markProgress(database.db, batchId, 'applying', staged).catch(() => {})
    const merged = await ingest.mergeStage(client, batchId, channel.code)
    options.onMerged?.(merged.timings)
    const counts: Counts = {
      received: merged.staged,
      applied: merged.applied,
      superseded: merged.superseded,
      duplicate: merged.duplicate,
      rejected: merged.rejected,
    }
    const results = options.withResults ? await ingest.listRowResults(client) : undefined
    // The counts commit with the data: a done batch always reconciles (a table constraint checks it too).
    await client.query(
      `UPDATE registry.batches SET state = 'done', received = $2, applied = $3, superseded = $4, duplicate = $5,
         rejected = $6, error = NULL, updated_at = now(), finished_at = now() WHERE id = $1`,
      [batchId, counts.received, counts.applied, counts.superseded, counts.duplicate, counts.rejected],
    )
    await client.query('COMMIT')
    client.release()
    released = true
    return { batch: await getBatch(database.db, batchId), ...(results === undefined ? {} : { results }) }
  } catch (error) {
    if (!released) {
      await client.query('ROLLBACK').catch(() => {})
      client.release()
      released = true
    }
    const message = error instanceof AppError ? error.message : `failed while loading: ${(error as Error).message}`
    await batches.markFailed(database.db, batchId, message)
    throw error
  } finally {
    clearInterval(heartbeat)
    if (!released) client.release()
  }
}

/** What ingestBatch reads: rows, or rows in arrays (parseCsvBatches: one asynchronous step per chunk, not per row). */
export type RowSource = AsyncIterable<ParsedRow | readonly ParsedRow[]> | Iterable<ParsedRow | readonly ParsedRow[]>

async function* stageBatches(rows: RowSource, ctx: ValidationContext) {
  for await (const item of rows) {
    if (Array.isArray(item)) yield (item as readonly ParsedRow[]).map((row) => toStageRow(row, ctx))
    else yield [toStageRow(item as ParsedRow, ctx)]
  }
}

export const MAX_EVENTS_PER_CALL = 10_000

/** The live API: a call's events become a batch of format `api` with a per-event answer. */
export async function submitEvents(
  database: RegistryDb,
  channelCode: string,
  events: EventInput[],
  submittedBy: number | null,
): Promise<{
  batch: Batch
  results: { index: number; sourceRef: unknown; outcome: ingest.RowResult['outcome']; reason?: string }[]
}> {
  if (events.length === 0) throw new AppError('invalid', 'events is empty', { field: 'events' })
  if (events.length > MAX_EVENTS_PER_CALL) {
    throw new AppError('invalid', `at most ${MAX_EVENTS_PER_CALL} events per call, got ${events.length}`, {
      field: 'events',
    })
  }
  const batch = await createBatch(database.db, { channelCode, format: 'api', fileName: null, submittedBy })
  const rows: ParsedRow[] = events.map((input, i) => ({ line: i + 1, input, raw: JSON.stringify(input) }))
  const done = await ingestBatch(database, batch.id, [rows], { withResults: true })
  return {
    batch: done.batch,
    results: (done.results ?? []).map((r) => ({
      index: r.line - 1,
      sourceRef: events[r.line - 1]?.source_ref,
      outcome: r.outcome,
      ...(r.reason === null ? {} : { reason: r.reason }),
    })),
  }
}

export async function listBatches(
  db: Db,
  filter: { channelCode?: string | undefined; submittedBy?: number | undefined },
) {
  return (await batches.listBatches(db, { ...filter, limit: 50 })).map(toBatch)
}

export async function listRejections(db: Db, batchId: number) {
  await getBatch(db, batchId)
  return batches.listRejections(db, batchId)
}

export async function sweepAbandonedBatches(db: Db, staleAfterSeconds = 120): Promise<number[]> {
  return batches.failAbandonedBatches(db, staleAfterSeconds)
}
