import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, json, loginAs, type TestApp } from '../../../tests/helpers/app.js'
import { makeBin, makeIin } from '../../shared/iin.js'
import { DEMO_CITIZEN_IIN, DEMO_EMPLOYER_BIN } from '../identity/index.js'
import { addMonths } from './benefit.rules.js'
import { currentMonth } from './income.parser.js'

let t: TestApp
let admin: { cookie: string }
let employer: { cookie: string }
let officer: { cookie: string }
let officer2: { cookie: string }
let citizen: { cookie: string }
/** The first serial from `from` whose check digit exists (a tenth of serials have none). */
function iin(birthDate: string, sex: 'M' | 'F', from: number): string {
  for (let serial = from; ; serial++) {
    const value = makeIin(birthDate, sex, serial)
    if (value !== undefined) return value
  }
}
function bin(yymm: string, from: number): string {
  for (let serial = from; ; serial++) {
    const value = makeBin(yymm, 4, 0, serial)
    if (value !== undefined) return value
  }
}
const STANDARD_IIN = iin('1990-05-17', 'M', 7001)
const HISTORY_IIN = iin('1988-02-02', 'F', 7101)
const STRANGER_IIN = iin('1992-07-07', 'M', 7201)
/** A valid IIN nobody registered in identity. */
const UNKNOWN_IIN = iin('1991-01-01', 'F', 7901)
const OTHER_BIN = bin('2001', 4242)
const THIS_MONTH = currentMonth()

const ledgerCount = async () =>
  Number((await sql<{ n: string }>`SELECT count(*) AS n FROM social.contributions`.execute(t.database.db)).rows[0]?.n)

async function addPerson(iin: string, surname: string) {
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/people',
    headers: officer,
    payload: { iin, surname, givenName: 'Тест', regionCode: '39' },
  })
  if (res.statusCode !== 201) throw new Error(res.body)
}
const putWorker = (iin: string, regime: string, who = employer, bin = DEMO_EMPLOYER_BIN) =>
  t.app.inject({ method: 'PUT', url: `/api/social/platforms/${bin}/workers/${iin}`, headers: who, payload: { regime } })
const postIncomes = (rows: unknown[], who = employer, platform?: string) =>
  t.app.inject({
    method: 'POST',
    url: '/api/social/incomes',
    headers: who,
    payload: platform === undefined ? { rows } : { platform, rows },
  })

beforeAll(async () => {
  t = await createTestApp()
  admin = await loginAs(t.app, 'admin')
  employer = await loginAs(t.app, 'employer')
  officer = await loginAs(t.app, 'officer')
  officer2 = await loginAs(t.app, 'officer2')
  citizen = await loginAs(t.app, 'citizen')
  await addPerson(STANDARD_IIN, 'Стандартов')
  await addPerson(HISTORY_IIN, 'Историева')
  await addPerson(STRANGER_IIN, 'Чужой')
  const org = await t.app.inject({
    method: 'POST',
    url: '/api/organisations',
    headers: admin,
    payload: { bin: OTHER_BIN, name: 'ТОО «Доставка»', regionCode: '71' },
  })
  expect(org.statusCode).toBe(201)
})
afterAll(() => t.close())

describe('platforms and workers', () => {
  it('lets an organisation register itself as a platform, once', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/social/platforms',
      headers: employer,
      payload: { bin: DEMO_EMPLOYER_BIN },
    })
    expect(res.statusCode).toBe(201)
    expect(json(res)).toMatchObject({ bin: DEMO_EMPLOYER_BIN, name: 'ТОО «Павлодар Энерго Сервис»' })
    const again = await t.app.inject({
      method: 'POST',
      url: '/api/social/platforms',
      headers: employer,
      payload: { bin: DEMO_EMPLOYER_BIN },
    })
    expect(again.statusCode).toBe(409)
  })

  it('refuses an employer registering another organisation, and a BIN identity does not know', async () => {
    const other = await t.app.inject({
      method: 'POST',
      url: '/api/social/platforms',
      headers: employer,
      payload: { bin: OTHER_BIN },
    })
    expect(other.statusCode).toBe(403)
    const unknown = bin('2002', 5151)
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/social/platforms',
      headers: admin,
      payload: { bin: unknown },
    })
    expect(res.statusCode).toBe(404)
    expect(json<{ error: { message: string } }>(res).error.message).toBe(`no organisation with BIN ${unknown}`)
    const ok = await t.app.inject({
      method: 'POST',
      url: '/api/social/platforms',
      headers: admin,
      payload: { bin: OTHER_BIN },
    })
    expect(ok.statusCode).toBe(201)
  })

  it('registers workers with their regime and refuses an IIN not in the population register', async () => {
    expect((await putWorker(DEMO_CITIZEN_IIN, 'platform_4pct')).statusCode).toBe(200)
    expect((await putWorker(STANDARD_IIN, 'standard')).statusCode).toBe(200)
    expect((await putWorker(HISTORY_IIN, 'standard')).statusCode).toBe(200)
    const unknown = await putWorker(UNKNOWN_IIN, 'standard')
    expect(unknown.statusCode).toBe(404)
    expect(json<{ error: { message: string } }>(unknown).error.message).toBe(
      `IIN ${UNKNOWN_IIN} is not in the population register`,
    )
    expect((await putWorker(STANDARD_IIN, 'standard', employer, OTHER_BIN)).statusCode).toBe(403)
  })
})

describe('monthly income reports', () => {
  const march = [
    { report_id: 'r-1', iin: DEMO_CITIZEN_IIN, month: '2025-03', income: 500_000 },
    { report_id: 'r-2', iin: STANDARD_IIN, month: '2025-03', income: '500000.00' },
  ]

  it('computes each regime from the rates in force in the month', async () => {
    const res = await postIncomes(march)
    expect(res.statusCode).toBe(200)
    expect(json(res)).toMatchObject({ counts: { received: 2, accepted: 2, duplicate: 0, rejected: 0 } })
    const rows = await sql<{
      iin: string
      regime: string
      social: string
      total: string
      parameters: { key: string; validFrom: string }[]
    }>`
      SELECT iin, regime, social, total, parameters FROM social.contributions WHERE month = '2025-03-01' ORDER BY regime`.execute(
      t.database.db,
    )
    // platform: 1% × 500,000 = 5,000 each, total 20,000
    expect(rows.rows[0]).toMatchObject({
      iin: DEMO_CITIZEN_IIN,
      regime: 'platform_4pct',
      social: '5000.00',
      total: '20000.00',
    })
    expect(rows.rows[0]?.parameters).toContainEqual({
      key: 'platform_income_cap_mci',
      validFrom: '2024-01-01',
      value: 300,
    })
    // standard: 50,000 + 12,500 (2.5%, 2025) + 25,000 (5%) + 10,000 + 15,000 = 112,500
    expect(rows.rows[1]).toMatchObject({
      iin: STANDARD_IIN,
      regime: 'standard',
      social: '25000.00',
      total: '112500.00',
    })
    expect(rows.rows[1]?.parameters).toContainEqual({
      key: 'pension_employer_rate',
      validFrom: '2025-01-01',
      value: 0.025,
    })
  })

  it('answers a re-sent report with duplicates and changes nothing', async () => {
    const before = await ledgerCount()
    const res = await postIncomes(march)
    expect(json(res)).toMatchObject({ counts: { received: 2, accepted: 0, duplicate: 2, rejected: 0 } })
    expect(await ledgerCount()).toBe(before)
  })

  it('rejects a reused report id with other content and never overwrites', async () => {
    const res = await postIncomes([{ report_id: 'r-1', iin: DEMO_CITIZEN_IIN, month: '2025-03', income: 900_000 }])
    expect(json(res)).toMatchObject({
      counts: { received: 1, accepted: 0, duplicate: 0, rejected: 1 },
      results: [
        {
          outcome: 'rejected',
          reason: 'report_id r-1 was already recorded with different content; a report is never overwritten',
        },
      ],
    })
    const again = await postIncomes([{ report_id: 'r-1b', iin: DEMO_CITIZEN_IIN, month: '2025-03', income: 900_000 }])
    expect(json<{ results: { reason: string }[] }>(again).results[0]?.reason).toBe(
      `income of ${DEMO_CITIZEN_IIN} for 2025-03 was already reported as report_id r-1; a report is never overwritten`,
    )
    const { rows } = await sql<{
      income: string
    }>`SELECT income FROM social.contributions WHERE report_id = 'r-1'`.execute(t.database.db)
    expect(rows[0]?.income).toBe('500000.00')
  })

  it('refuses a future month, a negative income, an unknown IIN and an unregistered worker, each with its reason', async () => {
    const before = await ledgerCount()
    const future = addMonths(THIS_MONTH, 1)
    const res = await postIncomes([
      { report_id: 'b-1', iin: DEMO_CITIZEN_IIN, month: future, income: 100_000 },
      { report_id: 'b-2', iin: DEMO_CITIZEN_IIN, month: '2025-04', income: -5 },
      { report_id: 'b-3', iin: UNKNOWN_IIN, month: '2025-04', income: 100_000 },
      { report_id: 'b-4', iin: STRANGER_IIN, month: '2025-04', income: 100_000 },
      { report_id: 'b-5', iin: DEMO_CITIZEN_IIN, month: '2025-04', income: 100_000 },
    ])
    const body = json<{
      batchId: number
      counts: Record<string, number>
      results: { outcome: string; reason?: string }[]
    }>(res)
    expect(body.counts).toEqual({ received: 5, accepted: 1, duplicate: 0, rejected: 4 })
    expect(body.results.map((r) => r.reason)).toEqual([
      `month ${future} is in the future; income is reported for ${THIS_MONTH} or earlier`,
      'income -5 is negative',
      `IIN ${UNKNOWN_IIN} is not in the population register`,
      `platform ${DEMO_EMPLOYER_BIN} never registered worker ${STRANGER_IIN}; register the worker first`,
      undefined,
    ])
    expect(await ledgerCount()).toBe(before + 1)
    const rejections = await t.app.inject({
      method: 'GET',
      url: `/api/social/income-batches/${body.batchId}/rejections`,
      headers: employer,
    })
    expect(json<{ items: { line: number }[] }>(rejections).items.map((r) => r.line)).toEqual([1, 2, 3, 4])
    // Another platform's staff cannot read this batch.
    const otherAdminView = await t.app.inject({
      method: 'GET',
      url: `/api/social/income-batches/${body.batchId}`,
      headers: citizen,
    })
    expect(otherAdminView.statusCode).toBe(403)
  })

  it('refuses a report for a platform that is not yours', async () => {
    const res = await postIncomes(
      [{ report_id: 'x', iin: STANDARD_IIN, month: '2025-03', income: 1 }],
      employer,
      OTHER_BIN,
    )
    expect(res.statusCode).toBe(403)
  })

  it('loads a CSV file with the same guarantees: counts reconcile and a re-sent file changes nothing', async () => {
    const file = [
      'report_id,iin,month,income',
      `f-1,${STANDARD_IIN},2025-05,400000`,
      `f-2,${STANDARD_IIN},2025-06`,
      `f-3,${STANDARD_IIN},2025-07,abc`,
      `f-4,${STANDARD_IIN},2025-08,400000.5`,
    ].join('\n')
    const send = () =>
      t.app.inject({
        method: 'POST',
        url: '/api/social/incomes/file',
        headers: { ...employer, 'content-type': 'text/csv' },
        payload: file,
      })
    const first = await send()
    expect(first.statusCode).toBe(201)
    expect(json(first)).toMatchObject({
      batch: { state: 'done', counts: { received: 4, accepted: 2, duplicate: 0, rejected: 2 } },
    })
    const second = await send()
    expect(json(second)).toMatchObject({ batch: { counts: { received: 4, accepted: 0, duplicate: 2, rejected: 2 } } })
  })

  it('makes a worker active last month a platform_worker in the registry', async () => {
    const last = addMonths(THIS_MONTH, -1)
    const res = await postIncomes([{ report_id: 'now-1', iin: STANDARD_IIN, month: last, income: 250_000 }])
    expect(json(res)).toMatchObject({ registry: { events: 1, applied: 1 } })
    const { rows } = await sql<{ status: string; channel_code: string }>`
      SELECT status, channel_code FROM registry.current_status WHERE iin = ${STANDARD_IIN}`.execute(t.database.db)
    expect(rows[0]).toEqual({ status: 'platform_worker', channel_code: 'platforms' })
  })
})

describe('benefits for the citizen and the officer', () => {
  beforeAll(async () => {
    // 300,000 ₸ every month of 2024 and 2025 under the standard regime (social base = income).
    const rows = Array.from({ length: 24 }, (_, i) => ({
      report_id: `h-${i}`,
      iin: HISTORY_IIN,
      month: addMonths('2024-01', i),
      income: 300_000,
    }))
    expect(json(await postIncomes(rows))).toMatchObject({ counts: { accepted: 24 } })
  })

  it('tells the officer what is due, explained, and writes the read to the audit log', async () => {
    // window 2024-01 … 2025-12: avg 300,000; 24 months → 0.85; 300,000 × 0.45 × 0.85 = 114,750.00; × 3 = 344,250.00
    const res = await t.app.inject({
      method: 'GET',
      url: `/api/social/people/${HISTORY_IIN}/benefits?kind=job_loss&date=2026-01-15&purpose=job%20loss%20claim%2042`,
      headers: officer,
    })
    expect(res.statusCode).toBe(200)
    expect(json(res)).toMatchObject({
      eligible: true,
      averageIncome: 300_000,
      contributionMonths: 24,
      coefficient: 0.85,
      monthlyAmount: 114_750,
      durationMonths: 3,
      totalAmount: 344_250,
    })
    const { rows } = await sql<{ action: string; purpose: string }>`
      SELECT action, purpose FROM audit.log WHERE subject_iin = ${HISTORY_IIN} ORDER BY seq DESC LIMIT 1`.execute(
      t.database.db,
    )
    expect(rows[0]).toEqual({ action: 'social.benefit.job_loss.read', purpose: 'job loss claim 42' })
  })

  it('refuses an officer of another region and a citizen, and requires a purpose', async () => {
    const url = `/api/social/people/${HISTORY_IIN}/benefits?kind=job_loss&date=2026-01-15`
    expect((await t.app.inject({ method: 'GET', url: `${url}&purpose=curious`, headers: officer2 })).statusCode).toBe(
      403,
    )
    expect((await t.app.inject({ method: 'GET', url: `${url}&purpose=curious`, headers: citizen })).statusCode).toBe(
      403,
    )
    expect((await t.app.inject({ method: 'GET', url, headers: officer })).statusCode).toBe(400)
  })

  it('shows a citizen their incomes, contributions and coverage', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/me/social', headers: citizen })
    expect(res.statusCode).toBe(200)
    const body = json<{
      platforms: { bin: string; regime: string }[]
      contributions: { month: string; income: number; total: number }[]
      coverage: { kind: string; eligible: boolean; reasons: string[] }[]
    }>(res)
    expect(body.platforms).toEqual([expect.objectContaining({ bin: DEMO_EMPLOYER_BIN, regime: 'platform_4pct' })])
    expect(body.contributions).toContainEqual(
      expect.objectContaining({ month: '2025-03', income: 500_000, total: 20_000 }),
    )
    expect(body.coverage.map((c) => c.kind)).toEqual(['job_loss', 'maternity', 'childcare'])
    // Two months of contributions (2025-03, 2025-04): not enough for job loss, and the reason says so.
    expect(body.coverage[0]).toMatchObject({
      eligible: false,
      reasons: [
        '2 months of social contributions; at least 6 are required',
        'not registered as unemployed (registry status: unknown); payment starts after registering at an employment centre',
      ],
    })
  })
})
