import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, json, loginAs, type TestApp } from '../../../tests/helpers/app.js'
import { makeIin } from '../../shared/iin.js'
import type { Application } from './application.schema.js'
import { createCitizenAccount, publishVacancy } from './exchange.testing.js'

let t: TestApp
let employer: { cookie: string }
const seekers: { cookie: string; iin: string }[] = []

beforeAll(async () => {
  t = await createTestApp()
  employer = await loginAs(t.app, 'employer')
  for (let i = 0; i < 6; i++) {
    const iin = makeIin('1990-05-01', i % 2 === 0 ? 'M' : 'F', 3100 + i) as string
    const session = await createCitizenAccount(t.app, t.database.db, {
      login: `hire-seeker-${i}`,
      iin,
      surname: `Сейткали${i}`,
      givenName: 'Тест',
    })
    seekers.push({ ...session, iin })
  }
})
afterAll(() => t.close())

/** Applies every seeker and brings each application to an interview, ready to hire. */
async function interviewAll(vacancyId: number): Promise<number[]> {
  const ids: number[] = []
  for (const seeker of seekers) {
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/vacancies/${vacancyId}/applications`,
      headers: seeker,
      payload: {},
    })
    const { id } = json<Application>(res)
    await t.app.inject({
      method: 'POST',
      url: `/api/applications/${id}/events`,
      headers: employer,
      payload: { state: 'interview' },
    })
    ids.push(id)
  }
  return ids
}

const hire = (id: number) =>
  t.app.inject({
    method: 'POST',
    url: `/api/applications/${id}/events`,
    headers: employer,
    payload: { state: 'hired' },
  })

describe('hiring under concurrency', () => {
  it('fills exactly the positions offered when more hires than positions arrive at once', async () => {
    const { id: vacancyId } = await publishVacancy(t.app, employer, { positions: 2 })
    const ids = await interviewAll(vacancyId)
    const results = await Promise.all(ids.map(hire))
    const statuses = results.map((r) => r.statusCode).sort()
    expect(statuses).toEqual([200, 200, 409, 409, 409, 409])
    for (const refused of results.filter((r) => r.statusCode === 409)) {
      expect(json(refused)).toMatchObject({ error: { message: `vacancy ${vacancyId} has all 2 positions filled` } })
    }
    const vacancy = await t.app.inject({ method: 'GET', url: `/api/vacancies/${vacancyId}`, headers: employer })
    expect(json(vacancy)).toMatchObject({ positions: 2, positionsFilled: 2, state: 'filled' })
    // A filled vacancy leaves public view and search.
    expect((await t.app.inject({ method: 'GET', url: `/api/vacancies/${vacancyId}` })).statusCode).toBe(404)

    // Exactly the hired applications are hired, and each queued one status event for the registry.
    const hired = results.flatMap((r, i) => (r.statusCode === 200 ? [ids[i] as number] : []))
    const { rows } = await sql<{ iin: string; event_type: string; payload: Record<string, unknown> }>`
      SELECT iin, event_type, payload FROM exchange.outbox WHERE (payload->>'vacancyId')::bigint = ${vacancyId} ORDER BY id`.execute(
      t.database.db,
    )
    expect(rows).toHaveLength(2)
    expect(rows.map((r) => r.payload.applicationId).sort()).toEqual([...hired].sort())
    expect(rows[0]).toMatchObject({
      event_type: 'registry.status_event',
      payload: { status: 'employed_contract', channel: 'exchange', vacancyId },
    })
    expect(seekers.map((s) => s.iin)).toEqual(expect.arrayContaining(rows.map((r) => r.iin)))
  })

  it('writes no outbox event when the hire is refused', async () => {
    const { id: vacancyId } = await publishVacancy(t.app, employer, { positions: 1 })
    const [first, second] = await interviewAll(vacancyId)
    expect((await hire(first as number)).statusCode).toBe(200)
    expect((await hire(second as number)).statusCode).toBe(409)
    const { rows } = await sql<{ n: number }>`
      SELECT count(*)::int AS n FROM exchange.outbox WHERE (payload->>'vacancyId')::bigint = ${vacancyId}`.execute(
      t.database.db,
    )
    expect(rows[0]?.n).toBe(1)
    const application = json<Application>(
      await t.app.inject({ method: 'GET', url: `/api/applications/${second}`, headers: employer }),
    )
    expect(application.state).toBe('interview')
  })
})
