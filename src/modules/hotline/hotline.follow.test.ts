import { createHash } from 'node:crypto'
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, json, loginAs, type TestApp } from '../../../tests/helpers/app.js'
import { DEMO_CITIZEN_IIN, DEMO_EMPLOYER_BIN } from '../identity/index.js'

let t: TestApp
let officer: { cookie: string }
let citizen: { cookie: string }
type Filed = { id: number; followCode: string; dueDate: string }

const report = {
  category: 'envelope_wages',
  employerBin: DEMO_EMPLOYER_BIN,
  region: '39',
  description: 'Половину зарплаты выдают наличными без ведомости',
}
const follow = (reference: unknown, code: unknown) =>
  t.app.inject({ method: 'POST', url: '/api/hotline/follow', payload: { reference, code } })
const move = (id: number, payload: Record<string, unknown>) =>
  t.app.inject({ method: 'POST', url: `/api/hotline/reports/${id}/status`, headers: officer, payload })

beforeAll(async () => {
  t = await createTestApp()
  officer = await loginAs(t.app, 'officer')
  citizen = await loginAs(t.app, 'citizen')
})
afterAll(() => t.close())

describe('the reporter follows a report with its number and code', () => {
  let filed: Filed
  beforeAll(async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/hotline/reports',
      headers: citizen,
      payload: { ...report, anonymous: false, contact: '+7 705 111 22 33' },
    })
    expect(res.statusCode).toBe(201)
    filed = json<Filed>(res)
  })

  it('gives a code at filing and stores only its sha256', async () => {
    expect(filed.followCode).toMatch(/^([0-9A-HJKMNP-TV-Z]{4}-){6}[0-9A-HJKMNP-TV-Z]{4}$/)
    const { rows } = await sql<{ hash: Buffer; row: string }>`
      SELECT follow_code_sha256 AS hash, to_jsonb(r)::text AS row FROM hotline.reports r WHERE id = ${filed.id}`.execute(
      t.database.db,
    )
    const canonical = filed.followCode.replace(/-/g, '')
    expect(rows[0]?.hash.equals(createHash('sha256').update(canonical).digest())).toBe(true)
    expect(rows[0]?.row).not.toContain(canonical)
    expect(rows[0]?.row).not.toContain(filed.followCode)
  })

  it('shows the status and due date, typed loosely, and nothing about the reporter', async () => {
    const res = await follow(` ${filed.id} `, filed.followCode.toLowerCase().replace(/-/g, ' '))
    expect(res.statusCode).toBe(200)
    expect(json(res)).toMatchObject({
      id: filed.id,
      status: 'new',
      region: '39',
      dueDate: filed.dueDate,
      isOverdue: false,
      outcome: null,
      steps: [{ status: 'new' }],
    })
    expect(res.body).not.toContain(DEMO_CITIZEN_IIN)
    expect(res.body).not.toContain('+7 705')
    expect(res.body).not.toContain('наличными')
  })

  it('answers a wrong code exactly as an unknown number', async () => {
    const wrongCode = await follow(
      filed.id,
      filed.followCode.replace(/^./, (c) => (c === 'A' ? 'B' : 'A')),
    )
    const unknownNumber = await follow(filed.id + 1000, filed.followCode)
    const notANumber = await follow('abc', filed.followCode)
    const notACode = await follow(filed.id, 'x')
    for (const res of [wrongCode, unknownNumber, notANumber, notACode]) {
      expect(res.statusCode).toBe(404)
      expect(res.body).toBe(unknownNumber.body)
    }
    expect(json<{ error: { message: string } }>(unknownNumber).error.message).toBe(
      'no hotline report with this number and follow-up code',
    )
  })

  it("shows the outcome and the inspector's reply once closed, never the internal note", async () => {
    expect(
      (await t.app.inject({ method: 'POST', url: `/api/hotline/reports/${filed.id}/assign`, headers: officer }))
        .statusCode,
    ).toBe(200)
    // A reply belongs to the closing; on any other step it is refused and nothing changes.
    const early = await move(filed.id, { status: 'inspecting', replyToReporter: 'рано' })
    expect(early.statusCode).toBe(400)
    expect(json<{ error: { details: { field: string } } }>(early).error.details.field).toBe('replyToReporter')
    expect(json<{ status: string }>(await follow(filed.id, filed.followCode)).status).toBe('assigned')
    expect((await move(filed.id, { status: 'inspecting' })).statusCode).toBe(200)
    const closed = await move(filed.id, {
      status: 'resolved',
      contractsConcluded: 2,
      contributionsRecovered: 480_000,
      note: 'Бухгалтер Иванова подтвердила двойную ведомость',
      replyToReporter: 'Проверка проведена, с работниками заключены трудовые договоры.',
    })
    expect(json(closed)).toMatchObject({
      outcome: { note: 'Бухгалтер Иванова подтвердила двойную ведомость', replyToReporter: expect.any(String) },
    })
    const res = await follow(filed.id, filed.followCode)
    expect(json(res)).toMatchObject({
      status: 'resolved',
      closedAt: expect.any(String),
      outcome: {
        contractsConcluded: 2,
        contributionsRecovered: 480_000,
        reply: 'Проверка проведена, с работниками заключены трудовые договоры.',
      },
      steps: [{ status: 'new' }, { status: 'assigned' }, { status: 'inspecting' }, { status: 'resolved' }],
    })
    expect(res.body).not.toContain('Иванова')
    expect(res.body).not.toMatch(/actor|assignedTo|reporter/)
  })
})

describe('guessing is rate-limited like the login', () => {
  let limited: TestApp
  beforeAll(async () => {
    limited = await createTestApp({ loginRateLimit: 3 })
  })
  afterAll(() => limited.close())

  it('answers 429 after the limit for one number from one address, and leaves other numbers alone', async () => {
    const attempt = (reference: number) =>
      limited.app.inject({
        method: 'POST',
        url: '/api/hotline/follow',
        payload: { reference: String(reference), code: '0000-0000-0000-0000-0000-0000-0000' },
      })
    const codes = []
    for (let i = 0; i < 4; i++) codes.push((await attempt(7)).statusCode)
    expect(codes).toEqual([404, 404, 404, 429])
    const tooMany = await attempt(7)
    expect(json<{ error: { code: string } }>(tooMany).error.code).toBe('too_many')
    expect((await attempt(8)).statusCode).toBe(404)
  })
})

describe('statistics downloads', () => {
  it('gives the region × category table and the repeated employers as CSV and XLSX', async () => {
    await t.app.inject({ method: 'POST', url: '/api/hotline/reports', payload: report })
    const analyst = await loginAs(t.app, 'analyst')
    const csv = await t.app.inject({ method: 'GET', url: '/api/hotline/statistics?format=csv', headers: analyst })
    expect(csv.statusCode).toBe(200)
    expect(csv.headers['content-disposition']).toBe('attachment; filename="hotline-statistics-all.csv"')
    const lines = csv.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n')
    expect(lines[0]).toBe(
      'Region,Category,Reports,Open,Overdue,Resolved,Unfounded,Entered by the contact centre,Labour contracts concluded,"Contributions recovered, KZT"',
    )
    expect(lines.slice(1)).toEqual(['39,envelope_wages,2,1,0,1,0,0,2,480000'])
    const employers = await t.app.inject({
      method: 'GET',
      url: '/api/hotline/statistics/employers?format=csv',
      headers: officer,
    })
    expect(employers.headers['content-disposition']).toBe('attachment; filename="hotline-repeated-employers-39.csv"')
    expect(employers.body).toContain(`${DEMO_EMPLOYER_BIN},`)
    const xlsx = await t.app.inject({ method: 'GET', url: '/api/hotline/statistics?format=xlsx', headers: officer })
    expect(xlsx.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
    expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe('PK')
    const bad = await t.app.inject({ method: 'GET', url: '/api/hotline/statistics?format=pdf', headers: officer })
    expect(bad.statusCode).toBe(400)
    const json200 = json<{ items: unknown[] }>(
      await t.app.inject({ method: 'GET', url: '/api/hotline/statistics/employers', headers: officer }),
    )
    expect(json200.items).toEqual([expect.objectContaining({ employerBin: DEMO_EMPLOYER_BIN, reports: 2 })])
  })
})
