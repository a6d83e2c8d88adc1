import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, json, loginAs, type TestApp } from '../../../tests/helpers/app.js'
import { publishVacancy } from '../exchange/exchange.testing.js'
import { DEMO_EMPLOYER_BIN } from '../identity/index.js'
import { recountProjectCounts, thisYear } from './project.service.js'

type Session = { cookie: string }
type RegionRow = {
  regionCode: string
  projects: number
  inTender: number
  plannedPermanent: number
  plannedTemporary: number
  vacancies: number
  hires: number
  createdPermanent: number
  createdTemporary: number
  created: number
}
type Drill = {
  total: number
  offset: number
  limit: number
  countedAt: string | null
  projects: {
    id: number
    vacancies: number
    created: number
    vacancyList: { vacancyId: number; applications: number }[]
  }[]
}

let t: TestApp
let admin: Session
let analyst: Session
let employer: Session
let citizen: Session
let programmeId: number
const year = thisYear()

async function createProject(regionCode: string, title: string) {
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/projects',
    headers: admin,
    payload: {
      programmeId,
      title,
      regionCode,
      sector: 'energy',
      investment: 1_000_000_000,
      tenderState: 'under_way',
      contractorBin: DEMO_EMPLOYER_BIN,
      startsOn: `${year}-01-01`,
      endsOn: `${year + 1}-12-31`,
      plannedJobs: [{ year, permanent: 10, temporary: 10 }],
    },
  })
  expect(res.statusCode, res.body).toBe(201)
  return json<{ id: number }>(res).id
}

const region = async (code: string) =>
  json<{ regions: RegionRow[] }>(await t.app.inject({ url: '/api/projects/map', headers: analyst })).regions.find(
    (r) => r.regionCode === code,
  )

async function link(projectId: number, vacancyId: number, method: 'POST' | 'DELETE') {
  const res = await t.app.inject(
    method === 'POST'
      ? { method, url: `/api/projects/${projectId}/vacancies`, headers: employer, payload: { vacancyId } }
      : { method, url: `/api/projects/${projectId}/vacancies/${vacancyId}`, headers: employer },
  )
  expect(res.statusCode, res.body).toBe(method === 'POST' ? 201 : 204)
}

async function apply(vacancyId: number) {
  const res = await t.app.inject({
    method: 'POST',
    url: `/api/vacancies/${vacancyId}/applications`,
    headers: citizen,
    payload: {},
  })
  expect(res.statusCode, res.body).toBe(201)
  return json<{ id: number }>(res).id
}

async function move(applicationId: number, who: Session, state: string) {
  const res = await t.app.inject({
    method: 'POST',
    url: `/api/applications/${applicationId}/events`,
    headers: who,
    payload: { state },
  })
  expect(res.statusCode, res.body).toBe(200)
}

beforeAll(async () => {
  t = await createTestApp()
  admin = await loginAs(t.app, 'admin')
  analyst = await loginAs(t.app, 'analyst')
  employer = await loginAs(t.app, 'employer')
  citizen = await loginAs(t.app, 'citizen')
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/projects/programmes',
    headers: admin,
    payload: { code: 'NP-COUNTS', name: 'Counts programme' },
  })
  programmeId = json<{ id: number }>(res).id
})
afterAll(() => t.close())

describe("the map's counts are kept from the exchange, never typed in", () => {
  let projectId: number
  let permanentVacancy: number
  let temporaryVacancy: number

  it('shows a link at once, a hire after the job runs, an unlink and a relink at once; a withdrawal moves no job count', async () => {
    projectId = await createProject('55', 'Павлодар ЖЭС')
    permanentVacancy = (await publishVacancy(t.app, employer, { positions: 3, employmentType: 'permanent' })).id
    temporaryVacancy = (await publishVacancy(t.app, employer, { positions: 2, employmentType: 'temporary' })).id
    expect(await region('55')).toMatchObject({ vacancies: 0, created: 0 })

    // Linking recounts the project in the link's own transaction: the vacancy is on the map at once.
    await link(projectId, permanentVacancy, 'POST')
    await link(projectId, temporaryVacancy, 'POST')
    expect(await region('55')).toMatchObject({ vacancies: 2, hires: 0, created: 0 })

    // A hire is the exchange's transaction; it reaches the map when the job recounts (each minute).
    const hired = await apply(permanentVacancy)
    await move(hired, employer, 'interview')
    await move(hired, employer, 'hired')
    expect(await region('55')).toMatchObject({ hires: 0, created: 0 })
    expect(await recountProjectCounts(t.database.db)).toBeGreaterThan(0)
    expect(await region('55')).toMatchObject({ vacancies: 2, hires: 1, createdPermanent: 1, createdTemporary: 0 })
    // Nothing changed since: the next run writes nothing.
    expect(await recountProjectCounts(t.database.db)).toBe(0)

    // A hire can never be undone in the exchange (hired is final); a withdrawn application was never a job.
    const withdrawn = await apply(temporaryVacancy)
    await move(withdrawn, citizen, 'withdrawn')
    await recountProjectCounts(t.database.db)
    expect(await region('55')).toMatchObject({ hires: 1, created: 1 })
    const drill = json<Drill>(await t.app.inject({ url: '/api/projects/map/regions/55', headers: analyst }))
    expect(drill.projects[0]?.vacancyList.map((v) => [v.vacancyId, v.applications])).toEqual([
      [permanentVacancy, 1],
      [temporaryVacancy, 1],
    ])

    // Unlinking the vacancy that had the hire takes the vacancy and its job off the map at once; relinking puts them back.
    await link(projectId, permanentVacancy, 'DELETE')
    expect(await region('55')).toMatchObject({ vacancies: 1, hires: 0, created: 0 })
    await link(projectId, permanentVacancy, 'POST')
    expect(await region('55')).toMatchObject({ vacancies: 2, hires: 1, createdPermanent: 1 })
  })

  it("after the job, every stored count equals a count made now from the exchange's published views", async () => {
    const other = await createProject('39', 'Қостанай зауыты')
    const vacancy = (await publishVacancy(t.app, employer, { positions: 4, employmentType: 'shift' })).id
    await link(other, vacancy, 'POST')
    const application = await apply(vacancy)
    await move(application, employer, 'interview')
    await move(application, employer, 'hired')
    await recountProjectCounts(t.database.db)
    const db = t.database.db
    const live = await sql<Record<string, unknown>>`
      SELECT pv.project_id::int, count(*) FILTER (WHERE v.published_at IS NOT NULL)::int AS vacancies,
             coalesce(sum(v.positions) FILTER (WHERE v.published_at IS NOT NULL), 0)::int AS positions,
             coalesce(sum(v.hires), 0)::int AS hires
      FROM projects.project_vacancies pv JOIN exchange.vacancy_facts v ON v.vacancy_id = pv.vacancy_id
      GROUP BY 1 ORDER BY 1`.execute(db)
    const stored = await sql<Record<string, unknown>>`
      SELECT project_id::int, vacancies, positions, hires FROM projects.project_counts ORDER BY 1`.execute(db)
    expect(stored.rows).toEqual(live.rows)
    expect(stored.rows).toHaveLength(2)
    // The exchange's side of the link (vacancy_facts.project_id, what the search filter reads) counts the same.
    const byExchange = await sql<Record<string, unknown>>`
      SELECT v.project_id::int, count(*) FILTER (WHERE v.published_at IS NOT NULL)::int AS vacancies,
             coalesce(sum(v.positions) FILTER (WHERE v.published_at IS NOT NULL), 0)::int AS positions,
             coalesce(sum(v.hires), 0)::int AS hires
      FROM exchange.vacancy_facts v WHERE v.project_id IS NOT NULL
      GROUP BY 1 ORDER BY 1`.execute(db)
    expect(byExchange.rows).toEqual(stored.rows)
    const liveJobs = await sql<Record<string, unknown>>`
      SELECT pv.project_id::int, extract(year FROM a.state_at AT TIME ZONE INTERVAL '+05:00')::int AS year,
             count(*) FILTER (WHERE v.employment_type IN ('permanent', 'remote'))::int AS permanent,
             count(*) FILTER (WHERE v.employment_type NOT IN ('permanent', 'remote'))::int AS temporary
      FROM projects.project_vacancies pv JOIN exchange.vacancy_facts v ON v.vacancy_id = pv.vacancy_id
      JOIN exchange.application_facts a ON a.vacancy_id = pv.vacancy_id AND a.state = 'hired'
      GROUP BY 1, 2 ORDER BY 1, 2`.execute(db)
    const storedJobs = await sql<Record<string, unknown>>`
      SELECT project_id::int, year::int, permanent, temporary FROM projects.project_created_jobs ORDER BY 1, 2`.execute(
      db,
    )
    expect(storedJobs.rows).toEqual(liveJobs.rows)
    expect(storedJobs.rows).toEqual([
      { project_id: projectId, year, permanent: 1, temporary: 0 },
      { project_id: other, year, permanent: 0, temporary: 1 },
    ])
    expect(await region('39')).toMatchObject({ vacancies: 1, hires: 1, createdTemporary: 1 })
  })

  it('keeps the regional roll-up equal to a live aggregate when projects are created, moved and re-planned', async () => {
    const moved = await createProject('55', 'Көшетін жоба')
    expect(await region('55')).toMatchObject({ projects: 2 })
    const res = await t.app.inject({
      method: 'PATCH',
      url: `/api/projects/${moved}`,
      headers: admin,
      payload: { regionCode: '71', plannedJobs: [{ year, permanent: 7, temporary: 3 }] },
    })
    expect(res.statusCode, res.body).toBe(200)
    // The edit recounts both regions in its own transaction: the map shows the move at once.
    expect(await region('55')).toMatchObject({ projects: 1 })
    expect(await region('71')).toMatchObject({ projects: 1, plannedPermanent: 7, plannedTemporary: 3 })
    const live = await sql<Record<string, unknown>>`
      SELECT p.region_code, count(*)::int AS projects,
             count(*) FILTER (WHERE p.tender_state = 'in_tender')::int AS in_tender,
             coalesce(sum(j.permanent), 0)::int AS planned_permanent,
             coalesce(sum(j.temporary), 0)::int AS planned_temporary,
             coalesce(sum(c.vacancies), 0)::int AS vacancies, coalesce(sum(c.hires), 0)::int AS hires,
             coalesce(sum(cj.permanent), 0)::int AS created_permanent,
             coalesce(sum(cj.temporary), 0)::int AS created_temporary
      FROM projects.projects p
      LEFT JOIN projects.planned_jobs j ON j.project_id = p.id AND j.year = ${year}
      LEFT JOIN projects.project_counts c ON c.project_id = p.id
      LEFT JOIN projects.project_created_jobs cj ON cj.project_id = p.id AND cj.year = ${year}
      GROUP BY 1 ORDER BY 1`.execute(t.database.db)
    const map = json<{ regions: RegionRow[] }>(await t.app.inject({ url: '/api/projects/map', headers: analyst }))
    expect(
      map.regions
        .filter((r) => r.projects > 0)
        .map((r) => ({
          region_code: r.regionCode,
          projects: r.projects,
          in_tender: r.inTender,
          planned_permanent: r.plannedPermanent,
          planned_temporary: r.plannedTemporary,
          vacancies: r.vacancies,
          hires: r.hires,
          created_permanent: r.createdPermanent,
          created_temporary: r.createdTemporary,
        })),
    ).toEqual(live.rows)
    expect(live.rows.map((r) => r.region_code)).toEqual(['39', '55', '71'])
  })

  it('pages the drill-down and says when it was counted; the download holds every project', async () => {
    const ids = [projectId]
    for (const title of ['Екібастұз 2', 'Екібастұз 3', 'Екібастұз 4', 'Екібастұз 5']) {
      ids.push(await createProject('55', title))
    }
    const page = (query: string) =>
      t.app.inject({ url: `/api/projects/map/regions/55${query}`, headers: analyst }).then((r) => json<Drill>(r))
    const first = await page('?limit=2')
    expect(first).toMatchObject({ total: 5, offset: 0, limit: 2 })
    expect(first.countedAt).not.toBeNull()
    expect(first.projects.map((p) => p.id)).toEqual(ids.slice(0, 2))
    expect(first.projects[0]?.vacancyList).toHaveLength(2)
    const last = await page('?limit=2&offset=4')
    expect(last.projects.map((p) => p.id)).toEqual(ids.slice(4))
    expect((await page('')).limit).toBe(25)
    const unknown = await t.app.inject({ url: '/api/projects/map/regions/98', headers: analyst })
    expect(unknown.statusCode).toBe(404)
    expect(unknown.body).toContain('region 98 is not a known region')
    const tooMany = await t.app.inject({ url: '/api/projects/map/regions/55?limit=1000', headers: analyst })
    expect(tooMany.statusCode).toBe(400)
    const csv = await t.app.inject({ url: '/api/projects/map/regions/55?format=csv&limit=1', headers: analyst })
    expect(csv.body.replace('\uFEFF', '').trim().split('\r\n')).toHaveLength(1 + 5)
  })
})
