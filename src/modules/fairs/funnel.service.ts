import type { Db } from '../../db/client.js'
import type { Principal } from '../../shared/auth.js'
import { AppError } from '../../shared/errors.js'
import { listApplicants } from '../exchange/index.js'
import * as repo from './fair.repository.js'
import type { Counts, Funnel } from './fair.schema.js'
import { getFair, isOrganiser, stateAt } from './fair.service.js'

/** Counts a page view of the fair (or of one of its booths): the funnel's first step. Anonymous. */
export async function recordVisit(db: Db, fairId: number, boothId: number | undefined): Promise<void> {
  await getFair(db, fairId)
  if (boothId !== undefined && (await repo.findBooth(db, fairId, boothId)) === undefined) {
    throw new AppError('not_found', `no booth ${boothId} at fair ${fairId}`)
  }
  await repo.addVisit(db, fairId, boothId ?? 0)
}

const zero = (): Counts => ({ visitors: 0, registrations: 0, applications: 0, interviews: 0, offers: 0, hires: 0 })

function bump<K>(map: Map<K, Counts>, key: K, step: keyof Counts, by = 1): void {
  const counts = map.get(key) ?? zero()
  counts[step] += by
  map.set(key, counts)
}

/**
 * How far the exchange's event log took each application of the fair's vacancies. Read through the exchange's
 * own function for the vacancy's employer (the funnel is a view of that employer's applicants).
 */
async function reachedSteps(db: Db, vacancies: { vacancy_id: number; employer_bin: string }[]) {
  const reached = new Map<number, Set<string>>()
  for (const v of vacancies) {
    const asEmployer: Principal = {
      accountId: 0,
      login: 'fairs-funnel',
      role: 'employer',
      displayName: 'fairs funnel',
      regionCode: null,
      districtCode: null,
      iin: null,
      bin: v.employer_bin,
      channelCode: null,
    }
    for (const application of await listApplicants(db, asEmployer, v.vacancy_id)) {
      reached.set(application.id, new Set(application.events.map((e) => e.state)))
    }
  }
  return reached
}

/**
 * The fair's funnel: visitors → registrations → applications → interviews (booked slots) → offers → hires, in
 * total and by employer, region (the seeker's) and vacancy. Public once the fair closes; live for its organiser.
 */
export async function readFunnel(db: Db, viewer: Principal | null, fairId: number): Promise<Funnel> {
  const fair = await getFair(db, fairId)
  const state = stateAt(fair)
  const organiser = isOrganiser(fair, viewer)
  if (state !== 'closed' && !organiser) {
    throw new AppError(
      'forbidden',
      `fair ${fairId}'s funnel is published when it closes; until then only its organiser sees it live`,
    )
  }
  const [visits, registrations, applications, bookings, vacancies, booths] = await Promise.all([
    repo.countVisits(db, fairId),
    repo.countRegistrationsByRegion(db, fairId),
    repo.listFairApplications(db, fairId),
    repo.listFairBookings(db, fairId),
    repo.listFairVacancies(db, fairId),
    repo.listBooths(db, fairId, ['approved', 'pending', 'rejected']),
  ])
  const reached = await reachedSteps(db, vacancies)

  const total = zero()
  const byBooth = new Map<number, Counts>()
  const byRegion = new Map<string, Counts>()
  const byVacancy = new Map<number, Counts>()
  const region = (code: string | null) => code ?? 'unknown'

  for (const v of visits) {
    if (v.boothId === 0) total.visitors += v.views
    else bump(byBooth, v.boothId, 'visitors', v.views)
  }
  for (const r of registrations) {
    total.registrations += r.n
    bump(byRegion, region(r.region_code), 'registrations', r.n)
  }
  const applicantsAtBooth = new Map<string, number[]>()
  for (const a of applications) {
    const steps = reached.get(a.application_id) ?? new Set<string>()
    const key = `${a.booth_id}:${a.seeker_iin}`
    applicantsAtBooth.set(key, [...(applicantsAtBooth.get(key) ?? []), a.vacancy_id])
    for (const step of ['applications', 'offers', 'hires'] as const) {
      const counts = step === 'applications' || steps.has(step === 'offers' ? 'offer' : 'hired')
      if (!counts) continue
      total[step]++
      bump(byBooth, a.booth_id, step)
      bump(byRegion, region(a.region_code), step)
      bump(byVacancy, a.vacancy_id, step)
    }
  }
  for (const b of bookings) {
    total.interviews++
    bump(byBooth, b.booth_id, 'interviews')
    bump(byRegion, region(b.region_code), 'interviews')
    // A booked interview counts for each vacancy of that booth the seeker applied to.
    for (const vacancyId of applicantsAtBooth.get(`${b.booth_id}:${b.seeker_iin}`) ?? []) {
      bump(byVacancy, vacancyId, 'interviews')
    }
  }

  return {
    fairId,
    state,
    isLive: state !== 'closed',
    total,
    byEmployer: booths
      .filter((b) => b.state === 'approved' || byBooth.has(b.id))
      .map((b) => ({ employerBin: b.employer_bin, employerName: b.employer_name, ...(byBooth.get(b.id) ?? zero()) })),
    byRegion: [...byRegion.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([regionCode, counts]) => ({ regionCode, ...counts })),
    byVacancy: vacancies.map((v) => ({
      vacancyId: v.vacancy_id,
      title: v.title,
      ...(byVacancy.get(v.vacancy_id) ?? zero()),
    })),
  }
}
