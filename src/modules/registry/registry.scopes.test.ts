import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, json, loginAs, type TestApp } from '../../../tests/helpers/app.js'
import { makeIin } from '../../shared/iin.js'
import { DEMO_CITIZEN_IIN } from '../identity/index.js'

let t: TestApp
let officer: { cookie: string }
let officer2: { cookie: string }
const school = { authorization: 'Bearer demo-school' }
const egov = { authorization: 'Bearer demo-egov' }
const pavlodarIin = makeIin('2001-05-05', 'F', 77) as string

beforeAll(async () => {
  t = await createTestApp()
  officer = await loginAs(t.app, 'officer')
  officer2 = await loginAs(t.app, 'officer2')
  await t.database.db
    .insertInto('identity.people')
    .values({ iin: pavlodarIin, surname: 'Ким', given_name: 'Анна', birth_date: '2001-05-05', region_code: '55' })
    .execute()
})
afterAll(() => t.close())

describe('registry over HTTP', () => {
  it('takes live events from a channel key and answers each one', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/registry/events',
      headers: egov,
      payload: {
        events: [
          { iin: DEMO_CITIZEN_IIN, status: 'unemployed_registered', valid_from: '2025-05-01', source_ref: 'http-1' },
        ],
      },
    })
    expect(res.statusCode).toBe(200)
    expect(json(res)).toMatchObject({
      counts: { received: 1, applied: 1 },
      results: [{ outcome: 'applied', sourceRef: 'http-1' }],
    })
  })

  it('refuses live events without a channel key, and from staff', async () => {
    const payload = {
      events: [{ iin: DEMO_CITIZEN_IIN, status: 'student', valid_from: '2025-05-01', source_ref: 'x' }],
    }
    expect((await t.app.inject({ method: 'POST', url: '/api/registry/events', payload })).statusCode).toBe(401)
    expect(
      (await t.app.inject({ method: 'POST', url: '/api/registry/events', headers: officer, payload })).statusCode,
    ).toBe(403)
  })

  it('uploads a CSV file as a stream and serves its rejected rows', async () => {
    const csv = `iin,status,valid_from,source_ref\n${DEMO_CITIZEN_IIN},student,2025-09-01,s-1\n900101300124,student,2025-09-01,s-2\n`
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/registry/batches?format=csv',
      headers: { ...school, 'content-type': 'text/csv', 'x-file-name': 'school-2025-09.csv' },
      payload: csv,
    })
    expect(res.statusCode).toBe(200)
    const batch = json<{ id: number; state: string; fileName: string; counts: Record<string, number> }>(res)
    expect(batch).toMatchObject({
      state: 'done',
      fileName: 'school-2025-09.csv',
      counts: { received: 2, applied: 1, rejected: 1 },
    })
    const rejected = await t.app.inject({
      method: 'GET',
      url: `/api/registry/batches/${batch.id}/rejections.csv`,
      headers: school,
    })
    expect(rejected.headers['content-type']).toContain('text/csv')
    expect(rejected.body).toBe(
      `line,reason,raw\n3,IIN 900101300124 fails its checksum,"900101300124,student,2025-09-01,s-2"\n`,
    )
    // Another channel cannot see this batch.
    expect(
      (await t.app.inject({ method: 'GET', url: `/api/registry/batches/${batch.id}`, headers: egov })).statusCode,
    ).toBe(403)
  })

  it('lets an officer create a batch for a channel and upload the file to it', async () => {
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/registry/batches/new?channel=psc&format=jsonl',
      headers: officer,
    })
    expect(created.statusCode).toBe(201)
    const { id } = json<{ id: number }>(created)
    const line = JSON.stringify({
      iin: DEMO_CITIZEN_IIN,
      status: 'self_employed',
      valid_from: '2025-10-01',
      source_ref: 'psc-web-1',
    })
    const put = await t.app.inject({
      method: 'PUT',
      url: `/api/registry/batches/${id}/file`,
      headers: { ...officer, 'content-type': 'application/x-ndjson' },
      payload: `${line}\n`,
    })
    expect(json(put)).toMatchObject({ id, state: 'done', counts: { received: 1 } })
    const again = await t.app.inject({
      method: 'PUT',
      url: `/api/registry/batches/${id}/file`,
      headers: { ...officer, 'content-type': 'application/x-ndjson' },
      payload: `${line}\n`,
    })
    expect(again.statusCode).toBe(409)
    // officer2 did not submit it and may not read it.
    expect(
      (await t.app.inject({ method: 'GET', url: `/api/registry/batches/${id}`, headers: officer2 })).statusCode,
    ).toBe(403)
  })

  it('refuses a file over the size limit and applies nothing from it', async () => {
    const small = await createTestApp({ maxUploadBytes: 1_000 })
    try {
      const rows = Array.from({ length: 40 }, (_, i) => `${DEMO_CITIZEN_IIN},student,2025-09-01,big-${i}`)
      const res = await small.app.inject({
        method: 'POST',
        url: '/api/registry/batches?format=csv',
        headers: { ...school, 'content-type': 'text/csv' },
        payload: `iin,status,valid_from,source_ref\n${rows.join('\n')}\n`,
      })
      expect(res.statusCode).toBe(400)
      expect(json(res)).toMatchObject({
        error: { message: 'the file is larger than the limit of 1000 bytes; split it' },
      })
      const batches = await small.app.inject({ method: 'GET', url: '/api/registry/batches', headers: school })
      expect(json(batches)).toMatchObject({ items: [{ state: 'failed', counts: { applied: 0 } }] })
      const events = await small.database.db.selectFrom('audit.log').select('seq').execute()
      expect(events).toHaveLength(0)
    } finally {
      await small.close()
    }
  })

  it('shows a person status and history to an officer of their region, audited, and 403 to another region', async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: `/api/registry/people/${DEMO_CITIZEN_IIN}?purpose=status%20check`,
      headers: officer,
    })
    expect(res.statusCode).toBe(200)
    const body = json<{ current: { status: string }; history: { sourceRef: string; outcome: string }[] }>(res)
    // The school (rank 70) outranks the service centre (rank 50): its status stands, the other is history.
    expect(body.current.status).toBe('student')
    expect(body.history.map((h) => [h.sourceRef, h.outcome])).toEqual(
      expect.arrayContaining([
        ['http-1', 'applied'],
        ['s-1', 'applied'],
        ['psc-web-1', 'superseded'],
      ]),
    )
    const audit = await t.database.db
      .selectFrom('audit.log')
      .select(['action', 'purpose'])
      .where('subject_iin', '=', DEMO_CITIZEN_IIN)
      .orderBy('seq', 'desc')
      .executeTakeFirst()
    expect(audit).toEqual({ action: 'registry.status.read', purpose: 'status check' })
    const other = await t.app.inject({
      method: 'GET',
      url: `/api/registry/people/${pavlodarIin}?purpose=status%20check`,
      headers: officer,
    })
    expect(other.statusCode).toBe(403)
  })

  it('tells point-of-service staff only missing, stale or current, and records on the spot', async () => {
    const staff = await loginAs(t.app, 'channel-school')
    const missing = await t.app.inject({
      method: 'POST',
      url: '/api/registry/check',
      headers: staff,
      payload: { iin: pavlodarIin },
    })
    expect(json(missing)).toEqual({ iin: pavlodarIin, state: 'missing' })
    const recorded = await t.app.inject({
      method: 'POST',
      url: '/api/registry/point-of-service',
      headers: staff,
      payload: { iin: pavlodarIin, status: 'student', validFrom: '2025-09-01' },
    })
    expect(json(recorded)).toEqual({ outcome: 'applied' })
    const now = await t.app.inject({
      method: 'POST',
      url: '/api/registry/check',
      headers: staff,
      payload: { iin: pavlodarIin },
    })
    expect(json(now)).toEqual({ iin: pavlodarIin, state: 'current' })
    const notAllowed = await t.app.inject({
      method: 'POST',
      url: '/api/registry/point-of-service',
      headers: staff,
      payload: { iin: pavlodarIin, status: 'pregnant', validFrom: '2025-09-01' },
    })
    expect(json(notAllowed)).toEqual({ outcome: 'rejected', reason: 'channel school may not assert status pregnant' })
    const actions = await t.database.db
      .selectFrom('audit.log')
      .select('action')
      .where('subject_iin', '=', pavlodarIin)
      .where('actor_role', '=', 'channel')
      .orderBy('seq')
      .execute()
    expect(actions.map((a) => a.action)).toEqual(['registry.check', 'registry.status.record', 'registry.check'])
  })

  it('counts unknown and stale by region: officers see their own region only', async () => {
    const mine = await t.app.inject({ method: 'GET', url: '/api/registry/summary', headers: officer })
    const rows = json<{ items: { regionCode: string; people: number; known: number; unknown: number }[] }>(mine).items
    expect(rows.every((r) => r.regionCode === '39')).toBe(true)
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/registry/summary?region=55', headers: officer })).statusCode,
    ).toBe(403)
    const analyst = await loginAs(t.app, 'analyst')
    const national = json<{ items: { regionCode: string; people: number; known: number; unknown: number }[] }>(
      await t.app.inject({ method: 'GET', url: '/api/registry/summary', headers: analyst }),
    ).items
    const pavlodar = national.find((r) => r.regionCode === '55')
    expect(pavlodar).toMatchObject({ known: 1 })
    expect(national.reduce((a, r) => a + r.people, 0)).toBe(national.reduce((a, r) => a + r.known + r.unknown, 0))
  })

  it('computes plan progress from the registry, never from typed numbers', async () => {
    const manager = await loginAs(t.app, 'manager')
    const pension = await t.app.inject({
      method: 'POST',
      url: '/api/registry/events',
      headers: { authorization: 'Bearer demo-pension' },
      payload: {
        events: [{ iin: DEMO_CITIZEN_IIN, status: 'employed_contract', valid_from: '2025-11-01', source_ref: 'pen-1' }],
      },
    })
    expect(json(pension)).toMatchObject({ results: [{ outcome: 'applied' }] })
    const put = await t.app.inject({
      method: 'PUT',
      url: '/api/registry/plans',
      headers: manager,
      payload: { regionCode: '39', year: new Date().getUTCFullYear(), category: 'hired', target: 4 },
    })
    expect(put.statusCode).toBe(204)
    const res = await t.app.inject({
      method: 'GET',
      url: `/api/registry/plans?year=${new Date().getUTCFullYear()}`,
      headers: manager,
    })
    expect(json(res)).toMatchObject({
      items: [{ regionCode: '39', category: 'hired', target: 4, done: 1, percent: 25 }],
    })
    const elsewhere = await t.app.inject({
      method: 'PUT',
      url: '/api/registry/plans',
      headers: manager,
      payload: { regionCode: '55', year: 2026, category: 'hired', target: 4 },
    })
    expect(elsewhere.statusCode).toBe(403)
  })
})
