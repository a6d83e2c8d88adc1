import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, json, loginAs, type TestApp } from '../../../tests/helpers/app.js'
import { makeIin } from '../../shared/iin.js'
import { DEMO_CITIZEN_IIN } from '../identity/index.js'
import type { RankedApplication } from './application.schema.js'
import { createCitizenAccount, publishVacancy } from './exchange.testing.js'
import { ALTYNSARIN_DISTRICT, saveProfile } from './profile.testing.js'

let t: TestApp
let employer: { cookie: string }
const seekers: Record<string, { cookie: string }> = {}

beforeAll(async () => {
  t = await createTestApp()
  employer = await loginAs(t.app, 'employer')
  seekers.strong = await loginAs(t.app, 'citizen')
  const names = { partial: 'Частичный', hidden: 'Скрытый', none: 'Безпрофильный' }
  for (const [key, surname] of Object.entries(names)) {
    seekers[key] = await createCitizenAccount(t.app, t.database.db, {
      login: `match-${key}`,
      iin: makeIin('1992-02-02', 'M', 3200 + Object.keys(seekers).length) as string,
      surname,
      givenName: 'Тест',
    })
  }
  // The strong seeker applies last: ranking, not arrival, must put them first.
  await saveProfile(t.app, seekers.strong as { cookie: string })
  await saveProfile(t.app, seekers.partial as { cookie: string }, {
    desiredOccupations: ['7421'],
    experience: [],
    skills: [],
    desiredWage: 500_000,
    regionCode: '39',
    districtCode: ALTYNSARIN_DISTRICT,
    willingToRelocate: true,
  })
  await saveProfile(t.app, seekers.hidden as { cookie: string }, { visibility: 'officers' })
})
afterAll(() => t.close())

describe("the employer's applicant list", () => {
  it('ranks applicants by match score with every part shown; unshared profiles come last, unscored', async () => {
    const { id: vacancyId } = await publishVacancy(t.app, employer, {
      requirements: { skills: ['Электробезопасность'], experienceYears: 1 },
    })
    for (const key of ['none', 'hidden', 'partial', 'strong']) {
      const res = await t.app.inject({
        method: 'POST',
        url: `/api/vacancies/${vacancyId}/applications`,
        headers: seekers[key],
        payload: {},
      })
      expect(res.statusCode).toBe(201)
    }
    const res = await t.app.inject({
      method: 'GET',
      url: `/api/vacancies/${vacancyId}/applications`,
      headers: employer,
    })
    expect(res.statusCode).toBe(200)
    const items = json<{ items: RankedApplication[] }>(res).items
    expect(items.map((a) => [a.seekerName, a.match?.score ?? null])).toEqual([
      ['Айгерім Нұрланова', 100],
      ['Тест Частичный', 23],
      ['Тест Безпрофильный', null],
      ['Тест Скрытый', null],
    ])
    expect(items[1]?.match?.parts).toEqual([
      {
        part: 'occupation',
        points: 15,
        max: 35,
        reason: "desired occupation 7421 is in the same ISCO sub-major group 74 as the vacancy's 7411",
      },
      { part: 'skills', points: 0, max: 25, reason: 'has 0 of 1 required skill; missing: Электробезопасность' },
      { part: 'experience', points: 0, max: 15, reason: 'no experience in ISCO group 74; 1 year required' },
      { part: 'region', points: 7, max: 15, reason: 'wants to work in region 39, willing to relocate to region 55' },
      {
        part: 'wage',
        points: 1,
        max: 10,
        reason: 'desired 500 000 ₸ is 43% above the offered 250 000 ₸–350 000 ₸',
      },
    ])
    // Each application still carries its event log, and no IIN leaves for the employer.
    expect(items[0]?.events.map((e) => e.state)).toEqual(['submitted'])
    expect(res.body).not.toContain(DEMO_CITIZEN_IIN)
  })

  it('shows the seeker no match score in their own applications', async () => {
    const mine = await t.app.inject({ method: 'GET', url: '/api/me/applications', headers: seekers.strong })
    expect(json<{ items: Record<string, unknown>[] }>(mine).items[0]).not.toHaveProperty('match')
  })
})
