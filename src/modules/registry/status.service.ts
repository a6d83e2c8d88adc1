import { randomUUID } from 'node:crypto'
import type { Conn, Db } from '../../db/client.js'
import type { Principal } from '../../shared/auth.js'
import { AppError } from '../../shared/errors.js'
import { requireIin } from '../../shared/identifiers.js'
import { appendAudit, authorizeStaffRead } from '../identity/index.js'
import { type RegistryDb, submitEvents } from './ingest.service.js'
import * as repo from './status.repository.js'

/** A person's current registry status code (e.g. unemployed_registered), or undefined when none is known. */
export async function findCurrentStatusCode(db: Conn, iin: string): Promise<string | undefined> {
  return (await repo.findCurrentStatus(db, iin))?.status
}

/** A person's current status and full history: staff only, scoped to their region, audited with its purpose. */
export async function getPersonStatus(db: Db, staff: Principal, iin: string, purpose: string) {
  const person = await authorizeStaffRead(db, staff, iin, purpose, 'registry.status.read')
  const [current, history] = await Promise.all([
    repo.findCurrentStatus(db, person.iin),
    repo.listHistory(db, person.iin),
  ])
  return {
    iin: person.iin,
    current:
      current === undefined
        ? null
        : {
            status: current.status,
            validFrom: current.valid_from,
            channel: current.channel_code,
            confirmedAt: current.confirmed_at.toISOString(),
            freshUntil: current.fresh_until.toISOString(),
            isStale: current.fresh_until.getTime() < Date.now(),
          },
    history: history.map((e) => ({
      id: e.id,
      status: e.status,
      validFrom: e.valid_from,
      validTo: e.valid_to,
      recordedAt: e.recorded_at.toISOString(),
      channel: e.channel_code,
      batchId: e.batch_id,
      sourceRef: e.source_ref,
      outcome: e.outcome,
    })),
  }
}

/** Regional staff see their own region; national roles choose one or see all. */
function regionFor(principal: Principal, requested: string | undefined): string | null {
  const isNational = principal.role === 'analyst' || principal.role === 'admin'
  if (isNational) return requested ?? null
  if (requested !== undefined && requested !== principal.regionCode) {
    throw new AppError('forbidden', `region ${requested} is outside your scope (region ${principal.regionCode})`)
  }
  return principal.regionCode
}

export async function summarise(db: Db, principal: Principal, region: string | undefined) {
  const scope = regionFor(principal, region)
  const rows = await repo.summarise(db, scope)
  return rows.map((r) => ({
    ...(scope === null
      ? { regionCode: r.unit }
      : { regionCode: scope, districtCode: r.unit === scope ? null : r.unit }),
    people: r.people,
    known: r.known,
    unknown: r.unknown,
    stale: r.stale,
  }))
}

export async function listPlans(db: Db, principal: Principal, year: number, region: string | undefined) {
  const rows = await repo.listPlansWithProgress(db, year, regionFor(principal, region))
  return rows.map((r) => ({
    regionCode: r.region_code,
    districtCode: r.district_code,
    category: r.category,
    year: r.year,
    target: r.target,
    done: r.done,
    percent: r.target === 0 ? 100 : Math.round((r.done / r.target) * 1000) / 10,
  }))
}

export async function setPlan(
  db: Db,
  principal: Principal,
  plan: { regionCode: string; districtCode?: string | undefined; year: number; category: string; target: number },
) {
  regionFor(principal, plan.regionCode)
  if (plan.districtCode !== undefined && !plan.districtCode.startsWith(plan.regionCode)) {
    throw new AppError('invalid', `district ${plan.districtCode} is not in region ${plan.regionCode}`, {
      field: 'districtCode',
    })
  }
  await repo.upsertPlan(db, { ...plan, districtCode: plan.districtCode ?? null })
}

export type PointOfServiceState = 'missing' | 'stale' | 'current'

/**
 * What a school, clinic, service centre or bank branch may learn about a person: only whether their status
 * is missing or stale. The check is audited as that channel.
 */
export async function checkAtPointOfService(
  db: Db,
  staff: Principal,
  iinInput: string,
): Promise<{ iin: string; state: PointOfServiceState }> {
  const iin = requireIin(iinInput)
  const current = await repo.findCurrentStatus(db, iin)
  const state: PointOfServiceState =
    current === undefined ? 'missing' : current.fresh_until.getTime() < Date.now() ? 'stale' : 'current'
  await appendAudit(db, staff, {
    action: 'registry.check',
    subjectIin: iin,
    purpose: `point-of-service check (${staff.channelCode})`,
  })
  return { iin, state }
}

export async function recordAtPointOfService(
  database: RegistryDb,
  staff: Principal,
  input: { iin: string; status: string; validFrom: string },
) {
  const channel = staff.channelCode
  if (channel === null) throw new AppError('forbidden', 'only staff of a channel record statuses at a point of service')
  const { results } = await submitEvents(
    database,
    channel,
    [
      {
        iin: input.iin,
        status: input.status,
        valid_from: input.validFrom,
        source_ref: `pos-${staff.accountId}-${randomUUID()}`,
      },
    ],
    staff.accountId,
  )
  const result = results[0]
  if (result === undefined) throw new Error('no result for the recorded event')
  if (result.outcome !== 'rejected') {
    await appendAudit(database.db, staff, {
      action: 'registry.status.record',
      subjectIin: input.iin,
      purpose: `recorded at a point of service (${channel})`,
      details: { status: input.status, outcome: result.outcome },
    })
  }
  return { outcome: result.outcome, ...(result.reason === undefined ? {} : { reason: result.reason }) }
}
