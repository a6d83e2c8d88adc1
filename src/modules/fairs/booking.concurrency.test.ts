import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, json, loginAs, type TestApp } from '../../../tests/helpers/app.js'
import { approvedBooth, inHours, newEmployer, newFair, newSeeker, newVacancy, type Session } from './fairs.testing.js'

let t: TestApp
let officer: Session
let fairId: number
const seekers: (Session & { iin: string })[] = []

beforeAll(async () => {
  t = await createTestApp()
  officer = await loginAs(t.app, 'officer')
  fairId = (await newFair(t.app, officer)).id
  for (let i = 0; i < 50; i++) {
    const seeker = await newSeeker(t.app, t.database.db, { birthDate: `2001-0${(i % 9) + 1}-1${i % 10}` })
    seekers.push(seeker)
  }
  // The whole cohort registers at once.
  const registered = await Promise.all(
    seekers.map((s) => t.app.inject({ method: 'POST', url: `/api/fairs/${fairId}/registrations`, headers: s })),
  )
  expect(registered.map((r) => r.statusCode)).toEqual(seekers.map(() => 201))
}, 120_000)
afterAll(() => t.close())

const book = (seeker: Session, slotId: number) =>
  t.app.inject({ method: 'POST', url: `/api/fairs/${fairId}/slots/${slotId}/bookings`, headers: seeker })

async function openSlots(employer: Session, boothId: number, hours: [number, number][]) {
  const ids: number[] = []
  for (const [from, to] of hours) {
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/fairs/${fairId}/booths/${boothId}/slots`,
      headers: employer,
      payload: { startsAt: inHours(from), endsAt: inHours(to), meetingLink: 'https://meet.example.kz/burst' },
    })
    expect(res.statusCode).toBe(201)
    ids.push(json<{ id: number }>(res).id)
  }
  return ids
}

describe('booking under a burst', () => {
  it('50 concurrent bookings at 5 slots: exactly 5 succeed, never two seekers in one slot', async () => {
    const employer = await loginAs(t.app, 'employer')
    const v = await newVacancy(t.app, employer)
    const boothId = await approvedBooth(t.app, fairId, employer, officer, [v.id])
    const slots = await openSlots(employer, boothId, [
      [10, 10.5],
      [10.5, 11],
      [11, 11.5],
      [11.5, 12],
      [12, 12.5],
    ])
    const results = await Promise.all(seekers.map((s, i) => book(s, slots[i % 5] as number)))
    const codes = results.map((r) => r.statusCode)
    expect(codes.filter((c) => c === 201)).toHaveLength(5)
    expect(codes.filter((c) => c === 409)).toHaveLength(45)
    for (const refused of results.filter((r) => r.statusCode === 409)) {
      expect(json(refused)).toMatchObject({
        error: { message: expect.stringMatching(/^slot \d+ is taken; choose another$/) },
      })
    }
    const { rows } = await sql<{ slot_id: number; n: number }>`
      SELECT slot_id, count(*)::int AS n FROM fairs.bookings WHERE booth_id = ${boothId} GROUP BY slot_id`.execute(
      t.database.db,
    )
    expect(rows).toHaveLength(5)
    expect(rows.every((r) => r.n === 1)).toBe(true)
  })

  it('one seeker firing at 5 overlapping slots of 5 booths at once gets exactly one', async () => {
    const slotIds: number[] = []
    for (let i = 0; i < 5; i++) {
      const employer = await newEmployer(t.app, t.database.db, `ТОО «Стенд ${i}»`)
      const v = await newVacancy(t.app, employer)
      const boothId = await approvedBooth(t.app, fairId, employer, officer, [v.id])
      slotIds.push(...(await openSlots(employer, boothId, [[20 + i * 0.1, 21 + i * 0.1]])))
    }
    const seeker = seekers[0] as Session & { iin: string }
    const results = await Promise.all(slotIds.map((id) => book(seeker, id)))
    expect(results.filter((r) => r.statusCode === 201)).toHaveLength(1)
    for (const refused of results.filter((r) => r.statusCode !== 201)) {
      expect(refused.statusCode).toBe(409)
      expect(json(refused)).toMatchObject({
        error: { message: expect.stringMatching(/overlaps your interview in slot/) },
      })
    }
    const { rows } = await sql<{ n: number }>`
      SELECT count(*)::int AS n FROM fairs.bookings a JOIN fairs.bookings b
        ON a.seeker_iin = b.seeker_iin AND a.id < b.id
       AND tstzrange(a.starts_at, a.ends_at) && tstzrange(b.starts_at, b.ends_at)`.execute(t.database.db)
    expect(rows[0]?.n).toBe(0)
  })

  it('every seeker books a different slot at once: 50 bookings, all kept', async () => {
    const employer = await newEmployer(t.app, t.database.db, 'ТОО «Большой стенд»')
    const v = await newVacancy(t.app, employer)
    const boothId = await approvedBooth(t.app, fairId, employer, officer, [v.id])
    const slots = await openSlots(
      employer,
      boothId,
      seekers.map((_, i) => [30 + i * 0.25, 30.25 + i * 0.25] as [number, number]),
    )
    const results = await Promise.all(seekers.map((s, i) => book(s, slots[i] as number)))
    expect(results.map((r) => r.statusCode)).toEqual(seekers.map(() => 201))
    const { rows } = await sql<{
      n: number
    }>`SELECT count(*)::int AS n FROM fairs.bookings WHERE booth_id = ${boothId}`.execute(t.database.db)
    expect(rows[0]?.n).toBe(50)
  })
})
