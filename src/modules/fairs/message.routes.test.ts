import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, json, loginAs, type TestApp } from '../../../tests/helpers/app.js'
import { approvedBooth, newEmployer, newFair, newSeeker, newVacancy, type Session } from './fairs.testing.js'

let t: TestApp
let officer: Session
let employer: Session

beforeAll(async () => {
  t = await createTestApp()
  officer = await loginAs(t.app, 'officer')
  employer = await loginAs(t.app, 'employer')
})
afterAll(() => t.close())

const post = (url: string, who: Session, payload: Record<string, unknown>) =>
  t.app.inject({ method: 'POST', url, headers: who, payload })
const get = (url: string, who: Session) => t.app.inject({ method: 'GET', url, headers: who })

interface Thread {
  registrationId: number
  seekerName: string
  messages: number
  lastSender: 'booth' | 'seeker'
  isAwaitingReply: boolean
}

describe('a booth’s conversations', () => {
  it('lists each seeker who wrote by name, with the count and whether the booth still owes an answer', async () => {
    const fair = await newFair(t.app, officer)
    const v = await newVacancy(t.app, employer)
    const boothId = await approvedBooth(t.app, fair.id, employer, officer, [v.id])
    const base = `/api/fairs/${fair.id}/booths/${boothId}`
    const a = await newSeeker(t.app, t.database.db, { birthDate: '2001-04-01' })
    const b = await newSeeker(t.app, t.database.db, { birthDate: '2001-04-02' })
    for (const s of [a, b]) expect((await post(`/api/fairs/${fair.id}/registrations`, s, {})).statusCode).toBe(201)

    expect((await post(`${base}/messages`, a, { body: 'Здравствуйте, есть ли ночные смены?' })).statusCode).toBe(201)
    expect((await post(`${base}/messages`, a, { body: 'И общежитие?' })).statusCode).toBe(201)
    expect((await post(`${base}/messages`, b, { body: 'Сәлеметсіз бе!' })).statusCode).toBe(201)

    const before = await get(`${base}/threads`, employer)
    expect(before.statusCode).toBe(200)
    // Booths see names, never IINs.
    expect(before.body).not.toContain(a.iin)
    expect(before.body).not.toContain(b.iin)
    const listed = json<{ items: Thread[] }>(before).items
    expect(listed).toHaveLength(2)
    const threadOfA = listed.find((x) => x.messages === 2) as Thread
    expect(threadOfA).toMatchObject({ lastSender: 'seeker', isAwaitingReply: true, seekerName: expect.any(String) })
    // The newest conversation comes first: b wrote last.
    expect(listed[0]).toMatchObject({ messages: 1, isAwaitingReply: true })

    const answer = await post(`${base}/messages`, employer, {
      registrationId: threadOfA.registrationId,
      body: 'Да, и общежитие тоже.',
    })
    expect(answer.statusCode).toBe(201)
    const after = json<{ items: Thread[] }>(await get(`${base}/threads`, employer)).items
    expect(after[0]).toMatchObject({
      registrationId: threadOfA.registrationId,
      messages: 3,
      lastSender: 'booth',
      isAwaitingReply: false,
    })
    expect(after[1]).toMatchObject({ isAwaitingReply: true })

    // The seeker reads the answer in their own thread, and only theirs.
    expect(json(await get(`${base}/messages`, a))).toMatchObject({
      items: [{ sender: 'seeker' }, { sender: 'seeker' }, { sender: 'booth', body: 'Да, и общежитие тоже.' }],
    })
    expect(json<{ items: unknown[] }>(await get(`${base}/messages`, b)).items).toHaveLength(1)
  })

  it('keeps another employer out of the list and refuses a seeker who has not registered, by name', async () => {
    const fair = await newFair(t.app, officer)
    const v = await newVacancy(t.app, employer)
    const boothId = await approvedBooth(t.app, fair.id, employer, officer, [v.id])
    const base = `/api/fairs/${fair.id}/booths/${boothId}`
    const other = await newEmployer(t.app, t.database.db, 'ТОО «Чужой стенд»')
    expect((await get(`${base}/threads`, other)).statusCode).toBe(403)
    const stranger = await newSeeker(t.app, t.database.db, { birthDate: '2001-05-05' })
    expect((await get(`${base}/threads`, stranger)).statusCode).toBe(403)

    const refused = await post(`${base}/messages`, stranger, { body: 'Можно вопрос?' })
    expect(refused.statusCode).toBeGreaterThanOrEqual(400)
    expect(json<{ error: { message: string } }>(refused).error.message).toMatch(/regist/)
  })

  it('refuses a message longer than 5000 characters', async () => {
    const fair = await newFair(t.app, officer)
    const v = await newVacancy(t.app, employer)
    const boothId = await approvedBooth(t.app, fair.id, employer, officer, [v.id])
    const seeker = await newSeeker(t.app, t.database.db, { birthDate: '2001-06-06' })
    await post(`/api/fairs/${fair.id}/registrations`, seeker, {})
    const url = `/api/fairs/${fair.id}/booths/${boothId}/messages`
    expect((await post(url, seeker, { body: 'я'.repeat(5001) })).statusCode).toBe(400)
    expect((await post(url, seeker, { body: 'я'.repeat(5000) })).statusCode).toBe(201)
  })
})
