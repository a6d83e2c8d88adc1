import type { Selectable } from 'kysely'
import type pg from 'pg'
import type { Db } from '../../db/client.js'
import { copyRows } from '../../db/copy.js'
import { AppError } from '../../shared/errors.js'
import { getParameterOn } from '../reference/index.js'
import { type RegistryDb, submitEvents } from '../registry/index.js'
import { addMonths } from './benefit.rules.js'
import {
  type Contribution,
  computeContribution,
  type MonthRates,
  missingRates,
  PLATFORM_KEYS,
  type RateKey,
  type Regime,
  STANDARD_KEYS,
} from './contribution.rules.js'
import { currentMonth, type IncomeInput, type ParsedIncome, validateIncome } from './income.parser.js'
import * as repo from './income.repository.js'
import { getPlatform } from './platform.service.js'
import type { IncomeBatchTable } from './social.tables.js'

export const MAX_ROWS_PER_CALL = 10_000
/** The registry channel all platforms' workers' statuses come through (migration 0008). */
export const PLATFORMS_CHANNEL = 'platforms'
/** A worker counts as active on a platform with income in this month or the two before it. */
export const ACTIVE_MONTHS = 3

export interface IncomeBatch {
  id: number
  platformBin: string
  state: Selectable<IncomeBatchTable>['state']
  format: 'api' | 'csv'
  fileName: string | null
  createdAt: string
  finishedAt: string | null
  error: string | null
  counts: { received: number; accepted: number; duplicate: number; rejected: number }
}

function toBatch(row: Selectable<IncomeBatchTable>): IncomeBatch {
  return {
    id: row.id,
    platformBin: row.platform_bin,
    state: row.state,
    format: row.format,
    fileName: row.file_name,
    createdAt: row.created_at.toISOString(),
    finishedAt: row.finished_at?.toISOString() ?? null,
    error: row.error,
    counts: { received: row.received, accepted: row.accepted, duplicate: row.duplicate, rejected: row.rejected },
  }
}

export async function getIncomeBatch(db: Db, id: number): Promise<IncomeBatch> {
  const row = await repo.findBatch(db, id)
  if (row === undefined) throw new AppError('not_found', `no income batch ${id}`)
  return toBatch(row)
}

export async function listIncomeRejections(db: Db, id: number) {
  await getIncomeBatch(db, id)
  return repo.listRejections(db, id)
}

/** The parameters in force on the first of a month, both regimes; a key with no value then is left out. */
async function loadMonthRates(db: Db, month: string): Promise<MonthRates> {
  const rates: MonthRates = {}
  for (const key of [...STANDARD_KEYS, ...PLATFORM_KEYS] as RateKey[]) {
    try {
      const p = await getParameterOn(db, key, `${month}-01`)
      if (p.value !== null) rates[key] = { key, validFrom: p.validFrom, value: p.value, isVerified: p.isVerified }
    } catch (error) {
      if (!(error instanceof AppError && error.code === 'not_found')) throw error
    }
  }
  return rates
}

const amounts = (c: Contribution | null) =>
  c === null
    ? [null, null, null, null, null, null, null, null]
    : [c.pensionBase, c.socialBase, c.pension, c.employerPension, c.social, c.healthEmployee, c.healthEmployer, c.total]

export interface IngestOutcome {
  batch: IncomeBatch
  results?: repo.RowResult[]
  /** The registry's answer for the platform_worker statuses of workers active in this batch. */
  registry: { events: number; applied: number; superseded: number; duplicate: number; rejected: number; error?: string }
}

/**
 * Loads one income report: every row is validated and its contributions computed under both regimes while it
 * streams into a staging table (COPY), then the merge keeps each worker's regime and writes the ledger set-wise.
 * One transaction: a crash leaves nothing half-applied. Then workers active in recent months get status
 * platform_worker in the registry (idempotent by source_ref, so a re-sent file re-sends harmlessly).
 */
export async function ingestIncomes(
  database: RegistryDb,
  input: { platformBin: string; format: 'api' | 'csv'; fileName: string | null; submittedBy: number },
  rows: AsyncIterable<ParsedIncome> | Iterable<ParsedIncome>,
  options: { withResults?: boolean; now?: Date } = {},
): Promise<IngestOutcome> {
  const { db } = database
  await getPlatform(db, input.platformBin)
  const batch = await repo.insertBatch(db, input)
  const thisMonth = currentMonth(options.now)
  const rates = new Map<string, MonthRates>()
  async function* staged() {
    for await (const row of rows) {
      if ('error' in row) {
        yield [row.line, null, null, null, null, row.error, row.raw, ...amounts(null), ...amounts(null)]
        continue
      }
      const valid = validateIncome(row.input, thisMonth)
      if (typeof valid === 'string') {
        yield [row.line, null, null, null, null, valid, row.raw, ...amounts(null), ...amounts(null)]
        continue
      }
      let monthRates = rates.get(valid.month)
      if (monthRates === undefined) {
        monthRates = await loadMonthRates(db, valid.month)
        rates.set(valid.month, monthRates)
      }
      const income = Number(valid.income)
      const compute = (regime: Regime) =>
        missingRates(regime, monthRates).length > 0 ? null : computeContribution(regime, income, monthRates)
      yield [
        row.line,
        valid.reportId,
        valid.iin,
        valid.month,
        valid.income,
        null,
        null,
        ...amounts(compute('standard')),
        ...amounts(compute('platform_4pct')),
      ]
    }
  }
  // Heartbeat: the sweeper fails batches whose process died; a live one keeps saying it is alive.
  const heartbeat = setInterval(() => void repo.touchBatch(db, batch.id).catch(() => {}), 10_000)
  const client: pg.PoolClient = await database.pool.connect()
  let merged: Awaited<ReturnType<typeof repo.mergeStage>>
  let results: repo.RowResult[] | undefined
  try {
    await client.query('BEGIN')
    await repo.createStage(client)
    await copyRows(client, 'soc_stage', repo.STAGE_COLUMNS, staged(), (r) => r)
    const params = [...rates].flatMap(([month, r]) =>
      (['standard', 'platform_4pct'] as const)
        .filter((regime) => missingRates(regime, r).length === 0)
        .map((regime) => ({
          month,
          regime,
          parameters: computeContribution(regime, 0, r).parameters,
          bornFrom: regime === 'standard' ? (r.pension_employer_born_from_year?.value ?? null) : null,
        })),
    )
    await repo.insertMonthParameters(client, params)
    merged = await repo.mergeStage(client, batch.id, input.platformBin, addMonths(thisMonth, -(ACTIVE_MONTHS - 1)))
    if (options.withResults) results = await repo.listRowResults(client)
    // The counts commit with the data: a done batch always reconciles (a table constraint checks it too).
    // Only a batch still `received`: one the sweeper already declared failed ("nothing was applied") stays so.
    const finished = await client.query(
      `UPDATE social.income_batches SET state = 'done', received = $2, accepted = $3, duplicate = $4, rejected = $5,
         updated_at = now(), finished_at = now() WHERE id = $1 AND state = 'received'`,
      [batch.id, merged.received, merged.accepted, merged.duplicate, merged.rejected],
    )
    if (finished.rowCount !== 1) {
      throw new AppError(
        'conflict',
        `income batch ${batch.id} was marked failed while it loaded (no heartbeat); nothing from it was applied: send the report again`,
      )
    }
    await client.query('COMMIT')
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {})
    const message = error instanceof AppError ? error.message : `failed while loading: ${(error as Error).message}`
    await repo.markFailed(db, batch.id, message)
    throw error
  } finally {
    clearInterval(heartbeat)
    client.release()
  }
  const registry = await announceWorkers(database, input.platformBin, merged.active)
  return { batch: await getIncomeBatch(db, batch.id), ...(results === undefined ? {} : { results }), registry }
}

/**
 * Fails income batches whose load stopped (no heartbeat for `staleAfterSeconds`): their transaction died with the
 * process, so nothing from them was applied. Run by the sweeper job every five minutes and at start-up.
 */
export async function sweepAbandonedIncomeBatches(db: Db, staleAfterSeconds = 120): Promise<number[]> {
  return repo.failAbandonedBatches(db, staleAfterSeconds)
}

/** Active workers become platform_worker through the registry's own ingestion (channel `platforms`). */
async function announceWorkers(database: RegistryDb, platformBin: string, active: repo.ActiveWorker[]) {
  const total = { events: active.length, applied: 0, superseded: 0, duplicate: 0, rejected: 0 }
  try {
    for (let i = 0; i < active.length; i += MAX_ROWS_PER_CALL) {
      const chunk = active.slice(i, i + MAX_ROWS_PER_CALL)
      const { batch } = await submitEvents(
        database,
        PLATFORMS_CHANNEL,
        chunk.map((w) => ({
          iin: w.iin,
          status: 'platform_worker',
          valid_from: `${w.month}-01`,
          source_ref: `platform:${platformBin}:${w.iin}:${w.month}`,
        })),
        null,
      )
      total.applied += batch.counts.applied
      total.superseded += batch.counts.superseded
      total.duplicate += batch.counts.duplicate
      total.rejected += batch.counts.rejected
    }
    return total
  } catch (error) {
    // The incomes are committed; re-sending the same report re-sends these events without double counting.
    return { ...total, error: (error as Error).message }
  }
}

/** The live API: up to 10,000 rows a call, each answered accepted | duplicate | rejected with a reason. */
export async function submitIncomes(
  database: RegistryDb,
  platformBin: string,
  rows: IncomeInput[],
  submittedBy: number,
  options: { now?: Date } = {},
) {
  if (rows.length === 0) throw new AppError('invalid', 'rows is empty', { field: 'rows' })
  if (rows.length > MAX_ROWS_PER_CALL) {
    throw new AppError('invalid', `at most ${MAX_ROWS_PER_CALL} rows per call, got ${rows.length}`, { field: 'rows' })
  }
  const parsed: ParsedIncome[] = rows.map((input, i) => ({ line: i + 1, input, raw: JSON.stringify(input) }))
  const outcome = await ingestIncomes(database, { platformBin, format: 'api', fileName: null, submittedBy }, parsed, {
    withResults: true,
    ...options,
  })
  return {
    ...outcome,
    results: (outcome.results ?? []).map((r) => ({
      index: r.line - 1,
      reportId: rows[r.line - 1]?.report_id,
      outcome: r.outcome,
      ...(r.reason === null ? {} : { reason: r.reason }),
    })),
  }
}
