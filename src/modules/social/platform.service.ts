import type { Db } from '../../db/client.js'
import type { Principal } from '../../shared/auth.js'
import { AppError } from '../../shared/errors.js'
import { requireBin, requireIin } from '../../shared/identifiers.js'
import { getOrganisation } from '../identity/index.js'
import type { Regime } from './contribution.rules.js'
import * as repo from './platform.repository.js'

export interface Platform {
  bin: string
  name: string
  registeredAt: string
}

/** A platform acts for itself (an employer account of that BIN); an administrator acts for any. */
export function assertActsFor(principal: Principal, bin: string): void {
  if (principal.role === 'admin') return
  if (principal.role === 'employer' && principal.bin === bin) return
  throw new AppError('forbidden', `you cannot act for platform ${bin}`)
}

/** The BIN the caller reports for: an employer's own, or the one an administrator names. */
export function platformFor(principal: Principal, requested: string | undefined): string {
  if (principal.role === 'employer') {
    if (requested !== undefined && requested !== principal.bin) {
      throw new AppError('forbidden', `organisation ${principal.bin} cannot report for platform ${requested}`)
    }
    return principal.bin as string
  }
  if (requested === undefined) throw new AppError('invalid', 'platform is required', { field: 'platform' })
  return requireBin(requested, 'platform')
}

export async function registerPlatform(db: Db, principal: Principal, binInput: string): Promise<Platform> {
  const bin = requireBin(binInput)
  assertActsFor(principal, bin)
  const organisation = await getOrganisation(db, bin)
  const row = await repo.insertPlatform(db, { bin, name: organisation.name, registeredBy: principal.accountId })
  if (row === undefined) throw new AppError('conflict', `organisation ${bin} is already registered as a platform`)
  return { bin: row.bin, name: row.name, registeredAt: row.registered_at.toISOString() }
}

export async function getPlatform(db: Db, bin: string): Promise<Platform> {
  const row = await repo.findPlatform(db, bin)
  if (row === undefined) throw new AppError('not_found', `organisation ${bin} is not registered as a platform`)
  return { bin: row.bin, name: row.name, registeredAt: row.registered_at.toISOString() }
}

export async function listPlatforms(db: Db): Promise<Platform[]> {
  return (await repo.listPlatforms(db)).map((r) => ({
    bin: r.bin,
    name: r.name,
    registeredAt: r.registered_at.toISOString(),
  }))
}

/** Registers a worker with the regime they chose, or records a new choice (it applies to later reports). */
export async function registerWorker(db: Db, principal: Principal, bin: string, iinInput: string, regime: Regime) {
  assertActsFor(principal, bin)
  await getPlatform(db, bin)
  const iin = requireIin(iinInput)
  if (!(await repo.personExists(db, iin)))
    throw new AppError('not_found', `IIN ${iin} is not in the population register`)
  const row = await repo.upsertWorker(db, { platformBin: bin, iin, regime })
  return {
    platformBin: row.platform_bin,
    iin: row.iin,
    regime: row.regime,
    registeredAt: row.registered_at.toISOString(),
  }
}

export async function listWorkers(db: Db, principal: Principal, bin: string, page: { limit: number; offset: number }) {
  assertActsFor(principal, bin)
  await getPlatform(db, bin)
  return (await repo.listWorkers(db, bin, page.limit, page.offset)).map((r) => ({
    platformBin: r.platform_bin,
    iin: r.iin,
    regime: r.regime,
    registeredAt: r.registered_at.toISOString(),
  }))
}
