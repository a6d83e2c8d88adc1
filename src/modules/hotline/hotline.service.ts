import type { Selectable } from 'kysely'
import type { Db } from '../../db/client.js'
import type { Principal } from '../../shared/auth.js'
import { AppError } from '../../shared/errors.js'
import { requireBin } from '../../shared/identifiers.js'
import { appendAudit } from '../identity/index.js'
import { findRegion, getParameterOn } from '../reference/index.js'
import * as repo from './hotline.repository.js'
import { addWorkingDays, isOverdue, type ReportCategory, type ReportStatus, refuseTransition } from './hotline.rules.js'
import type { ReportTable } from './hotline.tables.js'

export interface NewReport {
  category: ReportCategory
  employerBin?: string | undefined
  employerName?: string | undefined
  region?: string | undefined
  description: string
  contact?: string | undefined
  anonymous?: boolean | undefined
}

/** Today in Kazakhstan (UTC+5). */
export function todayInKazakhstan(now = new Date()): string {
  return new Date(now.getTime() + 5 * 3_600_000).toISOString().slice(0, 10)
}

/**
 * The reporter's identity (IIN, contact) is shown only to the inspector the report is assigned to; everyone
 * else sees the report without it. An inspector's view of it is a staff read of a person: audited.
 */
async function toView(db: Db, row: Selectable<ReportTable>, viewer: Principal | null, today: string) {
  const isInspector = viewer !== null && row.assigned_to === viewer.accountId
  if (isInspector && row.reporter_iin !== null) {
    await appendAudit(db, viewer, {
      action: 'hotline.reporter.read',
      subjectIin: row.reporter_iin,
      purpose: `inspection of hotline report ${row.id}`,
    })
  }
  return {
    id: row.id,
    category: row.category,
    employerBin: row.employer_bin,
    employerName: row.employer_name,
    region: row.region_code,
    description: row.description,
    isAnonymous: row.is_anonymous,
    reporter: isInspector && !row.is_anonymous ? { iin: row.reporter_iin, contact: row.contact } : null,
    status: row.status,
    assignedTo: row.assigned_to,
    dueDate: row.due_date,
    isOverdue: isOverdue(row.status, row.due_date, today),
    outcome:
      row.status === 'resolved' || row.status === 'unfounded'
        ? {
            contractsConcluded: row.contracts_concluded ?? 0,
            contributionsRecovered: Number(row.contributions_recovered ?? 0),
            note: row.resolution_note,
          }
        : null,
    createdAt: row.created_at.toISOString(),
    closedAt: row.closed_at?.toISOString() ?? null,
  }
}
export type ReportView = Awaited<ReturnType<typeof toView>>

/** A report from the web form (anyone, anonymous allowed) or entered by a contact-centre operator (staff). */
export async function fileReport(db: Db, caller: Principal | null, input: NewReport, now = new Date()) {
  const region = input.region?.trim()
  if (region === undefined || region === '') throw new AppError('invalid', 'region is required', { field: 'region' })
  if ((await findRegion(db, region)) === undefined) {
    throw new AppError('invalid', `region ${region} is not known`, { field: 'region' })
  }
  const employerBin = input.employerBin?.trim() ? requireBin(input.employerBin.trim(), 'employerBin') : null
  const employerName = input.employerName?.trim() || null
  if (employerBin === null && employerName === null) {
    throw new AppError('invalid', 'employer BIN or name is required', { field: 'employerBin' })
  }
  const description = input.description.trim()
  if (description.length < 10) {
    throw new AppError('invalid', 'description must say what happened (at least 10 characters)', {
      field: 'description',
    })
  }
  const isAnonymous = input.anonymous ?? caller === null
  const today = todayInKazakhstan(now)
  const sla = await getParameterOn(db, 'hotline_sla_working_days', today)
  return db.transaction().execute(async (trx) => {
    const row = await repo.insertReport(trx, {
      category: input.category,
      employer_bin: employerBin,
      employer_name: employerName,
      region_code: region,
      description,
      is_anonymous: isAnonymous,
      contact: isAnonymous ? null : input.contact?.trim() || null,
      reporter_iin: isAnonymous || caller?.role !== 'citizen' ? null : caller.iin,
      entered_by: caller === null || caller.role === 'citizen' ? null : caller.accountId,
      due_date: addWorkingDays(today, sla.value ?? 10),
    })
    await repo.insertEvent(trx, row.id, caller?.accountId ?? null, 'new', null)
    return { id: row.id, status: row.status, region: row.region_code, dueDate: row.due_date }
  })
}

function assertInRegion(staff: Principal, row: Selectable<ReportTable>) {
  if (staff.role === 'admin' || staff.role === 'analyst') return
  if (staff.regionCode !== row.region_code) {
    throw new AppError('forbidden', `report ${row.id} belongs to region ${row.region_code}`)
  }
}

export async function readReport(db: Db, staff: Principal, id: number, now = new Date()) {
  const row = await repo.findReport(db, id)
  if (row === undefined) throw new AppError('not_found', `no hotline report ${id}`)
  assertInRegion(staff, row)
  const events = await repo.listEvents(db, id)
  return {
    ...(await toView(db, row, staff, todayInKazakhstan(now))),
    events: events.map((e) => ({ at: e.at.toISOString(), status: e.status, actorId: e.actor_id, note: e.note })),
  }
}

const isNational = (p: Principal) => p.role === 'admin' || p.role === 'analyst'

export async function listReports(
  db: Db,
  staff: Principal,
  filter: { status?: ReportStatus | undefined; overdue?: boolean | undefined },
  now = new Date(),
) {
  const today = todayInKazakhstan(now)
  const rows = await repo.listReports(db, {
    regionCode: isNational(staff) ? null : staff.regionCode,
    status: filter.status,
    overdueOn: filter.overdue ? today : undefined,
    limit: 500,
  })
  const items = []
  for (const row of rows) items.push(await toView(db, row, staff, today))
  return items
}

/** An officer of the report's region takes it as its inspector. */
export async function assignReport(db: Db, officer: Principal, id: number) {
  return db
    .transaction()
    .execute(async (trx) => {
      const row = await repo.lockReport(trx, id)
      if (row === undefined) throw new AppError('not_found', `no hotline report ${id}`)
      if (officer.regionCode !== row.region_code) {
        throw new AppError(
          'forbidden',
          `report ${id} belongs to region ${row.region_code}; only its officers inspect it`,
        )
      }
      const refusal = refuseTransition(row.status, 'assigned')
      if (refusal !== null) throw new AppError('conflict', `report ${id}: ${refusal}`)
      await repo.updateReport(trx, id, { status: 'assigned', assigned_to: officer.accountId })
      await repo.insertEvent(trx, id, officer.accountId, 'assigned', null)
    })
    .then(() => readReport(db, officer, id))
}

export interface StatusChange {
  status: 'inspecting' | 'resolved' | 'unfounded'
  contractsConcluded?: number | undefined
  contributionsRecovered?: number | undefined
  note?: string | undefined
}

/** Only the assigned inspector moves a report on; closing it records the outcome. */
export async function moveReport(db: Db, inspector: Principal, id: number, change: StatusChange) {
  await db.transaction().execute(async (trx) => {
    const row = await repo.lockReport(trx, id)
    if (row === undefined) throw new AppError('not_found', `no hotline report ${id}`)
    if (row.assigned_to !== inspector.accountId) {
      throw new AppError('forbidden', `report ${id} is not assigned to you`)
    }
    const refusal = refuseTransition(row.status, change.status)
    if (refusal !== null) throw new AppError('conflict', `report ${id}: ${refusal}`)
    const closing = change.status !== 'inspecting'
    if (closing && (change.note === undefined || change.note.trim() === '')) {
      throw new AppError('invalid', `closing report ${id} needs a note saying what the inspection found`, {
        field: 'note',
      })
    }
    await repo.updateReport(trx, id, {
      status: change.status,
      ...(closing
        ? {
            contracts_concluded: change.contractsConcluded ?? 0,
            contributions_recovered: change.contributionsRecovered ?? 0,
            resolution_note: change.note?.trim() ?? null,
            closed_at: new Date(),
          }
        : {}),
    })
    await repo.insertEvent(trx, id, inspector.accountId, change.status, change.note?.trim() || null)
  })
  return readReport(db, inspector, id)
}

/** Statistics by region and category, and employers named in repeated reports; officers see their region. */
export async function hotlineStatistics(db: Db, staff: Principal, now = new Date()) {
  const region = isNational(staff) ? null : staff.regionCode
  const [rows, repeated] = await Promise.all([
    repo.statistics(db, region, todayInKazakhstan(now)),
    repo.repeatedEmployers(db, region, 2),
  ])
  return {
    byRegionAndCategory: rows.map((r) => ({
      region: r.region_code,
      category: r.category,
      total: r.total,
      open: r.open,
      overdue: r.overdue,
      resolved: r.resolved,
      unfounded: r.unfounded,
      contractsConcluded: r.contracts_concluded,
      contributionsRecovered: Number(r.contributions_recovered),
    })),
    repeatedEmployers: repeated.map((r) => ({
      employerBin: r.employer_bin,
      employerName: r.employer_name,
      reports: r.reports,
      regions: r.regions,
      lastReportAt: new Date(r.last_at).toISOString(),
    })),
  }
}
