import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, json, loginAs, type TestApp } from '../../../tests/helpers/app.js'
import type { Profile } from './profile.schema.js'
import { ALTYNSARIN_DISTRICT, PAVLODAR_CITY_DISTRICT, profilePayload } from './profile.testing.js'

let t: TestApp
let citizen: { cookie: string }

beforeAll(async () => {
  t = await createTestApp()
  citizen = await loginAs(t.app, 'citizen')
})
afterAll(() => t.close())

const put = (payload: unknown, who = citizen) =>
  t.app.inject({ method: 'PUT', url: '/api/me/profile', headers: who, payload: payload as Record<string, unknown> })
const get = (who = citizen) => t.app.inject({ method: 'GET', url: '/api/me/profile', headers: who })

describe('seeker profile: my own', () => {
  it('answers 404 before the first save, naming how to create it', async () => {
    const res = await get()
    expect(res.statusCode).toBe(404)
    expect(json(res)).toMatchObject({ error: { message: 'you have no profile yet; PUT /api/me/profile creates it' } })
  })

  it('saves the whole profile and reads it back', async () => {
    const payload = profilePayload()
    const res = await put(payload)
    expect(res.statusCode).toBe(200)
    const { updatedAt, ...profile } = json<Profile>(res)
    expect(profile).toEqual(payload)
    expect(Date.parse(updatedAt)).toBeGreaterThan(0)
    expect(json(await get())).toEqual(json(res))
  })

  it('replaces the profile on a second save, storing omitted lists empty and skills once each', async () => {
    const res = await put({ visibility: 'private', skills: ['Сварка', ' сварка ', 'Электробезопасность', 'СВАРКА'] })
    expect(res.statusCode).toBe(200)
    expect(json(res)).toMatchObject({
      education: [],
      experience: [],
      skills: ['Сварка', 'Электробезопасность'],
      desiredOccupations: [],
      desiredWage: null,
      regionCode: null,
      districtCode: null,
      willingToRelocate: false,
      visibility: 'private',
    })
  })

  it('requires a visibility choice', async () => {
    const { visibility: _, ...rest } = profilePayload()
    const res = await put(rest)
    expect(res.statusCode).toBe(400)
    expect(json(res)).toMatchObject({
      error: { message: expect.stringContaining("body/visibility must have required property 'visibility'") },
    })
  })
})

describe('seeker profile: bad input', () => {
  it('refuses an unknown occupation code, naming the field', async () => {
    const res = await put(profilePayload({ desiredOccupations: ['7411', '9999'] }))
    expect(res.statusCode).toBe(400)
    expect(json(res)).toEqual({
      error: {
        code: 'invalid',
        message: 'desiredOccupations/1: occupation code 9999 is not in ISCO-08',
        details: { field: 'desiredOccupations/1' },
      },
    })
    const experience = profilePayload().experience ?? []
    const bad = await put(
      profilePayload({ experience: [{ ...(experience[0] as (typeof experience)[0]), occupationCode: '0000' }] }),
    )
    expect(json(bad)).toMatchObject({
      error: { message: 'experience/0/occupationCode: occupation code 0000 is not in ISCO-08' },
    })
  })

  it('refuses a district outside the region, a district without a region, and an unknown region', async () => {
    expect(json(await put(profilePayload({ regionCode: '55', districtCode: ALTYNSARIN_DISTRICT })))).toMatchObject({
      error: { message: `districtCode ${ALTYNSARIN_DISTRICT} is not a district or city of region 55` },
    })
    expect(json(await put(profilePayload({ regionCode: null, districtCode: PAVLODAR_CITY_DISTRICT })))).toMatchObject({
      error: { message: `districtCode ${PAVLODAR_CITY_DISTRICT} needs its regionCode` },
    })
    expect(json(await put(profilePayload({ regionCode: '98', districtCode: null })))).toMatchObject({
      error: { message: 'region 98 is not known' },
    })
  })

  it('refuses a job that ends before it starts or starts in the future', async () => {
    const job = { occupationCode: '7411', title: 'Электромонтер', employerName: 'ТОО «А»' }
    expect(
      json(await put(profilePayload({ experience: [{ ...job, from: '2020-01-01', to: '2019-01-01' }] }))),
    ).toMatchObject({
      error: { message: 'experience/0: to 2019-01-01 is before from 2020-01-01' },
    })
    expect(json(await put(profilePayload({ experience: [{ ...job, from: '2999-01-01', to: null }] })))).toMatchObject({
      error: { message: 'experience/0: from 2999-01-01 is in the future' },
    })
  })

  it('refuses a language listed twice, a non-positive wage and an unknown visibility', async () => {
    const twice = await put(
      profilePayload({
        languages: [
          { lang: 'ru', level: 'basic' },
          { lang: 'ru', level: 'fluent' },
        ],
      }),
    )
    expect(json(twice)).toMatchObject({ error: { message: 'language ru is listed twice' } })
    expect(json(await put(profilePayload({ desiredWage: 0 })))).toMatchObject({
      error: { message: 'desiredWage must be above 0; send null for no expectation' },
    })
    expect((await put({ ...profilePayload(), visibility: 'everyone' })).statusCode).toBe(400)
  })

  it('stores a script in a skill as text', async () => {
    const res = await put(profilePayload({ skills: ['<script>alert(1)</script>'] }))
    expect(json<Profile>(res).skills).toEqual(['<script>alert(1)</script>'])
  })
})
