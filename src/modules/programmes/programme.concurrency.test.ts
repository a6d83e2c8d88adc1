import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, json, loginAs, type TestApp } from '../../../tests/helpers/app.js'
import { newPerson, PURPOSE } from './programmes.testing.js'

let t: TestApp
let officer: { cookie: string }
let manager: { cookie: string }
beforeAll(async () => {
  t = await createTestApp()
  ;[officer, manager] = await Promise.all([loginAs(t.app, 'officer'), loginAs(t.app, 'manager')])
})
afterAll(() => t.close())

async function proposals(programme: string, count: number): Promise<number[]> {
  const ids: number[] = []
  for (let i = 0; i < count; i++) {
    const iin = await newPerson(t.database, { birthDate: `${1970 + i}-06-15` })
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/programmes/enrolments',
      headers: officer,
      payload: { iin, programme, startDate: '2026-03-01', purpose: PURPOSE },
    })
    if (res.statusCode !== 201) throw new Error(`proposal failed: ${res.body}`)
    ids.push(json<{ id: number }>(res).id)
  }
  return ids
}

const approveAll = (ids: number[]) =>
  Promise.all(
    ids.map((id) =>
      t.app.inject({ method: 'POST', url: `/api/programmes/enrolments/${id}/approve`, headers: manager }),
    ),
  )

async function planOf(programme: string) {
  const { rows } = await sql<{ places_committed: number; budget_committed: string; active: number; ledger: string }>`
    SELECT p.places_committed, p.budget_committed::text,
      (SELECT count(*)::int FROM programmes.enrolments e WHERE e.plan_id = p.id AND e.state = 'active') AS active,
      (SELECT coalesce(sum(amount), 0)::text FROM programmes.ledger l WHERE l.plan_id = p.id) AS ledger
    FROM programmes.plans p WHERE p.programme_code = ${programme}`.execute(t.database.db)
  return rows[0]
}

describe('approvals racing for the last places', () => {
  it('20 parallel approvals against a plan of 5 places commit exactly 5', async () => {
    const plan = await t.app.inject({
      method: 'PUT',
      url: '/api/programmes/plans/39/2026/public_works',
      headers: manager,
      payload: { places: 5, budget: 100_000_000 },
    })
    expect(plan.statusCode).toBe(200)
    const results = await approveAll(await proposals('public_works', 20))
    const codes = results.map((r) => r.statusCode)
    expect(codes.filter((c) => c === 200)).toHaveLength(5)
    expect(codes.filter((c) => c === 409)).toHaveLength(15)
    expect(await planOf('public_works')).toEqual({
      places_committed: 5,
      budget_committed: '1275000.00',
      active: 5,
      ledger: '1275000.00',
    })
  })

  it('20 parallel approvals against a budget for 3 grants commit exactly 3', async () => {
    // A grant is 400 MCI = 1,730,000 ₸ in 2026; the budget covers 3 and a half.
    await t.app.inject({
      method: 'PUT',
      url: '/api/programmes/plans/39/2026/entrepreneurship_grant',
      headers: manager,
      payload: { places: 100, budget: 3.5 * 1_730_000 },
    })
    const results = await approveAll(await proposals('entrepreneurship_grant', 20))
    expect(results.filter((r) => r.statusCode === 200)).toHaveLength(3)
    const refused = results.find((r) => r.statusCode === 409)
    expect(json<{ error: { message: string } }>(refused as never).error.message).toMatch(
      /only 865,000 ₸ of 6,055,000 ₸ is left/,
    )
    expect(await planOf('entrepreneurship_grant')).toMatchObject({
      places_committed: 3,
      active: 3,
      budget_committed: '5190000.00',
    })
  })
})
