import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, json, loginAs, type TestApp } from '../../../tests/helpers/app.js'
import { switchFairs } from './fair.service.js'
import {
  approvedBooth,
  inHours,
  newEmployer,
  newFair,
  newSeeker,
  newVacancy,
  type Session,
  setStatus,
} from './fairs.testing.js'

let t: TestApp
let officer: Session
let employer: Session
let other: Session & { bin: string }
let graduate: Session & { iin: string }

beforeAll(async () => {
  t = await createTestApp()
  officer = await loginAs(t.app, 'officer')
  employer = await loginAs(t.app, 'employer')
  other = await newEmployer(t.app, t.database.db, 'ТОО «Другой работодатель»', '75')
  // 24 on the fair's first day, lives in Kostanay region, registered unemployed.
  graduate = await newSeeker(t.app, t.database.db, { birthDate: '2002-03-10', regionCode: '39' })
})
afterAll(() => t.close())

const post = (url: string, who: Session | undefined, payload?: Record<string, unknown>) =>
  t.app.inject({
    method: 'POST',
    url,
    ...(who !== undefined && { headers: who }),
    ...(payload !== undefined && { payload }),
  })
const get = (url: string, who?: Session) =>
  t.app.inject({ method: 'GET', url, ...(who !== undefined && { headers: who }) })

describe('organising a fair', () => {
  it('refuses a window that ends before it starts, by name', async () => {
    const res = await post('/api/fairs', officer, {
      title: 'Ярмарка',
      startsAt: '2030-06-30T04:00:00Z',
      endsAt: '2030-06-24T04:00:00Z',
    })
    expect(res.statusCode).toBe(400)
    expect(json(res)).toMatchObject({
      error: {
        code: 'invalid',
        message: 'the fair ends (2030-06-24T04:00:00Z) before it starts (2030-06-30T04:00:00Z)',
        details: { field: 'endsAt' },
      },
    })
  })

  it('lets only officers and administrators organise', async () => {
    const res = await post('/api/fairs', employer, { title: 'Моя ярмарка', startsAt: inHours(1), endsAt: inHours(5) })
    expect(res.statusCode).toBe(403)
    const anonymous = await post('/api/fairs', undefined, {
      title: 'Ярмарка',
      startsAt: inHours(1),
      endsAt: inHours(5),
    })
    expect(anonymous.statusCode).toBe(401)
  })

  it('stores the target group and shows the fair publicly', async () => {
    const fair = await newFair(t.app, officer, {
      targetGroup: { maxAge: 35, allowedStatuses: ['unemployed_*', 'student'], regionCodes: [] },
    })
    const res = await get(`/api/fairs/${fair.id}`)
    expect(json(res)).toMatchObject({
      state: 'open',
      recurrence: 'none',
      targetGroup: {
        maxAge: 35,
        graduatedWithinYears: null,
        allowedStatuses: ['unemployed_*', 'student'],
        regionCodes: [],
      },
    })
  })

  it('opens and closes fairs at the window’s edges, and creates next month’s fair once', async () => {
    const fair = await newFair(t.app, officer, {
      title: 'Ежемесячная ярмарка',
      startsAt: '2031-06-24T04:00:00Z',
      endsAt: '2031-06-30T13:00:00Z',
      recurrence: 'monthly',
    })
    expect(fair.state).toBe('planned')
    const db = t.database.db
    const opened = await switchFairs(db, new Date('2031-06-25T00:00:00Z'))
    expect(opened.opened).toBeGreaterThanOrEqual(1)
    expect(opened.created).toBe(1)
    expect(json(await get(`/api/fairs/${fair.id}`))).toMatchObject({ state: 'open' })
    // Twice is harmless: no second successor.
    expect((await switchFairs(db, new Date('2031-06-25T00:01:00Z'))).created).toBe(0)
    await switchFairs(db, new Date('2031-07-01T00:00:00Z'))
    expect(json(await get(`/api/fairs/${fair.id}`))).toMatchObject({ state: 'closed' })
    const list = json<{ items: { templateId: number | null; startsAt: string; endsAt: string; title: string }[] }>(
      await get('/api/fairs'),
    )
    const next = list.items.filter((f) => f.templateId === fair.id)
    expect(next).toEqual([
      expect.objectContaining({
        title: 'Ежемесячная ярмарка',
        startsAt: '2031-07-24T04:00:00.000Z',
        endsAt: '2031-07-30T13:00:00.000Z',
      }),
    ])
  })
})

describe('employers join with their own vacancies', () => {
  it('refuses a vacancy of another employer with a specific 403', async () => {
    const fair = await newFair(t.app, officer)
    const theirs = await newVacancy(t.app, other, { katoCode: '751110000' })
    const res = await post(`/api/fairs/${fair.id}/booths`, employer, { vacancyIds: [theirs.id] })
    expect(res.statusCode).toBe(403)
    expect(json(res)).toMatchObject({
      error: {
        code: 'forbidden',
        message: `vacancy ${theirs.id} belongs to another employer (ТОО «Другой работодатель»)`,
      },
    })
  })

  it('accepts fair-only vacancies; seekers see the booth only once the organiser approves it', async () => {
    const fair = await newFair(t.app, officer)
    const fairOnly = await newVacancy(t.app, employer, {
      fairId: fair.id,
      title: 'Стажёр до 29 лет (молодёжная практика)',
    })
    const joined = await post(`/api/fairs/${fair.id}/booths`, employer, { vacancyIds: [fairOnly.id] })
    expect(joined.statusCode).toBe(201)
    const booth = json<{ id: number; state: string }>(joined)
    expect(booth.state).toBe('pending')
    expect(json<{ items: unknown[] }>(await get(`/api/fairs/${fair.id}/booths`)).items).toEqual([])
    const refused = await post(`/api/fairs/${fair.id}/booths/${booth.id}/decision`, officer, { state: 'rejected' })
    expect(refused.statusCode).toBe(400)
    await post(`/api/fairs/${fair.id}/booths/${booth.id}/decision`, officer, { state: 'approved' })
    expect(json(await get(`/api/fairs/${fair.id}/booths`))).toMatchObject({
      items: [{ id: booth.id, state: 'approved', vacancies: [{ vacancyId: fairOnly.id }] }],
    })
  })

  it('lets only the organiser decide', async () => {
    const fair = await newFair(t.app, officer)
    const v = await newVacancy(t.app, employer)
    const booth = json<{ id: number }>(await post(`/api/fairs/${fair.id}/booths`, employer, { vacancyIds: [v.id] }))
    const officer2 = await loginAs(t.app, 'officer2')
    const res = await post(`/api/fairs/${fair.id}/booths/${booth.id}/decision`, officer2, { state: 'approved' })
    expect(res.statusCode).toBe(403)
  })
})

describe('seekers register and apply', () => {
  it('refuses a 40-year-old with the exact reason, at registration', async () => {
    const fair = await newFair(t.app, officer, {
      startsAt: '2031-06-24T04:00:00Z',
      endsAt: '2031-06-30T13:00:00Z',
      targetGroup: { maxAge: 35 },
    })
    const older = await newSeeker(t.app, t.database.db, { birthDate: '1991-03-02' })
    const res = await post(`/api/fairs/${fair.id}/registrations`, older)
    expect(res.statusCode).toBe(403)
    expect(json(res)).toMatchObject({
      error: { message: `not eligible for fair ${fair.id}: born 1991-03-02: over 35 on 2031-06-24` },
    })
    expect(json(await get(`/api/fairs/${fair.id}/eligibility`, older))).toEqual({
      isEligible: false,
      reasons: ['born 1991-03-02: over 35 on 2031-06-24'],
      unchecked: [],
    })
  })

  it('refuses registering after close with a 409', async () => {
    const fair = await newFair(t.app, officer, { startsAt: inHours(-2), endsAt: inHours(1) })
    await switchFairs(t.database.db, new Date(Date.now() + 2 * 3_600_000))
    const res = await post(`/api/fairs/${fair.id}/registrations`, graduate)
    expect(res.statusCode).toBe(409)
    expect(json(res)).toMatchObject({
      error: { code: 'conflict', message: expect.stringMatching(/registering is no longer possible/) },
    })
  })

  it('a graduate registers, applies through the exchange and sees every step; eligibility is checked again', async () => {
    const fair = await newFair(t.app, officer, {
      targetGroup: { maxAge: 35, allowedStatuses: ['unemployed_*', 'student'] },
    })
    const v1 = await newVacancy(t.app, employer)
    const v2 = await newVacancy(t.app, employer)
    const notAtFair = await newVacancy(t.app, employer)
    await approvedBooth(t.app, fair.id, employer, officer, [v1.id, v2.id])

    const seeker = await newSeeker(t.app, t.database.db, { birthDate: '2001-09-01', regionCode: '39' })
    expect((await post(`/api/fairs/${fair.id}/vacancies/${v1.id}/applications`, seeker, {})).statusCode).toBe(403)
    const registered = await post(`/api/fairs/${fair.id}/registrations`, seeker)
    expect(registered.statusCode).toBe(201)
    expect(json(registered)).toMatchObject({ eligibility: { isEligible: true } })
    // Registering twice returns the same registration.
    expect((await post(`/api/fairs/${fair.id}/registrations`, seeker)).statusCode).toBe(201)

    const applied = await post(`/api/fairs/${fair.id}/vacancies/${v1.id}/applications`, seeker, {})
    expect(applied.statusCode).toBe(201)
    const { application } = json<{ application: { id: number; state: string } }>(applied)
    expect(application.state).toBe('submitted')
    const mine = json<{ items: { id: number; events: { state: string }[] }[] }>(
      await get('/api/me/applications', seeker),
    )
    expect(mine.items.find((a) => a.id === application.id)?.events.map((e) => e.state)).toEqual(['submitted'])

    const outside = await post(`/api/fairs/${fair.id}/vacancies/${notAtFair.id}/applications`, seeker, {})
    expect(outside.statusCode).toBe(404)

    // Found a job elsewhere meanwhile: the second application is refused with the reason.
    await setStatus(t.database.db, seeker.iin, 'employed_contract')
    const again = await post(`/api/fairs/${fair.id}/vacancies/${v2.id}/applications`, seeker, {})
    expect(again.statusCode).toBe(403)
    expect(json(again)).toMatchObject({
      error: {
        message: `not eligible for fair ${fair.id}: registry status employed_contract: the fair is for unemployed_*, student`,
      },
    })
  })
})

describe('booths, slots, queue and messages', () => {
  it('refuses overlapping slots of one booth, a taken slot, and one seeker in two overlapping slots', async () => {
    const fair = await newFair(t.app, officer)
    const v = await newVacancy(t.app, employer)
    const boothId = await approvedBooth(t.app, fair.id, employer, officer, [v.id])
    const slot = (startH: number, endH: number) =>
      post(`/api/fairs/${fair.id}/booths/${boothId}/slots`, employer, {
        startsAt: inHours(startH),
        endsAt: inHours(endH),
        meetingLink: 'https://meet.example.kz/booth',
      })
    const first = await slot(2, 3)
    expect(first.statusCode).toBe(201)
    const s1 = json<{ id: number }>(first)
    const overlapping = await slot(2.5, 3.5)
    expect(overlapping.statusCode).toBe(409)
    expect(json(overlapping)).toMatchObject({
      error: { message: expect.stringMatching(new RegExp(`overlaps slot ${s1.id} `)) },
    })
    expect((await slot(3, 4)).statusCode).toBe(201) // back to back is fine
    const backwards = await slot(5, 4)
    expect(backwards.statusCode).toBe(400)

    const otherEmployer = await newEmployer(t.app, t.database.db, 'ТОО «Третий»')
    const v2 = await newVacancy(t.app, otherEmployer)
    const booth2 = await approvedBooth(t.app, fair.id, otherEmployer, officer, [v2.id])
    const s2 = json<{ id: number }>(
      await post(`/api/fairs/${fair.id}/booths/${booth2}/slots`, otherEmployer, {
        startsAt: inHours(2.5),
        endsAt: inHours(3.5),
        meetingLink: 'https://meet.example.kz/b2',
      }),
    )

    const a = await newSeeker(t.app, t.database.db, { birthDate: '2000-01-01' })
    const b = await newSeeker(t.app, t.database.db, { birthDate: '2000-01-02' })
    for (const s of [a, b]) await post(`/api/fairs/${fair.id}/registrations`, s)
    expect((await post(`/api/fairs/${fair.id}/slots/${s1.id}/bookings`, a)).statusCode).toBe(201)
    const taken = await post(`/api/fairs/${fair.id}/slots/${s1.id}/bookings`, b)
    expect(taken.statusCode).toBe(409)
    expect(json(taken)).toMatchObject({ error: { message: `slot ${s1.id} is taken; choose another` } })
    const twice = await post(`/api/fairs/${fair.id}/slots/${s2.id}/bookings`, a)
    expect(twice.statusCode).toBe(409)
    expect(json(twice)).toMatchObject({
      error: { message: expect.stringMatching(new RegExp(`overlaps your interview in slot ${s1.id}`)) },
    })

    // The link is shown to the booth and to the seeker who booked, not to others.
    const seen = json<{ items: { id: number; meetingLink: string | null; isMine: boolean }[] }>(
      await get(`/api/fairs/${fair.id}/booths/${boothId}/slots`, b),
    )
    expect(seen.items.find((s) => s.id === s1.id)).toMatchObject({ meetingLink: null, isMine: false })
    expect(json(await get(`/api/fairs/${fair.id}/my-bookings`, a))).toMatchObject({
      items: [{ slotId: s1.id, meetingLink: 'https://meet.example.kz/booth' }],
    })
  })

  it('shows each seeker their place in the booth’s queue, and the booth calls the next', async () => {
    const fair = await newFair(t.app, officer)
    const v = await newVacancy(t.app, employer)
    const boothId = await approvedBooth(t.app, fair.id, employer, officer, [v.id])
    const seekers = []
    for (let i = 0; i < 3; i++) {
      const s = await newSeeker(t.app, t.database.db, { birthDate: `1999-0${i + 1}-15` })
      await post(`/api/fairs/${fair.id}/registrations`, s)
      seekers.push(s)
    }
    for (const [i, s] of seekers.entries()) {
      expect(json(await post(`/api/fairs/${fair.id}/booths/${boothId}/queue`, s))).toMatchObject({ place: i + 1 })
    }
    // Joining again keeps the place.
    expect(json(await post(`/api/fairs/${fair.id}/booths/${boothId}/queue`, seekers[0] as Session))).toMatchObject({
      place: 1,
      waiting: 3,
    })
    const served = json<{ registrationId: number; waiting: number }>(
      await post(`/api/fairs/${fair.id}/booths/${boothId}/queue/next`, employer),
    )
    expect(served.waiting).toBe(2)
    expect(json(await get(`/api/fairs/${fair.id}/booths/${boothId}/queue`, seekers[2] as Session))).toMatchObject({
      place: 2,
    })
    expect(json(await get(`/api/fairs/${fair.id}/booths/${boothId}/queue`, seekers[0] as Session))).toMatchObject({
      place: null,
    })

    // The booth writes to the seeker it called; the conversation stays with the fair.
    const sent = await post(`/api/fairs/${fair.id}/booths/${boothId}/messages`, employer, {
      registrationId: served.registrationId,
      body: 'Здравствуйте! Подключайтесь по ссылке.',
    })
    expect(sent.statusCode).toBe(201)
    await post(`/api/fairs/${fair.id}/booths/${boothId}/messages`, seekers[0] as Session, { body: 'Подключаюсь.' })
    expect(json(await get(`/api/fairs/${fair.id}/booths/${boothId}/messages`, seekers[0] as Session))).toMatchObject({
      items: [{ sender: 'booth' }, { sender: 'seeker', body: 'Подключаюсь.' }],
    })
    expect(json(await get(`/api/fairs/${fair.id}/booths/${boothId}/threads`, employer))).toMatchObject({
      items: [{ registrationId: served.registrationId }],
    })
    // Another employer cannot read it.
    const res = await get(
      `/api/fairs/${fair.id}/booths/${boothId}/messages?registrationId=${served.registrationId}`,
      other,
    )
    expect(res.statusCode).toBe(403)
  })
})

describe('the funnel', () => {
  it('is live for the organiser, public once closed, and counts one hire', async () => {
    const fair = await newFair(t.app, officer, { startsAt: inHours(-1), endsAt: inHours(6) })
    const v = await newVacancy(t.app, employer)
    const boothId = await approvedBooth(t.app, fair.id, employer, officer, [v.id])
    await post(`/api/fairs/${fair.id}/visits`, undefined, {})
    await post(`/api/fairs/${fair.id}/visits`, undefined, {})
    await post(`/api/fairs/${fair.id}/visits`, undefined, { boothId })
    const seeker = await newSeeker(t.app, t.database.db, { birthDate: '2002-03-10', regionCode: '39' })
    await post(`/api/fairs/${fair.id}/registrations`, seeker)
    const { application } = json<{ application: { id: number } }>(
      await post(`/api/fairs/${fair.id}/vacancies/${v.id}/applications`, seeker, {}),
    )
    const slot = json<{ id: number }>(
      await post(`/api/fairs/${fair.id}/booths/${boothId}/slots`, employer, {
        startsAt: inHours(1),
        endsAt: inHours(1.5),
        meetingLink: 'https://meet.example.kz/x',
      }),
    )
    await post(`/api/fairs/${fair.id}/slots/${slot.id}/bookings`, seeker)
    for (const state of ['interview', 'offer', 'hired']) {
      const moved = await post(`/api/applications/${application.id}/events`, employer, { state })
      expect(moved.statusCode).toBe(200)
    }

    expect((await get(`/api/fairs/${fair.id}/funnel`)).statusCode).toBe(403)
    const live = json(await get(`/api/fairs/${fair.id}/funnel`, officer))
    const counts = { visitors: 2, registrations: 1, applications: 1, interviews: 1, offers: 1, hires: 1 }
    expect(live).toMatchObject({ isLive: true, total: counts })

    await switchFairs(t.database.db, new Date(Date.now() + 7 * 3_600_000))
    const published = json(await get(`/api/fairs/${fair.id}/funnel`))
    expect(published).toMatchObject({
      state: 'closed',
      isLive: false,
      total: counts,
      byEmployer: [
        { employerName: 'ТОО «Павлодар Энерго Сервис»', visitors: 1, applications: 1, interviews: 1, hires: 1 },
      ],
      byRegion: [{ regionCode: '39', registrations: 1, applications: 1, interviews: 1, offers: 1, hires: 1 }],
      byVacancy: [{ vacancyId: v.id, applications: 1, interviews: 1, offers: 1, hires: 1 }],
    })
  })
})
