/**
 * Registry ingestion benchmark (issue 3, "Performance"). Run by hand, never in CI:
 *
 *   npx tsx bench/registry.bench.ts [--people 1000000] [--rows 1000000] [--api-calls 200] [--no-docs] [--keep]
 *
 * One run: a fresh embedded PostgreSQL with durable settings, N people, an initial registry loaded through the
 * real ingestion, then a daily CSV file of one channel through `ingestBatch(createBatch(…), parseCsvBatches(file))`
 * (end to end), the bare database work for the same valid rows (COPY into a logged history table + one set-based
 * upsert of current status) and the ratio, a breakdown of where the end-to-end time goes, and the live API
 * (`POST /api/registry/events`) at 10 concurrent clients. Results are printed and written to docs/benchmarks.md.
 */

import { execFileSync } from 'node:child_process'
import { once } from 'node:events'
import { createReadStream } from 'node:fs'
import { chmod, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises'
import { createServer } from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { parseArgs } from 'node:util'
import type pg from 'pg'
import { from as copyFrom } from 'pg-copy-streams'
import { loadConfig } from '../src/config.js'
import { connectDatabase, type DatabaseHandle } from '../src/db/client.js'
import { copyValue } from '../src/db/copy.js'
import { startEmbeddedPostgres } from '../src/db/embedded.js'
import { migrate } from '../src/db/migrate.js'
import { generatePeople, seedPopulation } from '../src/modules/identity/index.js'
import { listDistrictsByRegion, listStatusCategories, loadReferenceData } from '../src/modules/reference/index.js'
// Internals, for the in-process breakdown only (the timed end-to-end run goes through the module's index).
import { validateEvent } from '../src/modules/registry/event.validate.js'
import { createBatch, ingestBatch, parseCsv, parseCsvBatches, seedRegistryDemo } from '../src/modules/registry/index.js'
import { createStage, STAGE_COLUMNS } from '../src/modules/registry/ingest.repository.js'
import { runApi } from './registry-api.js'
import {
  apiBodies,
  createRandom,
  type DailyPlan,
  initialRows,
  type Model,
  planInitialRegistry,
  rememberInitialStatuses,
  writeDailyFile,
} from './registry-data.js'
import {
  type CpuSample,
  type CpuUse,
  cpuBetween,
  fmtInt,
  fmtMiB,
  fmtS,
  installTracer,
  type PgCounters,
  pgCounters,
  sampleCpu,
  setPostmasterPid,
  startTrace,
  stopTrace,
  type TracedStatement,
  table,
} from './registry-measure.js'

const { values: args } = parseArgs({
  options: {
    people: { type: 'string', default: '1000000' },
    rows: { type: 'string', default: '1000000' },
    known: { type: 'string', default: '0.8' },
    'api-calls': { type: 'string', default: '200' },
    'api-size': { type: 'string', default: '1000' },
    'api-clients': { type: 'string', default: '10' },
    'api-seconds': { type: 'string', default: '120' },
    seed: { type: 'string', default: '1' },
    'no-docs': { type: 'boolean', default: false },
    keep: { type: 'boolean', default: false },
  },
})
const PEOPLE = Number(args.people)
const ROWS = Number(args.rows)
const KNOWN = Number(args.known)
const API_CALLS = Number(args['api-calls'])
const API_SIZE = Number(args['api-size'])
const API_CLIENTS = Number(args['api-clients'])
const API_SECONDS = Number(args['api-seconds'])
const SEED = Number(args.seed)
const DAILY_CHANNEL = 'psc'

/** What a production server with this machine's 23 GiB would run with; durability stays on (the defaults). */
const PG_SETTINGS: Record<string, string> = {
  shared_buffers: '4GB',
  effective_cache_size: '12GB',
  work_mem: '64MB',
  maintenance_work_mem: '1GB',
  wal_buffers: '64MB',
  max_wal_size: '4GB',
  min_wal_size: '1GB',
  checkpoint_timeout: '15min',
  checkpoint_completion_target: '0.9',
}
const DURABILITY_SETTINGS = ['fsync', 'synchronous_commit', 'full_page_writes', 'wal_level', 'temp_buffers']

const started = performance.now()
const say = (message: string) =>
  process.stderr.write(`[${((performance.now() - started) / 1000).toFixed(1).padStart(6)} s] ${message}\n`)

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      )
    })
  })
}

const todayInKazakhstan = () => new Date(Date.now() + 5 * 3_600_000).toISOString().slice(0, 10)

interface Phase {
  ms: number
  cpu: CpuUse
  walBytes: number
  /** Whether a checkpoint completed during the phase. */
  checkpoint: boolean
}

async function measured<T>(pool: pg.Pool, work: () => Promise<T>): Promise<{ result: T; phase: Phase }> {
  const before: PgCounters = await pgCounters(pool)
  const cpu0: CpuSample = sampleCpu()
  const t0 = performance.now()
  const result = await work()
  const ms = performance.now() - t0
  const cpu1 = sampleCpu()
  const after = await pgCounters(pool)
  return {
    result,
    phase: {
      ms,
      cpu: cpuBetween(cpu0, cpu1),
      walBytes: after.walBytes - before.walBytes,
      checkpoint: after.checkpointRedo !== before.checkpointRedo,
    },
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Set-up: database, people, initial registry

async function setUp(url: string, database: DatabaseHandle) {
  const { pool, db } = database
  await migrate(pool)
  await loadReferenceData(db, loadConfig().refDataDir)
  await seedRegistryDemo(database, { population: 0 }) // channel accounts with keys demo-<code>
  const districts = await listDistrictsByRegion(db)
  say(`seeding ${fmtInt(PEOPLE)} people`)
  const seeded = await measured(pool, () =>
    seedPopulation(pool, { people: PEOPLE, orgs: Math.ceil(PEOPLE / 50), seed: SEED, districts }),
  )
  say(`seeded ${fmtInt(seeded.result.people)} people in ${fmtS(seeded.phase.ms)}`)

  const model: Model = { iins: [], status: [], holder: [] }
  const hints: string[] = []
  for (const person of generatePeople({ count: PEOPLE, seed: SEED, districts })) {
    model.iins.push(person.iin)
    hints.push(person.statusHint)
    model.status.push(undefined)
    model.holder.push(undefined)
  }
  const { rows: channelRows } = await pool.query<{ code: string; allowed_statuses: string[] }>(
    'SELECT code, allowed_statuses FROM registry.channels',
  )
  const pensionStatuses = new Set(channelRows.find((c) => c.code === 'pension')?.allowed_statuses ?? [])
  const plan = planInitialRegistry(model, hints, pensionStatuses, KNOWN, createRandom(SEED * 7919))
  rememberInitialStatuses(model)

  const initial: { channel: string; rows: number; ms: number; applied: number }[] = []
  for (const [channel, people] of plan) {
    say(`initial registry: ${fmtInt(people.length)} statuses from ${channel}`)
    const t0 = performance.now()
    const batch = await createBatch(db, {
      channelCode: channel,
      format: 'api',
      fileName: 'bench initial',
      submittedBy: null,
    })
    const done = await ingestBatch(database, batch.id, initialRows(model, people))
    const ms = performance.now() - t0
    if (done.batch.counts.applied !== people.length) {
      throw new Error(`initial ${channel} batch: ${JSON.stringify(done.batch.counts)}, expected all applied`)
    }
    initial.push({ channel, rows: people.length, ms, applied: done.batch.counts.applied })
  }
  say('VACUUM ANALYZE (what autovacuum would have done by the next day)')
  await pool.query('VACUUM (ANALYZE) identity.people, registry.status_events, registry.current_status, registry.outbox')
  const { rows: versionRows } = await pool.query<{ v: string }>('SELECT version() AS v')
  return { model, seededMs: seeded.phase.ms, initial, pgVersion: versionRows[0]?.v ?? '?', url }
}

// ---------------------------------------------------------------------------------------------------------------
// The bare database work: a logged history table and a current-status table shaped like the real ones

const BARE_COLUMNS = 'iin, status, valid_from, valid_to, recorded_at, channel_code, batch_id, source_ref, outcome'

async function prepareBare(pool: pg.Pool): Promise<void> {
  await pool.query(`DROP SCHEMA IF EXISTS bench_bare CASCADE; CREATE SCHEMA bench_bare;
    -- Same columns, identity, CHECKs and indexes (PK, unique (channel_code, source_ref), (iin, valid_from));
    -- LIKE copies no foreign keys: the bare work has none.
    CREATE TABLE bench_bare.status_events (LIKE registry.status_events INCLUDING ALL);
    CREATE TABLE bench_bare.current_status (LIKE registry.current_status INCLUDING ALL);
    -- LIKE copies no storage parameters: take them too (current_status has fillfactor 70 for HOT updates).
    DO $$ DECLARE r record; BEGIN
      FOR r IN SELECT c.relname, array_to_string(c.reloptions, ', ') AS options FROM pg_class c
               WHERE c.relnamespace = 'registry'::regnamespace AND c.relname IN ('status_events', 'current_status')
                 AND c.reloptions IS NOT NULL LOOP
        EXECUTE format('ALTER TABLE bench_bare.%I SET (%s)', r.relname, r.options);
      END LOOP;
    END $$;
    INSERT INTO bench_bare.status_events (${BARE_COLUMNS}) SELECT ${BARE_COLUMNS} FROM registry.status_events ORDER BY id;
    INSERT INTO bench_bare.current_status SELECT * FROM registry.current_status;`)
  await pool.query('VACUUM (ANALYZE) bench_bare.status_events, bench_bare.current_status')
}

async function runBare(pool: pg.Pool, chunks: readonly string[]) {
  const client = await pool.connect()
  try {
    const { rows } = await client.query<{ max: string }>(
      'SELECT coalesce(max(id), 0) AS max FROM bench_bare.status_events',
    )
    const fromId = Number(rows[0]?.max ?? 0)
    const t0 = performance.now()
    await client.query('BEGIN')
    const stream = client.query(copyFrom(`COPY bench_bare.status_events (${BARE_COLUMNS}) FROM STDIN`))
    const done = new Promise<void>((resolve, reject) => {
      stream.on('finish', resolve)
      stream.on('error', reject)
    })
    for (const chunk of chunks) if (!stream.write(chunk)) await once(stream, 'drain')
    stream.end()
    await done
    const t1 = performance.now()
    const upsert = await client.query(
      `INSERT INTO bench_bare.current_status AS cur
         (iin, status, status_group, valid_from, channel_code, rank, event_id, confirmed_at, fresh_until)
       SELECT e.iin, e.status, sc.status_group, e.valid_from, e.channel_code, 50, e.id, now(), now() + interval '365 days'
       FROM bench_bare.status_events e JOIN reference.status_categories sc ON sc.code = e.status
       WHERE e.id > $1
       ON CONFLICT (iin) DO UPDATE SET status = EXCLUDED.status, status_group = EXCLUDED.status_group,
         valid_from = EXCLUDED.valid_from, channel_code = EXCLUDED.channel_code, rank = EXCLUDED.rank,
         event_id = EXCLUDED.event_id, confirmed_at = EXCLUDED.confirmed_at, fresh_until = EXCLUDED.fresh_until`,
      [fromId],
    )
    const t2 = performance.now()
    await client.query('COMMIT')
    const t3 = performance.now()
    return { copyMs: t1 - t0, upsertMs: t2 - t1, commitMs: t3 - t2, upserted: upsert.rowCount ?? 0 }
  } finally {
    client.release()
  }
}

// ---------------------------------------------------------------------------------------------------------------
// End to end, and where its time goes

async function runEndToEnd(database: DatabaseHandle, file: string) {
  const t0 = performance.now()
  const batch = await createBatch(database.db, {
    channelCode: DAILY_CHANNEL,
    format: 'csv',
    fileName: path.basename(file),
    submittedBy: null,
  })
  const done = await ingestBatch(database, batch.id, parseCsvBatches(createReadStream(file)))
  return { batch: done.batch, ms: performance.now() - t0, t0 }
}

interface Step {
  label: string
  ms: number
  cpu?: CpuUse
}

/** The end-to-end time by step: the streamed staging window, then each merge statement (with its CPU use). */
function breakdown(statements: TracedStatement[], t0: number, totalMs: number): Step[] {
  const sorted = [...statements].sort((a, b) => a.start - b.start)
  const createStage = sorted.find((s) => s.label === 'create reg_stage')
  const lock = sorted.find((s) => s.label.startsWith('merge 0: advisory lock'))
  const steps: Step[] = []
  if (createStage !== undefined && lock !== undefined) {
    steps.push({ label: 'start: batch and channel lookups, BEGIN, CREATE reg_stage', ms: createStage.end - t0 })
    steps.push({
      label: "parse + validate + COPY into reg_stage (streamed together), markProgress('applying')",
      ms: lock.start - createStage.end,
      cpu: cpuBetween(createStage.cpuEnd, lock.cpuStart),
    })
  }
  for (const s of sorted) {
    // Progress and heartbeat updates run on other connections while staging; only the merge's own count here.
    if (lock === undefined || s.start < lock.start) continue
    const ms = s.end - s.start
    // /proc counts CPU in 10 ms ticks: below a quarter second the shares are noise.
    steps.push({ label: s.label, ms, ...(ms >= 250 ? { cpu: cpuBetween(s.cpuStart, s.cpuEnd) } : {}) })
  }
  const accounted = steps.reduce((sum, step) => sum + step.ms, 0)
  steps.push({ label: 'rest (awaits between statements, tracer overhead)', ms: totalMs - accounted })
  return steps
}

/** In-process costs of the Node side, without the database: parse only, then parse + validate + staging text. */
async function nodeSideCosts(file: string, statuses: readonly string[], today: string) {
  let t0 = performance.now()
  let n = 0
  for await (const _row of parseCsv(createReadStream(file))) n++
  const parseMs = performance.now() - t0

  // The same per-row work as ingest.service toStageRow + db/copy copyRows (re-stated here: they are not exported).
  const ctx = {
    channelCode: DAILY_CHANNEL,
    knownStatuses: new Set(statuses),
    allowedStatuses: new Set(statuses),
    today,
  }
  const chunks: string[] = []
  let chunk = ''
  t0 = performance.now()
  for await (const row of parseCsv(createReadStream(file))) {
    let values: (string | number | null)[]
    if ('error' in row) values = [row.line, null, null, null, null, null, null, row.error, row.raw]
    else {
      const event = validateEvent(row.input, ctx)
      if (typeof event === 'string') values = [row.line, null, null, null, null, null, null, event, row.raw]
      else {
        const content = `${event.iin}|${event.status}|${event.validFrom}|${event.validTo ?? ''}`
        values = [
          row.line,
          event.iin,
          event.status,
          event.validFrom,
          event.validTo,
          event.sourceRef,
          content,
          null,
          null,
        ]
      }
    }
    chunk += `${values.map(copyValue).join('\t')}\n`
    if (chunk.length >= 1 << 20) {
      chunks.push(chunk)
      chunk = ''
    }
  }
  if (chunk !== '') chunks.push(chunk)
  const parseValidateMs = performance.now() - t0
  return { rows: n, parseMs, parseValidateMs, stageChunks: chunks }
}

/** The database side of staging alone: COPY the pre-rendered staging text into reg_stage, then roll back. */
async function stageCopyOnly(pool: pg.Pool, chunks: readonly string[]): Promise<number> {
  const client = await pool.connect()
  try {
    await client.query('BEGIN')
    await createStage(client)
    const t0 = performance.now()
    const stream = client.query(copyFrom(`COPY reg_stage (${STAGE_COLUMNS.join(', ')}) FROM STDIN`))
    const done = new Promise<void>((resolve, reject) => {
      stream.on('finish', resolve)
      stream.on('error', reject)
    })
    for (const chunk of chunks) if (!stream.write(chunk)) await once(stream, 'drain')
    stream.end()
    await done
    const ms = performance.now() - t0
    await client.query('ROLLBACK')
    return ms
  } finally {
    client.release()
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Report

/** Ends the generated part of the section; what follows it (a hand-written reading) is kept by the next run. */
const GENERATED_END =
  '<!-- registry.bench.ts: end of the generated part; text below is kept when the bench rewrites it -->'

async function writeDocs(generated: string): Promise<string> {
  const file = path.resolve(import.meta.dirname, '..', 'docs', 'benchmarks.md')
  let text: string
  try {
    text = await readFile(file, 'utf8')
  } catch {
    text =
      '# Benchmarks\n\nMeasured by hand with the scripts in `bench/` (never in CI). Each section belongs to one ' +
      'benchmark and is replaced when that benchmark is run again.\n'
  }
  const heading = '## Registry ingestion'
  const at = text.indexOf(`${heading}\n`)
  if (at === -1) {
    text = `${text.trimEnd()}\n\n${generated.trimEnd()}\n\n${GENERATED_END}\n`
  } else {
    const next = text.indexOf('\n## ', at + heading.length)
    const end = next === -1 ? text.length : next + 1
    const old = text.slice(at, end)
    const marker = old.indexOf(GENERATED_END)
    const kept = marker === -1 ? '' : old.slice(marker + GENERATED_END.length).trim()
    const section = `${generated.trimEnd()}\n\n${GENERATED_END}\n${kept === '' ? '' : `\n${kept}\n`}`
    text = `${text.slice(0, at)}${section}${next === -1 ? '' : `\n${text.slice(end)}`}`
  }
  await writeFile(file, `${text.trimEnd()}\n`)
  return file
}

async function main() {
  installTracer()
  const tmp = await mkdtemp(path.join(os.tmpdir(), 'jumys-bench-registry-'))
  await chmod(tmp, 0o755) // as root, PostgreSQL runs as the user postgres, which must enter the folder
  const port = await freePort()
  say(`embedded PostgreSQL in ${tmp} on port ${port}`)
  const embedded = await startEmbeddedPostgres({ dataDir: tmp, port, settings: PG_SETTINGS })
  setPostmasterPid(Number((await readFile(path.join(tmp, 'pg', 'postmaster.pid'), 'utf8')).split('\n')[0]))
  const loadBefore = os.loadavg()
  const database = connectDatabase(embedded.url, { max: 10 })
  try {
    const setup = await setUp(embedded.url, database)
    const { pool } = database
    const { model } = setup
    const statuses = (await listStatusCategories(database.db)).map((s) => s.code)
    const today = todayInKazakhstan()

    const file = path.join(tmp, `${DAILY_CHANNEL}-${today}.csv`)
    say(`writing the daily file ${file}`)
    const plan: DailyPlan = await writeDailyFile(file, model, statuses, {
      rows: ROWS,
      today,
      channel: DAILY_CHANNEL,
      batchIdPlaceholder: '0',
      recordedAt: new Date().toISOString(),
      random: createRandom(SEED * 104_729),
    })
    const fileBytes = (await stat(file)).size
    say(`daily file: ${fmtInt(plan.rows)} rows, ${fmtMiB(fileBytes)}; expected ${JSON.stringify(plan.expected)}`)

    say('preparing the bare tables (copies of status_events and current_status)')
    await prepareBare(pool)

    const settingsRows = (
      await pool.query<{ name: string; setting: string }>(
        'SELECT name, current_setting(name) AS setting FROM pg_settings WHERE name = ANY($1) ORDER BY name',
        [[...Object.keys(PG_SETTINGS), ...DURABILITY_SETTINGS]],
      )
    ).rows
    const { rows: sizeRows } = await pool.query<{ events: string; current: string }>(
      `SELECT (SELECT count(*) FROM registry.status_events) AS events, (SELECT count(*) FROM registry.current_status) AS current`,
    )

    // -- End to end
    await pool.query('CHECKPOINT')
    say('end to end: ingestBatch(createBatch(…), parseCsvBatches(createReadStream(file)))')
    startTrace()
    const e2e = await measured(pool, () => runEndToEnd(database, file))
    const statements = stopTrace()
    const counts = e2e.result.batch.counts
    say(`end to end: ${fmtS(e2e.result.ms)}, ${JSON.stringify(counts)}`)

    // -- Reconciliation and the expected outcomes
    const problems: string[] = []
    if (e2e.result.batch.state !== 'done') problems.push(`batch state ${e2e.result.batch.state}`)
    if (counts.received !== counts.applied + counts.superseded + counts.duplicate + counts.rejected)
      problems.push('received ≠ applied + superseded + duplicate + rejected')
    for (const k of Object.keys(plan.expected) as (keyof DailyPlan['expected'])[]) {
      if (counts[k] !== plan.expected[k]) problems.push(`${k}: got ${counts[k]}, generated ${plan.expected[k]}`)
    }
    const { rows: checkRows } = await pool.query<{ events: number; outbox: number; rejections: number }>(
      `SELECT (SELECT count(*) FROM registry.status_events WHERE batch_id = $1)::int AS events,
              (SELECT count(*) FROM registry.outbox o JOIN registry.status_events e ON e.id = o.event_id
                WHERE e.batch_id = $1)::int AS outbox,
              (SELECT count(*) FROM registry.batch_rejections WHERE batch_id = $1)::int AS rejections`,
      [e2e.result.batch.id],
    )
    const check = checkRows[0] as { events: number; outbox: number; rejections: number }
    const expectedOutbox = plan.changes - plan.changesOutranked
    if (check.events !== plan.bareRows) problems.push(`history rows ${check.events}, expected ${plan.bareRows}`)
    if (check.outbox !== expectedOutbox) problems.push(`outbox rows ${check.outbox}, expected ${expectedOutbox}`)
    if (check.rejections !== plan.invalid) problems.push(`rejection rows ${check.rejections}, expected ${plan.invalid}`)
    if (problems.length > 0) throw new Error(`the end-to-end run does not reconcile:\n  ${problems.join('\n  ')}`)
    say(`reconciles: history +${fmtInt(check.events)}, outbox +${fmtInt(check.outbox)}, rejections ${check.rejections}`)

    // -- Bare database work for the same rows
    await pool.query('CHECKPOINT')
    say(`bare: COPY ${fmtInt(plan.bareRows)} rows into a logged history table + one upsert of current status`)
    const bare = await measured(pool, () => runBare(pool, plan.bareChunks))
    if (bare.result.upserted !== plan.bareRows) throw new Error(`bare upsert touched ${bare.result.upserted} rows`)
    say(`bare: ${fmtS(bare.phase.ms)} (COPY ${fmtS(bare.result.copyMs)}, upsert ${fmtS(bare.result.upsertMs)})`)

    // -- Node-side costs and staging COPY alone
    say('breakdown: parse only, parse + validate + staging text, staging COPY alone')
    const node = await nodeSideCosts(file, statuses, today)
    const stageCopyMs = await stageCopyOnly(pool, node.stageChunks)

    // -- Live API
    const bodies = apiBodies(model, statuses, {
      calls: API_CALLS + 2 * API_CLIENTS,
      size: API_SIZE,
      today,
      random: createRandom(SEED * 15_485_863),
    })
    const common = {
      url: setup.url,
      channel: DAILY_CHANNEL,
      clients: API_CLIENTS,
      size: API_SIZE,
      seconds: API_SECONDS,
    }
    say(
      `live API probe: ${API_CLIENTS} simultaneous calls on a server pool of 10 connections (as src/main.ts makes it)`,
    )
    const probe = await runApi({
      ...common,
      bodies: bodies.slice(0, API_CLIENTS),
      warmUp: 0,
      poolMax: 10,
      connectTimeoutMs: 5_000,
    })
    say(
      `probe: ${probe.calls} ok, ${probe.failedCalls} failed in ${fmtS(probe.wallMs)}${probe.failures[0] ? `; ${probe.failures[0]}` : ''}`,
    )
    const apiPool = Math.max(10, 2 * API_CLIENTS)
    say(
      `live API: ${API_CLIENTS} clients × ${API_SIZE}-event calls, ${API_CALLS} calls after ${API_CLIENTS} warm-up, pool ${apiPool}`,
    )
    const api = await runApi({
      ...common,
      bodies: bodies.slice(API_CLIENTS),
      warmUp: API_CLIENTS,
      poolMax: apiPool,
      connectTimeoutMs: 30_000,
    })
    say(
      `API: ${fmtInt((api.events * 1000) / api.wallMs)} events/s, p50 ${fmtInt(api.p50)} ms, ${api.failedCalls} failed`,
    )

    // -- Report
    const rowsPerS = (rows: number, ms: number) => fmtInt((rows * 1000) / ms)
    const ratio = e2e.result.ms / bare.phase.ms
    const e2eRate = (ROWS * 1000) / e2e.result.ms
    const command = `npx tsx bench/registry.bench.ts --people ${PEOPLE} --rows ${ROWS}${API_CALLS !== 200 ? ` --api-calls ${API_CALLS}` : ''}`
    const machine = `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'CPU'}, ${Math.round(os.totalmem() / 1024 ** 3)} GiB RAM, Linux ${os.release()}, Node ${process.version}`
    const results = table(
      ['measure', 'value'],
      [
        ['end to end: daily file → parse → validate → COPY staging → merge → counts', fmtS(e2e.result.ms)],
        ['end-to-end rows/s (every row of the file)', `**${rowsPerS(ROWS, e2e.result.ms)}** (target ≥ 80,000)`],
        [
          'bare: COPY valid rows into logged history + one upsert of current status',
          `${fmtS(bare.phase.ms)} (COPY ${fmtS(bare.result.copyMs)} + upsert ${fmtS(bare.result.upsertMs)} + commit ${fmtS(bare.result.commitMs)})`,
        ],
        ['bare rows/s (valid rows)', rowsPerS(plan.bareRows, bare.phase.ms)],
        ['ratio end to end / bare', `**${ratio.toFixed(2)}** (target ≤ 1.5)`],
        [
          'live API: events/s at 10 clients, 1,000-event calls',
          `**${fmtInt((api.events * 1000) / api.wallMs)}** (${api.calls} calls in ${fmtS(api.wallMs)})`,
        ],
        ['live API call latency p50 / p95 / max', `${fmtInt(api.p50)} / ${fmtInt(api.p95)} / ${fmtInt(api.max)} ms`],
      ],
    )
    const reconciliation = table(
      ['', 'received', 'applied', 'superseded', 'duplicate', 'rejected'],
      [
        [
          'batch counts',
          fmtInt(counts.received),
          fmtInt(counts.applied),
          fmtInt(counts.superseded),
          fmtInt(counts.duplicate),
          fmtInt(counts.rejected),
        ],
        [
          'generated',
          fmtInt(plan.expected.received),
          fmtInt(plan.expected.applied),
          fmtInt(plan.expected.superseded),
          fmtInt(plan.expected.duplicate),
          fmtInt(plan.expected.rejected),
        ],
      ],
    )
    const steps = breakdown(statements, e2e.result.t0, e2e.result.ms)
    const pct = (n: number | undefined) => (n === undefined ? '' : `${n.toFixed(0)} %`)
    const breakdownTable = table(
      ['end-to-end step', 'time', 'share', 'Node CPU', 'PostgreSQL CPU', 'other processes'],
      steps.map((step) => [
        step.label,
        fmtS(step.ms),
        `${((100 * step.ms) / e2e.result.ms).toFixed(0)} %`,
        pct(step.cpu?.nodePct),
        pct(step.cpu?.postgresPct),
        pct(step.cpu?.othersPct),
      ]),
    )
    const sideTable = table(
      ['isolated measurement (same file / rows, same run)', 'time', 'rows/s'],
      [
        ['Node: parseCsv only (row objects)', fmtS(node.parseMs), rowsPerS(ROWS, node.parseMs)],
        [
          'Node: parseCsv + validateEvent + staging COPY text',
          fmtS(node.parseValidateMs),
          rowsPerS(ROWS, node.parseValidateMs),
        ],
        ['PostgreSQL: COPY pre-rendered staging text into reg_stage', fmtS(stageCopyMs), rowsPerS(ROWS, stageCopyMs)],
        [
          'bare COPY into logged history (valid rows)',
          fmtS(bare.result.copyMs),
          rowsPerS(plan.bareRows, bare.result.copyMs),
        ],
        [
          'bare upsert of current status (valid rows)',
          fmtS(bare.result.upsertMs),
          rowsPerS(plan.bareRows, bare.result.upsertMs),
        ],
      ],
    )
    const cpuRow = (name: string, cpu: CpuUse, wal: string, checkpoints: string) => [
      name,
      wal,
      checkpoints,
      pct(cpu.machinePct),
      pct(cpu.nodePct),
      pct(cpu.postgresPct),
      pct(cpu.othersPct),
    ]
    const resources = table(
      ['phase', 'WAL written', 'checkpoint during it', 'machine busy', 'Node CPU', 'PostgreSQL CPU', 'other processes'],
      [
        cpuRow('end to end', e2e.phase.cpu, fmtMiB(e2e.phase.walBytes), e2e.phase.checkpoint ? 'yes' : 'none'),
        cpuRow('bare', bare.phase.cpu, fmtMiB(bare.phase.walBytes), bare.phase.checkpoint ? 'yes' : 'none'),
        cpuRow('live API (measured calls)', api.cpu, '', ''),
      ],
    )
    const setupTable = table(
      ['set-up (not part of the figures above)', 'rows', 'time', 'rows/s'],
      [
        [
          'seedPopulation (people + organisations)',
          fmtInt(PEOPLE),
          fmtS(setup.seededMs),
          rowsPerS(PEOPLE, setup.seededMs),
        ],
        ...setup.initial.map((i) => [
          `initial registry via ingestBatch, channel ${i.channel} (all new statuses)`,
          fmtInt(i.rows),
          fmtS(i.ms),
          rowsPerS(i.rows, i.ms),
        ]),
      ],
    )
    const git = (...gitArgs: string[]) => execFileSync('git', gitArgs, { encoding: 'utf8' }).trim()
    const commit = git('rev-parse', '--short', 'HEAD')
    const dirty = git('status', '--porcelain', '--', 'src/modules/registry', 'src/db', 'src/modules/identity')
    const codeLine = `Code: commit ${commit}${dirty === '' ? '' : ' with uncommitted changes in src/ (registry, db or identity)'}.`
    const settings = settingsRows.map((s) => `${s.name}=${s.setting}`).join(', ')
    const mix = [
      `${fmtInt(plan.reconfirmations)} reconfirmations (same status as current; always applied)`,
      `${fmtInt(plan.changes)} changes (another status: ${fmtInt(plan.changes - plan.changesOfUnknown)} of a known status, of which ${fmtInt(plan.changesOutranked)} held by pension data, which outranks psc and so are superseded; ${fmtInt(plan.changesOfUnknown)} for people with no status yet)`,
      `${fmtInt(plan.duplicatesInFile + plan.duplicatesOfEarlierFile)} duplicates (${fmtInt(plan.duplicatesInFile)} repeat a row of the same file, ${fmtInt(plan.duplicatesOfEarlierFile)} resend rows of the initial psc file)`,
      `${fmtInt(plan.invalid)} invalid rows (${Object.entries(plan.invalidByKind)
        .map(([k, v]) => `${fmtInt(v)} ${k}`)
        .join(', ')})`,
    ]
    const section = `## Registry ingestion

Command: \`${command}\` (run by hand, never in CI; takes about ${Math.ceil((performance.now() - started) / 60_000)} minutes).
Date: ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC. Machine: ${machine}.
Load average (1/5/15 min) at the start ${loadBefore.map((l) => l.toFixed(2)).join(' / ')}, at the end ${os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(' / ')}: the machine is
shared, and the CPU tables below show how much the other processes took during each measured phase.
${codeLine}
PostgreSQL: ${setup.pgVersion.split(' on ')[0]} (embedded, fresh cluster in a temp folder, data on the local disk).
Settings: ${settings}. fsync, synchronous_commit and full_page_writes are on (as in production).

Registry: ${fmtInt(PEOPLE)} people, ${fmtInt(Number(sizeRows[0]?.current))} of them (${Math.round(KNOWN * 100)} %) with a current status loaded through the real ingestion
from two channels (\`pension\` for the statuses pension data may assert, \`psc\` for the rest); ${fmtInt(Number(sizeRows[0]?.events))} history rows.
Why ${Math.round(KNOWN * 100)} % and not 70 %: a ${fmtInt(ROWS)}-row file with 70 % reconfirmations and 25 % changes, each row for a distinct
person, needs more than 70 % of the people to hold a status (the changes go first to holders not reconfirmed, then to unknown people).

Daily file: one channel, \`${DAILY_CHANNEL}\` (it may assert every status), ${fmtInt(ROWS)} rows, ${fmtMiB(fileBytes)} of CSV on disk:
${mix.map((m) => `- ${m}`).join('\n')}

${results}
Reconciliation (asserted by the run: received = applied + superseded + duplicate + rejected, and every count equals what
was generated; the batch's history rows, outbox rows and rejection rows were checked too):

${reconciliation}
**End to end** is \`ingestBatch(database, (await createBatch(…)).id, parseCsvBatches(createReadStream(file)))\` with the
module's own code, timed from createBatch to the returned batch (one transaction, committed). **Bare** is, in the
same run and the same cluster, \`COPY\` of the ${fmtInt(plan.bareRows)} rows that end to end recorded in history (pre-rendered COPY text in
memory, no parsing or validation) into \`bench_bare.status_events\` (LIKE registry.status_events INCLUDING ALL: same
columns, identity, CHECKs and three indexes, no foreign keys — as the real one since migration 0006 —, pre-filled with a copy of the real history), then ONE
\`INSERT … SELECT … ON CONFLICT (iin) DO UPDATE\` into \`bench_bare.current_status\` (a pre-filled copy of the real one, same fillfactor 70),
then COMMIT. A CHECKPOINT precedes each, so both pay the same full-page writes.

Where the end-to-end time goes (each statement timed at the client by wrapping pg's \`Client#query\`; the code is unchanged).
CPU columns are in % of ONE core (the machine has two, so the three add up to at most 200 %); "machine busy" is in % of
both cores; "other processes" is everything on the machine that is neither this Node process nor this PostgreSQL.

${breakdownTable}
${sideTable}

${resources}
Live API: the real server (\`buildApp\`, production config, request logging on) listening on 127.0.0.1 in the bench
process; ${API_CLIENTS} concurrent \`fetch\` clients, each sending ${fmtInt(API_SIZE)}-event calls one after another as channel \`${DAILY_CHANNEL}\`
(key \`demo-${DAILY_CHANNEL}\`), ${API_CALLS} measured calls after ${API_CLIENTS} warm-up calls, distinct people per call, 75 % reconfirmations and
25 % changes. Outcomes over the measured calls: ${fmtInt(api.totals.applied)} applied, ${fmtInt(api.totals.superseded)} superseded, ${fmtInt(api.totals.duplicate)} duplicate, ${fmtInt(api.totals.rejected)} rejected${api.failedCalls > 0 ? `; ${api.failedCalls} failed calls (${api.failures[0]})` : ''}${api.stoppedByTime ? ` (stopped by the ${API_SECONDS} s limit)` : ''}.
The measured server runs on a pool of ${api.poolMax} connections, not the 10 of src/main.ts, because of the probe below.

**Pool probe**: ${API_CLIENTS} simultaneous calls against the server with the production pool of 10 connections (plus a 5 s
connection timeout, so that a dry pool fails calls instead of hanging): ${probe.calls} answered 200, ${probe.failedCalls} failed, in ${fmtS(probe.wallMs)}${probe.failures.length > 0 ? `; first failure: ${probe.failures[0]}` : ''}.
Before commit f0da78c, ingestBatch awaited a second connection while holding its transaction's, so this probe hung;
a failure here means that deadlock is back (src/modules/registry/ingest.service.test.ts runs 8 calls on a pool of 3).

${setupTable}`
    process.stdout.write(`\n${section}\n`)
    if (!args['no-docs']) say(`written to ${await writeDocs(section)}`)
    say(`end-to-end ${fmtInt(e2eRate)} rows/s, ratio ${ratio.toFixed(2)}`)
  } finally {
    await database.close()
    await embedded.stop()
    if (!args.keep) await rm(tmp, { recursive: true, force: true })
    else say(`kept ${tmp}`)
  }
}

await main()
