import { type ChildProcess, spawn } from 'node:child_process'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { DatabaseHandle } from '../../src/db/client.js'
import { generatePeople, seedPopulation } from '../../src/modules/identity/index.js'
import { listDistrictsByRegion } from '../../src/modules/reference/index.js'
import { sweepAbandonedBatches } from '../../src/modules/registry/index.js'
import { createTestDatabase } from '../helpers/db.js'

const ROOT = path.resolve(import.meta.dirname, '../..')
const PEOPLE = 20_000
const EVENTS_PER_PERSON = 6
let database: DatabaseHandle & { url: string }
let dir: string
let file: string

beforeAll(async () => {
  database = await createTestDatabase()
  dir = await mkdtemp(path.join(tmpdir(), 'jumys-crash-'))
  const districts = await listDistrictsByRegion(database.db)
  await seedPopulation(database.pool, { people: PEOPLE, orgs: 0, seed: 7, districts })
  const lines = ['iin,status,valid_from,source_ref']
  const statuses = [
    'employed_contract',
    'self_employed',
    'unemployed_unregistered',
    'student',
    'housewife',
    'entrepreneur',
  ]
  let n = 0
  for (const person of generatePeople({ count: PEOPLE, seed: 7, districts })) {
    for (let k = 0; k < EVENTS_PER_PERSON; k++)
      lines.push(`${person.iin},${statuses[k]},2025-0${k + 1}-15,crash-${n++}`)
  }
  file = path.join(dir, 'egov-daily.csv')
  await writeFile(file, `${lines.join('\n')}\n`)
})
afterAll(async () => {
  await database.close()
  await rm(dir, { recursive: true, force: true })
})

function runIngest(): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', 'src/cli.ts', 'ingest', file, '--channel', 'egov'], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: database.url, NODE_ENV: 'test' },
    stdio: ['ignore', 'ignore', 'pipe'],
  })
}

async function latestBatch() {
  const { rows } = await sql<{
    id: number
    state: string
  }>`SELECT id, state FROM registry.batches ORDER BY id DESC LIMIT 1`.execute(database.db)
  return rows[0]
}

async function waitFor(predicate: () => Promise<boolean>, ms: number, what: string) {
  const deadline = Date.now() + ms
  while (Date.now() < deadline) {
    if (await predicate()) return
    await new Promise((resolve) => setTimeout(resolve, 5))
  }
  throw new Error(`timed out waiting for ${what}`)
}

const count = async (table: string) =>
  Number((await sql<{ n: number }>`SELECT count(*)::int AS n FROM ${sql.table(table)}`.execute(database.db)).rows[0]?.n)

/** The server ends a dead client's transaction once it notices; wait until no other session is left. */
async function waitForOrphanedSessions() {
  await waitFor(
    async () => {
      const { rows } = await sql<{ n: number }>`
        SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()
          AND application_name = 'jumys' AND state <> 'idle'`.execute(database.db)
      return rows[0]?.n === 0
    },
    30_000,
    'the killed ingestion to be rolled back',
  )
}

describe('a crash in the middle of a daily file', () => {
  for (const stage of ['validating', 'applying'] as const) {
    it(`kill -9 while ${stage} leaves nothing half-applied, and the file can be sent again`, {
      timeout: 180_000,
    }, async () => {
      const child = runIngest()
      await waitFor(async () => (await latestBatch())?.state === stage, 60_000, `the batch to be ${stage}`)
      child.kill('SIGKILL')
      await new Promise((resolve) => child.once('exit', resolve))
      await waitForOrphanedSessions()

      const killed = await latestBatch()
      expect(killed?.state).toBe(stage)
      expect(await count('registry.status_events')).toBe(0)
      expect(await count('registry.current_status')).toBe(0)
      expect(await count('registry.outbox')).toBe(0)
      expect(await count('registry.batch_rejections')).toBe(0)
      // The sweeper (run at start-up and periodically) marks it failed, saying nothing was applied.
      expect(await sweepAbandonedBatches(database.db, 0)).toContain(killed?.id)
    })
  }

  it('after the crashes the same file loads once, completely, and a resend changes nothing', {
    timeout: 180_000,
  }, async () => {
    const exitCode = await new Promise((resolve) => runIngest().once('exit', resolve))
    expect(exitCode).toBe(0)
    const { rows } = await sql<Record<string, number>>`
      SELECT received, applied, superseded, duplicate, rejected FROM registry.batches WHERE state = 'done'`.execute(
      database.db,
    )
    expect(rows).toEqual([
      {
        received: PEOPLE * EVENTS_PER_PERSON,
        applied: PEOPLE,
        superseded: PEOPLE * (EVENTS_PER_PERSON - 1),
        duplicate: 0,
        rejected: 0,
      },
    ])
    expect(await count('registry.status_events')).toBe(PEOPLE * EVENTS_PER_PERSON)
    expect(await count('registry.current_status')).toBe(PEOPLE)

    expect(await new Promise((resolve) => runIngest().once('exit', resolve))).toBe(0)
    const resent = await latestBatch()
    const { rows: again } = await sql<Record<string, number>>`
      SELECT applied, duplicate FROM registry.batches WHERE id = ${resent?.id}`.execute(database.db)
    expect(again).toEqual([{ applied: 0, duplicate: PEOPLE * EVENTS_PER_PERSON }])
    expect(await count('registry.status_events')).toBe(PEOPLE * EVENTS_PER_PERSON)
  })
})
