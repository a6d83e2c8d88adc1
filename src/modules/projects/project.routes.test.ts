import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, json, loginAs, type TestApp } from '../../../tests/helpers/app.js'
import { makeBin } from '../../shared/iin.js'
import { createEmployerAccount, publishVacancy } from '../exchange/exchange.testing.js'
import { DEMO_EMPLOYER_BIN } from '../identity/index.js'
import { recountLabourBalance } from './overview.service.js'
import { recountProjectCounts, thisYear } from './project.service.js'

type Session = { cookie: string }
type ErrorBody = { error: { code: string; message: string; details?: { field?: string } } }
type Project = { id: number; tenderState: string; contractorBin: string | null; plannedJobs: unknown[] }

let t: TestApp
let admin: Session
let manager: Session
let analyst: Session
let employer: Session
let citizen: Session
let officer: Session
let programmeId: number
const year = thisYear()

const payload = (overrides: Record<string, unknown> = {}) => ({
  programmeId,
  title: 'Қостанай астық терминалы',
  regionCode: '39',
  sector: 'agriculture',
  investment: 12_500_000_000,
  tenderState: 'contracted',
  contractorBin: DEMO_EMPLOYER_BIN,
  startsOn: `${year}-01-15`,
  endsOn: `${year + 1}-12-31`,
  plannedJobs: [{ year, permanent: 10, temporary: 30 }],
  ...overrides,
})
const create = (who: Session, body: Record<string, unknown>) =>
  t.app.inject({ method: 'POST', url: '/api/projects', headers: who, payload: body })
const countProjects = async () =>
  (await sql<{ n: number }>`SELECT count(*)::int AS n FROM projects.projects`.execute(t.database.db)).rows[0]?.n

beforeAll(async () => {
  t = await createTestApp()
  admin = await loginAs(t.app, 'admin')
  manager = await loginAs(t.app, 'manager')
  analyst = await loginAs(t.app, 'analyst')
  employer = await loginAs(t.app, 'employer')
  citizen = await loginAs(t.app, 'citizen')
  officer = await loginAs(t.app, 'officer')
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/projects/programmes',
    headers: admin,
    payload: { code: 'NP-TEST', name: 'Test national programme' },
  })
  expect(res.statusCode).toBe(201)
  programmeId = json<{ id: number }>(res).id
})
afterAll(() => t.close())

describe('bad input: each a specific error, nothing stored', () => {
  const refuse = async (body: Record<string, unknown>, field: string, message: RegExp) => {
    const before = await countProjects()
    const res = await create(manager, body)
    expect(res.statusCode, res.body).toBe(400)
    const error = json<ErrorBody>(res).error
    expect(error.code).toBe('invalid')
    expect(error.message).toMatch(message)
    expect(error.details?.field).toBe(field)
    expect(await countProjects()).toBe(before)
  }

  it('refuses planned jobs below zero, naming the row and the kind', async () => {
    await refuse(
      payload({
        plannedJobs: [
          { year, permanent: 5, temporary: 1 },
          { year: year + 1, permanent: -5, temporary: 0 },
        ],
      }),
      'plannedJobs[1].permanent',
      /plannedJobs\[1\]\.permanent is -5; planned jobs cannot be below zero/,
    )
  })

  it('refuses a contractor BIN that fails its checksum, and one that is not a registered organisation', async () => {
    const broken = `${DEMO_EMPLOYER_BIN.slice(0, 11)}${(Number(DEMO_EMPLOYER_BIN[11]) + 1) % 10}`
    await refuse(
      payload({ contractorBin: broken }),
      'contractorBin',
      /contractorBin: BIN \d{12} .*checksum|check digit/,
    )
    const unknown = makeBin('2001', 4, 0, 777) as string
    await refuse(
      payload({ contractorBin: unknown }),
      'contractorBin',
      new RegExp(`contractorBin ${unknown} is not a registered organisation`),
    )
  })

  it('refuses an unknown region, an unknown district and a district of another region', async () => {
    await refuse(payload({ regionCode: '98' }), 'regionCode', /regionCode 98 is not a known region/)
    await refuse(
      payload({ districtCode: '399999999' }),
      'districtCode',
      /districtCode 399999999 is not a known KATO unit/,
    )
    await refuse(payload({ districtCode: '551000000' }), 'districtCode', /is not a district of region 39/)
  })

  it('refuses dates that end before they start, and a planned year outside the dates', async () => {
    await refuse(
      payload({ startsOn: `${year}-06-01`, endsOn: `${year}-05-31` }),
      'endsOn',
      /endsOn .* is before startsOn .*; a project cannot end before it starts/,
    )
    await refuse(
      payload({ plannedJobs: [{ year: year + 5, permanent: 1, temporary: 1 }] }),
      'plannedJobs[0].year',
      /outside/,
    )
  })

  it('refuses a decided tender without a contractor', async () => {
    await refuse(payload({ contractorBin: null, tenderState: 'under_way' }), 'contractorBin', /needs a contractorBin/)
  })
})

describe('who edits and reads', () => {
  it("lets the manager create a project of their region, and refuses another region's", async () => {
    expect((await create(manager, payload())).statusCode).toBe(201)
    const other = await create(manager, payload({ regionCode: '35' }))
    expect(other.statusCode).toBe(403)
    expect(json<ErrorBody>(other).error.message).toMatch(/region 35 is outside your scope/)
    expect((await create(analyst, payload())).statusCode).toBe(403)
    expect((await create(officer, payload())).statusCode).toBe(403)
  })

  it("hides another region's project from the manager; analysts read nationally", async () => {
    const res = await create(admin, payload({ regionCode: '35', title: 'Қарағанды жобасы' }))
    expect(res.statusCode).toBe(201)
    const id = json<Project>(res).id
    expect((await t.app.inject({ url: `/api/projects/${id}`, headers: manager })).statusCode).toBe(404)
    expect((await t.app.inject({ url: `/api/projects/${id}`, headers: analyst })).statusCode).toBe(200)
    const list = json<{ items: { regionCode: string }[] }>(
      await t.app.inject({ url: '/api/projects', headers: manager }),
    )
    expect(list.items.every((p) => p.regionCode === '39')).toBe(true)
    expect((await t.app.inject({ url: '/api/projects?region=35', headers: manager })).statusCode).toBe(403)
    expect((await t.app.inject({ url: '/api/projects', headers: citizen })).statusCode).toBe(403)
  })

  it('refuses an edit that would make planned jobs negative, and keeps the old plan', async () => {
    const id = json<Project>(await create(manager, payload())).id
    const res = await t.app.inject({
      method: 'PATCH',
      url: `/api/projects/${id}`,
      headers: manager,
      payload: { plannedJobs: [{ year, permanent: -1, temporary: 0 }] },
    })
    expect(res.statusCode).toBe(400)
    const after = json<Project>(await t.app.inject({ url: `/api/projects/${id}`, headers: manager }))
    expect(after.plannedJobs).toEqual([{ year, permanent: 10, temporary: 30 }])
  })
})

describe('jobs are counted from the exchange', () => {
  let projectId: number
  let vacancyId: number

  beforeAll(async () => {
    const res = await create(
      admin,
      payload({ regionCode: '55', title: 'Екібастұз жобасы', plannedJobs: [{ year, permanent: 4, temporary: 6 }] }),
    )
    projectId = json<Project>(res).id
    vacancyId = (await publishVacancy(t.app, employer, { positions: 2, occupationCode: '7411' })).id
  })

  it("refuses a vacancy of another employer, and any attach by someone who is not the project's contractor", async () => {
    const otherBin = makeBin('1907', 4, 0, 4242) as string
    const other = await createEmployerAccount(t.app, t.database.db, {
      login: 'other-employer',
      bin: otherBin,
      name: 'ТОО «Другой»',
      regionCode: '55',
    })
    const foreign = await publishVacancy(t.app, other)
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/projects/${projectId}/vacancies`,
      headers: employer,
      payload: { vacancyId: foreign.id },
    })
    expect(res.statusCode).toBe(400)
    expect(json<ErrorBody>(res).error.message).toBe(
      `vacancy ${foreign.id} belongs to another employer (BIN ${otherBin}); only the contractor's own vacancies count for project ${projectId}`,
    )
    const byOther = await t.app.inject({
      method: 'POST',
      url: `/api/projects/${projectId}/vacancies`,
      headers: other,
      payload: { vacancyId: foreign.id },
    })
    expect(byOther.statusCode).toBe(403)
    const { rows } = await sql<{ n: number }>`SELECT count(*)::int AS n FROM projects.project_vacancies`.execute(
      t.database.db,
    )
    expect(rows[0]?.n).toBe(0)
  })

  it('counts posted vacancies, applications and hires on the map and in the drill-down', async () => {
    const attach = await t.app.inject({
      method: 'POST',
      url: `/api/projects/${projectId}/vacancies`,
      headers: employer,
      payload: { vacancyId },
    })
    expect(attach.statusCode, attach.body).toBe(201)
    const before = json<{ regions: { regionCode: string; created: number; planned: number }[] }>(
      await t.app.inject({ url: '/api/projects/map', headers: analyst }),
    )
    const pavlodarBefore = before.regions.find((r) => r.regionCode === '55')
    expect(pavlodarBefore).toMatchObject({ planned: 10, created: 0 })

    const applied = await t.app.inject({
      method: 'POST',
      url: `/api/vacancies/${vacancyId}/applications`,
      headers: citizen,
      payload: {},
    })
    expect(applied.statusCode, applied.body).toBe(201)
    const applicationId = json<{ id: number }>(applied).id
    for (const state of ['interview', 'hired']) {
      const moved = await t.app.inject({
        method: 'POST',
        url: `/api/applications/${applicationId}/events`,
        headers: employer,
        payload: { state },
      })
      expect(moved.statusCode, moved.body).toBe(200)
    }
    // Hires reach the map through the job that recounts every project each minute; run it as the worker would.
    await recountProjectCounts(t.database.db)

    const map = json<{ regions: { regionCode: string }[]; total: { created: number } }>(
      await t.app.inject({ url: '/api/projects/map', headers: analyst }),
    )
    expect(map.regions.find((r) => r.regionCode === '55')).toMatchObject({
      projects: 1,
      planned: 10,
      vacancies: 1,
      hires: 1,
      createdPermanent: 1,
      createdTemporary: 0,
      created: 1,
      percent: 10,
    })
    expect(map.total.created).toBe(1)

    const drill = json<{ projects: { id: number; vacancyList: unknown[] }[] }>(
      await t.app.inject({ url: '/api/projects/map/regions/55', headers: analyst }),
    )
    const project = drill.projects.find((p) => p.id === projectId)
    expect(project).toMatchObject({ vacancies: 1, positions: 2, hires: 1, createdPermanent: 1 })
    expect(project?.vacancyList).toEqual([
      expect.objectContaining({ vacancyId, applications: 1, hires: 1, positions: 2, state: 'published' }),
    ])
  })

  it('lists projects in tender without a contractor, and projects whose contractor posted no vacancies', async () => {
    const inTender = json<Project>(
      await create(manager, payload({ title: 'Рудный су құбыры', tenderState: 'in_tender', contractorBin: null })),
    )
    const tender = json<{ items: { id: number }[] }>(
      await t.app.inject({ url: '/api/projects?action=needs_contractor', headers: analyst }),
    )
    expect(tender.items.map((p) => p.id)).toEqual([inTender.id])
    const idle = json<{ items: { id: number; vacancies: number }[] }>(
      await t.app.inject({ url: '/api/projects?action=no_vacancies', headers: analyst }),
    )
    expect(idle.items.length).toBeGreaterThan(0)
    expect(idle.items.map((p) => p.id)).not.toContain(projectId)
    expect(idle.items.map((p) => p.id)).not.toContain(inTender.id)
    expect(idle.items.every((p) => p.vacancies === 0)).toBe(true)
  })

  it('downloads the map, the project list and the vacancies as CSV and XLSX', async () => {
    const csv = await t.app.inject({ url: '/api/projects/map?format=csv', headers: analyst })
    expect(csv.headers['content-type']).toMatch(/text\/csv/)
    expect(csv.headers['content-disposition']).toBe(`attachment; filename="job-map-${year}.csv"`)
    const lines = csv.body.replace('\uFEFF', '').split('\r\n')
    expect(lines[0]).toMatch(/^Region,Projects,In tender,/)
    expect(lines.find((l) => l.startsWith('55,'))).toMatch(/^55,1,0,4,6,10,1,1,1,0,1,10$/)
    const xlsx = await t.app.inject({ url: '/api/projects?format=xlsx', headers: analyst })
    expect(xlsx.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
    expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe('PK')
    const vacancies = await t.app.inject({ url: `/api/projects/${projectId}/vacancies?format=csv`, headers: analyst })
    expect(vacancies.body).toContain(`${projectId},${vacancyId},`)
    expect((await t.app.inject({ url: '/api/projects?format=pdf', headers: analyst })).statusCode).toBe(400)
  })

  it('shows the national overview and the labour-market balance with youth apart, to analysts only', async () => {
    const profile = await t.app.inject({
      method: 'PUT',
      url: '/api/me/profile',
      headers: citizen,
      payload: { desiredOccupations: ['7411', '5223'], regionCode: '55', visibility: 'officers' },
    })
    expect(profile.statusCode, profile.body).toBe(200)
    await recountLabourBalance(t.database.db)
    const overview = await t.app.inject({ url: '/api/overview', headers: analyst })
    expect(overview.statusCode, overview.body).toBe(200)
    const body = json<{
      registry: { total: { people: number } }
      exchange: { total: { hires: number; applications: number } }
      fairs: { fairs: number }
      projects: { total: { created: number } }
    }>(overview)
    expect(body.exchange.total).toMatchObject({ applications: 1, hires: 1 })
    expect(body.projects.total.created).toBe(1)
    expect(body.registry.total.people).toBeGreaterThan(0)
    expect((await t.app.inject({ url: '/api/overview', headers: manager })).statusCode).toBe(403)
    expect((await t.app.inject({ url: '/api/overview?format=csv', headers: analyst })).body).toMatch(
      /^\uFEFFRegion,People/,
    )

    const balance = json<{
      regions: {
        regionCode: string
        scarcest: { occupationCode: string }[]
        oversupplied: { occupationCode: string; youthSeekers: number }[]
      }[]
      items: {
        regionCode: string
        occupationCode: string
        openPositions: number
        seekers: number
        youthSeekers: number
      }[]
    }>(await t.app.inject({ url: '/api/overview/labour-balance?region=55', headers: analyst }))
    // The citizen (born 1998) is one young seeker for 7411 and 5223; 7411 has 2 positions, one filled.
    const electricians = balance.items.filter((i) => i.occupationCode === '7411')
    expect(electricians).toEqual([expect.objectContaining({ regionCode: '55', seekers: 1, youthSeekers: 1 })])
    const pavlodar = balance.regions.find((r) => r.regionCode === '55')
    expect(pavlodar?.oversupplied).toEqual([expect.objectContaining({ occupationCode: '5223', youthSeekers: 1 })])
    expect((await t.app.inject({ url: '/api/overview/labour-balance', headers: manager })).statusCode).toBe(403)
  })
})
