import type { Db } from '../../db/client.js'
import type { Principal } from '../../shared/auth.js'
import { AppError } from '../../shared/errors.js'
import { authorizeStaffRead } from '../identity/index.js'
import type { BenefitKind } from './benefit.rules.js'
import { BENEFIT_KINDS, calculateBenefit } from './benefit.service.js'
import * as incomes from './income.repository.js'
import * as platforms from './platform.repository.js'

/** Today in Kazakhstan (UTC+5): the date "what would I get today" is asked on. */
export function todayInKazakhstan(now = new Date()): string {
  return new Date(now.getTime() + 5 * 3_600_000).toISOString().slice(0, 10)
}

async function socialOf(db: Db, iin: string, today: string) {
  const [registered, ledger] = await Promise.all([
    platforms.listWorkerPlatforms(db, iin),
    incomes.listPersonContributions(db, iin),
  ])
  const contributions = ledger.map((r) => ({
    platformBin: r.platform_bin,
    platformName: r.platform_name,
    month: r.month.slice(0, 7),
    regime: r.regime,
    income: Number(r.income),
    pension: Number(r.pension),
    employerPension: Number(r.employer_pension),
    social: Number(r.social),
    healthEmployee: Number(r.health_employee),
    healthEmployer: Number(r.health_employer),
    total: Number(r.total),
    parameters: r.parameters,
  }))
  const round2 = (n: number) => Math.round(n * 100) / 100
  const coverage = []
  for (const kind of BENEFIT_KINDS) coverage.push(await calculateBenefit(db, iin, kind, today))
  return {
    platforms: registered.map((p) => ({
      bin: p.platform_bin,
      name: p.name,
      regime: p.regime,
      registeredAt: p.registered_at.toISOString(),
    })),
    contributions,
    totals: {
      income: round2(contributions.reduce((s, c) => s + c.income, 0)),
      contributions: round2(contributions.reduce((s, c) => s + c.total, 0)),
      months: new Set(contributions.map((c) => c.month)).size,
    },
    coverage,
  }
}

/** A citizen's own incomes by platform and month, contributions, and what each benefit would give today. */
export async function readMySocial(db: Db, citizen: Principal, now = new Date()) {
  if (citizen.iin === null) throw new AppError('forbidden', 'this account is not linked to a person')
  return socialOf(db, citizen.iin, todayInKazakhstan(now))
}

/** A citizen's own estimate for one benefit on a date of their choosing. */
export async function estimateMyBenefit(
  db: Db,
  citizen: Principal,
  kind: BenefitKind,
  date: string,
  complicated = false,
) {
  if (citizen.iin === null) throw new AppError('forbidden', 'this account is not linked to a person')
  return calculateBenefit(db, citizen.iin, kind, date, { complicated })
}

/** What is due to a person, for an officer: scoped to the officer's region and audited with the stated purpose. */
export async function readBenefitAsStaff(
  db: Db,
  staff: Principal,
  iin: string,
  kind: BenefitKind,
  date: string,
  purpose: string,
  complicated = false,
) {
  const person = await authorizeStaffRead(db, staff, iin, purpose, `social.benefit.${kind}.read`)
  return calculateBenefit(db, person.iin, kind, date, { complicated })
}
