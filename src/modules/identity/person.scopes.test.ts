import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, json, loginAs, type TestApp } from '../../../tests/helpers/app.js'
import { makeIin } from '../../shared/iin.js'
import { DEMO_CITIZEN_IIN } from './demo.service.js'

let t: TestApp
let officer: { cookie: string } // Kostanay (39)
let officer2: { cookie: string } // Pavlodar (55)
const pavlodarIin = makeIin('1985-07-20', 'M', 4321) as string

beforeAll(async () => {
  t = await createTestApp()
  officer = await loginAs(t.app, 'officer')
  officer2 = await loginAs(t.app, 'officer2')
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/people',
    headers: officer2,
    payload: { iin: pavlodarIin, surname: 'Ковалев', givenName: 'Сергей', regionCode: '55' },
  })
  expect(res.statusCode).toBe(201)
})
afterAll(() => t.close())

const read = (iin: string, who: { cookie: string }, purpose = 'checking a referral') =>
  t.app.inject({ method: 'GET', url: `/api/people/${iin}?purpose=${encodeURIComponent(purpose)}`, headers: who })

describe('people: role and region scope', () => {
  it('lets an officer read a person of their own region', async () => {
    const res = await read(DEMO_CITIZEN_IIN, officer)
    expect(res.statusCode).toBe(200)
    expect(json(res)).toMatchObject({ iin: DEMO_CITIZEN_IIN, regionCode: '39', surname: 'Нұрланова' })
  })

  it('answers 403 to an officer reading a person of another region, and returns none of their data', async () => {
    const res = await read(pavlodarIin, officer)
    expect(res.statusCode).toBe(403)
    expect(res.body).not.toContain('Ковалев')
    expect(json(res)).toEqual({
      error: { code: 'forbidden', message: `person ${pavlodarIin} is outside your scope (region 39)` },
    })
  })

  it('answers 404 for an unknown but valid IIN and 400 naming the reason for a bad one', async () => {
    expect((await read(makeIin('1990-01-01', 'M', 7777) as string, officer)).statusCode).toBe(404)
    const bad = await read('900101300124', officer)
    expect(bad.statusCode).toBe(400)
    expect(json(bad)).toMatchObject({
      error: { code: 'invalid', message: 'IIN 900101300124 fails its checksum', details: { field: 'iin' } },
    })
  })

  it('requires a stated purpose', async () => {
    const res = await t.app.inject({ method: 'GET', url: `/api/people/${DEMO_CITIZEN_IIN}`, headers: officer })
    expect(res.statusCode).toBe(400)
    expect(json(res)).toMatchObject({
      error: { code: 'invalid', message: "querystring/purpose must have required property 'purpose'" },
    })
  })

  it('lets the national analyst read anywhere, with a purpose', async () => {
    const analyst = await loginAs(t.app, 'analyst')
    expect((await read(pavlodarIin, analyst, 'national statistics check')).statusCode).toBe(200)
  })

  it('refuses people records to citizens, employers and anonymous callers', async () => {
    const citizen = await loginAs(t.app, 'citizen')
    const employer = await loginAs(t.app, 'employer')
    expect((await read(DEMO_CITIZEN_IIN, citizen)).statusCode).toBe(403)
    expect((await read(DEMO_CITIZEN_IIN, employer)).statusCode).toBe(403)
    const anonymous = await t.app.inject({ method: 'GET', url: `/api/people/${DEMO_CITIZEN_IIN}?purpose=curious` })
    expect(anonymous.statusCode).toBe(401)
  })

  it('does not let an officer register a person in another region', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/people',
      headers: officer,
      payload: { iin: makeIin('1991-02-03', 'F', 55) as string, surname: 'А', givenName: 'Б', regionCode: '55' },
    })
    expect(res.statusCode).toBe(403)
  })

  it('rejects a checksum-invalid IIN on registration with the field and reason, storing nothing', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/people',
      headers: officer,
      payload: { iin: '900101300124', surname: 'А', givenName: 'Б', regionCode: '39' },
    })
    expect(res.statusCode).toBe(400)
    expect(json(res)).toMatchObject({
      error: { message: 'IIN 900101300124 fails its checksum', details: { field: 'iin' } },
    })
    const count = await t.database.db
      .selectFrom('identity.people')
      .select((eb) => eb.fn.countAll().as('n'))
      .where('iin', '=', '900101300124')
      .executeTakeFirstOrThrow()
    expect(Number(count.n)).toBe(0)
  })

  it('answers 409 when the person is already registered', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/people',
      headers: officer2,
      payload: { iin: pavlodarIin, surname: 'Другой', givenName: 'Человек', regionCode: '55' },
    })
    expect(res.statusCode).toBe(409)
    expect((await read(pavlodarIin, officer2)).json()).toMatchObject({ surname: 'Ковалев' })
  })
})

describe('audit of staff reads', () => {
  it('shows the citizen who read their data and why, including refused attempts', async () => {
    await read(DEMO_CITIZEN_IIN, officer, 'verifying documents for a referral')
    const citizen = await loginAs(t.app, 'citizen')
    const res = await t.app.inject({ method: 'GET', url: '/api/me/data-access', headers: citizen })
    expect(res.statusCode).toBe(200)
    const items = json<{ items: { actorLogin: string; action: string; purpose: string }[] }>(res).items
    expect(items[0]).toMatchObject({
      actorLogin: 'officer',
      actorRole: 'officer',
      action: 'person.read',
      purpose: 'verifying documents for a referral',
    })
  })

  it('records refused reads', async () => {
    await read(pavlodarIin, officer, 'looking outside my region')
    const row = await t.database.db
      .selectFrom('audit.log')
      .selectAll()
      .where('subject_iin', '=', pavlodarIin)
      .where('action', '=', 'person.read.denied')
      .orderBy('seq', 'desc')
      .executeTakeFirst()
    expect(row).toMatchObject({ actor_login: 'officer', purpose: 'looking outside my region' })
  })

  it('puts no IIN into the logs', async () => {
    await read(DEMO_CITIZEN_IIN, officer)
    await read('900101300124', officer)
    const all = t.logLines.join('\n')
    expect(all).toContain('/api/people/')
    expect(all).not.toContain(DEMO_CITIZEN_IIN)
    expect(all).not.toContain('900101300124')
    expect(all).not.toContain(pavlodarIin)
  })
})
