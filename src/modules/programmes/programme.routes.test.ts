import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, json, loginAs, type TestApp } from '../../../tests/helpers/app.js'
import { relayProgrammesOutbox } from '../../jobs.js'
import { submitEvents } from '../registry/index.js'
import { followUpCompletions } from './programme.service.js'
import { newPerson, PURPOSE } from './programmes.testing.js'

let t: TestApp
let officer: { cookie: string }
let officer2: { cookie: string }
let manager: { cookie: string }
let analyst: { cookie: string }

beforeAll(async () => {
  t = await createTestApp()
  ;[officer, officer2, manager, analyst] = await Promise.all([
    loginAs(t.app, 'officer'),
    loginAs(t.app, 'officer2'),
    loginAs(t.app, 'manager'),
    loginAs(t.app, 'analyst'),
  ])
})
afterAll(() => t.close())

const setPlan = (programme: string, places: number, budget: number, year = 2026, region = '39', who = manager) =>
  t.app.inject({
    method: 'PUT',
    url: `/api/programmes/plans/${region}/${year}/${programme}`,
    headers: who,
    payload: { places, budget },
  })
const propose = (iin: string, programme: string, startDate = '2026-03-01', who = officer) =>
  t.app.inject({
    method: 'POST',
    url: '/api/programmes/enrolments',
    headers: who,
    payload: { iin, programme, startDate, purpose: PURPOSE },
  })
const act = (id: number, action: string, payload: Record<string, unknown> = {}, who = manager) =>
  t.app.inject({ method: 'POST', url: `/api/programmes/enrolments/${id}/${action}`, headers: who, payload })
const report = async (year = 2026) =>
  json<{ items: Record<string, unknown>[] }>(
    await t.app.inject({ url: `/api/programmes/report?year=${year}`, headers: manager }),
  ).items

describe('programmes and plans', () => {
  it('lists the seven programmes with their rules and the cost of a place from dated parameters', async () => {
    const res = await t.app.inject({ url: '/api/programmes?on=2026-03-01', headers: officer })
    expect(res.statusCode).toBe(200)
    const items = json<{ items: { code: string; costPerPlace: number; parameters: { key: string }[] }[] }>(res).items
    expect(items.map((p) => p.code)).toEqual([
      'subsidised_jobs',
      'social_workplaces',
      'youth_practice',
      'public_works',
      'short_training',
      'retraining',
      'entrepreneurship_grant',
    ])
    // Public works: 1 minimum wage (85,000 ₸ in 2026) × 3 months.
    const works = items.find((p) => p.code === 'public_works')
    expect(works?.costPerPlace).toBe(255_000)
    expect(works?.parameters.map((p) => p.key)).toEqual(['programme_public_works_monthly', 'min_wage'])
  })

  it('refuses a plan with negative places or budget, an unknown programme or region, and another region', async () => {
    const negative = await setPlan('public_works', -1, 100)
    expect(negative.statusCode).toBe(400)
    expect(json<{ error: { message: string } }>(negative).error.message).toBe(
      'places must be a whole number ≥ 0, got -1',
    )
    const budget = await setPlan('public_works', 1, -5)
    expect(json<{ error: { message: string } }>(budget).error.message).toBe('budget must be ≥ 0 ₸, got -5')
    const unknown = await setPlan('space_travel', 1, 100)
    expect(unknown.statusCode).toBe(404)
    expect(json<{ error: { message: string } }>(unknown).error.message).toBe('programme space_travel is not known')
    const region = await setPlan('public_works', 1, 100, 2026, '99')
    expect(json<{ error: { message: string } }>(region).error.message).toBe('region 99 is not known')
    expect((await setPlan('public_works', 1, 100, 2026, '55')).statusCode).toBe(403)
    expect((await setPlan('public_works', 1, 100, 2026, '39', officer)).statusCode).toBe(403)
    const { rows } = await sql<{ n: number }>`SELECT count(*)::int AS n FROM programmes.plans`.execute(t.database.db)
    expect(rows[0]?.n).toBe(0)
  })
})

describe('the API description', () => {
  it('describes the answer of every programmes route in /api/openapi.json', async () => {
    const spec = json<{
      paths: Record<string, Record<string, { responses?: Record<string, { content?: Record<string, unknown> }> }>>
    }>(await t.app.inject({ url: '/api/openapi.json' }))
    const operations = Object.entries(spec.paths)
      .filter(([path]) => path.startsWith('/api/programmes'))
      .flatMap(([path, methods]) => Object.entries(methods).map(([method, op]) => ({ at: `${method} ${path}`, op })))
    expect(operations.length).toBe(12)
    const undescribed = operations
      .filter(({ op }) => !Object.entries(op.responses ?? {}).some(([code, r]) => code.startsWith('2') && r.content))
      .map(({ at }) => at)
    expect(undescribed).toEqual([])
    const enrolment = spec.paths['/api/programmes/enrolments/{id}/approve']?.post?.responses?.['200']?.content
    expect(JSON.stringify(enrolment)).toContain('refusalReason')
  })
})

describe('an enrolment from proposal to report', () => {
  let eligible: string
  let second: string
  let third: string
  let ineligible: string
  const ids: number[] = []

  beforeAll(async () => {
    eligible = await newPerson(t.database, { birthDate: '1996-04-02' })
    second = await newPerson(t.database, { birthDate: '1970-01-20' })
    third = await newPerson(t.database, { birthDate: '1988-08-08' })
    ineligible = await newPerson(t.database, { birthDate: '1984-05-10' })
    expect((await setPlan('public_works', 2, 600_000)).statusCode).toBe(200)
    expect((await setPlan('youth_practice', 5, 10_000_000)).statusCode).toBe(200)
  })

  it('refuses an ineligible person with the rule named, and stores nothing', async () => {
    const res = await propose(ineligible, 'youth_practice')
    expect(res.statusCode).toBe(400)
    const body = json<{ error: { message: string; details: { reasons: string[] } } }>(res)
    expect(body.error.details.reasons).toEqual(['age 41 on 2026-03-01: youth practice is for 18–35'])
    expect(body.error.message).toContain('age 41 on 2026-03-01: youth practice is for 18–35')
    const check = await t.app.inject({
      method: 'POST',
      url: '/api/programmes/eligibility',
      headers: officer,
      payload: { iin: eligible, programme: 'youth_practice', startDate: '2026-03-01', purpose: PURPOSE },
    })
    expect(json<{ isEligible: boolean; cost: number }>(check)).toMatchObject({ isEligible: true, cost: 6 * 30 * 4325 })
    const { rows } = await sql<{ n: number }>`SELECT count(*)::int AS n FROM programmes.enrolments`.execute(
      t.database.db,
    )
    expect(rows[0]?.n).toBe(0)
  })

  it('refuses an unknown programme, a person of another region and a year without a plan', async () => {
    expect(json<{ error: { message: string } }>(await propose(eligible, 'space_travel')).error.message).toBe(
      'programme space_travel is not known',
    )
    // officer2 works in Pavlodar (55): the person is outside their scope.
    expect((await propose(eligible, 'public_works', '2026-03-01', officer2)).statusCode).toBe(403)
    const noPlan = await propose(eligible, 'public_works', '2027-02-01')
    expect(noPlan.statusCode).toBe(409)
    expect(json<{ error: { message: string } }>(noPlan).error.message).toBe(
      'region 39 has no 2027 plan for public_works',
    )
  })

  it('takes a proposal once per person, programme and year', async () => {
    const first = await propose(eligible, 'public_works', '2026-01-10')
    expect(first.statusCode).toBe(201)
    const id = json<{ id: number; state: string; cost: number }>(first).id
    ids.push(id)
    const again = await propose(eligible, 'public_works', '2026-06-01')
    expect(again.statusCode).toBe(409)
    expect(json<{ error: { message: string } }>(again).error.message).toBe(
      `${eligible} already has enrolment ${id} in public_works for 2026`,
    )
  })

  it('keeps maker and checker apart: the proposer cannot decide, an officer cannot approve', async () => {
    const own = await propose(second, 'public_works', '2026-01-10', manager)
    expect(own.statusCode).toBe(201)
    const id = json<{ id: number }>(own).id
    ids.push(id)
    const res = await act(id, 'approve')
    expect(res.statusCode).toBe(403)
    expect(json<{ error: { message: string } }>(res).error.message).toContain('maker-checker')
    expect((await act(ids[0] as number, 'approve', {}, officer)).statusCode).toBe(403)
    expect((await act(id, 'refuse', { reason: 'mine' })).statusCode).toBe(403)
  })

  it('approves within the plan, refuses beyond its places, and relays the status to the registry once', async () => {
    const approved = await act(ids[0] as number, 'approve')
    expect(approved.statusCode).toBe(200)
    expect(json<{ state: string }>(approved).state).toBe('active')
    const p3 = json<{ id: number }>(await propose(third, 'public_works', '2026-01-10'))
    expect(json<{ state: string }>(await act(p3.id, 'approve')).state).toBe('active')
    // The manager's own proposal (from the test above) is third in line for 2 places.
    const extra = await newPerson(t.database, { birthDate: '1991-02-02' })
    const p4 = json<{ id: number }>(await propose(extra, 'public_works', '2026-01-10'))
    const beyond = await act(p4.id, 'approve')
    expect(beyond.statusCode).toBe(409)
    expect(json<{ error: { message: string } }>(beyond).error.message).toBe(
      'plan 39/2026 public_works: all 2 places are taken (2 committed, 0 spent)',
    )
    expect(json<{ state: string }>(await act(p4.id, 'refuse', { reason: 'no places left this year' })).state).toBe(
      'refused',
    )

    expect(await relayProgrammesOutbox(t.database)).toBe(2)
    expect(await relayProgrammesOutbox(t.database)).toBe(0)
    const { rows } = await sql<{ status: string; channel_code: string }>`
      SELECT status, channel_code FROM registry.current_status WHERE iin = ${eligible}`.execute(t.database.db)
    expect(rows).toEqual([{ status: 'temporarily_employed', channel_code: 'programs' }])
    await sql`UPDATE programmes.outbox SET processed_at = NULL`.execute(t.database.db)
    expect(await relayProgrammesOutbox(t.database)).toBe(2)
    const events = await sql<{ n: number }>`
      SELECT count(*)::int AS n FROM registry.status_events WHERE source_ref LIKE 'programmes:%'`.execute(t.database.db)
    expect(events.rows[0]?.n).toBe(2)
    ids.push(p3.id)
  })

  it('refuses an approval the budget cannot cover, naming what is left', async () => {
    expect((await setPlan('short_training', 3, 200_000)).statusCode).toBe(200)
    const a = json<{ id: number; cost: number }>(await propose(second, 'short_training', '2026-02-01'))
    expect(a.cost).toBe(40 * 4325)
    expect((await act(a.id, 'approve')).statusCode).toBe(200)
    // `third` is now temporarily employed (public works): someone else takes the course.
    const fourth = await newPerson(t.database, { birthDate: '1985-05-05' })
    const b = json<{ id: number }>(await propose(fourth, 'short_training', '2026-02-01'))
    const res = await act(b.id, 'approve')
    expect(res.statusCode).toBe(409)
    expect(json<{ error: { message: string } }>(res).error.message).toBe(
      `plan 39/2026 short_training: enrolment ${b.id} needs 173,000 ₸, only 27,000 ₸ of 200,000 ₸ is left`,
    )
    // A plan cannot be cut below what is taken.
    const cut = await setPlan('short_training', 0, 200_000)
    expect(json<{ error: { message: string } }>(cut).error.message).toBe(
      'places cannot go below the 1 already committed or spent',
    )
  })

  it('completes and drops with the ledger moved, and the report shows places, money and % executed', async () => {
    const done = await act(ids[0] as number, 'complete', { date: '2026-04-10' })
    expect(done.statusCode).toBe(200)
    expect(json<{ state: string; spent: number }>(done)).toMatchObject({ state: 'completed', spent: 255_000 })
    const dropped = await act(ids[2] as number, 'drop', { date: '2026-02-05', reason: 'moved to another city' })
    expect(json<{ state: string; spent: number }>(dropped)).toMatchObject({ state: 'dropped', spent: 85_000 })
    expect((await act(ids[2] as number, 'complete')).statusCode).toBe(409)
    expect((await act(ids[0] as number, 'drop', { reason: 'x' })).statusCode).toBe(400)

    const rows = await report()
    const works = rows.find((r) => r.programme === 'public_works')
    expect(works).toMatchObject({
      places: 2,
      budget: 600_000,
      placesCommitted: 0,
      placesSpent: 1,
      placesLeft: 1,
      budgetCommitted: 0,
      budgetSpent: 340_000,
      peopleEnrolled: 2,
      peopleCompleted: 1,
      peopleDropped: 1,
      placesExecutedPct: 50,
      budgetExecutedPct: 56.7,
    })
    // The ledger's entries add up to the plan's totals.
    const { rows: ledger } = await sql<{ entry: string; amount: string }>`
      SELECT entry, sum(amount)::text AS amount FROM programmes.ledger l JOIN programmes.plans p ON p.id = l.plan_id
      WHERE p.programme_code = 'public_works' GROUP BY entry ORDER BY entry`.execute(t.database.db)
    expect(ledger).toEqual([
      { entry: 'commit', amount: '510000.00' },
      { entry: 'release', amount: '170000.00' },
      { entry: 'spend', amount: '340000.00' },
    ])
  })

  it('follows up a completion six months later from the registry history', async () => {
    await relayProgrammesOutbox(t.database)
    // Pension contributions from June: the paid fact outranks the programme's "back to a registered seeker".
    await submitEvents(
      t.database,
      'pension',
      [{ iin: eligible, status: 'employed_contract', valid_from: '2026-06-01', source_ref: `job-${eligible}` }],
      null,
    )
    expect(await followUpCompletions(t.database.db)).toBe(1)
    expect(await followUpCompletions(t.database.db)).toBe(0)
    const works = (await report()).find((r) => r.programme === 'public_works')
    expect(works).toMatchObject({ followedUp: 1, employedAfter6m: 1, employedAfter6mPct: 100 })
  })

  it('downloads the report, the plans and the enrolments as CSV and XLSX', async () => {
    const csv = await t.app.inject({ url: '/api/programmes/report?year=2026&format=csv', headers: manager })
    expect(csv.statusCode).toBe(200)
    expect(csv.headers['content-disposition']).toBe('attachment; filename="plan-vs-fact-39-2026.csv"')
    const lines = csv.body.replace('\uFEFF', '').split('\r\n')
    expect(lines[0]).toContain('region,year,programme,places planned')
    expect(lines.some((l) => l.startsWith('39,2026,public_works,2,600000,0,1,1,0,340000'))).toBe(true)
    const xlsx = await t.app.inject({ url: '/api/programmes/enrolments?year=2026&format=xlsx', headers: manager })
    expect(xlsx.statusCode).toBe(200)
    expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe('PK')
    const plans = await t.app.inject({ url: '/api/programmes/plans?year=2026&format=csv', headers: analyst })
    expect(plans.body).toContain('39,2026,youth_practice,5,10000000')
    const bad = await t.app.inject({ url: '/api/programmes/plans?year=2026&format=pdf', headers: analyst })
    expect(bad.statusCode).toBe(400)
  })

  it('scopes lists: a Pavlodar officer sees none of Kostanay, an analyst sees the nation', async () => {
    const mine = json<{ items: unknown[] }>(
      await t.app.inject({ url: '/api/programmes/enrolments?year=2026', headers: officer2 }),
    )
    expect(mine.items).toEqual([])
    expect(
      (await t.app.inject({ url: '/api/programmes/enrolments?year=2026&region=39', headers: officer2 })).statusCode,
    ).toBe(403)
    const national = json<{ items: unknown[] }>(
      await t.app.inject({ url: '/api/programmes/report?year=2026', headers: analyst }),
    )
    expect(national.items.length).toBe(3)
    // The analysts' overview carries the programmes' national plan vs fact (aggregates only).
    const overview = json<{ programmes: { total: { places: number; placesTaken: number; budgetSpent: number } } }>(
      await t.app.inject({ url: '/api/overview?year=2026', headers: analyst }),
    )
    expect(overview.programmes.total).toMatchObject({ places: 10, placesTaken: 2, budgetSpent: 340_000 })
  })

  it('records a target-group flag (audited) that opens social workplaces', async () => {
    const person = await newPerson(t.database, { birthDate: '1980-01-01' })
    expect((await setPlan('social_workplaces', 1, 1_000_000)).statusCode).toBe(200)
    const before = await propose(person, 'social_workplaces')
    expect(json<{ error: { details: { reasons: string[] } } }>(before).error.details.reasons).toEqual([
      'none of disability, large_family, single_parent, pre_retirement is recorded: social workplaces is for these target groups',
    ])
    const flag = await t.app.inject({
      method: 'POST',
      url: '/api/programmes/flags',
      headers: officer,
      payload: { iin: person, flag: 'large_family', purpose: 'certificate of a large family seen' },
    })
    expect(json<{ flags: string[] }>(flag).flags).toEqual(['large_family'])
    expect((await propose(person, 'social_workplaces')).statusCode).toBe(201)
    const { rows } = await sql<{ action: string }>`
      SELECT action FROM audit.log WHERE subject_iin = ${person} ORDER BY seq`.execute(t.database.db)
    expect(rows.map((r) => r.action)).toContain('programmes.flag.record')
  })
})

describe('eligibility re-checked at approval', () => {
  const ledgerOf = async (programme: string) => {
    const { rows } = await sql<{
      places_committed: number
      budget_committed: string
      people_enrolled: number
      n: number
    }>`
      SELECT p.places_committed, p.budget_committed::text, p.people_enrolled,
        (SELECT count(*)::int FROM programmes.ledger l WHERE l.plan_id = p.id) AS n
      FROM programmes.plans p WHERE p.year = 2027 AND p.region_code = '39' AND p.programme_code = ${programme}`.execute(
      t.database.db,
    )
    return rows[0]
  }
  const stateOf = async (id: number) => {
    const { rows } = await sql<{ state: string; outbox: number; approvals: number }>`
      SELECT e.state,
        (SELECT count(*)::int FROM programmes.outbox o WHERE o.payload->>'enrolmentId' = ${String(id)}) AS outbox,
        (SELECT count(*)::int FROM audit.log a
          WHERE a.action = 'programmes.enrolment.approve' AND a.details->>'enrolmentId' = ${String(id)}) AS approvals
      FROM programmes.enrolments e WHERE e.id = ${id}`.execute(t.database.db)
    return rows[0]
  }

  it('refuses an approval when the registry status changed since the proposal, naming the rule; nothing committed', async () => {
    expect((await setPlan('public_works', 3, 1_000_000, 2027)).statusCode).toBe(200)
    const person = await newPerson(t.database, { birthDate: '1979-09-09' })
    const proposal = await propose(person, 'public_works', '2027-02-01')
    expect(proposal.statusCode).toBe(201)
    const id = json<{ id: number }>(proposal).id
    // Between the officer's proposal and the manager's decision the person signs a contract (pension contributions).
    const ingest = await submitEvents(
      t.database,
      'pension',
      [{ iin: person, status: 'employed_contract', valid_from: '2026-05-01', source_ref: `contract-${person}` }],
      null,
    )
    expect(ingest.results.map((r) => r.outcome)).toEqual(['applied'])
    const before = await ledgerOf('public_works')
    const res = await act(id, 'approve')
    expect(res.statusCode).toBe(409)
    const body = json<{ error: { message: string; details: { field: string; reasons: string[] } } }>(res)
    expect(body.error.details.reasons).toEqual(['current status employed_contract: public works requires unemployed_*'])
    expect(body.error.details.field).toBe('iin')
    expect(body.error.message).toBe(
      `enrolment ${id}: ${person} is no longer eligible for public_works: current status employed_contract: public works requires unemployed_*`,
    )
    expect(await ledgerOf('public_works')).toEqual(before)
    expect(before).toMatchObject({ places_committed: 0, budget_committed: '0.00', people_enrolled: 0, n: 0 })
    expect(await stateOf(id)).toEqual({ state: 'proposed', outbox: 0, approvals: 0 })
    // The manager can still refuse the proposal with a reason.
    const refused = await act(id, 'refuse', { reason: 'employed since the proposal' })
    expect(json<{ state: string }>(refused).state).toBe('refused')
  })

  it('refuses an approval when the target-group flag was removed since the proposal', async () => {
    expect((await setPlan('social_workplaces', 2, 5_000_000, 2027)).statusCode).toBe(200)
    const person = await newPerson(t.database, { birthDate: '1975-03-03' })
    const flag = (remove: boolean) =>
      t.app.inject({
        method: 'POST',
        url: '/api/programmes/flags',
        headers: officer,
        payload: { iin: person, flag: 'disability', purpose: 'disability certificate checked', remove },
      })
    expect(json<{ flags: string[] }>(await flag(false)).flags).toEqual(['disability'])
    const id = json<{ id: number }>(await propose(person, 'social_workplaces', '2027-03-01')).id
    expect(json<{ flags: string[] }>(await flag(true)).flags).toEqual([])
    const res = await act(id, 'approve')
    expect(res.statusCode).toBe(409)
    expect(json<{ error: { details: { reasons: string[] } } }>(res).error.details.reasons).toEqual([
      'none of disability, large_family, single_parent, pre_retirement is recorded: social workplaces is for these target groups',
    ])
    expect(await ledgerOf('social_workplaces')).toMatchObject({ places_committed: 0, n: 0 })
    expect(await stateOf(id)).toEqual({ state: 'proposed', outbox: 0, approvals: 0 })
    // The flag recorded again (a document seen): the same proposal now passes.
    await flag(false)
    const approved = await act(id, 'approve')
    expect(approved.statusCode).toBe(200)
    expect(await ledgerOf('social_workplaces')).toMatchObject({ places_committed: 1, n: 1 })
  })
})
