import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, json, loginAs, type TestApp } from '../../../tests/helpers/app.js'
import { makeBin, makeIin } from '../../shared/iin.js'
import { DEMO_CITIZEN_IIN } from '../identity/index.js'
import type { Application } from './application.schema.js'
import { createCitizenAccount, createEmployerAccount, createVacancy, publishVacancy } from './exchange.testing.js'

let t: TestApp
let employer: { cookie: string }
let otherEmployer: { cookie: string }
let citizen: { cookie: string }
let citizen2: { cookie: string }

beforeAll(async () => {
  t = await createTestApp()
  employer = await loginAs(t.app, 'employer')
  citizen = await loginAs(t.app, 'citizen')
  otherEmployer = await createEmployerAccount(t.app, t.database.db, {
    login: 'employer-d',
    bin: makeBin('2102', 4, 0, 31_337) as string,
    name: 'ТОО «Чужая компания»',
    regionCode: '39',
  })
  citizen2 = await createCitizenAccount(t.app, t.database.db, {
    login: 'seeker2',
    iin: makeIin('1995-03-15', 'M', 2001) as string,
    surname: 'Ахметов',
    givenName: 'Данияр',
  })
})
afterAll(() => t.close())

const apply = (vacancyId: number, who: { cookie: string }, coverLetter?: string) =>
  t.app.inject({
    method: 'POST',
    url: `/api/vacancies/${vacancyId}/applications`,
    headers: who,
    payload: coverLetter === undefined ? {} : { coverLetter },
  })
const move = (id: number, who: { cookie: string }, state: string, reason?: string) =>
  t.app.inject({
    method: 'POST',
    url: `/api/applications/${id}/events`,
    headers: who,
    payload: reason === undefined ? { state } : { state, reason },
  })

describe('applications: applying', () => {
  it('lets a citizen apply once, starting the event log at submitted', async () => {
    const { id: vacancyId, title } = await publishVacancy(t.app, employer)
    const res = await apply(vacancyId, citizen, 'Имею допуск по электробезопасности IV группы.')
    expect(res.statusCode).toBe(201)
    expect(json(res)).toMatchObject({
      vacancyId,
      vacancyTitle: title,
      employerName: 'ТОО «Павлодар Энерго Сервис»',
      seekerName: 'Айгерім Нұрланова',
      state: 'submitted',
      events: [{ state: 'submitted', by: 'seeker', reason: null }],
    })
    expect(res.body).not.toContain(DEMO_CITIZEN_IIN)
  })

  it('answers 409 to a second application to the same vacancy, naming the first', async () => {
    const { id: vacancyId } = await publishVacancy(t.app, employer)
    const first = json<Application>(await apply(vacancyId, citizen))
    const second = await apply(vacancyId, citizen)
    expect(second.statusCode).toBe(409)
    expect(json(second)).toEqual({
      error: {
        code: 'conflict',
        message: `you have already applied to vacancy ${vacancyId} (application ${first.id})`,
      },
    })
  })

  it('answers 409 to an application to a closed vacancy, and 404 to a draft', async () => {
    const { id: closedId } = await publishVacancy(t.app, employer)
    await t.app.inject({ method: 'POST', url: `/api/vacancies/${closedId}/close`, headers: employer })
    const closed = await apply(closedId, citizen)
    expect(closed.statusCode).toBe(409)
    expect(json(closed)).toMatchObject({
      error: { message: `vacancy ${closedId} no longer accepts applications: it is closed` },
    })
    const { id: draftId } = await createVacancy(t.app, employer)
    expect((await apply(draftId, citizen)).statusCode).toBe(404)
  })

  it('answers 409 naming the date when the publication window has ended', async () => {
    const { id } = await publishVacancy(t.app, employer)
    await sql`UPDATE exchange.vacancies SET expires_at = '2026-01-31T12:00:00Z' WHERE id = ${id}`.execute(t.database.db)
    expect(json(await apply(id, citizen))).toMatchObject({
      error: { message: `vacancy ${id} no longer accepts applications: its publication window ended on 2026-01-31` },
    })
  })

  it('lets only citizens apply', async () => {
    const { id } = await publishVacancy(t.app, employer)
    expect((await apply(id, employer)).statusCode).toBe(403)
    expect((await apply(id, await loginAs(t.app, 'officer'))).statusCode).toBe(403)
    expect(
      (await t.app.inject({ method: 'POST', url: `/api/vacancies/${id}/applications`, payload: {} })).statusCode,
    ).toBe(401)
  })
})

describe('applications: the event log', () => {
  it('shows the seeker every step with its time, including the rejection reason', async () => {
    const { id: vacancyId } = await publishVacancy(t.app, employer)
    const { id } = json<Application>(await apply(vacancyId, citizen))
    // The employer's first look records "viewed".
    const opened = await t.app.inject({ method: 'GET', url: `/api/applications/${id}`, headers: employer })
    expect(json(opened)).toMatchObject({ state: 'viewed' })
    expect((await move(id, employer, 'shortlisted')).statusCode).toBe(200)
    expect((await move(id, employer, 'interview')).statusCode).toBe(200)
    const rejected = await move(id, employer, 'rejected', 'Нужен опыт работы на подстанциях 110 кВ')
    expect(rejected.statusCode).toBe(200)

    const mine = json<{ items: Application[] }>(
      await t.app.inject({ method: 'GET', url: '/api/me/applications', headers: citizen }),
    ).items.find((a) => a.id === id)
    expect(mine?.state).toBe('rejected')
    expect(mine?.events.map((e) => [e.state, e.by, e.reason])).toEqual([
      ['submitted', 'seeker', null],
      ['viewed', 'employer', null],
      ['shortlisted', 'employer', null],
      ['interview', 'employer', null],
      ['rejected', 'employer', 'Нужен опыт работы на подстанциях 110 кВ'],
    ])
    const times = mine?.events.map((e) => Date.parse(e.at)) ?? []
    expect(times.every((at, i) => i === 0 || at >= (times[i - 1] as number))).toBe(true)
  })

  it('refuses a rejection without a reason', async () => {
    const { id: vacancyId } = await publishVacancy(t.app, employer)
    const { id } = json<Application>(await apply(vacancyId, citizen))
    const res = await move(id, employer, 'rejected')
    expect(res.statusCode).toBe(400)
    expect(json(res)).toMatchObject({
      error: {
        message: `rejecting application ${id} needs a reason; the seeker is told why`,
        details: { field: 'reason' },
      },
    })
  })

  it('refuses a move the state machine does not allow, naming both states', async () => {
    const { id: vacancyId } = await publishVacancy(t.app, employer)
    const { id } = json<Application>(await apply(vacancyId, citizen))
    const early = await move(id, employer, 'hired')
    expect(early.statusCode).toBe(409)
    expect(json(early)).toMatchObject({ error: { message: `application ${id} is submitted; it cannot move to hired` } })
    await move(id, employer, 'interview')
    expect(json(await move(id, employer, 'shortlisted'))).toMatchObject({
      error: { message: `application ${id} is interview; it cannot move to shortlisted` },
    })
  })

  it('lets the seeker withdraw, and nobody move it afterwards', async () => {
    const { id: vacancyId } = await publishVacancy(t.app, employer)
    const { id } = json<Application>(await apply(vacancyId, citizen))
    const res = await move(id, citizen, 'withdrawn')
    expect(res.statusCode).toBe(200)
    expect(json(res)).toMatchObject({
      state: 'withdrawn',
      events: [{ state: 'submitted' }, { state: 'withdrawn', by: 'seeker' }],
    })
    expect((await move(id, employer, 'shortlisted')).statusCode).toBe(409)
    expect((await move(id, citizen, 'withdrawn')).statusCode).toBe(409)
  })

  it('keeps each side to its own moves', async () => {
    const { id: vacancyId } = await publishVacancy(t.app, employer)
    const { id } = json<Application>(await apply(vacancyId, citizen))
    expect(json(await move(id, citizen, 'hired'))).toMatchObject({
      error: { code: 'forbidden', message: 'only the employer moves an application to hired' },
    })
    expect(json(await move(id, employer, 'withdrawn'))).toMatchObject({
      error: { code: 'forbidden', message: `only the seeker can withdraw application ${id}` },
    })
  })
})

describe('applications: who sees what', () => {
  it('lists the applicants of my vacancy by name, without their IIN', async () => {
    const { id: vacancyId } = await publishVacancy(t.app, employer)
    await apply(vacancyId, citizen)
    await apply(vacancyId, citizen2)
    const res = await t.app.inject({
      method: 'GET',
      url: `/api/vacancies/${vacancyId}/applications`,
      headers: employer,
    })
    expect(res.statusCode).toBe(200)
    expect(json<{ items: Application[] }>(res).items.map((a) => a.seekerName)).toEqual([
      'Айгерім Нұрланова',
      'Данияр Ахметов',
    ])
    expect(res.body).not.toContain(DEMO_CITIZEN_IIN)
  })

  it('answers 403 to another employer listing or moving my applicants', async () => {
    const { id: vacancyId } = await publishVacancy(t.app, employer)
    const { id } = json<Application>(await apply(vacancyId, citizen))
    const list = await t.app.inject({
      method: 'GET',
      url: `/api/vacancies/${vacancyId}/applications`,
      headers: otherEmployer,
    })
    expect(list.statusCode).toBe(403)
    expect(json(list)).toMatchObject({ error: { message: `vacancy ${vacancyId} belongs to another employer` } })
    expect((await move(id, otherEmployer, 'shortlisted')).statusCode).toBe(403)
    expect(
      (await t.app.inject({ method: 'GET', url: `/api/applications/${id}`, headers: otherEmployer })).statusCode,
    ).toBe(403)
  })

  it("answers 403 to another seeker opening or withdrawing someone's application", async () => {
    const { id: vacancyId } = await publishVacancy(t.app, employer)
    const { id } = json<Application>(await apply(vacancyId, citizen))
    expect((await t.app.inject({ method: 'GET', url: `/api/applications/${id}`, headers: citizen2 })).statusCode).toBe(
      403,
    )
    expect(json(await move(id, citizen2, 'withdrawn'))).toMatchObject({
      error: { code: 'forbidden', message: `application ${id} is not yours` },
    })
    const mine = json<{ items: Application[] }>(
      await t.app.inject({ method: 'GET', url: '/api/me/applications', headers: citizen2 }),
    ).items
    expect(mine.some((a) => a.id === id)).toBe(false)
  })
})
