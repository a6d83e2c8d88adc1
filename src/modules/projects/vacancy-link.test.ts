import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, json, loginAs, type TestApp } from '../../../tests/helpers/app.js'
import { makeBin } from '../../shared/iin.js'
import { createEmployerAccount, createVacancy, publishVacancy } from '../exchange/exchange.testing.js'
import type { FeedPage } from '../exchange/feed.schema.js'
import type { SearchQuery, SearchResult } from '../exchange/search.schema.js'
import { searchVacancies } from '../exchange/search.service.js'
import { SearchIndex } from '../exchange/search-index.service.js'
import { DEMO_EMPLOYER_BIN } from '../identity/index.js'
import { thisYear } from './project.service.js'

// One truth for a vacancy's project (migration 0022): the projects module's link, copied into the exchange in the
// link's transaction, so the search filter `project`, the vacancy, the feed and the projects' counts agree.

type Session = { cookie: string }
type ErrorBody = { error: { code: string; message: string; details?: { field?: string } } }

let t: TestApp
let admin: Session
let employer: Session
let programmeId: number
const year = thisYear()

async function createProject(title: string, contractorBin: string = DEMO_EMPLOYER_BIN) {
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/projects',
    headers: admin,
    payload: {
      programmeId,
      title,
      regionCode: '55',
      sector: 'energy',
      investment: 1_000_000_000,
      tenderState: 'under_way',
      contractorBin,
      startsOn: `${year}-01-01`,
      endsOn: `${year + 1}-12-31`,
      plannedJobs: [{ year, permanent: 10, temporary: 10 }],
    },
  })
  expect(res.statusCode, res.body).toBe(201)
  return json<{ id: number }>(res).id
}

const attach = (projectId: number, vacancyId: number, who: Session = employer) =>
  t.app.inject({ method: 'POST', url: `/api/projects/${projectId}/vacancies`, headers: who, payload: { vacancyId } })
const detach = (projectId: number, vacancyId: number) =>
  t.app.inject({ method: 'DELETE', url: `/api/projects/${projectId}/vacancies/${vacancyId}`, headers: employer })

/** The app's own search index has loaded once it answers; until then PostgreSQL does. */
async function waitForIndex() {
  for (let i = 0; i < 200; i++) {
    if ((await t.app.inject({ url: '/api/vacancies' })).headers['x-search-engine'] === 'index') return
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
  throw new Error('the search index did not load')
}

/** The ids `project=<id>` finds through the route (the index), PostgreSQL alone, and a freshly loaded index. */
async function foundByProject(projectId: number) {
  const res = await t.app.inject({ url: `/api/vacancies?project=${projectId}` })
  expect(res.headers['x-search-engine']).toBe('index')
  const query = { page: 1, page_size: 20, sort: 'date', project: projectId } as SearchQuery
  const fresh = new SearchIndex(t.database.db, { sweepMs: 0 })
  await fresh.start()
  const ids = (r: SearchResult) => r.items.map((i) => i.id).sort((a, b) => a - b)
  const found = {
    index: ids(json<SearchResult>(res)),
    sql: ids(await searchVacancies(t.database.db, query)),
    freshIndex: ids(await searchVacancies(t.database.db, query, fresh)),
  }
  fresh.stop()
  return found
}

const feed = async (cursor: string) =>
  json<FeedPage>(await t.app.inject({ url: `/api/vacancies/feed?cursor=${cursor}&limit=100` }))
const feedEnd = async () => {
  let page = json<FeedPage>(await t.app.inject({ url: '/api/vacancies/feed?limit=1000' }))
  while (page.items.length > 0) page = await feed(page.cursor as string)
  return page.cursor as string
}

beforeAll(async () => {
  t = await createTestApp()
  admin = await loginAs(t.app, 'admin')
  employer = await loginAs(t.app, 'employer')
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/projects/programmes',
    headers: admin,
    payload: { code: 'NP-LINK', name: 'Link programme' },
  })
  programmeId = json<{ id: number }>(res).id
  await waitForIndex()
})
afterAll(() => t.close())

describe("a vacancy's project is the projects module's link, everywhere", () => {
  it('is found by the search filter project once attached, shows on the vacancy and in the feed, and leaves on detach', async () => {
    const projectId = await createProject('Павлодар: линия электропередачи')
    const vacancy = await publishVacancy(t.app, employer, { title: 'Монтажник ЛЭП' })
    const other = await publishVacancy(t.app, employer, { title: 'Монтажник подстанции' })
    expect(await foundByProject(projectId)).toEqual({ index: [], sql: [], freshIndex: [] })
    const cursor = await feedEnd()

    expect((await attach(projectId, vacancy.id)).statusCode).toBe(201)
    expect(await foundByProject(projectId)).toEqual({
      index: [vacancy.id],
      sql: [vacancy.id],
      freshIndex: [vacancy.id],
    })
    const page = json<{ projectId: number | null }>(await t.app.inject({ url: `/api/vacancies/${vacancy.id}` }))
    expect(page.projectId).toBe(projectId)
    const changed = await feed(cursor)
    expect(changed.items.map((i) => [i.id, i.change, i.vacancy?.projectId])).toEqual([
      [vacancy.id, 'changed', projectId],
    ])
    // The projects' counts read the same link.
    const detail = json<{ vacancies: number; vacancyList: { vacancyId: number }[] }>(
      await t.app.inject({ url: `/api/projects/${projectId}`, headers: employer }),
    )
    expect(detail.vacancies).toBe(1)
    expect(detail.vacancyList.map((v) => v.vacancyId)).toEqual([vacancy.id])

    // Attaching again changes nothing, so nothing new reaches the feed.
    expect((await attach(projectId, vacancy.id)).statusCode).toBe(201)
    expect((await feed(changed.cursor as string)).items).toEqual([])

    expect((await detach(projectId, vacancy.id)).statusCode).toBe(204)
    expect(await foundByProject(projectId)).toEqual({ index: [], sql: [], freshIndex: [] })
    const unlinked = await feed(changed.cursor as string)
    expect(unlinked.items.map((i) => [i.id, i.change, i.vacancy?.projectId])).toEqual([[vacancy.id, 'changed', null]])
    expect(
      json<{ projectId: number | null }>(await t.app.inject({ url: `/api/vacancies/${vacancy.id}` })).projectId,
    ).toBeNull()
    expect(
      json<{ vacancies: number }>(await t.app.inject({ url: `/api/projects/${projectId}`, headers: employer })),
    ).toMatchObject({
      vacancies: 0,
    })
    // The other vacancy was never touched.
    expect(
      json<{ projectId: number | null }>(await t.app.inject({ url: `/api/vacancies/${other.id}` })).projectId,
    ).toBeNull()
  })

  it('refuses projectId in the vacancy API, on create and on edit, naming the projects endpoint', async () => {
    const projectId = await createProject('Павлодар: подстанция')
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/vacancies',
      headers: employer,
      payload: {
        title: 'Электрик',
        occupationCode: '7411',
        description: 'Монтаж.',
        wageMin: 200_000,
        wageMax: 300_000,
        employmentType: 'permanent',
        katoCode: '551010000',
        positions: 1,
        projectId,
      },
    })
    expect(created.statusCode).toBe(400)
    expect(json<ErrorBody>(created).error).toMatchObject({
      code: 'invalid',
      message:
        "projectId cannot be set on a vacancy; the project's contractor attaches it with POST /api/projects/{id}/vacancies",
      details: { field: 'projectId' },
    })
    const vacancy = await createVacancy(t.app, employer)
    for (const value of [projectId, 999_999, null]) {
      const edited = await t.app.inject({
        method: 'PATCH',
        url: `/api/vacancies/${vacancy.id}`,
        headers: employer,
        payload: { projectId: value },
      })
      expect(edited.statusCode).toBe(400)
      expect(json<ErrorBody>(edited).error.details?.field).toBe('projectId')
    }
    const { rows } = await sql<{ project_id: number | null }>`
      SELECT project_id FROM exchange.vacancies WHERE id = ${vacancy.id}`.execute(t.database.db)
    expect(rows[0]?.project_id).toBeNull()
  })

  it("refuses an employer who is not the project's contractor, leaving the vacancy without a project", async () => {
    const otherBin = makeBin('1907', 4, 0, 5151) as string
    const other = await createEmployerAccount(t.app, t.database.db, {
      login: 'link-other',
      bin: otherBin,
      name: 'ТОО «Чужой подрядчик»',
      regionCode: '55',
    })
    const foreignProject = await createProject('Павлодар: чужой проект', otherBin)
    const vacancy = await publishVacancy(t.app, employer, { title: 'Сварщик' })
    expect((await attach(foreignProject, vacancy.id)).statusCode).toBe(403)
    expect((await attach(foreignProject, vacancy.id, other)).statusCode).toBe(400)
    expect(await foundByProject(foreignProject)).toEqual({ index: [], sql: [], freshIndex: [] })
  })

  it('refuses, at commit, a link written without the exchange knowing', async () => {
    const projectId = await createProject('Павлодар: мимо правил')
    const vacancy = await publishVacancy(t.app, employer, { title: 'Бетонщик' })
    await expect(
      t.database.db.transaction().execute(async (trx) => {
        await sql`INSERT INTO projects.project_vacancies (vacancy_id, project_id, linked_by)
          VALUES (${vacancy.id}, ${projectId}, 1)`.execute(trx)
      }),
    ).rejects.toThrow(`vacancy ${vacancy.id} is attached to project ${projectId}`)
    const { rows } = await sql<{ n: number }>`
      SELECT count(*)::int AS n FROM projects.project_vacancies WHERE vacancy_id = ${vacancy.id}`.execute(t.database.db)
    expect(rows[0]?.n).toBe(0)
  })
})

describe('migration 0022 brings existing data into agreement', () => {
  it('adopts a project_id its rule allows, copies links into the exchange, clears the rest, and recounts', async () => {
    const own = await createProject('Павлодар: свой проект')
    const linkedTo = await createProject('Павлодар: связанный проект')
    const foreignBin = makeBin('1907', 4, 0, 6161) as string
    await createEmployerAccount(t.app, t.database.db, {
      login: 'link-foreign',
      bin: foreignBin,
      name: 'ТОО «Другой подрядчик»',
      regionCode: '55',
    })
    const foreign = await createProject('Павлодар: проект другого', foreignBin)
    const adopted = await publishVacancy(t.app, employer, { title: 'Стропальщик' })
    const linked = await publishVacancy(t.app, employer, { title: 'Крановщик' })
    const typedForeign = await publishVacancy(t.app, employer, { title: 'Геодезист' })
    const typedUnknown = await publishVacancy(t.app, employer, { title: 'Прораб' })
    expect((await attach(linkedTo, linked.id)).statusCode).toBe(201)

    // The state before 0022: the numbers employers typed (an edit, so updated_at moves), and a link the exchange
    // does not show.
    const db = t.database.db
    await sql`DROP TRIGGER project_vacancies_agree_with_exchange ON projects.project_vacancies`.execute(db)
    await sql`UPDATE exchange.vacancies SET project_id = CASE id
        WHEN ${adopted.id} THEN ${own} WHEN ${linked.id} THEN ${own} WHEN ${typedForeign.id} THEN ${foreign}
        ELSE 987654 END, updated_at = now()
      WHERE id IN (${adopted.id}, ${linked.id}, ${typedForeign.id}, ${typedUnknown.id})`.execute(db)
    // As text: a JS Date would drop the microseconds.
    const before = await sql<{ at: string }>`SELECT max(updated_at)::text AS at FROM exchange.vacancies`.execute(db)

    const migration = await readFile(
      path.join(import.meta.dirname, '../../db/migrations/0022_project_vacancy_link.sql'),
      'utf8',
    )
    await db.transaction().execute((trx) => sql.raw(migration).execute(trx))

    const { rows } = await sql<{ id: number; project_id: number | null; linked: number | null; bumped: boolean }>`
      SELECT v.id::int, v.project_id::int, pv.project_id::int AS linked, v.updated_at > ${before.rows[0]?.at}::timestamptz AS bumped
      FROM exchange.vacancies v LEFT JOIN projects.project_vacancies pv ON pv.vacancy_id = v.id
      WHERE v.id IN (${adopted.id}, ${linked.id}, ${typedForeign.id}, ${typedUnknown.id}) ORDER BY v.id`.execute(db)
    expect(rows).toEqual([
      { id: adopted.id, project_id: own, linked: own, bumped: false },
      { id: linked.id, project_id: linkedTo, linked: linkedTo, bumped: true },
      { id: typedForeign.id, project_id: null, linked: null, bumped: true },
      { id: typedUnknown.id, project_id: null, linked: null, bumped: true },
    ])
    const { rows: adoptedLink } = await sql<{ linked_by: number | null }>`
      SELECT linked_by FROM projects.project_vacancies WHERE vacancy_id = ${adopted.id}`.execute(db)
    expect(adoptedLink).toEqual([{ linked_by: null }])
    expect(await foundByProject(own)).toEqual({ index: [adopted.id], sql: [adopted.id], freshIndex: [adopted.id] })
    expect(
      json<{ vacancies: number }>(await t.app.inject({ url: `/api/projects/${own}`, headers: employer })).vacancies,
    ).toBe(1)
    // No vacancy anywhere is left apart from its link, and the guard is back.
    const { rows: apart } = await sql<{ n: number }>`
      SELECT count(*)::int AS n FROM exchange.vacancy_facts v
      FULL JOIN projects.project_vacancies pv ON pv.vacancy_id = v.vacancy_id
      WHERE v.project_id IS DISTINCT FROM pv.project_id`.execute(db)
    expect(apart[0]?.n).toBe(0)
    const { rows: guard } = await sql<{ n: number }>`
      SELECT count(*)::int AS n FROM pg_trigger WHERE tgname = 'project_vacancies_agree_with_exchange'`.execute(db)
    expect(guard[0]?.n).toBe(1)
  })
})
