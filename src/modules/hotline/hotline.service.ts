import type { Selectable } from 'kysely'
import type { Db } from '../../db/client.js'
import type { Principal } from '../../shared/auth.js'
import { AppError } from '../../shared/errors.js'
import { requireBin, requireIin } from '../../shared/identifiers.js'
import { appendAudit } from '../identity/index.js'
import { findRegion, getParameterOn } from '../reference/index.js'
import { hashFollowCode, newFollowCode, normaliseFollowCode } from './hotline.code.js'
import * as repo from './hotline.repository.js'
import {
  addWorkingDays,
  CONTACT_CENTRE_CHANNELS,
  isOverdue,
  type ReportCategory,
  type ReportStatus,
  refuseTransition,
} from './hotline.rules.js'
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
    reporter:
      isInspector && !row.is_anonymous
        ? { iin: row.reporter_iin, name: row.reporter_name, contact: row.contact }
        : null,
    source: row.source,
    enteredBy: row.entered_by,
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
            replyToReporter: row.reply_to_reporter,
          }
        : null,
    createdAt: row.created_at.toISOString(),
    closedAt: row.closed_at?.toISOString() ?? null,
  }
}
export type ReportView = Awaited<ReturnType<typeof toView>>

interface CheckedReport {
  category: ReportCategory
  region: string
  employerBin: string | null
  employerName: string | null
  description: string
  dueDate: string
}

/** The rules every report meets, from the web form or the contact centre: each refusal names its field. */
async function checkReport(db: Db, input: NewReport, now: Date): Promise<CheckedReport> {
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
  const today = todayInKazakhstan(now)
  const sla = await getParameterOn(db, 'hotline_sla_working_days', today)
  return {
    category: input.category,
    region,
    employerBin,
    employerName,
    description,
    dueDate: addWorkingDays(today, sla.value ?? 10),
  }
}

/** What the reporter is told at filing: the reference number, where it went, the deadline and the follow-up code. */
function filed(row: Selectable<ReportTable>, followCode: string) {
  return { id: row.id, status: row.status, region: row.region_code, dueDate: row.due_date, followCode }
}

/**
 * A report from the public web form (anyone, anonymous allowed). A signed-in citizen who does not ask for
 * anonymity is recorded by IIN; nobody else's account is recorded, since the form speaks for the reporter only.
 */
export async function fileReport(db: Db, caller: Principal | null, input: NewReport, now = new Date()) {
  const report = await checkReport(db, input, now)
  const isAnonymous = input.anonymous ?? caller === null
  const followCode = newFollowCode()
  return db.transaction().execute(async (trx) => {
    const row = await repo.insertReport(trx, {
      category: report.category,
      employer_bin: report.employerBin,
      employer_name: report.employerName,
      region_code: report.region,
      description: report.description,
      is_anonymous: isAnonymous,
      contact: isAnonymous ? null : input.contact?.trim() || null,
      reporter_iin: isAnonymous || caller?.role !== 'citizen' ? null : caller.iin,
      entered_by: null,
      source: 'web',
      due_date: report.dueDate,
      follow_code_sha256: hashFollowCode(followCode),
    })
    await repo.insertEvent(trx, row.id, caller?.accountId ?? null, 'new', null)
    return filed(row, followCode)
  })
}

export interface CallerReport extends NewReport {
  anonymous: boolean
  caller?: { iin?: string | undefined; name?: string | undefined; contact?: string | undefined } | undefined
}

/** Who may enter a caller's report: a contact-centre channel (any region) or an officer (their own region). */
function assertMayEnter(staff: Principal, region: string | null) {
  if (staff.role === 'channel') {
    if (staff.channelCode !== null && CONTACT_CENTRE_CHANNELS.includes(staff.channelCode)) return
    throw new AppError(
      'forbidden',
      `channel ${staff.channelCode ?? '?'} is not a contact centre; only ${CONTACT_CENTRE_CHANNELS.join(', ')} enters hotline reports`,
    )
  }
  if (staff.role === 'officer' && region !== null && staff.regionCode !== region) {
    throw new AppError(
      'forbidden',
      `you take calls for region ${staff.regionCode ?? '?'}; a report about region ${region} goes to the contact centre or that region`,
      { field: 'region' },
    )
  }
}

/**
 * A report a contact-centre operator (or a region's officer answering its hotline) enters for a caller, recorded
 * as `contact_centre` with the operator's account. A caller who gives their identity is recorded as the reporter
 * (seen only by the assigned inspector), and the operator's recording of it is audited.
 */
export async function enterCallerReport(db: Db, staff: Principal, input: CallerReport, now = new Date()) {
  assertMayEnter(staff, null)
  const report = await checkReport(db, input, now)
  assertMayEnter(staff, report.region)
  const iin = input.caller?.iin?.trim() ? requireIin(input.caller.iin.trim(), 'caller.iin') : null
  const name = input.caller?.name?.trim() || null
  const contact = input.caller?.contact?.trim() || null
  if (input.anonymous && (iin ?? name ?? contact) !== null) {
    throw new AppError('invalid', 'an anonymous report takes no caller name, IIN or contact', { field: 'anonymous' })
  }
  if (!input.anonymous && iin === null && name === null && contact === null) {
    throw new AppError('invalid', "the caller's name, IIN or contact is required unless the report is anonymous", {
      field: 'caller.name',
    })
  }
  const followCode = newFollowCode()
  return db.transaction().execute(async (trx) => {
    const row = await repo.insertReport(trx, {
      category: report.category,
      employer_bin: report.employerBin,
      employer_name: report.employerName,
      region_code: report.region,
      description: report.description,
      is_anonymous: input.anonymous,
      contact,
      reporter_iin: iin,
      reporter_name: name,
      entered_by: staff.accountId,
      source: 'contact_centre',
      due_date: report.dueDate,
      follow_code_sha256: hashFollowCode(followCode),
    })
    await repo.insertEvent(trx, row.id, staff.accountId, 'new', null)
    if (iin !== null || name !== null) {
      await appendAudit(trx, staff, {
        action: 'hotline.reporter.record',
        subjectIin: iin,
        purpose: `caller's hotline report ${row.id} entered by the contact centre`,
        details: { reportId: row.id, nameGiven: name !== null },
      })
    }
    return filed(row, followCode)
  })
}

/** The same answer for an unknown number and a wrong code, so the page tells nobody which numbers exist. */
const notFollowable = () => new AppError('not_found', 'no hotline report with this number and follow-up code')

/**
 * What the reporter may see with the reference number and the follow-up code, without an account: the status,
 * the deadline, the dates of each step and the outcome with the inspector's reply. Never the reporter's identity,
 * the description, who inspected, or the inspector's internal note.
 */
export async function followReport(db: Db, reference: string, code: string, now = new Date()) {
  const id = /^\d{1,15}$/.test(reference.trim()) ? Number(reference.trim()) : null
  const canonical = normaliseFollowCode(code)
  if (id === null || canonical === null) throw notFollowable()
  const row = await repo.findReportByFollowCode(db, id, hashFollowCode(canonical))
  if (row === undefined) throw notFollowable()
  const events = await repo.listEvents(db, id)
  const isClosed = row.status === 'resolved' || row.status === 'unfounded'
  return {
    id: row.id,
    category: row.category,
    region: row.region_code,
    status: row.status,
    createdAt: row.created_at.toISOString(),
    dueDate: row.due_date,
    isOverdue: isOverdue(row.status, row.due_date, todayInKazakhstan(now)),
    closedAt: row.closed_at?.toISOString() ?? null,
    outcome: isClosed
      ? {
          contractsConcluded: row.contracts_concluded ?? 0,
          contributionsRecovered: Number(row.contributions_recovered ?? 0),
          reply: row.reply_to_reporter,
        }
      : null,
    steps: events.map((e) => ({ at: e.at.toISOString(), status: e.status })),
  }
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
  /** On closing: what the reporter reads on the follow-up page (the note stays internal). */
  replyToReporter?: string | undefined
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
    if (!closing && change.replyToReporter !== undefined) {
      throw new AppError('invalid', `a reply to the reporter is given when closing report ${id}`, {
        field: 'replyToReporter',
      })
    }
    await repo.updateReport(trx, id, {
      status: change.status,
      ...(closing
        ? {
            contracts_concluded: change.contractsConcluded ?? 0,
            contributions_recovered: change.contributionsRecovered ?? 0,
            resolution_note: change.note?.trim() ?? null,
            reply_to_reporter: change.replyToReporter?.trim() || null,
            closed_at: new Date(),
          }
        : {}),
    })
    await repo.insertEvent(trx, id, inspector.accountId, change.status, change.note?.trim() || null)
  })
  return readReport(db, inspector, id)
}

/** A statistics period: report received dates (Kazakhstan's calendar), both ends inclusive, either open. */
export interface ReceivedPeriod {
  from?: string | undefined
  to?: string | undefined
}

/**
 * Turns received dates into instants: a day in Kazakhstan starts at 00:00 UTC+5 (one zone since 1 March 2024),
 * and `to` counts its whole day, so the window ends at the next day's start.
 */
export function receivedWindow(period: ReceivedPeriod): repo.ReceivedWindow {
  if (period.from !== undefined && period.to !== undefined && period.from > period.to) {
    throw new AppError('invalid', `from ${period.from} is after to ${period.to}`, { field: 'from' })
  }
  const startOf = (day: string) => new Date(`${day}T00:00:00+05:00`)
  const before = period.to === undefined ? null : startOf(period.to)
  before?.setUTCDate(before.getUTCDate() + 1)
  return { since: period.from === undefined ? null : startOf(period.from), before }
}

/** Employers named in two or more reports; officers see their region's reports, analysts and admins all. */
export async function listRepeatedEmployers(db: Db, staff: Principal, period: ReceivedPeriod = {}) {
  const rows = await repo.repeatedEmployers(db, isNational(staff) ? null : staff.regionCode, 2, receivedWindow(period))
  return rows.map((r) => ({
    employerBin: r.employer_bin,
    employerName: r.employer_name,
    reports: r.reports,
    regions: r.regions,
    lastReportAt: new Date(r.last_at).toISOString(),
  }))
}

/**
 * Statistics by region and category, and employers named in repeated reports, of reports received in the period;
 * officers see their region.
 */
export async function hotlineStatistics(db: Db, staff: Principal, period: ReceivedPeriod = {}, now = new Date()) {
  const region = isNational(staff) ? null : staff.regionCode
  const [rows, repeatedEmployers] = await Promise.all([
    repo.statistics(db, region, todayInKazakhstan(now), receivedWindow(period)),
    listRepeatedEmployers(db, staff, period),
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
      contactCentre: r.contact_centre,
      contractsConcluded: r.contracts_concluded,
      contributionsRecovered: Number(r.contributions_recovered),
    })),
    repeatedEmployers,
  }
}
