import { existsSync } from 'node:fs'
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestDatabase } from '../tests/helpers/db.js'
import { loadConfig } from './config.js'
import type { DatabaseHandle } from './db/client.js'
import { JOBS, relayExchangeOutbox, startJobs } from './jobs.js'
import { DEMO_CITIZEN_IIN } from './modules/identity/index.js'
import { pickUpInbox } from './modules/registry/index.js'

let database: DatabaseHandle
let inbox: string
beforeAll(async () => {
  database = await createTestDatabase()
  inbox = await mkdtemp(path.join(tmpdir(), 'jumys-inbox-'))
})
afterAll(async () => {
  await database.close()
  await rm(inbox, { recursive: true, force: true })
})

describe('the automatic daily transfer', () => {
  it('loads every channel folder, moves files to done or failed, and one failure stops nothing else', async () => {
    await mkdir(path.join(inbox, 'egov'), { recursive: true })
    await mkdir(path.join(inbox, 'school', 'processing'), { recursive: true })
    await mkdir(path.join(inbox, 'mobile'), { recursive: true })
    await writeFile(
      path.join(inbox, 'egov', '2026-11-22.csv'),
      `iin,status,valid_from,source_ref\n${DEMO_CITIZEN_IIN},housewife,2025-01-01,in-1\n`,
    )
    await writeFile(path.join(inbox, 'mobile', 'broken.csv'), 'who,what\n1,2\n')
    // Left in processing/ by a crash: picked up again.
    await writeFile(
      path.join(inbox, 'school', 'processing', 'left.jsonl'),
      `${JSON.stringify({ iin: DEMO_CITIZEN_IIN, status: 'student', valid_from: '2025-09-01', source_ref: 'in-2' })}\n`,
    )
    await writeFile(path.join(inbox, 'school', 'notes.txt'), 'not a data file')

    const results = await pickUpInbox(database, inbox)
    expect(results.map((r) => [r.channel, r.file, r.state])).toEqual([
      ['egov', '2026-11-22.csv', 'done'],
      ['mobile', 'broken.csv', 'failed'],
      ['school', 'left.jsonl', 'done'],
    ])
    expect(await readdir(path.join(inbox, 'egov', 'done'))).toEqual([`${results[0]?.batchId}-2026-11-22.csv`])
    const failed = await readdir(path.join(inbox, 'mobile', 'failed'))
    expect(failed.sort()).toEqual([`${results[1]?.batchId}-broken.csv`, `${results[1]?.batchId}-broken.csv.error.txt`])
    expect(
      await readFile(path.join(inbox, 'mobile', 'failed', `${results[1]?.batchId}-broken.csv.error.txt`), 'utf8'),
    ).toContain('missing columns iin, status, valid_from, source_ref')
    expect(existsSync(path.join(inbox, 'school', 'notes.txt'))).toBe(true)
    // Nothing new: a second run does nothing.
    expect(await pickUpInbox(database, inbox)).toEqual([])
  })
})

describe('the exchange outbox relay', () => {
  it('turns a hire into a registry status event once, however often it runs', async () => {
    await sql`INSERT INTO exchange.outbox (event_type, iin, payload) VALUES ('registry.status_event', ${DEMO_CITIZEN_IIN},
      ${JSON.stringify({ status: 'employed_contract', channel: 'exchange', validFrom: '2026-01-15', idempotencyKey: 'exchange:hire:1' })}::jsonb)`.execute(
      database.db,
    )
    expect(await relayExchangeOutbox(database)).toBe(1)
    expect(await relayExchangeOutbox(database)).toBe(0)
    const { rows } = await sql<{ status: string; channel_code: string }>`
      SELECT status, channel_code FROM registry.current_status WHERE iin = ${DEMO_CITIZEN_IIN}`.execute(database.db)
    expect(rows).toEqual([{ status: 'employed_contract', channel_code: 'exchange' }])
    // Re-delivery after a crash between the registry's commit and the mark is a duplicate, not a second event.
    await sql`UPDATE exchange.outbox SET processed_at = NULL`.execute(database.db)
    expect(await relayExchangeOutbox(database)).toBe(1)
    const events = await sql<{
      n: number
    }>`SELECT count(*)::int AS n FROM registry.status_events WHERE source_ref = 'exchange:hire:1'`.execute(database.db)
    expect(events.rows[0]?.n).toBe(1)
  })
})

describe('the scheduler', () => {
  it('starts pg-boss in the database and schedules every job', async () => {
    const config = loadConfig({ NODE_ENV: 'test' }, { inboxDir: inbox })
    const boss = await startJobs(database as DatabaseHandle, config, () => {})
    try {
      const schedules = await boss.getSchedules()
      expect(schedules.map((s) => s.name).sort()).toEqual(Object.keys(JOBS).sort())
    } finally {
      await boss.stop({ graceful: false, wait: true })
    }
  })
})
