import type { Db } from '../../db/client.js'
import type { Principal } from '../../shared/auth.js'
import { AppError } from '../../shared/errors.js'
import { applyToVacancy } from '../exchange/index.js'
import { findCurrentStatusCode } from '../registry/index.js'
import { checkEligibility, type Eligibility } from './eligibility.rules.js'
import * as repo from './fair.repository.js'
import { type FairRow, fairDayOf, getFair, stateAt, targetGroupOf } from './fair.service.js'

export function requireSeekerIin(principal: Principal): string {
  if (principal.role !== 'citizen' || principal.iin === null) {
    throw new AppError('forbidden', `role ${principal.role} cannot take part as a seeker; sign in as a citizen`)
  }
  return principal.iin
}

/** The seeker against the fair's rules, from identity's recorded facts and the registry's current status. */
async function evaluate(
  db: Db,
  fair: FairRow,
  iin: string,
): Promise<{ eligibility: Eligibility; regionCode: string | null }> {
  const [person, statusCode] = await Promise.all([repo.findPersonFacts(db, iin), findCurrentStatusCode(db, iin)])
  const eligibility = checkEligibility(
    targetGroupOf(fair),
    {
      iin,
      birthDate: person?.birth_date ?? null,
      regionCode: person?.region_code ?? null,
      statusCode: statusCode ?? null,
      graduationDate: null,
    },
    fairDayOf(fair),
  )
  return { eligibility, regionCode: person?.region_code ?? null }
}

function refuseIneligible(fair: FairRow, eligibility: Eligibility): void {
  if (!eligibility.isEligible) {
    throw new AppError('forbidden', `not eligible for fair ${fair.id}: ${eligibility.reasons.join('; ')}`, {
      reasons: eligibility.reasons,
    })
  }
}

function refuseClosed(fair: FairRow, action: string): void {
  if (stateAt(fair) === 'closed') {
    throw new AppError(
      'conflict',
      `fair ${fair.id} closed on ${new Date(fair.ends_at).toISOString()}; ${action} is no longer possible`,
    )
  }
}

const asAnswer = (e: Eligibility) => ({
  isEligible: e.isEligible,
  reasons: e.isEligible ? [] : e.reasons,
  unchecked: e.unchecked,
})

/** Whether the signed-in seeker may take part, with every reason: shown before they register. */
export async function readMyEligibility(db: Db, seeker: Principal, fairId: number) {
  const fair = await getFair(db, fairId)
  return asAnswer((await evaluate(db, fair, requireSeekerIin(seeker))).eligibility)
}

/** Registers a seeker for a planned or open fair; registering twice returns the first registration. */
export async function registerForFair(db: Db, seeker: Principal, fairId: number) {
  const iin = requireSeekerIin(seeker)
  const fair = await getFair(db, fairId)
  refuseClosed(fair, 'registering')
  const { eligibility, regionCode } = await evaluate(db, fair, iin)
  refuseIneligible(fair, eligibility)
  const row =
    (await repo.insertRegistrationWithNotice(
      db,
      { fair_id: fairId, seeker_iin: iin, seeker_name: seeker.displayName, region_code: regionCode },
      eligibility.unchecked,
    )) ?? (await repo.findRegistration(db, fairId, iin))
  if (row === undefined) throw new AppError('conflict', `registration for fair ${fairId} did not complete; try again`)
  return { fairId, registeredAt: new Date(row.created_at).toISOString(), eligibility: asAnswer(eligibility) }
}

export async function requireRegistration(db: Db, fairId: number, iin: string) {
  const registration = await repo.findRegistration(db, fairId, iin)
  if (registration === undefined) {
    throw new AppError('forbidden', `register for fair ${fairId} first`)
  }
  return registration
}

/**
 * Applies to a fair vacancy through the exchange's pipeline, so the seeker sees every step in their
 * applications. Eligibility is checked again: the status may have changed since registration.
 */
export async function applyAtFair(
  db: Db,
  seeker: Principal,
  fairId: number,
  vacancyId: number,
  input: { coverLetter?: string | undefined },
) {
  const iin = requireSeekerIin(seeker)
  const fair = await getFair(db, fairId)
  refuseClosed(fair, 'applying')
  const registration = await requireRegistration(db, fairId, iin)
  const offered = await repo.findFairVacancy(db, fairId, vacancyId)
  if (offered === undefined || offered.booth_state !== 'approved') {
    throw new AppError('not_found', `vacancy ${vacancyId} is not on offer at fair ${fairId}`)
  }
  refuseIneligible(fair, (await evaluate(db, fair, iin)).eligibility)
  const application = await applyToVacancy(db, seeker, vacancyId, input)
  // After the exchange committed: a crash in between leaves an application the funnel does not count, never one
  // the seeker cannot see.
  await repo.insertFairApplication(db, {
    application_id: application.id,
    fair_id: fairId,
    booth_id: offered.booth_id,
    vacancy_id: vacancyId,
    seeker_iin: iin,
    region_code: registration.region_code,
  })
  return { fairId, boothId: offered.booth_id, application }
}

/** The signed-in seeker's registration at the fair, with today's eligibility; not_found when not registered. */
export async function readMyRegistration(db: Db, seeker: Principal, fairId: number) {
  const iin = requireSeekerIin(seeker)
  const fair = await getFair(db, fairId)
  const row = await repo.findRegistration(db, fairId, iin)
  if (row === undefined) throw new AppError('not_found', `you are not registered for fair ${fairId}`)
  const { eligibility } = await evaluate(db, fair, iin)
  return { fairId, registeredAt: new Date(row.created_at).toISOString(), eligibility: asAnswer(eligibility) }
}
