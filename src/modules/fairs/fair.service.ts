import type { Selectable } from 'kysely'
import type { Conn, Db } from '../../db/client.js'
import type { Principal } from '../../shared/auth.js'
import { AppError } from '../../shared/errors.js'
import { almatyDay, type TargetGroup } from './eligibility.rules.js'
import * as repo from './fair.repository.js'
import type { Fair, NewFair } from './fair.schema.js'
import type { FairState, FairTable } from './fairs.tables.js'

export type FairRow = Selectable<FairTable>

const MAX_WINDOW_DAYS = 62
const DAY_MS = 86_400_000

export function targetGroupOf(row: FairRow): TargetGroup {
  return {
    maxAge: row.max_age,
    graduatedWithinYears: row.graduated_within_years,
    allowedStatuses: row.allowed_statuses,
    regionCodes: row.region_codes,
  }
}

export function toFair(row: FairRow): Fair {
  return {
    id: row.id,
    title: row.title,
    description: row.description,
    organiserName: row.organiser_name,
    startsAt: new Date(row.starts_at).toISOString(),
    endsAt: new Date(row.ends_at).toISOString(),
    state: stateAt(row),
    recurrence: row.recurrence,
    templateId: row.template_id,
    targetGroup: { ...targetGroupOf(row), allowedStatuses: row.allowed_statuses, regionCodes: row.region_codes },
  }
}

/** The fair's state now: the stored one, corrected by the window when the switch job has not run yet. */
export function stateAt(row: Pick<FairRow, 'state' | 'starts_at' | 'ends_at'>, now = new Date()): FairState {
  if (row.state === 'closed' || new Date(row.ends_at) <= now) return 'closed'
  if (row.state === 'open' || new Date(row.starts_at) <= now) return 'open'
  return 'planned'
}

/** The fair's first day in Kazakhstan: ages are counted on it. */
export const fairDayOf = (row: Pick<FairRow, 'starts_at'>) => almatyDay(new Date(row.starts_at))

export function requireOrganiserRole(principal: Principal): void {
  if (principal.role !== 'admin' && principal.role !== 'officer') {
    throw new AppError('forbidden', `role ${principal.role} cannot organise fairs; an officer or administrator can`)
  }
}

/** The fair's organiser, or an administrator, may approve booths and watch the live funnel. */
export function isOrganiser(row: FairRow, principal: Principal | null): boolean {
  return principal !== null && (principal.role === 'admin' || principal.accountId === row.organiser_account_id)
}

export async function getFair(db: Conn, id: number): Promise<FairRow> {
  const row = await repo.findFair(db, id)
  if (row === undefined) throw new AppError('not_found', `no fair ${id}`)
  return row
}

function checkWindow(startsAt: string, endsAt: string, now = new Date()): { starts: Date; ends: Date } {
  const starts = new Date(startsAt)
  const ends = new Date(endsAt)
  if (ends <= starts) {
    throw new AppError('invalid', `the fair ends (${endsAt}) before it starts (${startsAt})`, { field: 'endsAt' })
  }
  if (ends <= now) throw new AppError('invalid', `the fair's window ended already (${endsAt})`, { field: 'endsAt' })
  if (ends.getTime() - starts.getTime() > MAX_WINDOW_DAYS * DAY_MS) {
    throw new AppError('invalid', `a fair lasts at most ${MAX_WINDOW_DAYS} days`, { field: 'endsAt' })
  }
  return { starts, ends }
}

export async function createFair(db: Db, organiser: Principal, input: NewFair): Promise<Fair> {
  requireOrganiserRole(organiser)
  const { starts, ends } = checkWindow(input.startsAt, input.endsAt)
  const group = input.targetGroup ?? {}
  const row = await repo.insertFair(db, {
    title: input.title.trim(),
    description: input.description ?? '',
    organiser_account_id: organiser.accountId,
    organiser_name: organiser.displayName,
    starts_at: starts,
    ends_at: ends,
    recurrence: input.recurrence ?? 'none',
    max_age: group.maxAge ?? null,
    graduated_within_years: group.graduatedWithinYears ?? null,
    allowed_statuses: [...new Set(group.allowedStatuses ?? [])],
    region_codes: [...new Set(group.regionCodes ?? [])],
  })
  return toFair(row)
}

export async function readFair(db: Db, id: number): Promise<Fair> {
  return toFair(await getFair(db, id))
}

export async function listFairs(db: Db, state: FairState | undefined): Promise<Fair[]> {
  return (await repo.listFairs(db, state)).map(toFair)
}

/**
 * The fairs-switch job (every minute): opens fairs whose window began, closes those whose window ended, and
 * creates next month's fair for every monthly one that has begun. Safe to run twice or concurrently.
 */
export async function switchFairs(db: Db, now = new Date()) {
  return db.transaction().execute(async (trx) => {
    const states = await repo.switchStates(trx, now)
    const created = await repo.createNextMonthlyFairs(trx, now)
    return { ...states, created }
  })
}
