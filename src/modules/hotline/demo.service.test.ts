import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, json, loginAs, type TestApp } from '../../../tests/helpers/app.js'
import { DEMO_HOTLINE_REPORTS, seedHotlineDemo } from './demo.service.js'

let t: TestApp
beforeAll(async () => {
  t = await createTestApp({ demo: true })
})
afterAll(() => t.close())

type Report = { id: number; region: string; status: string; isOverdue: boolean; events?: { status: string }[] }
const queue = async (login: string) =>
  json<{ items: Report[] }>(
    await t.app.inject({ method: 'GET', url: '/api/hotline/reports', headers: await loginAs(t.app, login) }),
  ).items

describe('the demo hotline reports', () => {
  it("gives Kostanay's and Pavlodar's inspectors a queue of reports in different states", async () => {
    expect(await seedHotlineDemo(t.database.db)).toEqual({ reports: DEMO_HOTLINE_REPORTS.length })

    const kostanay = await queue('officer')
    expect(new Set(kostanay.map((r) => r.region))).toEqual(new Set(['39']))
    expect(kostanay.map((r) => r.status).sort()).toEqual(['assigned', 'new', 'resolved', 'unfounded'])
    expect(kostanay.find((r) => r.status === 'new')?.isOverdue).toBe(true)
    const pavlodar = await queue('officer2')
    expect(new Set(pavlodar.map((r) => r.region))).toEqual(new Set(['55']))
    expect(pavlodar.map((r) => r.status).sort()).toEqual(['assigned', 'inspecting', 'new'])

    // Each report carries the history of its state, and the assigned inspector may act on it.
    const inspecting = pavlodar.find((r) => r.status === 'inspecting') as Report
    const officer2 = await loginAs(t.app, 'officer2')
    const detail = json<{ events: { status: string }[] }>(
      await t.app.inject({ method: 'GET', url: `/api/hotline/reports/${inspecting.id}`, headers: officer2 }),
    )
    expect(detail.events.map((e) => e.status)).toEqual(['new', 'assigned', 'inspecting'])
    const close = await t.app.inject({
      method: 'POST',
      url: `/api/hotline/reports/${inspecting.id}/status`,
      headers: officer2,
      payload: { status: 'unfounded', note: 'нарушений не выявлено' },
    })
    expect(close.statusCode).toBe(200)

    const stats = json<{ byRegionAndCategory: { region: string; category: string; resolved: number }[] }>(
      await t.app.inject({ url: '/api/hotline/statistics', headers: await loginAs(t.app, 'analyst') }),
    )
    expect(stats.byRegionAndCategory).toContainEqual(
      expect.objectContaining({ region: '39', category: 'envelope_wages', total: 2, resolved: 1 }),
    )
  })

  it('adds nothing when seeded again', async () => {
    const count = async () =>
      (await sql<{ n: number }>`SELECT count(*)::int AS n FROM hotline.reports`.execute(t.database.db)).rows[0]?.n
    const events = async () =>
      (await sql<{ n: number }>`SELECT count(*)::int AS n FROM hotline.report_events`.execute(t.database.db)).rows[0]?.n
    const [reports, history] = [await count(), await events()]
    expect(reports).toBe(DEMO_HOTLINE_REPORTS.length)
    expect(await seedHotlineDemo(t.database.db)).toEqual({ reports: 0 })
    expect(await seedHotlineDemo(t.database.db, new Date(Date.now() + 30 * 86_400_000))).toEqual({ reports: 0 })
    expect([await count(), await events()]).toEqual([reports, history])
  })
})
