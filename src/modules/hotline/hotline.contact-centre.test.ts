import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, json, loginAs, type TestApp } from '../../../tests/helpers/app.js'
import { DEMO_CITIZEN_IIN } from '../identity/index.js'

let t: TestApp
let operator: { cookie: string }
let officer: { cookie: string }
let officer2: { cookie: string }

const call = {
  category: 'no_contract',
  employerName: 'ИП «Ақ Жол Сервис»',
  region: '55',
  description: 'Работают 12 человек без трудовых договоров, зарплата наличными',
  anonymous: false,
  caller: { iin: DEMO_CITIZEN_IIN, name: 'Айгерім', contact: '+7 701 555 44 33' },
}
const enter = (payload: Record<string, unknown>, headers: Record<string, string>) =>
  t.app.inject({ method: 'POST', url: '/api/hotline/contact-centre/reports', headers, payload })
const countReports = async () =>
  (await sql<{ n: number }>`SELECT count(*)::int AS n FROM hotline.reports`.execute(t.database.db)).rows[0]?.n

beforeAll(async () => {
  t = await createTestApp()
  operator = await loginAs(t.app, 'channel-contact1414')
  officer = await loginAs(t.app, 'officer')
  officer2 = await loginAs(t.app, 'officer2')
})
afterAll(() => t.close())

describe("a contact-centre operator enters a caller's report", () => {
  let id: number
  it('is recorded as contact_centre with the operator, routed to the region, and gives the caller a code', async () => {
    const res = await enter(call, operator)
    expect(res.statusCode, res.body).toBe(201)
    const filed = json<{ id: number; region: string; followCode: string }>(res)
    id = filed.id
    expect(filed).toMatchObject({ region: '55', followCode: expect.stringMatching(/^[0-9A-Z-]{34}$/) })
    const { rows } = await sql<{ source: string; login: string }>`
      SELECT r.source, a.login FROM hotline.reports r JOIN identity.accounts a ON a.id = r.entered_by
      WHERE r.id = ${id}`.execute(t.database.db)
    expect(rows).toEqual([{ source: 'contact_centre', login: 'channel-contact1414' }])
    const queue = json<{ items: { id: number; source: string; reporter: unknown }[] }>(
      await t.app.inject({ method: 'GET', url: '/api/hotline/reports', headers: officer2 }),
    )
    expect(queue.items).toEqual([expect.objectContaining({ id, source: 'contact_centre', reporter: null })])
  })

  it("audits the recording of the caller's identity, and shows it only to the assigned inspector", async () => {
    const { rows } = await sql<{ action: string; actor_login: string; purpose: string }>`
      SELECT action, actor_login, purpose FROM audit.log WHERE subject_iin = ${DEMO_CITIZEN_IIN}
      ORDER BY seq DESC LIMIT 1`.execute(t.database.db)
    expect(rows[0]).toEqual({
      action: 'hotline.reporter.record',
      actor_login: 'channel-contact1414',
      purpose: `caller's hotline report ${id} entered by the contact centre`,
    })
    const assigned = await t.app.inject({ method: 'POST', url: `/api/hotline/reports/${id}/assign`, headers: officer2 })
    expect(json(assigned)).toMatchObject({
      reporter: { iin: DEMO_CITIZEN_IIN, name: 'Айгерім', contact: '+7 701 555 44 33' },
    })
  })

  it('takes an anonymous call with no identity and audits nothing', async () => {
    const before = (await sql<{ n: number }>`SELECT count(*)::int AS n FROM audit.log`.execute(t.database.db)).rows[0]
    const res = await enter({ ...call, anonymous: true, caller: undefined }, operator)
    expect(res.statusCode).toBe(201)
    const after = (await sql<{ n: number }>`SELECT count(*)::int AS n FROM audit.log`.execute(t.database.db)).rows[0]
    expect(after).toEqual(before)
  })

  it('lets an officer enter a call for their own region only', async () => {
    expect((await enter({ ...call, region: '39' }, officer)).statusCode).toBe(201)
    const other = await enter({ ...call, region: '55' }, officer)
    expect(other.statusCode).toBe(403)
    expect(json<{ error: { message: string } }>(other).error.message).toMatch(/region 39.*region 55/)
  })
})

describe('refusals change nothing', () => {
  it('refuses channels that are not a contact centre, citizens and the signed-out', async () => {
    const before = await countReports()
    const school = await enter(call, await loginAs(t.app, 'channel-school'))
    expect(school.statusCode).toBe(403)
    expect(json<{ error: { message: string } }>(school).error.message).toContain(
      'channel school is not a contact centre',
    )
    expect((await enter(call, await loginAs(t.app, 'citizen'))).statusCode).toBe(403)
    expect((await enter(call, {})).statusCode).toBe(401)
    expect(await countReports()).toBe(before)
  })

  it('names the field: a bad caller IIN, identity on an anonymous call, no identity on a named one, no region', async () => {
    const before = await countReports()
    const cases: [Record<string, unknown>, string, RegExp][] = [
      [{ ...call, caller: { iin: '980412412340' } }, 'caller.iin', /checksum/],
      [{ ...call, anonymous: true }, 'anonymous', /anonymous report takes no caller/],
      [{ ...call, caller: {} }, 'caller.name', /name, IIN or contact is required/],
      [{ ...call, region: undefined }, 'region', /region is required/],
    ]
    for (const [payload, field, message] of cases) {
      const res = await enter(payload, operator)
      expect(res.statusCode, field).toBe(400)
      const error = json<{ error: { message: string; details: { field: string } } }>(res).error
      expect(error.details.field).toBe(field)
      expect(error.message).toMatch(message)
    }
    expect(await countReports()).toBe(before)
  })
})

describe('web reports', () => {
  it('are recorded as web with no operator account, even when staff use the public form', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/hotline/reports',
      headers: officer,
      payload: { ...call, caller: undefined, anonymous: true },
    })
    expect(res.statusCode).toBe(201)
    const { rows } = await sql<{ source: string; entered_by: number | null }>`
      SELECT source, entered_by FROM hotline.reports WHERE id = ${json<{ id: number }>(res).id}`.execute(t.database.db)
    expect(rows).toEqual([{ source: 'web', entered_by: null }])
  })

  it('count apart from contact-centre entries in the statistics', async () => {
    const stats = json<{ byRegionAndCategory: { region: string; total: number; contactCentre: number }[] }>(
      await t.app.inject({ method: 'GET', url: '/api/hotline/statistics', headers: await loginAs(t.app, 'analyst') }),
    )
    expect(stats.byRegionAndCategory).toEqual([
      expect.objectContaining({ region: '39', total: 1, contactCentre: 1 }),
      expect.objectContaining({ region: '55', total: 3, contactCentre: 2 }),
    ])
  })
})
