import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestDatabase } from '../../../tests/helpers/db.js'
import type { DatabaseHandle } from '../../db/client.js'
import { makeIin } from '../../shared/iin.js'
import { DEMO_EMPLOYER_BIN } from '../identity/index.js'
import type { ParsedIncome } from './income.parser.js'
import { ingestIncomes, submitIncomes, sweepAbandonedIncomeBatches } from './income.service.js'

let database: DatabaseHandle

function iin(birthDate: string, sex: 'M' | 'F', from: number): string {
  for (let serial = from; ; serial++) {
    const value = makeIin(birthDate, sex, serial)
    if (value !== undefined) return value
  }
}
/** Born before 1975: no employer pension contribution (FACTS.md, parameter pension_employer_born_from_year). */
const OLDER = iin('1970-03-08', 'M', 8101)
/** Born on 1 January 1975, the first day the contribution is due for. */
const BORN_1975 = iin('1975-01-01', 'F', 8201)
const YOUNGER = iin('1990-09-09', 'F', 8301)

const ledger = async () =>
  Number((await sql<{ n: string }>`SELECT count(*) AS n FROM social.contributions`.execute(database.db)).rows[0]?.n)
const stateOf = async (id: number) =>
  (
    await sql<{
      state: string
      error: string | null
    }>`SELECT state, error FROM social.income_batches WHERE id = ${id}`.execute(database.db)
  ).rows[0]

beforeAll(async () => {
  database = await createTestDatabase()
  const db = database.db
  await sql`INSERT INTO social.platforms (bin, name) VALUES (${DEMO_EMPLOYER_BIN}, 'P')`.execute(db)
  for (const [person, birth] of [
    [OLDER, '1970-03-08'],
    [BORN_1975, '1975-01-01'],
    [YOUNGER, '1990-09-09'],
  ] as const) {
    await sql`INSERT INTO identity.people (iin, surname, given_name, birth_date, sex, region_code)
      VALUES (${person}, 'Тестов', 'Тест', ${birth}, 'M', '39')`.execute(db)
    await sql`INSERT INTO social.platform_workers (platform_bin, iin, regime) VALUES (${DEMO_EMPLOYER_BIN}, ${person}, 'standard')`.execute(
      db,
    )
  }
})
afterAll(() => database.close())

describe('the abandoned income-batch sweeper', () => {
  it('fails a batch with no heartbeat for two minutes and leaves a live one and a done one', async () => {
    const db = database.db
    const insert = async (state: string, secondsAgo: number) =>
      (
        await sql<{ id: number }>`INSERT INTO social.income_batches (platform_bin, format, state, updated_at)
          VALUES (${DEMO_EMPLOYER_BIN}, 'csv', ${state}, now() - make_interval(secs => ${secondsAgo}))
          RETURNING id`.execute(db)
      ).rows[0]?.id as number
    const silent = await insert('received', 600)
    const live = await insert('received', 5)
    const done = await insert('done', 600)

    const swept = await sweepAbandonedIncomeBatches(db)

    expect(swept).toEqual([silent])
    expect(await stateOf(silent)).toMatchObject({
      state: 'failed',
      error: expect.stringContaining('send the report again'),
    })
    expect((await stateOf(live))?.state).toBe('received')
    expect((await stateOf(done))?.state).toBe('done')
    // Safe to run twice: nothing left to sweep.
    expect(await sweepAbandonedIncomeBatches(db)).toEqual([])
  })

  it('keeps a batch swept while it loaded failed and applies nothing from it', async () => {
    const before = await ledger()
    async function* rows(): AsyncGenerator<ParsedIncome> {
      yield { line: 1, input: { report_id: 'sweep-1', iin: YOUNGER, month: '2025-02', income: '100000' }, raw: '' }
      // The process "stalls" here long enough for a sweep that counts every open batch as abandoned.
      await sweepAbandonedIncomeBatches(database.db, -1)
      yield { line: 2, input: { report_id: 'sweep-2', iin: OLDER, month: '2025-02', income: '100000' }, raw: '' }
    }
    const load = ingestIncomes(
      database,
      { platformBin: DEMO_EMPLOYER_BIN, format: 'csv', fileName: 'stalled.csv', submittedBy: 1 },
      rows(),
    )
    await expect(load).rejects.toThrow(/was marked failed while it loaded/)
    expect(await ledger()).toBe(before)
    const { rows: batches } = await sql<{ id: number; state: string }>`
      SELECT id, state FROM social.income_batches WHERE file_name = 'stalled.csv'`.execute(database.db)
    expect(batches).toEqual([expect.objectContaining({ state: 'failed' })])
  })
})

describe('the employer pension contribution and the birth year', () => {
  it('is due for workers born from 1 January 1975 and not for those born before (dated parameter, marked check)', async () => {
    // March 2025: employer pension rate 2.5% (from 2025-01-01); 300,000 ₸ → 7,500 ₸ for those born from 1975.
    const { batch } = await submitIncomes(
      database,
      DEMO_EMPLOYER_BIN,
      [
        { report_id: 'bp-1', iin: OLDER, month: '2025-03', income: '300000' },
        { report_id: 'bp-2', iin: BORN_1975, month: '2025-03', income: '300000' },
        { report_id: 'bp-3', iin: YOUNGER, month: '2025-03', income: '300000' },
      ],
      1,
    )
    expect(batch.counts).toMatchObject({ received: 3, accepted: 3 })
    const { rows } = await sql<{ iin: string; employer_pension: string; total: string; parameters: { key: string }[] }>`
      SELECT iin, employer_pension, total, parameters FROM social.contributions WHERE report_id LIKE 'bp-%'`.execute(
      database.db,
    )
    const byIin = new Map(rows.map((r) => [r.iin, r]))
    // pension 30,000 + social 5% of min(300,000, 7 × 85,000) = 15,000 + health 6,000 + 9,000 = 60,000 without it
    expect(byIin.get(OLDER)).toMatchObject({ employer_pension: '0.00', total: '60000.00' })
    expect(byIin.get(BORN_1975)).toMatchObject({ employer_pension: '7500.00', total: '67500.00' })
    expect(byIin.get(YOUNGER)).toMatchObject({ employer_pension: '7500.00', total: '67500.00' })
    // The ledger names the parameter the decision came from.
    expect(byIin.get(OLDER)?.parameters).toContainEqual({
      key: 'pension_employer_born_from_year',
      validFrom: '2024-01-01',
      value: 1975,
    })
  })
})
