import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, json, loginAs, type TestApp } from '../../../tests/helpers/app.js'
import { makeIin } from '../../shared/iin.js'
import { DEMO_CITIZEN_IIN } from '../identity/index.js'
import type { Notification, NotificationList, SavedSearch } from './alert.schema.js'
import type { Application } from './application.schema.js'
import { createCitizenAccount, publishVacancy } from './exchange.testing.js'

let t: TestApp
let citizen: { cookie: string }
let citizen2: { cookie: string }
let employer: { cookie: string }

beforeAll(async () => {
  t = await createTestApp()
  citizen = await loginAs(t.app, 'citizen')
  employer = await loginAs(t.app, 'employer')
  citizen2 = await createCitizenAccount(t.app, t.database.db, {
    login: 'alert-seeker2',
    iin: makeIin('1993-07-07', 'M', 3301) as string,
    surname: 'Жумабаев',
    givenName: 'Арман',
  })
})
afterAll(() => t.close())

const save = (payload: Record<string, unknown>, who = citizen) =>
  t.app.inject({ method: 'POST', url: '/api/me/saved-searches', headers: who, payload })
const notifications = async (who = citizen, query = '') =>
  json<NotificationList>(await t.app.inject({ method: 'GET', url: `/api/me/notifications${query}`, headers: who }))

describe('saved searches', () => {
  it('saves the search parameters the search API accepts, and lists them', async () => {
    const res = await save({
      name: 'Электрики в Павлодаре',
      params: { q: 'электромонтер', region: ['55'], wage_min: 200_000, employment_type: ['permanent'] },
      frequency: 'instant',
    })
    expect(res.statusCode).toBe(201)
    const saved = json<SavedSearch>(res)
    expect(saved).toMatchObject({
      name: 'Электрики в Павлодаре',
      params: { q: 'электромонтер', region: ['55'], wage_min: 200_000, employment_type: ['permanent'] },
      frequency: 'instant',
    })
    const list = json<{ items: SavedSearch[] }>(
      await t.app.inject({ method: 'GET', url: '/api/me/saved-searches', headers: citizen }),
    )
    expect(list.items.map((s) => s.id)).toContain(saved.id)
  })

  it('refuses parameters the search API would refuse, and unknown ones, naming the field', async () => {
    const badRegion = await save({ name: 'x', params: { region: ['5'] }, frequency: 'daily' })
    expect(badRegion.statusCode).toBe(400)
    expect(json(badRegion)).toMatchObject({ error: { message: expect.stringContaining('body/params/region/0') } })
    const unknown = await save({ name: 'x', params: { regoin: ['55'] }, frequency: 'daily' })
    expect(unknown.statusCode).toBe(400)
    expect(json(unknown)).toMatchObject({
      error: { message: expect.stringContaining('must NOT have additional properties') },
    })
    expect((await save({ name: 'x', params: { page: 2 }, frequency: 'daily' })).statusCode).toBe(400)
    expect((await save({ name: 'x', params: {}, frequency: 'weekly' })).statusCode).toBe(400)
    expect((await save({ name: '', params: {}, frequency: 'daily' })).statusCode).toBe(400)
  })

  it('caps saved searches at 20 per seeker', async () => {
    for (let i = 0; i < 20; i++)
      expect((await save({ name: `s${i}`, params: {}, frequency: 'daily' }, citizen2)).statusCode).toBe(201)
    const res = await save({ name: 'one more', params: {}, frequency: 'daily' }, citizen2)
    expect(res.statusCode).toBe(409)
    expect(json(res)).toMatchObject({ error: { message: 'you already have 20 saved searches; delete one first' } })
  })

  it("deletes my own search; another seeker's answers 404 and stays", async () => {
    const { id } = json<SavedSearch>(await save({ name: 'мой', params: {}, frequency: 'daily' }))
    const theirs = await t.app.inject({ method: 'DELETE', url: `/api/me/saved-searches/${id}`, headers: citizen2 })
    expect(theirs.statusCode).toBe(404)
    expect(json(theirs)).toMatchObject({ error: { message: `you have no saved search ${id}` } })
    expect(
      (await t.app.inject({ method: 'DELETE', url: `/api/me/saved-searches/${id}`, headers: citizen })).statusCode,
    ).toBe(204)
    expect(
      (await t.app.inject({ method: 'DELETE', url: `/api/me/saved-searches/${id}`, headers: citizen })).statusCode,
    ).toBe(404)
  })

  it('keeps saved searches and notifications to citizens', async () => {
    for (const login of ['employer', 'officer', 'admin']) {
      const who = await loginAs(t.app, login)
      expect((await save({ name: 'x', params: {}, frequency: 'daily' }, who)).statusCode).toBe(403)
      expect((await t.app.inject({ method: 'GET', url: '/api/me/notifications', headers: who })).statusCode).toBe(403)
    }
    expect((await t.app.inject({ method: 'GET', url: '/api/me/saved-searches' })).statusCode).toBe(401)
  })
})

describe('notifications of application steps', () => {
  it('tells the seeker of every step the employer takes, with the rejection reason, and e-mails all but "viewed"', async () => {
    const { id: vacancyId, title } = await publishVacancy(t.app, employer)
    const applied = await t.app.inject({
      method: 'POST',
      url: `/api/vacancies/${vacancyId}/applications`,
      headers: citizen,
      payload: {},
    })
    const { id } = json<Application>(applied)
    await t.app.inject({ method: 'GET', url: `/api/applications/${id}`, headers: employer })
    await t.app.inject({
      method: 'POST',
      url: `/api/applications/${id}/events`,
      headers: employer,
      payload: { state: 'interview' },
    })
    await t.app.inject({
      method: 'POST',
      url: `/api/applications/${id}/events`,
      headers: employer,
      payload: { state: 'rejected', reason: 'Нужен допуск к работе на высоте' },
    })
    const mine = (await notifications()).items.filter((n) => n.payload.applicationId === id)
    expect(mine.map((n) => [n.kind, n.payload.state, n.payload.reason])).toEqual([
      ['application.moved', 'rejected', 'Нужен допуск к работе на высоте'],
      ['application.moved', 'interview', null],
      ['application.moved', 'viewed', null],
    ])
    expect(mine[0]?.payload).toMatchObject({
      vacancyId,
      vacancyTitle: title,
      employerName: 'ТОО «Павлодар Энерго Сервис»',
    })
    const { rows } = await sql<{ subject: string; body: string }>`
      SELECT subject, body FROM exchange.email_outbox WHERE recipient_iin = ${DEMO_CITIZEN_IIN} AND body LIKE ${`%application ${id} %`}
      ORDER BY id`.execute(t.database.db)
    expect(rows.map((r) => r.subject)).toEqual([
      `Your application to "${title}" moved to an interview`,
      `Your application to "${title}" was rejected`,
    ])
    expect(rows[1]?.body).toContain('Reason: Нужен допуск к работе на высоте')
  })

  it('writes no notice for a step that fails, nor for the seeker’s own withdrawal', async () => {
    const { id: vacancyId } = await publishVacancy(t.app, employer)
    const { id } = json<Application>(
      await t.app.inject({
        method: 'POST',
        url: `/api/vacancies/${vacancyId}/applications`,
        headers: citizen2,
        payload: {},
      }),
    )
    const refused = await t.app.inject({
      method: 'POST',
      url: `/api/applications/${id}/events`,
      headers: employer,
      payload: { state: 'hired' },
    })
    expect(refused.statusCode).toBe(409)
    await t.app.inject({
      method: 'POST',
      url: `/api/applications/${id}/events`,
      headers: citizen2,
      payload: { state: 'withdrawn' },
    })
    expect((await notifications(citizen2)).items.filter((n) => n.payload.applicationId === id)).toEqual([])
  })

  it('marks my notification read once, counts unread, and hides others’ notifications', async () => {
    const before = await notifications()
    const first = before.items[0] as Notification
    expect(before.unread).toBeGreaterThan(0)
    const read = await t.app.inject({ method: 'POST', url: `/api/me/notifications/${first.id}/read`, headers: citizen })
    expect(read.statusCode).toBe(200)
    const readAt = json<Notification>(read).readAt
    expect(readAt).not.toBeNull()
    const again = json<Notification>(
      await t.app.inject({ method: 'POST', url: `/api/me/notifications/${first.id}/read`, headers: citizen }),
    )
    expect(again.readAt).toBe(readAt)
    const after = await notifications(citizen, '?unread_only=true')
    expect(after.unread).toBe(before.unread - 1)
    expect(after.items.some((n) => n.id === first.id)).toBe(false)
    const foreign = await t.app.inject({
      method: 'POST',
      url: `/api/me/notifications/${first.id}/read`,
      headers: citizen2,
    })
    expect(foreign.statusCode).toBe(404)
    expect(json(foreign)).toMatchObject({ error: { message: `you have no notification ${first.id}` } })
  })
})
