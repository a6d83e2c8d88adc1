import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, json, loginAs, type TestApp } from '../../../tests/helpers/app.js'

let t: TestApp
let analyst: { cookie: string }
let officer: { cookie: string }

type Row = { region: string; category: string; total: number }
const statistics = (query: string, who = analyst) =>
  t.app.inject({ method: 'GET', url: `/api/hotline/statistics${query}`, headers: who })
const totals = async (query: string, who = analyst) =>
  json<{ byRegionAndCategory: Row[]; repeatedEmployers: { reports: number }[] }>(await statistics(query, who))

/** Reports received at the given instants (UTC), in region 39 unless told, all naming the same employer. */
async function receive(region: string, category: string, ...instants: string[]) {
  for (const at of instants) {
    await sql`INSERT INTO hotline.reports (category, employer_name, region_code, description, is_anonymous, due_date, created_at)
      VALUES (${category}, 'ТОО «Период»', ${region}, 'зарплата в конвертах', true, '2026-04-30', ${at}::timestamptz)`.execute(
      t.database.db,
    )
  }
}

beforeAll(async () => {
  t = await createTestApp()
  analyst = await loginAs(t.app, 'analyst')
  officer = await loginAs(t.app, 'officer')
  // 1 April 2026 in Kazakhstan (UTC+5) runs from 2026-03-31T19:00Z to 2026-04-01T19:00Z.
  await receive('39', 'envelope_wages', '2026-03-31T18:59:59Z', '2026-03-31T19:00:00Z', '2026-04-01T18:59:59Z')
  await receive('39', 'envelope_wages', '2026-04-01T19:00:00Z')
  await receive('55', 'no_contract', '2026-04-10T06:00:00Z')
})
afterAll(() => t.close())

describe('hotline statistics for a period of received dates', () => {
  it('counts every report without a period', async () => {
    const all = await totals('')
    expect(all.byRegionAndCategory.map((r) => [r.region, r.total])).toEqual([
      ['39', 4],
      ['55', 1],
    ])
  })

  it("counts reports received on the days from–to, inclusive, by Kazakhstan's calendar", async () => {
    const oneDay = await totals('?from=2026-04-01&to=2026-04-01')
    expect(oneDay.byRegionAndCategory).toEqual([expect.objectContaining({ region: '39', total: 2 })])
    expect(oneDay.repeatedEmployers).toEqual([expect.objectContaining({ reports: 2 })])
    const fromOnly = await totals('?from=2026-04-02')
    expect(fromOnly.byRegionAndCategory.map((r) => [r.region, r.total])).toEqual([
      ['39', 1],
      ['55', 1],
    ])
    const toOnly = await totals('?to=2026-03-31')
    expect(toOnly.byRegionAndCategory.map((r) => [r.region, r.total])).toEqual([['39', 1]])
    expect((await totals('?from=2026-05-01')).byRegionAndCategory).toEqual([])
  })

  it("keeps an officer to the region's reports within the period", async () => {
    const mine = await totals('?from=2026-04-02&to=2026-04-30', officer)
    expect(mine.byRegionAndCategory.map((r) => [r.region, r.total])).toEqual([['39', 1]])
  })

  it('downloads the period’s table as CSV and XLSX, the period in the file name', async () => {
    const csv = await statistics('?from=2026-04-02&to=2026-04-30&format=csv')
    expect(csv.statusCode).toBe(200)
    expect(csv.headers['content-disposition']).toBe(
      'attachment; filename="hotline-statistics-all-2026-04-02-2026-04-30.csv"',
    )
    const lines = csv.body.replace('\uFEFF', '').split('\r\n').filter(Boolean)
    expect(lines.slice(1).map((l) => l.split(',').slice(0, 3).join(','))).toEqual([
      '39,envelope_wages,1',
      '55,no_contract,1',
    ])
    const xlsx = await statistics('?from=2026-04-01&format=xlsx')
    expect(xlsx.headers['content-disposition']).toBe(
      'attachment; filename="hotline-statistics-all-2026-04-01-end.xlsx"',
    )
    expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe('PK')
    const employers = await t.app.inject({
      url: '/api/hotline/statistics/employers?from=2026-04-01&to=2026-04-01',
      headers: analyst,
    })
    expect(json<{ items: { reports: number }[] }>(employers).items).toEqual([expect.objectContaining({ reports: 2 })])
  })

  it('answers 400 naming the parameter for a malformed date, and from after to', async () => {
    for (const [query, field] of [
      ['?from=yesterday', 'querystring/from'],
      ['?to=2026-13-01', 'querystring/to'],
      ['?from=2026-04-1', 'querystring/from'],
    ] as const) {
      const res = await statistics(query)
      expect(res.statusCode, query).toBe(400)
      expect(json<{ error: { details: { field: string }[] } }>(res).error.details[0]?.field).toBe(field)
    }
    const reversed = await statistics('?from=2026-04-30&to=2026-04-01&format=csv')
    expect(reversed.statusCode).toBe(400)
    expect(json(reversed)).toMatchObject({
      error: { code: 'invalid', message: 'from 2026-04-30 is after to 2026-04-01', details: { field: 'from' } },
    })
  })
})
