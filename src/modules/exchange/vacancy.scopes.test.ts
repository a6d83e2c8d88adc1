import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, json, loginAs, type TestApp } from '../../../tests/helpers/app.js'
import { makeBin } from '../../shared/iin.js'
import { createEmployerAccount, createVacancy, publishVacancy, vacancyPayload } from './exchange.testing.js'

let t: TestApp
let employer: { cookie: string }
let otherEmployer: { cookie: string }

beforeAll(async () => {
  t = await createTestApp()
  employer = await loginAs(t.app, 'employer')
  otherEmployer = await createEmployerAccount(t.app, t.database.db, {
    login: 'employer-c',
    bin: makeBin('2001', 4, 0, 55_123) as string,
    name: 'ТОО «Другой работодатель»',
    regionCode: '55',
  })
})
afterAll(() => t.close())

describe('vacancies: who may change what', () => {
  it('answers 403 when another employer edits, publishes or closes my vacancy, and changes nothing', async () => {
    const { id } = await createVacancy(t.app, employer, { title: 'Слесарь-ремонтник' })
    for (const [method, url, payload] of [
      ['PATCH', `/api/vacancies/${id}`, { title: 'Чужое название' }],
      ['POST', `/api/vacancies/${id}/publish`, undefined],
      ['POST', `/api/vacancies/${id}/close`, undefined],
    ] as const) {
      const res = await t.app.inject({ method, url, headers: otherEmployer, ...(payload && { payload }) })
      expect(res.statusCode).toBe(403)
      expect(json(res)).toEqual({ error: { code: 'forbidden', message: `vacancy ${id} belongs to another employer` } })
    }
    expect(json(await t.app.inject({ method: 'GET', url: `/api/vacancies/${id}`, headers: employer }))).toMatchObject({
      title: 'Слесарь-ремонтник',
      state: 'draft',
    })
  })

  it('lets only employers create vacancies', async () => {
    for (const login of ['citizen', 'officer', 'analyst']) {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/vacancies',
        headers: await loginAs(t.app, login),
        payload: vacancyPayload(),
      })
      expect(res.statusCode).toBe(403)
    }
    const anonymous = await t.app.inject({ method: 'POST', url: '/api/vacancies', payload: vacancyPayload() })
    expect(anonymous.statusCode).toBe(401)
  })

  it('answers 404 for a vacancy that does not exist', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/vacancies/999999/close', headers: employer })
    expect(res.statusCode).toBe(404)
    expect(json(res)).toMatchObject({ error: { message: 'no vacancy 999999' } })
  })

  it('shows a published vacancy to anonymous callers', async () => {
    const { id } = await publishVacancy(t.app, employer)
    expect((await t.app.inject({ method: 'GET', url: `/api/vacancies/${id}` })).statusCode).toBe(200)
  })
})
