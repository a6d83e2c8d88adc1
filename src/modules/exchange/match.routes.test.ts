import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, json, loginAs, type TestApp } from '../../../tests/helpers/app.js'
import { makeIin } from '../../shared/iin.js'
import { DEMO_CITIZEN_IIN } from '../identity/index.js'
import type { RankedApplication } from './application.schema.js'
import { createCitizenAccount, publishVacancy } from './exchange.testing.js'
import { MatchPart } from './match.schema.js'
import { ALTYNSARIN_DISTRICT, PAVLODAR_CITY_DISTRICT, saveProfile } from './profile.testing.js'

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
    // Each part comes with its English words and, for clients wording it themselves, a code and its parameters.
    expect(items[1]?.match?.parts).toEqual([
      {
        part: 'occupation',
        points: 15,
        max: 35,
        reason: "desired occupation 7421 is in the same ISCO sub-major group 74 as the vacancy's 7411",
        reasonCode: 'occupation_shared_group',
        reasonParams: {
          via: 'desired',
          code: '7421',
          title: null,
          vacancyOccupation: '7411',
          level: 'sub_major',
          group: '74',
        },
      },
      {
        part: 'skills',
        points: 0,
        max: 25,
        reason: 'has 0 of 1 required skill; missing: Электробезопасность',
        reasonCode: 'skills_matched',
        reasonParams: { has: 0, required: 1, matched: [], missing: ['Электробезопасность'] },
      },
      {
        part: 'experience',
        points: 0,
        max: 15,
        reason: 'no experience in ISCO group 74; 1 year required',
        reasonCode: 'experience_none_related',
        reasonParams: { group: '74', requiredYears: 1 },
      },
      {
        part: 'region',
        points: 7,
        max: 15,
        reason: 'wants to work in region 39, willing to relocate to region 55',
        reasonCode: 'region_relocate',
        reasonParams: { seekerRegion: '39', vacancyRegion: '55' },
      },
      {
        part: 'wage',
        points: 1,
        max: 10,
        reason: 'desired 500 000 ₸ is 43% above the offered 250 000 ₸–350 000 ₸',
        reasonCode: 'wage_above',
        reasonParams: { desired: 500_000, offeredMin: 250_000, offeredMax: 350_000, percent: 43 },
      },
    ])
    expect(items[0]?.match?.parts.map((p) => [p.reasonCode, p.reasonParams])).toEqual([
      ['occupation_same', { via: 'desired', code: '7411', title: null, vacancyOccupation: '7411' }],
      ['skills_matched', { has: 1, required: 1, matched: ['Электробезопасность'], missing: [] }],
      ['experience_related', expect.objectContaining({ group: '74', requiredYears: 1 })],
      ['region_same_district', { district: PAVLODAR_CITY_DISTRICT }],
      ['wage_within', { desired: 300_000, offeredMin: 250_000, offeredMax: 350_000 }],
    ])
    // Each application still carries its event log, and no IIN leaves for the employer.
    expect(items[0]?.events.map((e) => e.state)).toEqual(['submitted'])
    expect(res.body).not.toContain(DEMO_CITIZEN_IIN)
  })

  it('declares every reason code with its parameters in the OpenAPI document of the applicant list', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/openapi.json' })
    const doc = json<{ paths: Record<string, { get?: { responses: Record<string, unknown> } }> }>(res)
    const answer = JSON.stringify(doc.paths['/api/vacancies/{id}/applications']?.get?.responses['200'])
    const codes = MatchPart.anyOf.map((branch) => branch.properties.reasonCode.const)
    expect(codes).toHaveLength(18)
    for (const code of codes) expect(answer).toContain(`"${code}"`)
    expect(answer).toContain('"offeredMax"')
    expect(answer).toContain('"percent"')
  })

  it('shows the seeker no match score in their own applications', async () => {
    const mine = await t.app.inject({ method: 'GET', url: '/api/me/applications', headers: seekers.strong })
    expect(json<{ items: Record<string, unknown>[] }>(mine).items[0]).not.toHaveProperty('match')
  })
})
