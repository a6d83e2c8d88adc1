import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, json, loginAs, type TestApp } from '../../../tests/helpers/app.js'
import { DEMO_CITIZEN_IIN } from '../identity/index.js'
import type { NotificationList, SavedSearch } from './alert.schema.js'
import { runAlerts, startOfLocalDay } from './alert.service.js'
import { KOSTANAY_CITY, publishVacancy } from './exchange.testing.js'

let t: TestApp
let citizen: { cookie: string }
let employer: { cookie: string }

beforeAll(async () => {
  t = await createTestApp()
  citizen = await loginAs(t.app, 'citizen')
  employer = await loginAs(t.app, 'employer')
})
afterAll(() => t.close())

const saveSearch = async (params: Record<string, unknown>, frequency: 'instant' | 'daily', name = 'поиск') => {
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/me/saved-searches',
    headers: citizen,
    payload: { name, params, frequency },
  })
  if (res.statusCode !== 201) throw new Error(res.body)
  return json<SavedSearch>(res)
}

/** Every vacancy id alerted for the saved search, once per time it appeared in a notification. */
async function alerted(savedSearchId: number): Promise<number[]> {
  const list = json<NotificationList>(
    await t.app.inject({ method: 'GET', url: '/api/me/notifications?limit=200', headers: citizen }),
  )
  return list.items
    .filter((n) => n.kind === 'saved_search.match' && n.payload.savedSearchId === savedSearchId)
    .flatMap((n) => (n.payload.vacancies as { id: number }[]).map((v) => v.id))
    .sort((a, b) => a - b)
}

async function emailsFor(name: string): Promise<{ subject: string; body: string }[]> {
  const { rows } = await sql<{ subject: string; body: string }>`
    SELECT subject, body FROM exchange.email_outbox WHERE recipient_iin = ${DEMO_CITIZEN_IIN} AND subject LIKE ${`%"${name}"`}
    ORDER BY id`.execute(t.database.db)
  return rows
}

describe('the exchange-alerts job', () => {
  it('alerts each new matching vacancy exactly once, however often the job runs', async () => {
    const search = await saveSearch({ occupation: ['2512'], region: ['55'] }, 'instant', 'Разработчики')
    const a = await publishVacancy(t.app, employer, { occupationCode: '2512', title: 'Разработчик Go' })
    const b = await publishVacancy(t.app, employer, { occupationCode: '2512', title: 'Разработчик TypeScript' })
    // Not matching: another region, another occupation.
    await publishVacancy(t.app, employer, {
      occupationCode: '2512',
      title: 'Разработчик Java',
      katoCode: KOSTANAY_CITY,
    })
    await publishVacancy(t.app, employer, { occupationCode: '7411', title: 'Электромонтер 2512' })

    expect(await runAlerts(t.database.db)).toMatchObject({ notified: 1, vacancies: 2 })
    expect(await runAlerts(t.database.db)).toMatchObject({ notified: 0, vacancies: 0 })
    expect(await alerted(search.id)).toEqual([a.id, b.id])

    const c = await publishVacancy(t.app, employer, { occupationCode: '2512', title: 'Разработчик Rust' })
    await Promise.all([runAlerts(t.database.db), runAlerts(t.database.db)])
    await runAlerts(t.database.db)
    expect(await alerted(search.id)).toEqual([a.id, b.id, c.id])

    const emails = await emailsFor('Разработчики')
    expect(emails.map((e) => e.subject)).toEqual([
      '2 new vacancies for "Разработчики"',
      '1 new vacancy for "Разработчики"',
    ])
    expect(emails[1]?.body).toContain(
      `• Разработчик Rust — ТОО «Павлодар Энерго Сервис», 250000–350000 ₸ a month: /vacancies/${c.id}`,
    )
  })

  it('does not alert vacancies published before the search was saved, nor ones closed before the run', async () => {
    await publishVacancy(t.app, employer, { occupationCode: '2166', title: 'Дизайнер интерфейсов' })
    await sql`UPDATE exchange.vacancies SET published_at = now() - interval '1 hour' WHERE occupation_code = '2166'`.execute(
      t.database.db,
    )
    const search = await saveSearch({ occupation: ['2166'] }, 'instant')
    const closed = await publishVacancy(t.app, employer, { occupationCode: '2166', title: 'Дизайнер упаковки' })
    await t.app.inject({ method: 'POST', url: `/api/vacancies/${closed.id}/close`, headers: employer })
    await runAlerts(t.database.db)
    expect(await alerted(search.id)).toEqual([])
  })

  it('finds the words of a saved text search, and ignores typo-tolerant guesses', async () => {
    const search = await saveSearch({ q: 'сварщик', region: ['55'] }, 'instant')
    const welder = await publishVacancy(t.app, employer, {
      occupationCode: '7212',
      title: 'Сварщик ручной дуговой сварки',
    })
    await runAlerts(t.database.db)
    expect(await alerted(search.id)).toEqual([welder.id])
    const typo = await saveSearch({ q: 'сварщег', region: ['55'] }, 'instant')
    await publishVacancy(t.app, employer, { occupationCode: '7212', title: 'Сварщик аргонодуговой сварки' })
    await runAlerts(t.database.db)
    expect(await alerted(typo.id)).toEqual([])
  })

  it('sends a daily search once a day, after local midnight, as one digest', async () => {
    const search = await saveSearch({ occupation: ['5120'] }, 'daily', 'Повара')
    const soup = await publishVacancy(t.app, employer, { occupationCode: '5120', title: 'Повар горячего цеха' })
    const pastry = await publishVacancy(t.app, employer, { occupationCode: '5120', title: 'Повар-кондитер' })
    // Saved today: not due until tomorrow.
    await runAlerts(t.database.db)
    expect(await alerted(search.id)).toEqual([])

    const tomorrow = new Date(startOfLocalDay(new Date()).getTime() + 86_400_000 + 30 * 60_000)
    expect(await runAlerts(t.database.db, tomorrow)).toMatchObject({ notified: 1, vacancies: 2 })
    expect(await alerted(search.id)).toEqual([soup.id, pastry.id].sort((x, y) => x - y))
    // Later the same day: already sent.
    await runAlerts(t.database.db, new Date(tomorrow.getTime() + 6 * 3_600_000))
    expect(await alerted(search.id)).toEqual([soup.id, pastry.id].sort((x, y) => x - y))
    expect((await emailsFor('Повара')).map((e) => e.subject)).toEqual(['2 new vacancies for "Повара"'])
  })

  it('starts the local day at midnight in Kazakhstan (UTC+5)', () => {
    expect(startOfLocalDay(new Date('2026-03-01T18:59:00Z')).toISOString()).toBe('2026-02-28T19:00:00.000Z')
    expect(startOfLocalDay(new Date('2026-03-01T19:00:00Z')).toISOString()).toBe('2026-03-01T19:00:00.000Z')
  })
})
