/**
 * Measuring helpers for bench/registry.bench.ts: a statement tracer (wraps pg's Client#query, so the real
 * ingestion code runs unchanged and each of its statements is timed from the client), machine and process CPU,
 * and PostgreSQL's WAL and checkpoint counters.
 */
import { readdirSync, readFileSync } from 'node:fs'
import pg from 'pg'

export interface TracedStatement {
  label: string
  start: number
  end: number
  cpuStart: CpuSample
  cpuEnd: CpuSample
}

/** Names the statements of ingestBatch/mergeStage by their text; anything else is `other`. */
const LABELS: [RegExp, string][] = [
  [/pg_advisory_xact_lock/, 'merge 0: advisory lock'],
  [/^ANALYZE reg_stage/, 'merge 0: ANALYZE reg_stage'],
  [/CREATE TEMP TABLE reg_classified/, 'merge 1: classify (CREATE reg_classified)'],
  [/CREATE TEMP TABLE reg_repeats/, 'merge 1: repeated keys (CREATE reg_repeats)'],
  [/^ANALYZE reg_classified/, 'merge 1: ANALYZE reg_classified'],
  [/^WITH n AS \(SELECT count/, 'merge 2: reserve history ids'],
  [/CREATE TEMP TABLE reg_new/, 'merge 2: decide (CREATE reg_new)'],
  [/^INSERT INTO registry.status_events/, 'merge 3: history'],
  [/^INSERT INTO registry.current_status/, 'merge 3: current status'],
  [/^INSERT INTO registry.outbox/, 'merge 3: outbox'],
  [/INSERT INTO registry.batch_rejections/, 'merge 4: rejections'],
  [/^SELECT n.applied/, 'merge 5: counts'],
  [/UPDATE registry.batches SET state = 'done'/, 'batch row → done'],
  [/^COMMIT/, 'COMMIT'],
  [/^CREATE TEMP TABLE reg_stage/, 'create reg_stage'],
  [/^BEGIN/, 'BEGIN'],
]

let tracing = false
let traced: TracedStatement[] = []

/** Installs the wrapper once; statements are recorded only between startTrace() and stopTrace(). */
export function installTracer(): void {
  const proto = pg.Client.prototype as unknown as { query: (...args: unknown[]) => unknown; __traced?: boolean }
  if (proto.__traced) return
  const original = proto.query
  proto.query = function traceQuery(this: unknown, ...args: unknown[]) {
    const result = original.apply(this, args)
    if (!tracing) return result
    const first = args[0]
    const text = typeof first === 'string' ? first : (first as { text?: unknown } | undefined)?.text
    if (typeof text !== 'string' || !(result instanceof Promise)) return result
    const cpuStart = sampleCpu()
    const start = cpuStart.at
    const trimmed = text.trim()
    const label = LABELS.find(([re]) => re.test(trimmed))?.[1] ?? `other: ${trimmed.slice(0, 40).replace(/\s+/g, ' ')}`
    const finish = (suffix: string) => {
      const cpuEnd = sampleCpu()
      traced.push({ label: `${label}${suffix}`, start, end: cpuEnd.at, cpuStart, cpuEnd })
    }
    result.then(
      () => finish(''),
      () => finish(' (failed)'),
    )
    return result
  }
  proto.__traced = true
}

export function startTrace(): void {
  traced = []
  tracing = true
}

export function stopTrace(): TracedStatement[] {
  tracing = false
  return traced
}

const TICKS_PER_S = 100 // CLK_TCK on Linux

/** Fields after the command name of /proc/PID/stat (the name may contain spaces, so split after its ')'). */
function procStat(pid: number | string): string[] | undefined {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, 'utf8')
    return text.slice(text.lastIndexOf(')') + 2).split(' ')
  } catch {
    return undefined
  }
}

/**
 * CPU seconds of our PostgreSQL: the postmaster (with its reaped children: exited parallel workers) plus its
 * live children (backends, checkpointer, WAL writer, autovacuum).
 */
function postgresCpuSeconds(postmasterPid: number | undefined): number {
  if (postmasterPid === undefined) return 0
  let ticks = 0
  const own = procStat(postmasterPid)
  // fields (after the name): state=0 ppid=1 … utime=11 stime=12 cutime=13 cstime=14
  if (own !== undefined) ticks += [11, 12, 13, 14].reduce((sum, i) => sum + Number(own[i] ?? 0), 0)
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue
    const fields = procStat(entry)
    if (fields === undefined || Number(fields[1]) !== postmasterPid) continue
    ticks += Number(fields[11] ?? 0) + Number(fields[12] ?? 0)
  }
  return ticks / TICKS_PER_S
}

let postmaster: number | undefined
/** Tells the CPU sampler which PostgreSQL is ours (the first line of postmaster.pid). */
export function setPostmasterPid(pid: number): void {
  postmaster = pid
}

/** CPU time of the whole machine (all cores), of this Node process and of our PostgreSQL, in seconds. */
export interface CpuSample {
  machineBusy: number
  machineTotal: number
  node: number
  postgres: number
  at: number
}

export function sampleCpu(): CpuSample {
  const fields = (readFileSync('/proc/stat', 'utf8').split('\n')[0] ?? '').trim().split(/\s+/).slice(1).map(Number)
  const total = fields.slice(0, 8).reduce((a, b) => a + b, 0)
  const idle = (fields[3] ?? 0) + (fields[4] ?? 0)
  const usage = process.cpuUsage()
  return {
    machineBusy: (total - idle) / TICKS_PER_S,
    machineTotal: total / TICKS_PER_S,
    node: (usage.user + usage.system) / 1e6,
    postgres: postgresCpuSeconds(postmaster),
    at: performance.now(),
  }
}

export interface CpuUse {
  /** Machine busy, % of all cores. */
  machinePct: number
  /** In % of ONE core (so up to 200 % on two cores). */
  nodePct: number
  postgresPct: number
  /** Everything else on the machine (other users' processes), % of one core. */
  othersPct: number
}

export function cpuBetween(a: CpuSample, b: CpuSample): CpuUse {
  const wallS = (b.at - a.at) / 1000
  const busy = b.machineBusy - a.machineBusy
  const node = b.node - a.node
  const postgres = b.postgres - a.postgres
  const pct = (seconds: number) => (wallS > 0 ? (100 * seconds) / wallS : 0)
  return {
    machinePct: b.machineTotal === a.machineTotal ? 0 : (100 * busy) / (b.machineTotal - a.machineTotal),
    nodePct: pct(node),
    postgresPct: pct(postgres),
    othersPct: Math.max(0, pct(busy - node - postgres)),
  }
}

export interface PgCounters {
  walBytes: number
  /** The redo point of the last checkpoint (from the control file): it moves when a checkpoint completes. */
  checkpointRedo: string
}

/** WAL position (exact, cluster-wide: we are alone on this cluster) and the last checkpoint's redo point. */
export async function pgCounters(pool: pg.Pool): Promise<PgCounters> {
  const { rows } = await pool.query<{ wal: string; redo: string }>(
    `SELECT pg_wal_lsn_diff(pg_current_wal_insert_lsn(), '0/0')::bigint AS wal,
            (SELECT redo_lsn::text FROM pg_control_checkpoint()) AS redo`,
  )
  return { walBytes: Number(rows[0]?.wal ?? 0), checkpointRedo: rows[0]?.redo ?? '' }
}

export const fmtInt = (n: number) => Math.round(n).toLocaleString('en-US')
export const fmtS = (ms: number) => `${(ms / 1000).toFixed(2)} s`
export const fmtMiB = (bytes: number) => `${(bytes / 1024 ** 2).toFixed(0)} MiB`

/** A Markdown table (also readable in a terminal). */
export function table(header: string[], rows: (string | number)[][]): string {
  const all = [header, ...rows.map((r) => r.map(String))]
  const widths = header.map((_, i) => Math.max(...all.map((r) => (r[i] ?? '').length)))
  const line = (r: string[]) => `| ${r.map((c, i) => c.padEnd(widths[i] ?? 0)).join(' | ')} |`
  return [line(all[0] as string[]), `| ${widths.map((w) => '-'.repeat(w)).join(' | ')} |`, ...all.slice(1).map(line)]
    .join('\n')
    .concat('\n')
}

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))
  return sorted[index] as number
}
