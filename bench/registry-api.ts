/**
 * The live API part of bench/registry.bench.ts: the real server (`buildApp`) listening on 127.0.0.1, driven by
 * N concurrent `fetch` clients, each sending whole calls one after another, bounded in count and in time.
 */
import { Kysely, PostgresDialect } from 'kysely'
import pg from 'pg'
import { buildApp } from '../src/app.js'
import { loadConfig } from '../src/config.js'
import type { Database } from '../src/db/schema.js'
import { type CpuUse, cpuBetween, percentile, sampleCpu } from './registry-measure.js'

export interface ApiRun {
  poolMax: number
  calls: number
  failedCalls: number
  failures: string[]
  events: number
  wallMs: number
  cpu: CpuUse
  p50: number
  p95: number
  max: number
  totals: { applied: number; superseded: number; duplicate: number; rejected: number }
  stoppedByTime: boolean
}

/**
 * Serves the API on its own pool: like src/db/client.ts connectDatabase (same pool and Kysely dialect), plus a
 * connection timeout so that a pool that runs dry fails calls instead of hanging the bench for ever.
 */
export async function runApi(options: {
  url: string
  channel: string
  bodies: readonly string[]
  warmUp: number
  clients: number
  size: number
  seconds: number
  poolMax: number
  connectTimeoutMs: number
}): Promise<ApiRun> {
  const pool = new pg.Pool({
    connectionString: options.url,
    max: options.poolMax,
    application_name: 'jumys',
    connectionTimeoutMillis: options.connectTimeoutMs,
  })
  pool.on('error', () => {})
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) })
  const config = loadConfig(process.env, {
    nodeEnv: 'production',
    demo: false,
    logLevel: 'info',
    databaseUrl: options.url,
    host: '127.0.0.1',
    port: 0,
  })
  // Request logging stays on as in production; the lines are formatted, masked and then dropped.
  const app = await buildApp({ config, db, pool, logWrite: () => {} })
  await app.listen({ host: '127.0.0.1', port: 0 })
  const address = app.server.address()
  if (address === null || typeof address !== 'object') throw new Error('the server has no address')
  const endpoint = `http://127.0.0.1:${address.port}/api/registry/events`
  const headers = { authorization: `Bearer demo-${options.channel}`, 'content-type': 'application/json' }
  const totals = { applied: 0, superseded: 0, duplicate: 0, rejected: 0 }
  const latencies: number[] = []
  const failures: string[] = []

  async function call(body: string) {
    const t = performance.now()
    const res = await fetch(endpoint, { method: 'POST', headers, body, signal: AbortSignal.timeout(300_000) })
    const json = (await res.json()) as {
      counts?: typeof totals & { received: number }
      results?: unknown[]
      error?: { message: string }
    }
    const ms = performance.now() - t
    if (res.status !== 200 || json.counts === undefined || json.results?.length !== options.size) {
      failures.push(
        `HTTP ${res.status} after ${Math.round(ms)} ms: ${json.error?.message ?? JSON.stringify(json).slice(0, 200)}`,
      )
      return undefined
    }
    return { ms, counts: json.counts }
  }

  try {
    await Promise.all(options.bodies.slice(0, options.warmUp).map(call))
    const measured = options.bodies.slice(options.warmUp)
    let next = 0
    let events = 0
    let failedCalls = 0
    const deadline = performance.now() + options.seconds * 1000
    const cpu0 = sampleCpu()
    const t0 = performance.now()
    await Promise.all(
      Array.from({ length: options.clients }, async () => {
        while (next < measured.length && performance.now() < deadline) {
          const body = measured[next++] as string
          const result = await call(body).catch((error: Error) => {
            failures.push(error.message)
            return undefined
          })
          if (result === undefined) {
            failedCalls++
            continue
          }
          latencies.push(result.ms)
          events += options.size
          for (const k of Object.keys(totals) as (keyof typeof totals)[]) totals[k] += result.counts[k]
        }
      }),
    )
    const wallMs = performance.now() - t0
    const cpu = cpuBetween(cpu0, sampleCpu())
    latencies.sort((a, b) => a - b)
    return {
      poolMax: options.poolMax,
      calls: latencies.length,
      failedCalls,
      failures,
      events,
      wallMs,
      cpu,
      p50: percentile(latencies, 50),
      p95: percentile(latencies, 95),
      max: latencies[latencies.length - 1] ?? Number.NaN,
      totals,
      stoppedByTime: next < measured.length,
    }
  } finally {
    await app.close()
    await db.destroy()
  }
}
