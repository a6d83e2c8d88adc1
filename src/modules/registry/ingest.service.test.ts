import { Readable } from 'node:stream'
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestDatabase } from '../../../tests/helpers/db.js'
import type { DatabaseHandle } from '../../db/client.js'
import { makeIin } from '../../shared/iin.js'
import { DEMO_CITIZEN_IIN } from '../identity/index.js'
import { parseCsv, parseJsonl } from './event.parser.js'
import { createBatch, ingestBatch, submitEvents } from './ingest.service.js'

let database: DatabaseHandle
const people = Array.from(
  { length: 7 },
  (_, i) => makeIin(`199${i}-0${i + 1}-1${i}`, i % 2 ? 'F' : 'M', 100 + i) as string,
)

beforeAll(async () => {
  database = await createTestDatabase()
  await database.db
    .insertInto('identity.people')
    .values(
      people.map((iin, i) => ({
        iin,
        surname: `Тест${i}`,
        given_name: 'Адам',
        birth_date: `199${i}-0${i + 1}-1${i}`,
        region_code: '39',
      })),
    )
    .execute()
})
afterAll(() => database.close())

async function ingestCsv(channel: string, text: string) {
  const batch = await createBatch(database.db, {
    channelCode: channel,
    format: 'csv',
    fileName: 'test.csv',
    submittedBy: null,
  })
  return (await ingestBatch(database, batch.id, parseCsv(Readable.from([Buffer.from(text)])))).batch
}

const current = (iin: string) =>
  database.db
    .withTables<import('./registry.tables.js').RegistryTables>()
    .selectFrom('registry.current_status')
    .selectAll()
    .where('iin', '=', iin)
    .executeTakeFirst()

const rejections = (batchId: number) =>
  sql<{
    line: number
    reason: string
  }>`SELECT line, reason FROM registry.batch_rejections WHERE batch_id = ${batchId} ORDER BY line`
    .execute(database.db)
    .then((r) => r.rows)

describe('daily file ingestion', () => {
  it('applies a file, reconciles its counts and does nothing when the same file comes again', async () => {
    const file = [
      'iin,status,valid_from,source_ref',
      `${people[0]},employed_contract,2025-03-01,egov-1`,
      `${people[1]},student,2025-09-01,egov-2`,
      `${people[2]},unemployed_unregistered,2025-10-01,egov-3`,
    ].join('\n')
    const first = await ingestCsv('egov', file)
    expect(first).toMatchObject({
      state: 'done',
      counts: { received: 3, applied: 3, superseded: 0, duplicate: 0, rejected: 0 },
    })
    expect(await current(people[0] as string)).toMatchObject({ status: 'employed_contract', channel_code: 'egov' })

    const events = () => sql<{ n: number }>`SELECT count(*)::int AS n FROM registry.status_events`.execute(database.db)
    const before = (await events()).rows[0]?.n
    const again = await ingestCsv('egov', file)
    expect(again.counts).toEqual({ received: 3, applied: 0, superseded: 0, duplicate: 3, rejected: 0 })
    expect((await events()).rows[0]?.n).toBe(before)
  })

  it('rejects each bad row with its line and reason and keeps what was stored', async () => {
    const before = await current(people[0] as string)
    const future = `${new Date().getUTCFullYear() + 1}-01-01`
    const file = [
      'iin,status,valid_from,source_ref',
      `900101300124,employed_contract,2025-01-01,r-1`,
      `${people[0]},astronaut,2025-01-01,r-2`,
      `${people[0]},student,${future},r-3`,
      `${people[0]},student,1985-01-01,r-4`,
      `${people[0]},pregnant,2025-01-01,r-5`,
      `${people[3]},student,2025-02-30,r-6`,
      `${makeIin('1991-01-01', 'M', 9999)},student,2025-01-01,r-7`,
      `${people[3]},student,2025-01-01`,
      `${people[3]},student,2025-02-01,r-9`,
    ].join('\n')
    const batch = await ingestCsv('school', file)
    expect(batch.counts).toEqual({ received: 9, applied: 1, superseded: 0, duplicate: 0, rejected: 8 })
    expect(await rejections(batch.id)).toEqual([
      { line: 2, reason: 'IIN 900101300124 fails its checksum' },
      { line: 3, reason: 'unknown status "astronaut"' },
      { line: 4, reason: `valid_from ${future} is in the future` },
      { line: 5, reason: `valid_from 1985-01-01 is before the person's birth date 1990-01-10` },
      { line: 6, reason: 'channel school may not assert status pregnant' },
      { line: 7, reason: 'valid_from "2025-02-30" is not a date (YYYY-MM-DD)' },
      { line: 8, reason: `IIN ${makeIin('1991-01-01', 'M', 9999)} is not in the population register` },
      { line: 9, reason: 'expected 4 columns, found 3' },
    ])
    expect(await current(people[0] as string)).toEqual(before)
  })

  it('refuses a reused idempotency key with different content and says so', async () => {
    const batch = await ingestCsv(
      'egov',
      `iin,status,valid_from,source_ref\n${people[1]},employed_contract,2025-11-01,egov-2`,
    )
    expect(batch.counts).toMatchObject({ received: 1, rejected: 1, applied: 0 })
    expect(await rejections(batch.id)).toEqual([
      {
        line: 2,
        reason: 'source_ref egov-2 was already recorded with different content; an idempotency key cannot be reused',
      },
    ])
    expect(await current(people[1] as string)).toMatchObject({ status: 'student' })
  })

  it('handles a BOM, Windows line ends, blank lines and quoted fields, and names malformed rows', async () => {
    const file = `\uFEFFiin,status,valid_from,source_ref\r\n\r\n"${people[4]}",student,2025-09-01,"q,1"\r\n${people[4]},student,2025-09-01,"broken\r\n`
    const batch = await ingestCsv('school', file)
    expect(batch.counts.received).toBe(
      batch.counts.applied + batch.counts.superseded + batch.counts.duplicate + batch.counts.rejected,
    )
    expect(batch.counts.applied).toBe(1)
    const rows = await rejections(batch.id)
    expect(rows).toHaveLength(1)
    expect(rows[0]?.reason).toMatch(/malformed CSV/)
  })

  it('rejects rows that are not UTF-8', async () => {
    const bytes = Buffer.concat([
      Buffer.from(
        `iin,status,valid_from,source_ref\n${people[5]},student,2025-09-01,u-1\n${people[5]},student,2025-09-01,u-`,
      ),
      Buffer.from([0xff, 0xfe]),
      Buffer.from('\n'),
    ])
    const batch = await createBatch(database.db, {
      channelCode: 'school',
      format: 'csv',
      fileName: null,
      submittedBy: null,
    })
    const done = (await ingestBatch(database, batch.id, parseCsv(Readable.from([bytes])))).batch
    expect(done.counts).toMatchObject({ received: 2, applied: 1, rejected: 1 })
    expect(await rejections(done.id)).toEqual([{ line: 3, reason: 'the row is not valid UTF-8' }])
  })

  it('fails an empty file and a file with wrong header columns, with the reason', async () => {
    await expect(ingestCsv('egov', '')).rejects.toThrow('the file is empty')
    await expect(ingestCsv('egov', 'iin,state,valid_from,source_ref\n')).rejects.toThrow(
      'line 1: the header missing column status and unknown column state',
    )
  })

  it('reads JSON Lines, with a bad line rejected and counted', async () => {
    const text = [
      JSON.stringify({ iin: people[2], status: 'employed_contract', valid_from: '2025-12-01', source_ref: 'j-1' }),
      '{"iin": "broken',
      '',
      JSON.stringify({ iin: people[2], status: 'employed_contract', valid_from: '2025-12-01' }),
    ].join('\n')
    const batch = await createBatch(database.db, {
      channelCode: 'egov',
      format: 'jsonl',
      fileName: null,
      submittedBy: null,
    })
    const done = (await ingestBatch(database, batch.id, parseJsonl(Readable.from([Buffer.from(text)])))).batch
    expect(done.counts).toEqual({ received: 3, applied: 1, superseded: 0, duplicate: 0, rejected: 2 })
    expect((await rejections(done.id)).map((r) => r.reason)).toEqual([
      expect.stringMatching(/^malformed JSON/),
      'source_ref is missing',
    ])
  })
})

describe('precedence and freshness', () => {
  const iin = () => people[5] as string

  it('lets pension data outrank a self-declaration, and keeps the loser as superseded history', async () => {
    await submitEvents(
      database,
      'pension',
      [{ iin: iin(), status: 'employed_contract', valid_from: '2025-10-01', source_ref: 'p-1' }],
      null,
    )
    const { results } = await submitEvents(
      database,
      'egov',
      [{ iin: iin(), status: 'unemployed_unregistered', valid_from: '2025-11-01', source_ref: 'e-1' }],
      null,
    )
    expect(results).toEqual([{ index: 0, sourceRef: 'e-1', outcome: 'superseded' }])
    expect(await current(iin())).toMatchObject({ status: 'employed_contract', channel_code: 'pension' })
  })

  it('among equal ranks the later effective date wins, an earlier one is superseded', async () => {
    // people[6] has no status yet: only the service centre speaks about them here.
    const a = await submitEvents(
      database,
      'psc',
      [{ iin: people[6] as string, status: 'self_employed', valid_from: '2025-12-01', source_ref: 'psc-1' }],
      null,
    )
    expect(a.results[0]?.outcome).toBe('applied')
    const b = await submitEvents(
      database,
      'psc',
      [{ iin: people[6] as string, status: 'housewife', valid_from: '2025-06-01', source_ref: 'psc-2' }],
      null,
    )
    expect(b.results[0]?.outcome).toBe('superseded')
    const c = await submitEvents(
      database,
      'psc',
      [{ iin: people[6] as string, status: 'housewife', valid_from: '2025-12-15', source_ref: 'psc-3' }],
      null,
    )
    expect(c.results[0]?.outcome).toBe('applied')
    expect(await current(people[6] as string)).toMatchObject({ status: 'housewife', valid_from: '2025-12-15' })
  })

  it('a reconfirmation refreshes the status without changing it', async () => {
    const before = await current(iin())
    const { results } = await submitEvents(
      database,
      'pension',
      [{ iin: iin(), status: 'employed_contract', valid_from: '2025-11-01', source_ref: 'p-2' }],
      null,
    )
    expect(results[0]?.outcome).toBe('applied')
    const after = await current(iin())
    expect(after).toMatchObject({ status: 'employed_contract', valid_from: '2025-10-01', event_id: before?.event_id })
    expect(after?.confirmed_at.getTime()).toBeGreaterThan(before?.confirmed_at.getTime() ?? 0)
  })

  it('a stale status gives way to a newer one from a weaker channel', async () => {
    await sql`UPDATE registry.current_status SET fresh_until = now() - interval '1 day' WHERE iin = ${iin()}`.execute(
      database.db,
    )
    const { results } = await submitEvents(
      database,
      'egov',
      [{ iin: iin(), status: 'unemployed_unregistered', valid_from: '2025-12-01', source_ref: 'e-2' }],
      null,
    )
    expect(results[0]?.outcome).toBe('applied')
    expect(await current(iin())).toMatchObject({ status: 'unemployed_unregistered', channel_code: 'egov' })
  })

  it('writes each status change to the outbox, not reconfirmations', async () => {
    const { rows } = await sql<{ old_status: string | null; new_status: string }>`
      SELECT old_status, new_status FROM registry.outbox WHERE iin = ${iin()} ORDER BY id`.execute(database.db)
    expect(rows).toEqual([
      { old_status: null, new_status: 'student' },
      { old_status: 'student', new_status: 'employed_contract' },
      { old_status: 'employed_contract', new_status: 'unemployed_unregistered' },
    ])
  })
})

describe('the live API', () => {
  it('answers each event, in order, and refuses more than 10,000 per call', async () => {
    const { batch, results } = await submitEvents(
      database,
      'egov',
      [
        { iin: DEMO_CITIZEN_IIN, status: 'student', valid_from: '2025-09-01', source_ref: 'live-1' },
        { iin: '123', status: 'student', valid_from: '2025-09-01', source_ref: 'live-2' },
        { iin: DEMO_CITIZEN_IIN, status: 'student', valid_from: '2025-09-01', source_ref: 'live-1' },
      ],
      null,
    )
    expect(results).toEqual([
      { index: 0, sourceRef: 'live-1', outcome: 'applied' },
      { index: 1, sourceRef: 'live-2', outcome: 'rejected', reason: 'IIN "123" must be exactly 12 digits' },
      { index: 2, sourceRef: 'live-1', outcome: 'duplicate' },
    ])
    expect(batch.counts).toEqual({ received: 3, applied: 1, superseded: 0, duplicate: 1, rejected: 1 })
    const many = Array.from({ length: 10_001 }, (_, i) => ({
      iin: DEMO_CITIZEN_IIN,
      status: 'student',
      valid_from: '2025-09-01',
      source_ref: `m-${i}`,
    }))
    await expect(submitEvents(database, 'egov', many, null)).rejects.toThrow('at most 10000 events per call, got 10001')
  })
})

describe('a busy connection pool', () => {
  it('finishes more concurrent calls than it has connections (no call waits for a second connection while holding one)', async () => {
    const { connectDatabase } = await import('../../db/client.js')
    const small = connectDatabase(database.url, { max: 3 })
    try {
      const calls = Array.from({ length: 8 }, (_, i) =>
        submitEvents(
          small,
          'egov',
          [
            {
              iin: people[i % people.length] as string,
              status: 'student',
              valid_from: '2025-09-01',
              source_ref: `pool-${i}`,
            },
          ],
          null,
        ),
      )
      const settled = await Promise.all(calls)
      expect(settled.map((r) => r.batch.state)).toEqual(Array(8).fill('done'))
    } finally {
      await small.close()
    }
  })
})
