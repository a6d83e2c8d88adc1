import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, json, loginAs, type TestApp } from '../../../tests/helpers/app.js'
import { DEMO_CITIZEN_IIN, DEMO_EMPLOYER_BIN } from '../identity/index.js'
import { addWorkingDays } from './hotline.rules.js'
import { todayInKazakhstan } from './hotline.service.js'

let t: TestApp
let officer: { cookie: string }
let officer2: { cookie: string }
let citizen: { cookie: string }
let analyst: { cookie: string }
type Report = {
  id: number
  reporter: { iin: string | null; contact: string | null } | null
  status: string
  isOverdue: boolean
}

const file = (payload: Record<string, unknown>, headers: Record<string, string> = {}) =>
  t.app.inject({ method: 'POST', url: '/api/hotline/reports', headers, payload })
const envelope = {
  category: 'envelope_wages',
  employerBin: DEMO_EMPLOYER_BIN,
  region: '39',
  description: 'Зарплата в конвертах, официально оформлены на минимальную зарплату',
}

beforeAll(async () => {
  t = await createTestApp()
  officer = await loginAs(t.app, 'officer')
  officer2 = await loginAs(t.app, 'officer2')
  citizen = await loginAs(t.app, 'citizen')
  analyst = await loginAs(t.app, 'analyst')
})
afterAll(() => t.close())

describe('filing a report', () => {
  it('accepts an anonymous report and sets its SLA to 10 working days', async () => {
    const res = await file(envelope)
    expect(res.statusCode).toBe(201)
    expect(json(res)).toMatchObject({ status: 'new', region: '39', dueDate: addWorkingDays(todayInKazakhstan(), 10) })
  })

  it('refuses a report with no region, and one naming no employer', async () => {
    const noRegion = await file({ ...envelope, region: undefined })
    expect(noRegion.statusCode).toBe(400)
    expect(json<{ error: { message: string } }>(noRegion).error.message).toBe('region is required')
    const noEmployer = await file({ ...envelope, employerBin: undefined })
    expect(json<{ error: { message: string } }>(noEmployer).error.message).toBe('employer BIN or name is required')
    const { rows } = await sql<{ n: number }>`SELECT count(*)::int AS n FROM hotline.reports`.execute(t.database.db)
    expect(rows[0]?.n).toBe(1)
  })
})

describe('routing, privacy and resolution', () => {
  let id: number
  beforeAll(async () => {
    const res = await file(
      { ...envelope, category: 'unpaid_pension', contact: '+7 701 000 00 00', anonymous: false },
      citizen,
    )
    id = json<{ id: number }>(res).id
  })

  it("reaches the region's officers only", async () => {
    const mine = json<{ items: Report[] }>(
      await t.app.inject({ method: 'GET', url: '/api/hotline/reports', headers: officer }),
    )
    expect(mine.items.map((r) => r.id)).toContain(id)
    const other = json<{ items: Report[] }>(
      await t.app.inject({ method: 'GET', url: '/api/hotline/reports', headers: officer2 }),
    )
    expect(other.items).toEqual([])
    expect(
      (await t.app.inject({ method: 'GET', url: `/api/hotline/reports/${id}`, headers: officer2 })).statusCode,
    ).toBe(403)
    expect(
      (await t.app.inject({ method: 'POST', url: `/api/hotline/reports/${id}/assign`, headers: officer2 })).statusCode,
    ).toBe(403)
  })

  it('shows the reporter only to the assigned inspector, and audits that read', async () => {
    const before = json<Report>(
      await t.app.inject({ method: 'GET', url: `/api/hotline/reports/${id}`, headers: officer }),
    )
    expect(before.reporter).toBeNull()
    const assigned = json<Report>(
      await t.app.inject({ method: 'POST', url: `/api/hotline/reports/${id}/assign`, headers: officer }),
    )
    expect(assigned).toMatchObject({
      status: 'assigned',
      reporter: { iin: DEMO_CITIZEN_IIN, contact: '+7 701 000 00 00' },
    })
    const national = json<Report>(
      await t.app.inject({ method: 'GET', url: `/api/hotline/reports/${id}`, headers: analyst }),
    )
    expect(national.reporter).toBeNull()
    const { rows } = await sql<{ action: string }>`
      SELECT action FROM audit.log WHERE subject_iin = ${DEMO_CITIZEN_IIN} ORDER BY seq DESC LIMIT 1`.execute(
      t.database.db,
    )
    expect(rows[0]?.action).toBe('hotline.reporter.read')
  })

  it('moves only new → assigned → inspecting → resolved, with the outcome', async () => {
    const move = (payload: Record<string, unknown>, headers = officer) =>
      t.app.inject({ method: 'POST', url: `/api/hotline/reports/${id}/status`, headers, payload })
    expect((await move({ status: 'resolved', note: 'x' })).statusCode).toBe(409)
    expect((await move({ status: 'inspecting' }, officer2)).statusCode).toBe(403)
    expect((await move({ status: 'inspecting' })).statusCode).toBe(200)
    const done = await move({
      status: 'resolved',
      contractsConcluded: 3,
      contributionsRecovered: 1_250_000,
      note: 'проверка проведена',
    })
    expect(json(done)).toMatchObject({
      status: 'resolved',
      outcome: { contractsConcluded: 3, contributionsRecovered: 1_250_000, note: 'проверка проведена' },
    })
  })

  it('lists overdue reports and counts outcomes and repeated employers', async () => {
    await sql`UPDATE hotline.reports SET due_date = '2020-01-01' WHERE status = 'new'`.execute(t.database.db)
    const overdue = json<{ items: Report[] }>(
      await t.app.inject({ method: 'GET', url: '/api/hotline/reports?overdue=true', headers: officer }),
    )
    expect(overdue.items).toHaveLength(1)
    expect(overdue.items[0]).toMatchObject({ status: 'new', isOverdue: true })
    const stats = json<{ byRegionAndCategory: unknown[]; repeatedEmployers: unknown[] }>(
      await t.app.inject({ method: 'GET', url: '/api/hotline/statistics', headers: analyst }),
    )
    expect(stats.byRegionAndCategory).toEqual([
      expect.objectContaining({ region: '39', category: 'envelope_wages', total: 1, overdue: 1 }),
      expect.objectContaining({
        region: '39',
        category: 'unpaid_pension',
        total: 1,
        resolved: 1,
        contractsConcluded: 3,
        contributionsRecovered: 1_250_000,
      }),
    ])
    expect(stats.repeatedEmployers).toEqual([
      expect.objectContaining({ employerBin: DEMO_EMPLOYER_BIN, reports: 2, regions: ['39'] }),
    ])
  })
})
