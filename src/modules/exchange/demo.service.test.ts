import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, json, type TestApp } from '../../../tests/helpers/app.js'
import { NATIONAL_REFERRAL_LIMIT, seedExchangeDemo, splitByPopulation } from './demo.service.js'
import { referralYear } from './referral.service.js'

let t: TestApp
beforeAll(async () => {
  t = await createTestApp()
})
afterAll(() => t.close())

describe('exchange demo data', () => {
  it('splits a national limit by population share, the parts adding up exactly', () => {
    const split = splitByPopulation(NATIONAL_REFERRAL_LIMIT, { a: 1, b: 1, c: 1 })
    expect([...split.values()]).toEqual([116_667, 116_667, 116_666])
  })

  it("seeds this year's limits for all 20 regions (350,000 in all) and searchable vacancies, once", async () => {
    expect(await seedExchangeDemo(t.database.db)).toEqual({ limits: 20, vacancies: 8 })
    expect(await seedExchangeDemo(t.database.db)).toEqual({ limits: 20, vacancies: 0 })
    const { rows } = await sql<{ n: number; total: number; almaty: number }>`
      SELECT count(*)::int AS n, sum(total)::int AS total,
             max(total) FILTER (WHERE region_code = '75') AS almaty
      FROM exchange.referral_limits WHERE year = ${referralYear()}`.execute(t.database.db)
    expect(rows[0]).toMatchObject({ n: 20, total: NATIONAL_REFERRAL_LIMIT })
    expect(rows[0]?.almaty).toBeGreaterThan(35_000)
    const search = json<{ total: number }>(await t.app.inject({ method: 'GET', url: '/api/vacancies' }))
    expect(search.total).toBe(8)
  })
})
