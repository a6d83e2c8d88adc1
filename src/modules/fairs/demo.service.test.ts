import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, json, loginAs, type TestApp } from '../../../tests/helpers/app.js'
import { seedExchangeDemo } from '../exchange/index.js'
import { DEMO_FAIR_TITLE, seedFairsDemo } from './demo.service.js'
import { newSeeker } from './fairs.testing.js'

let t: TestApp
beforeAll(async () => {
  t = await createTestApp({ demo: true })
  await seedExchangeDemo(t.database.db)
})
afterAll(() => t.close())

const get = (url: string, headers?: { cookie: string }) =>
  t.app.inject({ method: 'GET', url, ...(headers !== undefined && { headers }) })

describe('the demo fair', () => {
  it('is open now for people up to 35 from every region, with the Pavlodar employer’s approved booth and future slots', async () => {
    const now = new Date()
    const seeded = await seedFairsDemo(t.database.db, now)
    expect(seeded.fairId).not.toBeNull()
    expect(seeded.slots).toBeGreaterThan(0)

    const fair = json(await get(`/api/fairs/${seeded.fairId}`))
    expect(fair).toMatchObject({
      title: DEMO_FAIR_TITLE,
      state: 'open',
      organiserName: 'Ерлан Жақсылықов',
      targetGroup: { maxAge: 35, graduatedWithinYears: 3, allowedStatuses: [], regionCodes: [] },
    })
    const booths = json<{ items: { id: number; state: string; vacancies: { regionCode: string }[] }[] }>(
      await get(`/api/fairs/${seeded.fairId}/booths`),
    ).items
    expect(booths).toHaveLength(1)
    expect(booths[0]).toMatchObject({ state: 'approved', employerName: 'ТОО «Павлодар Энерго Сервис»' })
    expect(booths[0]?.vacancies.length).toBeGreaterThan(0)
    expect(new Set(booths[0]?.vacancies.map((v) => v.regionCode))).toEqual(new Set(['55']))
    const slots = json<{ items: { startsAt: string; isBooked: boolean }[] }>(
      await get(`/api/fairs/${seeded.fairId}/booths/${booths[0]?.id}/slots`),
    ).items
    expect(slots).toHaveLength(seeded.slots)
    expect(slots.every((s) => new Date(s.startsAt) > now && !s.isBooked)).toBe(true)

    // The organiser (the demo officer) watches the live funnel.
    const officer = await loginAs(t.app, 'officer')
    expect(json(await get(`/api/fairs/${seeded.fairId}/funnel`, officer))).toMatchObject({ isLive: true })
  })

  it('adds nothing while it is open', async () => {
    const before = json<{ items: unknown[] }>(await get('/api/fairs')).items.length
    expect(await seedFairsDemo(t.database.db)).toEqual({ fairId: null, slots: 0 })
    expect(json<{ items: unknown[] }>(await get('/api/fairs')).items).toHaveLength(before)
  })

  it('opens a new one once the last has closed', async () => {
    const later = new Date(Date.now() + 8 * 86_400_000)
    const seeded = await seedFairsDemo(t.database.db, later)
    expect(seeded.fairId).not.toBeNull()
    const titles = json<{ items: { title: string }[] }>(await get('/api/fairs')).items.filter(
      (f) => f.title === DEMO_FAIR_TITLE,
    )
    expect(titles).toHaveLength(2)
  })

  it('refuses a 40-year-old with the reason and reports graduation as unchecked for a 24-year-old', async () => {
    const fairs = json<{ items: { id: number; title: string; state: string; startsAt: string }[] }>(
      await get('/api/fairs?state=open'),
    ).items.filter((f) => f.title === DEMO_FAIR_TITLE)
    const fair = fairs.at(-1)
    if (fair === undefined) throw new Error('no open demo fair')
    const older = await newSeeker(t.app, t.database.db, { birthDate: '1986-06-01', regionCode: '39' })
    const refused = await t.app.inject({ method: 'POST', url: `/api/fairs/${fair.id}/registrations`, headers: older })
    expect(refused.statusCode).toBe(403)
    const day = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Almaty' }).format(new Date(fair.startsAt))
    expect(json(refused)).toMatchObject({
      error: { message: `not eligible for fair ${fair.id}: born 1986-06-01: over 35 on ${day}` },
    })
    const young = await newSeeker(t.app, t.database.db, { birthDate: '2002-03-10', regionCode: '39', status: null })
    const ok = await t.app.inject({ method: 'POST', url: `/api/fairs/${fair.id}/registrations`, headers: young })
    expect(ok.statusCode, ok.body).toBe(201)
    expect(json(ok)).toMatchObject({
      eligibility: {
        isEligible: true,
        unchecked: ['graduation within 3 years: no graduation date is recorded'],
      },
    })
  })
})
