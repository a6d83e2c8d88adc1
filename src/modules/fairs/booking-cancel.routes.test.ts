import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, json, loginAs, type TestApp } from '../../../tests/helpers/app.js'
import { approvedBooth, inHours, newEmployer, newFair, newSeeker, newVacancy, type Session } from './fairs.testing.js'
import { remindInterviews } from './notification.service.js'

let t: TestApp
let officer: Session
let employer: Session
let fairId: number
let boothId: number
let vacancyId: number

const post = (url: string, who: Session, payload?: Record<string, unknown>) =>
  t.app.inject({ method: 'POST', url, headers: who, ...(payload !== undefined && { payload }) })
const get = (url: string, who?: Session) =>
  t.app.inject({ method: 'GET', url, ...(who !== undefined && { headers: who }) })
const del = (url: string, who: Session) => t.app.inject({ method: 'DELETE', url, headers: who })

async function openSlot(fromHours: number, toHours: number) {
  const res = await post(`/api/fairs/${fairId}/booths/${boothId}/slots`, employer, {
    startsAt: inHours(fromHours),
    endsAt: inHours(toHours),
    meetingLink: 'https://meet.example.kz/booth',
  })
  expect(res.statusCode, res.body).toBe(201)
  return json<{ id: number }>(res).id
}

async function registeredSeeker(birthDate = '2002-03-10') {
  const seeker = await newSeeker(t.app, t.database.db, { birthDate, regionCode: '39' })
  expect((await post(`/api/fairs/${fairId}/registrations`, seeker)).statusCode).toBe(201)
  return seeker
}

async function book(seeker: Session, slotId: number) {
  const res = await post(`/api/fairs/${fairId}/slots/${slotId}/bookings`, seeker)
  return res
}

beforeAll(async () => {
  t = await createTestApp()
  officer = await loginAs(t.app, 'officer')
  employer = await loginAs(t.app, 'employer')
  const fair = await newFair(t.app, officer, { targetGroup: { maxAge: 35 } })
  fairId = fair.id
  vacancyId = (await newVacancy(t.app, employer)).id
  boothId = await approvedBooth(t.app, fairId, employer, officer, [vacancyId])
})
afterAll(() => t.close())

describe('a seeker cancels a booked interview', () => {
  it('frees the slot for another seeker and tells the seeker; the funnel stops counting it', async () => {
    const slotId = await openSlot(2, 2.5)
    const first = await registeredSeeker()
    const second = await registeredSeeker('2000-01-15')
    const booked = await book(first, slotId)
    expect(booked.statusCode).toBe(201)
    const bookingId = json<{ id: number }>(booked).id
    expect((await book(second, slotId)).statusCode).toBe(409)
    const interviewsBefore = json<{ total: { interviews: number } }>(await get(`/api/fairs/${fairId}/funnel`, officer))
      .total.interviews

    const cancelled = await del(`/api/fairs/${fairId}/bookings/${bookingId}`, first)
    expect(cancelled.statusCode, cancelled.body).toBe(204)

    expect(json<{ items: unknown[] }>(await get(`/api/fairs/${fairId}/my-bookings`, first)).items).toEqual([])
    expect(json(await get(`/api/fairs/${fairId}/booths/${boothId}/slots`, first))).toMatchObject({
      items: expect.arrayContaining([expect.objectContaining({ id: slotId, isBooked: false, meetingLink: null })]),
    })
    expect((await book(second, slotId)).statusCode).toBe(201)
    expect(
      json<{ total: { interviews: number } }>(await get(`/api/fairs/${fairId}/funnel`, officer)).total,
    ).toMatchObject({
      interviews: interviewsBefore,
    })

    const notices = json<{ items: { kind: string; payload: Record<string, unknown> }[] }>(
      await get('/api/me/fair-notifications', first),
    ).items
    expect(notices.map((n) => n.kind)).toEqual(['booking.cancelled', 'booking.confirmed', 'registration.confirmed'])
    expect(notices[0]?.payload).toMatchObject({ slotId, boothId, employerName: 'ТОО «Павлодар Энерго Сервис»' })
  })

  it('refuses to cancel an interview that has begun, and keeps it', async () => {
    const slotId = await openSlot(3, 3.5)
    const seeker = await registeredSeeker('1999-05-05')
    const bookingId = json<{ id: number }>(await book(seeker, slotId)).id
    // The interview's time comes: move the slot and its booking into the past.
    await sql`UPDATE fairs.slots SET starts_at = now() - interval '10 minutes', ends_at = now() + interval '20 minutes' WHERE id = ${slotId}`.execute(
      t.database.db,
    )
    await sql`UPDATE fairs.bookings SET starts_at = now() - interval '10 minutes', ends_at = now() + interval '20 minutes' WHERE id = ${bookingId}`.execute(
      t.database.db,
    )
    const res = await del(`/api/fairs/${fairId}/bookings/${bookingId}`, seeker)
    expect(res.statusCode).toBe(409)
    expect(json(res)).toMatchObject({
      error: {
        code: 'conflict',
        message: expect.stringMatching(
          new RegExp(`^the interview of booking ${bookingId} began at .+; a past interview cannot be cancelled$`),
        ),
      },
    })
    expect(json<{ items: { id: number }[] }>(await get(`/api/fairs/${fairId}/my-bookings`, seeker)).items).toEqual([
      expect.objectContaining({ id: bookingId }),
    ])
  })

  it('does not let anyone cancel another seeker’s booking', async () => {
    const slotId = await openSlot(4, 4.5)
    const owner = await registeredSeeker('2003-02-02')
    const stranger = await registeredSeeker('2003-02-03')
    const bookingId = json<{ id: number }>(await book(owner, slotId)).id
    const res = await del(`/api/fairs/${fairId}/bookings/${bookingId}`, stranger)
    expect(res.statusCode).toBe(404)
    expect(json(res)).toMatchObject({ error: { message: `you have no booking ${bookingId} at fair ${fairId}` } })
    expect((await del(`/api/fairs/${fairId}/bookings/${bookingId}`, employer)).statusCode).toBe(403)
    expect(json<{ items: unknown[] }>(await get(`/api/fairs/${fairId}/my-bookings`, owner)).items).toHaveLength(1)
  })
})

describe('notifications to the seeker', () => {
  it('confirms a registration once, however often the seeker registers', async () => {
    const unregistered = await newSeeker(t.app, t.database.db, { birthDate: '2001-11-12' })
    expect((await get(`/api/fairs/${fairId}/registrations/mine`, unregistered)).statusCode).toBe(404)
    const seeker = await registeredSeeker('2001-11-11')
    expect(json(await get(`/api/fairs/${fairId}/registrations/mine`, seeker))).toMatchObject({
      fairId,
      eligibility: { isEligible: true },
    })
    expect((await post(`/api/fairs/${fairId}/registrations`, seeker)).statusCode).toBe(201)
    const notices = json<{ items: { kind: string; fairId: number }[] }>(await get('/api/me/fair-notifications', seeker))
    expect(notices.items).toEqual([expect.objectContaining({ kind: 'registration.confirmed', fairId })])
  })

  it('tells nothing about a refused registration or a refused booking', async () => {
    const older = await newSeeker(t.app, t.database.db, { birthDate: '1986-03-02' })
    expect((await post(`/api/fairs/${fairId}/registrations`, older)).statusCode).toBe(403)
    expect(json<{ items: unknown[] }>(await get('/api/me/fair-notifications', older)).items).toEqual([])

    const slotId = await openSlot(5, 5.5)
    const a = await registeredSeeker('2002-07-07')
    const b = await registeredSeeker('2002-07-08')
    expect((await book(a, slotId)).statusCode).toBe(201)
    expect((await book(b, slotId)).statusCode).toBe(409)
    const kinds = json<{ items: { kind: string }[] }>(await get('/api/me/fair-notifications', b)).items.map(
      (n) => n.kind,
    )
    expect(kinds).toEqual(['registration.confirmed'])
  })

  it('reminds of an interview a day ahead, once per booking', async () => {
    const soon = await openSlot(6, 6.5)
    const seeker = await registeredSeeker('2002-08-08')
    expect((await book(seeker, soon)).statusCode).toBe(201)
    const first = await remindInterviews(t.database.db)
    expect(first.reminded).toBeGreaterThanOrEqual(1)
    await remindInterviews(t.database.db)
    const notices = json<{ items: { kind: string; payload: Record<string, unknown> }[] }>(
      await get('/api/me/fair-notifications', seeker),
    ).items
    const reminders = notices.filter((n) => n.kind === 'booking.reminder')
    expect(reminders).toHaveLength(1)
    expect(reminders[0]?.payload).toMatchObject({ slotId: soon, meetingLink: 'https://meet.example.kz/booth' })
  })

  it('marks a notice read only for its recipient', async () => {
    const seeker = await registeredSeeker('2002-09-09')
    const other = await registeredSeeker('2002-09-10')
    const [notice] = json<{ items: { id: number }[] }>(await get('/api/me/fair-notifications', seeker)).items
    expect((await post(`/api/me/fair-notifications/${notice?.id}/read`, other)).statusCode).toBe(404)
    expect((await post(`/api/me/fair-notifications/${notice?.id}/read`, seeker)).statusCode).toBe(204)
    expect(json(await get('/api/me/fair-notifications', seeker))).toMatchObject({
      items: [{ id: notice?.id, readAt: expect.any(String) }],
    })
  })

  it('the employer’s decisions reach the seeker as the exchange’s application notices', async () => {
    const slotId = await openSlot(7, 7.5)
    const seeker = await registeredSeeker('2002-03-10')
    const applied = await post(`/api/fairs/${fairId}/vacancies/${vacancyId}/applications`, seeker, {})
    expect(applied.statusCode, applied.body).toBe(201)
    const applicationId = json<{ application: { id: number } }>(applied).application.id
    expect((await book(seeker, slotId)).statusCode).toBe(201)

    // The booth sees the applicant with the booked interview, by name.
    const applicants = json<{ items: Record<string, unknown>[] }>(
      await get(`/api/fairs/${fairId}/booths/${boothId}/applicants`, employer),
    ).items
    const mine = applicants.find((a) => a.applicationId === applicationId)
    expect(mine).toMatchObject({
      vacancyId,
      state: 'submitted',
      interview: { slotId },
      registrationId: expect.any(Number),
    })
    expect(JSON.stringify(applicants)).not.toMatch(/\d{12}/)

    for (const state of ['interview', 'hired']) {
      const moved = await post(`/api/applications/${applicationId}/events`, employer, { state })
      expect(moved.statusCode, moved.body).toBe(200)
    }
    const exchangeNotices = json<{ items: { kind: string; payload: Record<string, unknown> }[] }>(
      await get('/api/me/notifications', seeker),
    ).items
    expect(exchangeNotices[0]).toMatchObject({
      kind: 'application.moved',
      payload: expect.objectContaining({ state: 'hired' }),
    })
    expect(json(await get(`/api/fairs/${fairId}/funnel`, officer))).toMatchObject({ total: { hires: 1 } })
  })

  it('shows a booth’s applicants only to its employer', async () => {
    const other = await newEmployer(t.app, t.database.db, 'ТОО «Чужой стенд»')
    expect((await get(`/api/fairs/${fairId}/booths/${boothId}/applicants`, other)).statusCode).toBe(403)
    expect((await get(`/api/fairs/${fairId}/booths/${boothId}/applicants`, officer)).statusCode).toBe(403)
    expect((await get(`/api/fairs/${fairId}/booths/${boothId}/applicants`)).statusCode).toBe(401)
  })
})
