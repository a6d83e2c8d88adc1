import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, json, loginAs, type TestApp } from '../../../tests/helpers/app.js'
import { makeBin, makeIin } from '../../shared/iin.js'
import { DEMO_CITIZEN_IIN } from '../identity/index.js'
import type { Application } from './application.schema.js'
import { createEmployerAccount, publishVacancy } from './exchange.testing.js'
import { profilePayload, saveProfile } from './profile.testing.js'

let t: TestApp
const as: Record<string, { cookie: string }> = {}
let applicationId: number

beforeAll(async () => {
  t = await createTestApp()
  for (const login of ['citizen', 'employer', 'officer', 'officer2', 'manager', 'analyst', 'admin']) {
    as[login] = await loginAs(t.app, login)
  }
  as.otherEmployer = await createEmployerAccount(t.app, t.database.db, {
    login: 'employer-profile-scopes',
    bin: makeBin('2102', 4, 0, 41_001) as string,
    name: 'ТОО «Другой работодатель»',
    regionCode: '55',
  })
  const { id: vacancyId } = await publishVacancy(t.app, as.employer as { cookie: string })
  const applied = await t.app.inject({
    method: 'POST',
    url: `/api/vacancies/${vacancyId}/applications`,
    headers: as.citizen,
    payload: {},
  })
  applicationId = json<Application>(applied).id
})
afterAll(() => t.close())

const staffRead = (login: string, purpose = 'подбор вакансий по обращению') =>
  t.app.inject({
    method: 'GET',
    url: `/api/people/${DEMO_CITIZEN_IIN}/profile?purpose=${encodeURIComponent(purpose)}`,
    headers: as[login],
  })
const employerRead = (login: string, id = applicationId) =>
  t.app.inject({ method: 'GET', url: `/api/applications/${id}/profile`, headers: as[login] })

async function auditActions(): Promise<string[]> {
  const { rows } = await sql<{ action: string; actor_login: string }>`
    SELECT action, actor_login FROM audit.log WHERE subject_iin = ${DEMO_CITIZEN_IIN} AND action LIKE 'exchange.profile%'
    ORDER BY seq`.execute(t.database.db)
  return rows.map((r) => `${r.actor_login}:${r.action}`)
}

describe('profile scopes: own data', () => {
  it('keeps /api/me/profile to citizens', async () => {
    for (const login of ['employer', 'officer', 'admin']) {
      expect((await t.app.inject({ method: 'GET', url: '/api/me/profile', headers: as[login] })).statusCode).toBe(403)
    }
    expect((await t.app.inject({ method: 'GET', url: '/api/me/profile' })).statusCode).toBe(401)
    const payload = profilePayload()
    expect((await t.app.inject({ method: 'PUT', url: '/api/me/profile', payload })).statusCode).toBe(401)
    expect(
      (await t.app.inject({ method: 'PUT', url: '/api/me/profile', headers: as.employer, payload })).statusCode,
    ).toBe(403)
  })
})

describe('profile scopes: staff', () => {
  it("lets an officer and a manager of the seeker's region read a shared profile, auditing each read with its purpose", async () => {
    await saveProfile(t.app, as.citizen as { cookie: string }, { visibility: 'officers' })
    const res = await staffRead('officer')
    expect(res.statusCode).toBe(200)
    expect(json(res)).toMatchObject({
      iin: DEMO_CITIZEN_IIN,
      name: 'Айгерім Нұрланова',
      profile: { visibility: 'officers', desiredOccupations: ['7411'] },
    })
    expect((await staffRead('manager')).statusCode).toBe(200)
    expect((await staffRead('admin')).statusCode).toBe(200)
    expect(await auditActions()).toEqual([
      'officer:exchange.profile.read',
      'manager:exchange.profile.read',
      'admin:exchange.profile.read',
    ])
    // The seeker sees who read the profile and why.
    const access = json<{ items: { actorLogin: string; action: string; purpose: string }[] }>(
      await t.app.inject({ method: 'GET', url: '/api/me/data-access', headers: as.citizen }),
    )
    expect(access.items).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          actorLogin: 'officer',
          action: 'exchange.profile.read',
          purpose: 'подбор вакансий по обращению',
        }),
      ]),
    )
  })

  it('refuses an officer of another region, and records the refusal', async () => {
    const res = await staffRead('officer2')
    expect(res.statusCode).toBe(403)
    expect(json(res)).toMatchObject({
      error: { message: `person ${DEMO_CITIZEN_IIN} is outside your scope (region 55)` },
    })
    expect(res.body).not.toContain('7411')
    expect((await auditActions()).at(-1)).toBe('officer2:exchange.profile.read.denied')
  })

  it('refuses staff when the seeker keeps the profile private', async () => {
    await saveProfile(t.app, as.citizen as { cookie: string }, { visibility: 'private' })
    const res = await staffRead('officer')
    expect(res.statusCode).toBe(403)
    expect(json(res)).toMatchObject({ error: { message: `person ${DEMO_CITIZEN_IIN} keeps the profile private` } })
  })

  it('lets officers read a profile shared with employers too', async () => {
    await saveProfile(t.app, as.citizen as { cookie: string }, { visibility: 'employers' })
    expect((await staffRead('officer')).statusCode).toBe(200)
  })

  it('refuses analysts, employers and citizens on the staff route, and a read without a purpose', async () => {
    for (const login of ['analyst', 'employer', 'citizen']) expect((await staffRead(login)).statusCode).toBe(403)
    const noPurpose = await t.app.inject({
      method: 'GET',
      url: `/api/people/${DEMO_CITIZEN_IIN}/profile`,
      headers: as.officer,
    })
    expect(noPurpose.statusCode).toBe(400)
  })

  it('answers 404 for a person in scope without a profile', async () => {
    const iin = makeIin('1990-01-01', 'M', 3001) as string
    const other = await t.app.inject({
      method: 'POST',
      url: '/api/people',
      headers: as.officer,
      payload: { iin, surname: 'Без', givenName: 'Профиля', regionCode: '39' },
    })
    expect(other.statusCode).toBe(201)
    const res = await t.app.inject({
      method: 'GET',
      url: `/api/people/${iin}/profile?purpose=${encodeURIComponent('проверка профиля')}`,
      headers: as.officer,
    })
    expect(res.statusCode).toBe(404)
    expect(json(res)).toMatchObject({ error: { message: `person ${iin} has no seeker profile` } })
  })
})

describe('profile scopes: employers', () => {
  it("shows an applicant's shared profile to the vacancy's employer, without the IIN", async () => {
    await saveProfile(t.app, as.citizen as { cookie: string }, { visibility: 'employers' })
    const res = await employerRead('employer')
    expect(res.statusCode).toBe(200)
    expect(json(res)).toMatchObject({
      applicationId,
      seekerName: 'Айгерім Нұрланова',
      profile: { skills: ['Электробезопасность', 'Сварка'] },
    })
    expect(res.body).not.toContain(DEMO_CITIZEN_IIN)
  })

  it('refuses the employer when the seeker shares the profile only with officers, or keeps it private', async () => {
    for (const visibility of ['officers', 'private'] as const) {
      await saveProfile(t.app, as.citizen as { cookie: string }, { visibility })
      const res = await employerRead('employer')
      expect(res.statusCode).toBe(403)
      expect(json(res)).toMatchObject({
        error: { message: `the seeker of application ${applicationId} does not share the profile with employers` },
      })
    }
  })

  it('refuses another employer, and answers 404 for an unknown application', async () => {
    await saveProfile(t.app, as.citizen as { cookie: string }, { visibility: 'employers' })
    const res = await employerRead('otherEmployer')
    expect(res.statusCode).toBe(403)
    expect(json(res)).toMatchObject({ error: { message: `application ${applicationId} is not yours` } })
    expect((await employerRead('employer', 999_999)).statusCode).toBe(404)
  })

  it('keeps the application route to employers', async () => {
    for (const login of ['citizen', 'officer', 'admin']) expect((await employerRead(login)).statusCode).toBe(403)
    expect((await t.app.inject({ method: 'GET', url: `/api/applications/${applicationId}/profile` })).statusCode).toBe(
      401,
    )
  })
})
