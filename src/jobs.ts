import path from 'node:path'
import PgBoss from 'pg-boss'
import type { Config } from './config.js'
import type { DatabaseHandle } from './db/client.js'
import { claimOutbox, expireVacancies, markOutboxProcessed, runAlerts, STATUS_EVENT } from './modules/exchange/index.js'
import { remindInterviews, switchFairs } from './modules/fairs/index.js'
import {
  claimProgrammesOutbox,
  followUpCompletions,
  markProgrammesOutboxProcessed,
  PROGRAMS_CHANNEL,
} from './modules/programmes/index.js'
import { recountLabourBalance, recountProjectCounts } from './modules/projects/index.js'
import { pickUpInbox, submitEvents, sweepAbandonedBatches } from './modules/registry/index.js'
import { sweepAbandonedIncomeBatches } from './modules/social/index.js'
import { sweepRateLimits } from './shared/rate-limit.store.js'

/**
 * Scheduled work, run by pg-boss (queues and cron inside PostgreSQL: no other server). Every job is safe to run
 * twice: ingestion is idempotent by source_ref, the outbox relay by the event's key, expiry and sweeping by state.
 */

/** Moves hires from the exchange's outbox into the registry as status events of channel `exchange`. */
export async function relayExchangeOutbox(database: DatabaseHandle, limit = 1_000): Promise<number> {
  return database.db.transaction().execute(async (trx) => {
    const rows = await claimOutbox(trx, limit)
    const events = rows.filter((r) => r.event_type === STATUS_EVENT)
    if (events.length > 0) {
      const payload = (p: unknown) => p as { status: string; validFrom: string; idempotencyKey: string }
      await submitEvents(
        database,
        'exchange',
        events.map((r) => ({
          iin: r.iin,
          status: payload(r.payload).status,
          valid_from: payload(r.payload).validFrom,
          source_ref: payload(r.payload).idempotencyKey,
        })),
        null,
      )
    }
    // Marked after the registry committed: a crash in between re-sends, and the registry answers "duplicate".
    await markOutboxProcessed(
      trx,
      rows.map((r) => r.id),
    )
    return rows.length
  })
}

/** Moves programme starts and ends from the programmes outbox into the registry (channel `programs`), like hires. */
export async function relayProgrammesOutbox(database: DatabaseHandle, limit = 1_000): Promise<number> {
  return database.db.transaction().execute(async (trx) => {
    const rows = await claimProgrammesOutbox(trx, limit)
    if (rows.length > 0) {
      const payload = (p: unknown) => p as { status: string; validFrom: string; idempotencyKey: string }
      await submitEvents(
        database,
        PROGRAMS_CHANNEL,
        rows.map((r) => ({
          iin: r.iin,
          status: payload(r.payload).status,
          valid_from: payload(r.payload).validFrom,
          source_ref: payload(r.payload).idempotencyKey,
        })),
        null,
      )
    }
    // Marked after the registry committed: a crash in between re-sends, and the registry answers "duplicate".
    await markProgrammesOutboxProcessed(
      trx,
      rows.map((r) => r.id),
    )
    return rows.length
  })
}

export function inboxDirOf(config: Readonly<Config>): string {
  return config.inboxDir ?? path.join(config.dataDir, 'inbox')
}

export const JOBS = {
  'registry-inbox': '*/5 * * * *',
  'registry-sweep': '*/5 * * * *',
  'social-sweep': '*/5 * * * *',
  'exchange-outbox': '* * * * *',
  'exchange-expire': '0 * * * *',
  // Instant saved searches every minute; the same run sends daily ones once a day, after local midnight.
  'exchange-alerts': '* * * * *',
  'fairs-switch': '* * * * *',
  'programmes-outbox': '* * * * *',
  // Six-month follow-up of completions, read from the registry's history once a day.
  'programmes-followup': '30 2 * * *',
  'fairs-remind': '*/10 * * * *',
  // The map's and project lists' counts from the exchange (a hire shows within a minute); the balance (seconds).
  'projects-counts': '* * * * *',
  'projects-balance': '*/5 * * * *',
  // Rate-limit counters whose window has ended (one minute); between sweeps they are only dead rows.
  'rate-limit-sweep': '*/5 * * * *',
} as const

export async function startJobs(database: DatabaseHandle, config: Readonly<Config>, log: (m: string) => void) {
  const boss = new PgBoss({ connectionString: database.url, schema: 'pgboss', application_name: 'jumys-jobs' })
  boss.on('error', (error) => log(`jobs: ${error.message}`))
  await boss.start()
  const handlers: Record<keyof typeof JOBS, () => Promise<unknown>> = {
    'registry-inbox': () => pickUpInbox(database, inboxDirOf(config), log),
    'registry-sweep': () => sweepAbandonedBatches(database.db),
    'social-sweep': () => sweepAbandonedIncomeBatches(database.db),
    'exchange-outbox': () => relayExchangeOutbox(database),
    'exchange-expire': () => expireVacancies(database.db),
    'exchange-alerts': () => runAlerts(database.db),
    'fairs-switch': () => switchFairs(database.db),
    'programmes-outbox': () => relayProgrammesOutbox(database),
    'programmes-followup': () => followUpCompletions(database.db),
    'fairs-remind': () => remindInterviews(database.db),
    'projects-counts': () => recountProjectCounts(database.db),
    'projects-balance': () => recountLabourBalance(database.db),
    'rate-limit-sweep': () => sweepRateLimits(database.db),
  }
  for (const [name, cron] of Object.entries(JOBS) as [keyof typeof JOBS, string][]) {
    await boss.createQueue(name)
    await boss.schedule(name, cron, {}, { tz: 'Asia/Almaty' })
    await boss.work(name, async () => {
      await handlers[name]()
    })
  }
  return boss
}
