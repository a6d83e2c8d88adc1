import type { Selectable } from 'kysely'
import type { Conn, Db } from '../../db/client.js'
import type { Principal } from '../../shared/auth.js'
import { AppError } from '../../shared/errors.js'
import { appendAudit, authorizeStaffRead } from '../identity/index.js'
import { findRegion, getParameterOn } from '../reference/index.js'
import { findCurrentStatusCode, listStatusesOn } from '../registry/index.js'
import * as repo from './programme.repository.js'
import {
  addMonths,
  checkEligibility,
  computeCost,
  type Eligibility,
  type EnrolmentState,
  type Flag,
  type ProgrammeRules,
  spentOnDrop,
  type UsedParameter,
} from './programme.rules.js'
import type { EnrolmentTable, PlanTable, ProgrammeTable } from './programmes.tables.js'

/** The registry channel through which programme statuses are asserted. */
export const PROGRAMS_CHANNEL = 'programs'

/** Today in Kazakhstan (UTC+5). */
export function todayInKazakhstan(now = new Date()): string {
  return new Date(now.getTime() + 5 * 3_600_000).toISOString().slice(0, 10)
}

const money = (n: number | string) => Math.round(Number(n) * 100) / 100
const tenge = (n: number) => `${Math.round(n).toLocaleString('en-US')} ₸`

/** The region a staff member works in; national roles have none and must say which region they mean. */
function scopedRegion(staff: Principal, requested: string | undefined): string | null {
  if (staff.role === 'analyst' || staff.role === 'admin') return requested ?? null
  if (staff.regionCode === null) throw new AppError('forbidden', `account ${staff.login} has no region`)
  if (requested !== undefined && requested !== staff.regionCode) {
    throw new AppError('forbidden', `region ${requested} is outside your scope (region ${staff.regionCode})`)
  }
  return staff.regionCode
}

async function requireRegion(db: Conn, code: string) {
  if ((await findRegion(db, code)) === undefined) {
    throw new AppError('not_found', `region ${code} is not known`, { field: 'region' })
  }
}

async function requireProgramme(db: Conn, code: string) {
  const row = await repo.findProgramme(db, code)
  if (row === undefined) throw new AppError('not_found', `programme ${code} is not known`, { field: 'programme' })
  return row
}

function toProgramme(row: Selectable<ProgrammeTable>) {
  const rules = row.rules as ProgrammeRules
  return {
    code: row.code,
    name: { kk: row.name_kk, ru: row.name_ru, en: row.name_en },
    targetGroup: row.target_group_en,
    rules: { ...rules, statuses: [...rules.statuses], flagsAnyOf: [...rules.flagsAnyOf] },
    durationMonths: row.duration_months,
    payment: row.payment,
    statusOnStart: row.status_on_start,
    statusOnExit: row.status_on_exit,
  }
}

/** What one place of a programme costs on a day, naming the dated parameters used. */
export async function costOn(db: Conn, programme: Selectable<ProgrammeTable>, day: string) {
  const amount = await getParameterOn(db, programme.parameter_key, day)
  const baseKey = amount.unit === 'MW' ? 'min_wage' : amount.unit === 'MCI' ? 'mci' : null
  const used = (p: typeof amount): UsedParameter => ({
    key: p.key,
    validFrom: p.validFrom,
    value: p.value ?? 0,
    unit: p.unit,
  })
  const base: UsedParameter =
    baseKey === null
      ? { key: 'KZT', validFrom: day, value: 1, unit: 'KZT' }
      : used(await getParameterOn(db, baseKey, day))
  const parameters = [used(amount), ...(baseKey === null ? [] : [base])]
  return {
    cost: computeCost(programme.payment, programme.duration_months, used(amount), base),
    parameters,
    isVerified: amount.isVerified,
  }
}

/** The programmes with their rules and what a place costs on a day. */
export async function listCatalogue(db: Db, day: string) {
  const rows = await repo.listProgrammes(db)
  return Promise.all(
    rows.map(async (row) => {
      const { cost, parameters, isVerified } = await costOn(db, row, day)
      return { ...toProgramme(row), costPerPlace: cost, parameters, isVerified }
    }),
  )
}

// Plans

function toPlan(row: Selectable<PlanTable> & { name_en?: string; name_ru?: string; name_kk?: string }) {
  const budget = money(row.budget)
  const committed = money(row.budget_committed)
  const spent = money(row.budget_spent)
  return {
    id: row.id,
    region: row.region_code,
    year: row.year,
    programme: row.programme_code,
    places: row.places,
    budget,
    placesCommitted: row.places_committed,
    placesSpent: row.places_spent,
    placesLeft: row.places - row.places_committed - row.places_spent,
    budgetCommitted: committed,
    budgetSpent: spent,
    budgetLeft: money(budget - committed - spent),
    peopleEnrolled: row.people_enrolled,
    peopleCompleted: row.people_completed,
    peopleDropped: row.people_dropped,
    followedUp: row.followed_up,
    employedAfter6m: row.employed_after_6m,
    updatedAt: row.updated_at.toISOString(),
  }
}
export type Plan = ReturnType<typeof toPlan>

export interface PlanInput {
  region: string
  year: number
  programme: string
  places: number
  budget: number
}

/** A manager sets the region's plan for a programme and year; it may never fall below what is already taken. */
export async function setPlan(db: Db, manager: Principal, input: PlanInput): Promise<Plan> {
  if (!Number.isInteger(input.places) || input.places < 0) {
    throw new AppError('invalid', `places must be a whole number ≥ 0, got ${input.places}`, { field: 'places' })
  }
  if (!Number.isFinite(input.budget) || input.budget < 0) {
    throw new AppError('invalid', `budget must be ≥ 0 ₸, got ${input.budget}`, { field: 'budget' })
  }
  await requireRegion(db, input.region)
  await requireProgramme(db, input.programme)
  if (manager.regionCode !== input.region) {
    throw new AppError('forbidden', `a manager of region ${manager.regionCode} cannot plan region ${input.region}`)
  }
  return db.transaction().execute(async (trx) => {
    const current = await repo.lockPlanByKey(trx, input.region, input.year, input.programme)
    if (current === undefined) {
      return toPlan(
        await repo.insertPlan(trx, {
          region_code: input.region,
          year: input.year,
          programme_code: input.programme,
          places: input.places,
          budget: money(input.budget),
          set_by: manager.accountId,
        }),
      )
    }
    const takenPlaces = current.places_committed + current.places_spent
    const takenBudget = money(Number(current.budget_committed) + Number(current.budget_spent))
    if (input.places < takenPlaces) {
      throw new AppError('conflict', `places cannot go below the ${takenPlaces} already committed or spent`, {
        field: 'places',
      })
    }
    if (input.budget < takenBudget) {
      throw new AppError('conflict', `budget cannot go below the ${tenge(takenBudget)} already committed or spent`, {
        field: 'budget',
      })
    }
    return toPlan(await repo.updatePlanTarget(trx, current.id, input.places, money(input.budget), manager.accountId))
  })
}

export async function listPlansView(db: Db, staff: Principal, filter: { region?: string; year: number }) {
  const region = scopedRegion(staff, filter.region)
  if (region !== null) await requireRegion(db, region)
  return (await repo.listPlans(db, { regionCode: region, year: filter.year })).map((row) => ({
    ...toPlan(row),
    programmeName: { kk: row.name_kk, ru: row.name_ru, en: row.name_en },
  }))
}

/** Plan vs fact by region and programme: the ledger's totals, people, % executed and employment after six months. */
export async function planVsFact(db: Db, staff: Principal, filter: { region?: string; year: number }) {
  const pct = (part: number, whole: number) => (whole === 0 ? null : Math.round((part / whole) * 1000) / 10)
  return (await listPlansView(db, staff, filter)).map((p) => ({
    ...p,
    placesExecutedPct: pct(p.placesCommitted + p.placesSpent, p.places),
    budgetExecutedPct: pct(p.budgetSpent, p.budget),
    employedAfter6mPct: pct(p.employedAfter6m, p.followedUp),
  }))
}
export type PlanFact = Awaited<ReturnType<typeof planVsFact>>[number]

// Eligibility and enrolment

export interface EnrolmentInput {
  iin: string
  programme: string
  startDate: string
  purpose: string
}

async function assess(db: Db, staff: Principal, input: EnrolmentInput, action: string) {
  if (staff.regionCode === null) throw new AppError('forbidden', `account ${staff.login} has no region`)
  const programme = await requireProgramme(db, input.programme)
  const person = await authorizeStaffRead(db, staff, input.iin, input.purpose, action)
  const [statusCode, flags] = await Promise.all([findCurrentStatusCode(db, person.iin), repo.listFlags(db, person.iin)])
  const eligibility = checkEligibility(
    { code: programme.code, nameEn: programme.name_en, rules: programme.rules as ProgrammeRules },
    {
      iin: person.iin,
      birthDate: person.birthDate,
      regionCode: person.regionCode,
      statusCode: statusCode ?? null,
      flags,
    },
    staff.regionCode,
    input.startDate,
  )
  const { cost, parameters } = await costOn(db, programme, input.startDate)
  const year = Number(input.startDate.slice(0, 4))
  const plan = await repo.findPlan(db, staff.regionCode, year, programme.code)
  return { programme, person, eligibility, cost, parameters, year, plan }
}

/** Whether a person may join a programme in the officer's region from a day, with every failed rule named. */
export async function checkPersonEligibility(db: Db, staff: Principal, input: EnrolmentInput) {
  const a = await assess(db, staff, input, 'programmes.eligibility.read')
  return {
    iin: a.person.iin,
    programme: a.programme.code,
    startDate: input.startDate,
    ...a.eligibility,
    cost: a.cost,
    parameters: a.parameters,
    plan: a.plan === undefined ? null : toPlan(a.plan),
  }
}

function toEnrolment(row: Selectable<EnrolmentTable>) {
  return {
    id: row.id,
    programme: row.programme_code,
    region: row.region_code,
    year: row.year,
    iin: row.iin,
    startDate: row.start_date,
    endDate: row.end_date,
    state: row.state,
    cost: money(row.cost),
    spent: row.spent === null ? null : money(row.spent),
    parameters: row.parameters as UsedParameter[],
    eligibility: row.eligibility as { reasons: string[]; facts: Eligibility['facts'] },
    purpose: row.purpose,
    proposedBy: row.proposed_by,
    proposedAt: row.proposed_at.toISOString(),
    decidedBy: row.decided_by,
    decidedAt: row.decided_at === null ? null : row.decided_at.toISOString(),
    refusalReason: row.refusal_reason,
    exitDate: row.exit_date,
    exitReason: row.exit_reason,
    followUp:
      row.followup_status === null
        ? null
        : { date: row.followup_date, status: row.followup_status, group: row.followup_group },
  }
}
export type Enrolment = ReturnType<typeof toEnrolment>

/** An officer (or manager) proposes an enrolment; refused at once, naming the rule, when the person is not eligible. */
export async function proposeEnrolment(db: Db, staff: Principal, input: EnrolmentInput): Promise<Enrolment> {
  const a = await assess(db, staff, input, 'programmes.enrolment.propose')
  if (!a.eligibility.isEligible) {
    throw new AppError(
      'invalid',
      `${a.person.iin} is not eligible for ${a.programme.code}: ${a.eligibility.reasons.join('; ')}`,
      { field: 'iin', reasons: a.eligibility.reasons },
    )
  }
  if (a.plan === undefined) {
    throw new AppError('conflict', `region ${staff.regionCode} has no ${a.year} plan for ${a.programme.code}`, {
      field: 'programme',
    })
  }
  const plan = a.plan
  const existing = await repo.findEnrolmentOf(db, a.person.iin, a.programme.code, a.year)
  const duplicate = () =>
    new AppError(
      'conflict',
      `${a.person.iin} already has enrolment ${existing?.id ?? ''} in ${a.programme.code} for ${a.year}`.replace(
        '  ',
        ' ',
      ),
      { field: 'iin' },
    )
  if (existing !== undefined) throw duplicate()
  try {
    const row = await repo.insertEnrolment(db, {
      plan_id: plan.id,
      programme_code: a.programme.code,
      region_code: plan.region_code,
      year: a.year,
      iin: a.person.iin,
      start_date: input.startDate,
      end_date: addMonths(input.startDate, a.programme.duration_months),
      cost: a.cost,
      parameters: JSON.stringify(a.parameters),
      eligibility: JSON.stringify({ reasons: [], facts: a.eligibility.facts }),
      purpose: input.purpose,
      proposed_by: staff.accountId,
    })
    return toEnrolment(row)
  } catch (error) {
    // Two proposals racing past the check: the partial unique index decides.
    if ((error as { code?: string }).code === '23505') throw duplicate()
    throw error
  }
}

async function lockForDecision(trx: Conn, manager: Principal, id: number, allowed: EnrolmentState) {
  const e = await repo.lockEnrolment(trx, id)
  if (e === undefined) throw new AppError('not_found', `enrolment ${id} does not exist`)
  if (manager.regionCode !== e.region_code) {
    throw new AppError('forbidden', `enrolment ${id} is in region ${e.region_code}, outside your scope`)
  }
  if (e.state !== allowed) throw new AppError('conflict', `enrolment ${id} is ${e.state}, not ${allowed}`)
  return e
}

/**
 * The rules again, at approval, inside the approval's transaction: the person's status, region or flags may have
 * changed since the proposal (age on the start day cannot). Refused with every failed rule named, nothing committed.
 */
async function recheckEligibility(
  trx: Conn,
  e: Selectable<EnrolmentTable>,
  programme: Selectable<ProgrammeTable>,
): Promise<void> {
  // One connection (the transaction's): read in turn.
  const person = await repo.findPersonFacts(trx, e.iin)
  const statusCode = await findCurrentStatusCode(trx, e.iin)
  const flags = await repo.listFlags(trx, e.iin)
  if (person === undefined) throw new AppError('conflict', `enrolment ${e.id}: no person with IIN ${e.iin}`)
  const eligibility = checkEligibility(
    { code: programme.code, nameEn: programme.name_en, rules: programme.rules as ProgrammeRules },
    { iin: e.iin, birthDate: person.birth_date, regionCode: person.region_code, statusCode: statusCode ?? null, flags },
    e.region_code,
    e.start_date,
  )
  if (!eligibility.isEligible) {
    throw new AppError(
      'conflict',
      `enrolment ${e.id}: ${e.iin} is no longer eligible for ${programme.code}: ${eligibility.reasons.join('; ')}`,
      { field: 'iin', reasons: eligibility.reasons, facts: eligibility.facts },
    )
  }
}

/**
 * A manager of the region approves: the place and the money are committed under the plan's row lock in the same
 * transaction, so concurrent approvals take turns and the plan is never exceeded. The proposer cannot approve.
 */
export async function approveEnrolment(db: Db, manager: Principal, id: number): Promise<Enrolment> {
  return db.transaction().execute(async (trx) => {
    const e = await lockForDecision(trx, manager, id, 'proposed')
    if (e.proposed_by === manager.accountId) {
      throw new AppError('forbidden', `you proposed enrolment ${id}: another manager must decide (maker-checker)`)
    }
    const programme = await requireProgramme(trx, e.programme_code)
    await recheckEligibility(trx, e, programme)
    const plan = await repo.lockPlan(trx, e.plan_id)
    const label = `plan ${plan.region_code}/${plan.year} ${plan.programme_code}`
    const taken = plan.places_committed + plan.places_spent
    if (taken + 1 > plan.places) {
      throw new AppError(
        'conflict',
        `${label}: all ${plan.places} places are taken (${plan.places_committed} committed, ${plan.places_spent} spent)`,
        { field: 'places' },
      )
    }
    const cost = Number(e.cost)
    const left = money(Number(plan.budget) - Number(plan.budget_committed) - Number(plan.budget_spent))
    if (cost > left) {
      throw new AppError(
        'conflict',
        `${label}: enrolment ${id} needs ${tenge(cost)}, only ${tenge(left)} of ${tenge(Number(plan.budget))} is left`,
        {
          field: 'budget',
        },
      )
    }
    await repo.movePlan(trx, plan.id, { placesCommitted: 1, budgetCommitted: cost, enrolled: 1 })
    await repo.insertLedger(trx, {
      plan_id: plan.id,
      enrolment_id: id,
      entry: 'commit',
      places: 1,
      amount: cost,
      actor_id: manager.accountId,
    })
    const row = await repo.updateEnrolment(trx, id, {
      state: 'active',
      decided_by: manager.accountId,
      decided_at: new Date(),
    })
    if (programme.status_on_start !== null) {
      await repo.insertOutbox(trx, e.iin, {
        status: programme.status_on_start,
        validFrom: e.start_date,
        idempotencyKey: `programmes:${id}:start`,
        enrolmentId: id,
      })
    }
    await appendAudit(trx, manager, {
      action: 'programmes.enrolment.approve',
      subjectIin: e.iin,
      details: { enrolmentId: id },
    })
    return toEnrolment(row)
  })
}

export async function refuseEnrolment(db: Db, manager: Principal, id: number, reason: string): Promise<Enrolment> {
  if (reason.trim().length < 3) throw new AppError('invalid', 'a refusal needs a reason', { field: 'reason' })
  return db.transaction().execute(async (trx) => {
    const e = await lockForDecision(trx, manager, id, 'proposed')
    if (e.proposed_by === manager.accountId) {
      throw new AppError('forbidden', `you proposed enrolment ${id}: another manager must decide (maker-checker)`)
    }
    const row = await repo.updateEnrolment(trx, id, {
      state: 'refused',
      decided_by: manager.accountId,
      decided_at: new Date(),
      refusal_reason: reason.trim(),
    })
    await appendAudit(trx, manager, {
      action: 'programmes.enrolment.refuse',
      subjectIin: e.iin,
      details: { enrolmentId: id },
    })
    return toEnrolment(row)
  })
}

function requireExitDate(e: Selectable<EnrolmentTable>, date: string, today: string) {
  if (date < e.start_date) {
    throw new AppError('invalid', `date ${date} is before the enrolment's start ${e.start_date}`, { field: 'date' })
  }
  if (date > today) throw new AppError('invalid', `date ${date} is in the future`, { field: 'date' })
}

/** Ends an active enrolment: completed spends the committed money; dropped spends the months served and releases the rest and the place. */
export async function endEnrolment(
  db: Db,
  manager: Principal,
  id: number,
  outcome: 'completed' | 'dropped',
  input: { date?: string; reason?: string },
  now = new Date(),
): Promise<Enrolment> {
  const today = todayInKazakhstan(now)
  const date = input.date ?? today
  if (outcome === 'dropped' && (input.reason ?? '').trim().length < 3) {
    throw new AppError('invalid', 'a drop needs a reason', { field: 'reason' })
  }
  return db.transaction().execute(async (trx) => {
    const e = await lockForDecision(trx, manager, id, 'active')
    requireExitDate(e, date, today)
    const programme = await requireProgramme(trx, e.programme_code)
    const plan = await repo.lockPlan(trx, e.plan_id)
    const cost = Number(e.cost)
    const spent =
      outcome === 'completed'
        ? cost
        : spentOnDrop(programme.payment, cost, programme.duration_months, e.start_date, date)
    const released = money(cost - spent)
    const ledger = { plan_id: plan.id, enrolment_id: id, actor_id: manager.accountId }
    if (outcome === 'completed') {
      await repo.movePlan(trx, plan.id, {
        placesCommitted: -1,
        placesSpent: 1,
        budgetCommitted: -cost,
        budgetSpent: cost,
        completed: 1,
      })
      await repo.insertLedger(trx, { ...ledger, entry: 'spend', places: 1, amount: cost })
    } else {
      await repo.movePlan(trx, plan.id, { placesCommitted: -1, budgetCommitted: -cost, budgetSpent: spent, dropped: 1 })
      if (spent > 0) await repo.insertLedger(trx, { ...ledger, entry: 'spend', places: 0, amount: spent })
      await repo.insertLedger(trx, { ...ledger, entry: 'release', places: 1, amount: released })
    }
    const row = await repo.updateEnrolment(trx, id, {
      state: outcome,
      exit_date: date,
      exit_reason: input.reason?.trim() || null,
      spent,
      ...(outcome === 'completed' ? { followup_date: addMonths(date, 6) } : {}),
    })
    if (programme.status_on_exit !== null) {
      await repo.insertOutbox(trx, e.iin, {
        status: programme.status_on_exit,
        validFrom: date,
        idempotencyKey: `programmes:${id}:exit`,
        enrolmentId: id,
      })
    }
    await appendAudit(trx, manager, {
      action: `programmes.enrolment.${outcome}`,
      subjectIin: e.iin,
      details: { enrolmentId: id },
    })
    return toEnrolment(row)
  })
}

export async function listEnrolmentsView(
  db: Db,
  staff: Principal,
  filter: { region?: string; year: number; state?: EnrolmentState; programme?: string; limit?: number },
) {
  const region = scopedRegion(staff, filter.region)
  if (region !== null) await requireRegion(db, region)
  if (filter.programme !== undefined) await requireProgramme(db, filter.programme)
  const rows = await repo.listEnrolments(db, {
    regionCode: region,
    year: filter.year,
    state: filter.state ?? null,
    programmeCode: filter.programme ?? null,
    limit: filter.limit ?? 500,
  })
  return rows.map(toEnrolment)
}

/** An officer records a target-group flag seen on a document (audited with the purpose). */
export async function recordFlag(
  db: Db,
  officer: Principal,
  input: { iin: string; flag: Flag; note?: string; purpose: string; remove?: boolean },
) {
  const person = await authorizeStaffRead(db, officer, input.iin, input.purpose, 'programmes.flag.read')
  await db.transaction().execute(async (trx) => {
    if (input.remove === true) await repo.deleteFlag(trx, person.iin, input.flag)
    else
      await repo.upsertFlag(trx, {
        iin: person.iin,
        flag: input.flag,
        recorded_by: officer.accountId,
        note: input.note ?? null,
      })
    await appendAudit(trx, officer, {
      action: input.remove === true ? 'programmes.flag.remove' : 'programmes.flag.record',
      subjectIin: person.iin,
      purpose: input.purpose,
      details: { flag: input.flag },
    })
  })
  return { iin: person.iin, flags: (await repo.listFlags(db, person.iin)) as Flag[] }
}

/**
 * Reads from the registry each completed enrolment's status six months after completion (the day has come) and
 * counts the employed in the plan. Safe to run twice: a followed-up enrolment is not taken again.
 */
export async function followUpCompletions(db: Db, now = new Date(), limit = 1_000): Promise<number> {
  const today = todayInKazakhstan(now)
  return db.transaction().execute(async (trx) => {
    const due = await repo.claimDueFollowUps(trx, today, limit)
    if (due.length === 0) return 0
    const statuses = await listStatusesOn(
      trx,
      due.map((d) => ({ iin: d.iin, on: d.followup_date as string })),
    )
    const byIin = new Map(statuses.map((s) => [`${s.iin}|${s.on}`, s]))
    const perPlan = new Map<number, { followedUp: number; employed: number }>()
    for (const d of due) {
      const s = byIin.get(`${d.iin}|${d.followup_date}`)
      const group = s?.status_group ?? 'unknown'
      await repo.recordFollowUp(trx, d.id, s?.status ?? 'unknown', group)
      const acc = perPlan.get(d.plan_id) ?? { followedUp: 0, employed: 0 }
      acc.followedUp++
      if (group === 'employed' || group === 'self_employed') acc.employed++
      perPlan.set(d.plan_id, acc)
    }
    for (const [planId, acc] of [...perPlan].sort((a, b) => a[0] - b[0])) {
      await repo.lockPlan(trx, planId)
      await repo.movePlan(trx, planId, { followedUp: acc.followedUp, employed: acc.employed })
    }
    return due.length
  })
}

export {
  claimOutbox as claimProgrammesOutbox,
  markOutboxProcessed as markProgrammesOutboxProcessed,
} from './programme.repository.js'

/** National aggregates of a year's plans by region (no personal data), for the analysts' overview. */
export async function readProgrammesOverview(db: Db, year: number) {
  const rows = await repo.listPlans(db, { regionCode: null, year })
  const byRegion = new Map<
    string,
    {
      regionCode: string
      places: number
      placesTaken: number
      budget: number
      budgetCommitted: number
      budgetSpent: number
      peopleEnrolled: number
      peopleCompleted: number
      employedAfter6m: number
      followedUp: number
    }
  >()
  for (const r of rows) {
    const acc = byRegion.get(r.region_code) ?? {
      regionCode: r.region_code,
      places: 0,
      placesTaken: 0,
      budget: 0,
      budgetCommitted: 0,
      budgetSpent: 0,
      peopleEnrolled: 0,
      peopleCompleted: 0,
      employedAfter6m: 0,
      followedUp: 0,
    }
    acc.places += r.places
    acc.placesTaken += r.places_committed + r.places_spent
    acc.budget = money(acc.budget + Number(r.budget))
    acc.budgetCommitted = money(acc.budgetCommitted + Number(r.budget_committed))
    acc.budgetSpent = money(acc.budgetSpent + Number(r.budget_spent))
    acc.peopleEnrolled += r.people_enrolled
    acc.peopleCompleted += r.people_completed
    acc.employedAfter6m += r.employed_after_6m
    acc.followedUp += r.followed_up
    byRegion.set(r.region_code, acc)
  }
  const regions = [...byRegion.values()]
  const sum = (key: keyof (typeof regions)[number]) => money(regions.reduce((n, r) => n + Number(r[key]), 0))
  return {
    regions,
    total: {
      places: sum('places'),
      placesTaken: sum('placesTaken'),
      budget: sum('budget'),
      budgetCommitted: sum('budgetCommitted'),
      budgetSpent: sum('budgetSpent'),
      peopleEnrolled: sum('peopleEnrolled'),
      peopleCompleted: sum('peopleCompleted'),
      employedAfter6m: sum('employedAfter6m'),
      followedUp: sum('followedUp'),
    },
  }
}
