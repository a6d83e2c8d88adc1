import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, json, loginAs, type TestApp } from '../../../tests/helpers/app.js'
import { createVacancy, publishVacancy } from './exchange.testing.js'
import type { FeedItem, FeedPage } from './feed.schema.js'

let t: TestApp
let employer: { cookie: string }

beforeAll(async () => {
  t = await createTestApp()
  employer = await loginAs(t.app, 'employer')
})
afterAll(() => t.close())

const feed = async (query: string) => {
  const res = await t.app.inject({ method: 'GET', url: `/api/vacancies/feed${query}` })
  expect(res.statusCode).toBe(200)
  return json<FeedPage>(res)
}

/** Follows the cursors from a start to the end of the stream, as a consumer would. */
async function readAll(start: string, limit: number): Promise<{ items: FeedItem[]; pages: number; cursor: string }> {
  const items: FeedItem[] = []
  let page = await feed(`${start}${start.includes('?') ? '&' : '?'}limit=${limit}`)
  let pages = 1
  while (page.items.length > 0) {
    items.push(...page.items)
    page = await feed(`?cursor=${page.cursor}&limit=${limit}`)
    pages++
  }
  return { items, pages, cursor: page.cursor as string }
}

const edit = (id: number, payload: Record<string, unknown>) =>
  t.app.inject({ method: 'PATCH', url: `/api/vacancies/${id}`, headers: employer, payload })

describe('the open-data vacancy feed', () => {
  it('streams published, changed and removed vacancies in (updatedAt, id) order across pages, without drafts', async () => {
    const start = new Date().toISOString()
    const kept = await publishVacancy(t.app, employer, { title: 'Лента: без изменений' })
    const edited = await publishVacancy(t.app, employer, { title: 'Лента: изменённая' })
    const closed = await publishVacancy(t.app, employer, { title: 'Лента: закрытая' })
    const draft = await createVacancy(t.app, employer, { title: 'Лента: черновик' })
    expect((await edit(edited.id, { wageMax: 400_000 })).statusCode).toBe(200)
    await t.app.inject({ method: 'POST', url: `/api/vacancies/${closed.id}/close`, headers: employer })

    const { items, pages } = await readAll(`?updated_after=${start}`, 2)
    expect(pages).toBe(3)
    expect(items.map((i) => [i.id, i.change, i.state])).toEqual([
      [kept.id, 'published', 'published'],
      [edited.id, 'changed', 'published'],
      [closed.id, 'removed', 'closed'],
    ])
    expect(items.some((i) => i.id === draft.id)).toBe(false)
    expect(items[0]?.vacancy).toMatchObject({ id: kept.id, title: 'Лента: без изменений', wageMin: 250_000 })
    expect(items[1]?.vacancy).toMatchObject({ wageMax: 400_000 })
    expect(items[2]?.vacancy).toBeNull()
    const order = items.map((i) => [i.updatedAt, i.id] as const)
    expect([...order].sort((a, b) => (a[0] === b[0] ? a[1] - b[1] : a[0] < b[0] ? -1 : 1))).toEqual(order)
  })

  it('answers an empty page with the same position to poll again, and later brings only what changed', async () => {
    const { cursor } = await readAll('', 100)
    const empty = await feed(`?cursor=${cursor}`)
    expect(empty).toEqual({ items: [], cursor, next: `/api/vacancies/feed?cursor=${cursor}&limit=100` })

    const fresh = await publishVacancy(t.app, employer, { title: 'Лента: новая' })
    const page = await feed(`?cursor=${cursor}`)
    expect(page.items.map((i) => [i.id, i.change])).toEqual([[fresh.id, 'published']])
  })

  it('reports a filled vacancy and one past its window (before the expiry job ran) as removed', async () => {
    const { cursor } = await readAll('', 100)
    const late = await publishVacancy(t.app, employer, { title: 'Лента: окно закончилось' })
    await sql`UPDATE exchange.vacancies SET expires_at = now() - interval '1 minute', updated_at = now() WHERE id = ${late.id}`.execute(
      t.database.db,
    )
    const page = await feed(`?cursor=${cursor}`)
    expect(page.items.map((i) => [i.id, i.change, i.state, i.vacancy])).toEqual([[late.id, 'removed', 'expired', null]])
  })

  it('never skips a change whose transaction commits after a later one', async () => {
    const slow = await publishVacancy(t.app, employer, { title: 'Лента: медленная транзакция' })
    const { cursor } = await readAll('', 100)
    const client = await t.database.pool.connect()
    try {
      await client.query('BEGIN')
      await client.query('UPDATE exchange.vacancies SET positions = 5, updated_at = now() WHERE id = $1', [slow.id])
      // Committed while the slow transaction is open, with a later updated_at.
      const quick = await publishVacancy(t.app, employer, { title: 'Лента: быстрая' })
      const during = await feed(`?cursor=${cursor}`)
      expect(during.items).toEqual([])
      await client.query('COMMIT')
      const after = await feed(`?cursor=${cursor}`)
      expect(after.items.map((i) => i.id)).toEqual([slow.id, quick.id])
    } finally {
      client.release()
    }
  })

  it('refuses a cursor it did not issue and a bad limit or date', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/vacancies/feed?cursor=bm90LWEtY3Vyc29y' })
    expect(res.statusCode).toBe(400)
    expect(json(res)).toMatchObject({ error: { message: 'cursor bm90LWEtY3Vyc29y is not one this feed issued' } })
    expect((await t.app.inject({ method: 'GET', url: '/api/vacancies/feed?limit=0' })).statusCode).toBe(400)
    expect((await t.app.inject({ method: 'GET', url: '/api/vacancies/feed?updated_after=yesterday' })).statusCode).toBe(
      400,
    )
  })
})
