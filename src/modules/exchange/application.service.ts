import type { Db, Trx } from '../../db/client.js'
import type { Principal } from '../../shared/auth.js'
import { AppError } from '../../shared/errors.js'
import { notifyApplicationMoved } from './alert.service.js'
import * as repo from './application.repository.js'
import { canMove, SEEKER_STATES } from './application.rules.js'
import type { Application, ApplicationMove, RankedApplication } from './application.schema.js'
import type { ApplicationState } from './exchange.tables.js'
import { scoreSeekers } from './profile.service.js'
import * as vacancies from './vacancy.repository.js'
import { isOpen, requireEmployerBin } from './vacancy.service.js'

type Row = NonNullable<Awaited<ReturnType<typeof repo.findApplication>>>
type EventRow = Awaited<ReturnType<typeof repo.listEvents>>[number]

/** The registry's status for a hire; the registry consumer of the outbox applies it (channel "exchange"). */
export const HIRE_STATUS = 'employed_contract'
export const STATUS_EVENT = 'registry.status_event'

const byOf = (role: string): 'seeker' | 'employer' | 'system' =>
  role === 'citizen' ? 'seeker' : role === 'employer' ? 'employer' : 'system'

function toApplication(row: Row, events: EventRow[]): Application {
  return {
    id: row.id,
    vacancyId: row.vacancy_id,
    vacancyTitle: row.vacancy_title,
    employerName: row.employer_name,
    seekerName: row.seeker_name,
    state: row.state,
    coverLetter: row.cover_letter,
    createdAt: new Date(row.created_at).toISOString(),
    updatedAt: new Date(row.updated_at).toISOString(),
    events: events.map((e) => ({
      state: e.state,
      reason: e.reason,
      by: byOf(e.actor_role),
      at: new Date(e.at).toISOString(),
    })),
  }
}

async function withEvents(db: Db | Trx, rows: Row[]): Promise<Application[]> {
  const events = await repo.listEvents(
    db,
    rows.map((r) => r.id),
  )
  const byApplication = new Map<number, EventRow[]>()
  for (const e of events) byApplication.set(e.application_id, [...(byApplication.get(e.application_id) ?? []), e])
  return rows.map((r) => toApplication(r, byApplication.get(r.id) ?? []))
}

async function readApplication(db: Db | Trx, id: number): Promise<Application> {
  const row = await repo.findApplication(db, id)
  if (row === undefined) throw new AppError('not_found', `no application ${id}`)
  return (await withEvents(db, [row]))[0] as Application
}

function requireSeekerIin(principal: Principal): string {
  if (principal.role !== 'citizen' || principal.iin === null) {
    throw new AppError('forbidden', `role ${principal.role} cannot apply; sign in as a citizen`)
  }
  return principal.iin
}

/** A seeker applies once to a published vacancy; a second application is a conflict, not a duplicate row. */
export async function applyToVacancy(
  db: Db,
  seeker: Principal,
  vacancyId: number,
  input: { coverLetter?: string | undefined },
): Promise<Application> {
  const iin = requireSeekerIin(seeker)
  const id = await db.transaction().execute(async (trx) => {
    const vacancy = await vacancies.findVacancy(trx, vacancyId)
    if (vacancy === undefined || vacancy.state === 'draft') {
      throw new AppError('not_found', `no published vacancy ${vacancyId}`)
    }
    if (!isOpen(vacancy)) {
      const why =
        vacancy.state === 'published'
          ? `its publication window ended on ${new Date(vacancy.expires_at as Date).toISOString().slice(0, 10)}`
          : `it is ${vacancy.state}`
      throw new AppError('conflict', `vacancy ${vacancyId} no longer accepts applications: ${why}`)
    }
    const inserted = await repo.insertApplication(trx, {
      vacancy_id: vacancyId,
      seeker_iin: iin,
      seeker_name: seeker.displayName,
      cover_letter: input.coverLetter ?? null,
    })
    if (inserted === undefined) {
      const existing = await repo.findApplicationId(trx, vacancyId, iin)
      throw new AppError('conflict', `you have already applied to vacancy ${vacancyId} (application ${existing?.id})`)
    }
    await repo.insertEvent(trx, {
      application_id: inserted.id,
      state: 'submitted',
      reason: null,
      actor_role: seeker.role,
      actor_id: seeker.accountId,
    })
    return inserted.id
  })
  return readApplication(db, id)
}

/** Who may see an application: its seeker, and the employer of its vacancy. */
function requireParty(row: Row, who: Principal): 'seeker' | 'employer' {
  if (who.role === 'citizen' && who.iin === row.seeker_iin) return 'seeker'
  if (who.role === 'employer' && who.bin === row.employer_bin) return 'employer'
  throw new AppError('forbidden', `application ${row.id} is not yours`)
}

/** Opening an application: the employer's first look records "viewed", so the seeker is not left guessing. */
export async function openApplication(db: Db, who: Principal, id: number): Promise<Application> {
  const row = await repo.findApplication(db, id)
  if (row === undefined) throw new AppError('not_found', `no application ${id}`)
  if (requireParty(row, who) === 'employer' && row.state === 'submitted') {
    await db.transaction().execute(async (trx) => {
      const locked = await repo.lockApplication(trx, id)
      if (locked?.state !== 'submitted') return
      await repo.moveApplication(trx, id, {
        state: 'viewed',
        reason: null,
        actor_role: who.role,
        actor_id: who.accountId,
      })
      await notifyApplicationMoved(trx, {
        seekerIin: row.seeker_iin,
        applicationId: id,
        vacancyId: row.vacancy_id,
        vacancyTitle: row.vacancy_title,
        employerName: row.employer_name,
        state: 'viewed',
        reason: null,
      })
    })
  }
  return readApplication(db, id)
}

/**
 * Moves an application along its event log. A hire locks the vacancy row first, so concurrent hires take
 * turns and positions_filled never passes positions; the hire's status event is queued in the outbox in the
 * same transaction, so it is sent if and only if the hire commits.
 */
export async function moveApplication(db: Db, who: Principal, id: number, move: ApplicationMove): Promise<Application> {
  const target = move.state
  if (target === 'submitted')
    throw new AppError('invalid', 'an application is submitted only by applying', { field: 'state' })
  if (target === 'rejected' && (move.reason === undefined || move.reason.trim() === '')) {
    throw new AppError('invalid', `rejecting application ${id} needs a reason; the seeker is told why`, {
      field: 'reason',
    })
  }
  const current = await repo.findApplication(db, id)
  if (current === undefined) throw new AppError('not_found', `no application ${id}`)
  const party = requireParty(current, who)
  const isSeekerMove = SEEKER_STATES.includes(target)
  if (party === 'seeker' && !isSeekerMove) {
    throw new AppError('forbidden', `only the employer moves an application to ${target}`)
  }
  if (party === 'employer' && isSeekerMove) {
    throw new AppError('forbidden', `only the seeker can withdraw application ${id}`)
  }
  if (party === 'employer') requireEmployerBin(who)

  await db.transaction().execute(async (trx) => {
    // Lock order everywhere: vacancy, then application.
    const vacancy = target === 'hired' ? await vacancies.lockVacancy(trx, current.vacancy_id) : undefined
    const application = await repo.lockApplication(trx, id)
    if (application === undefined) throw new AppError('not_found', `no application ${id}`)
    if (!canMove(application.state, target)) {
      throw new AppError('conflict', `application ${id} is ${application.state}; it cannot move to ${target}`)
    }
    if (vacancy !== undefined) {
      if (vacancy.positions_filled >= vacancy.positions) {
        throw new AppError(
          'conflict',
          `vacancy ${vacancy.id} has all ${vacancy.positions} position${vacancy.positions === 1 ? '' : 's'} filled`,
        )
      }
      await vacancies.fillPosition(trx, vacancy.id)
      await repo.insertOutbox(trx, {
        event_type: STATUS_EVENT,
        iin: application.seeker_iin,
        payload: {
          status: HIRE_STATUS,
          channel: 'exchange',
          validFrom: new Date().toISOString().slice(0, 10),
          idempotencyKey: `exchange:hire:${id}`,
          employerBin: vacancy.employer_bin,
          vacancyId: vacancy.id,
          applicationId: id,
          occupationCode: vacancy.occupation_code,
        },
      })
    }
    const reason = move.reason?.trim() ?? null
    await repo.moveApplication(trx, id, {
      state: target as ApplicationState,
      reason,
      actor_role: who.role,
      actor_id: who.accountId,
    })
    // The seeker hears of every step the employer takes, in the same transaction as the step.
    if (party === 'employer') {
      await notifyApplicationMoved(trx, {
        seekerIin: application.seeker_iin,
        applicationId: id,
        vacancyId: current.vacancy_id,
        vacancyTitle: current.vacancy_title,
        employerName: current.employer_name,
        state: target as ApplicationState,
        reason,
      })
    }
  })
  return readApplication(db, id)
}

export async function listMyApplications(db: Db, seeker: Principal): Promise<Application[]> {
  return withEvents(db, await repo.listSeekerApplications(db, requireSeekerIin(seeker)))
}

/**
 * The applicants of one of the employer's vacancies, best match first; equal scores, and seekers without a
 * shared profile (no score, last), keep the order they applied in.
 */
export async function listApplicants(db: Db, employer: Principal, vacancyId: number): Promise<RankedApplication[]> {
  const bin = requireEmployerBin(employer)
  const vacancy = await vacancies.findVacancy(db, vacancyId)
  if (vacancy === undefined) throw new AppError('not_found', `no vacancy ${vacancyId}`)
  if (vacancy.employer_bin !== bin) throw new AppError('forbidden', `vacancy ${vacancyId} belongs to another employer`)
  const rows = await repo.listVacancyApplications(db, vacancyId)
  const [applications, matches] = await Promise.all([
    withEvents(db, rows),
    scoreSeekers(
      db,
      vacancy,
      rows.map((r) => r.seeker_iin),
    ),
  ])
  const ranked = applications.map((a, i) => ({ ...a, match: matches.get(rows[i]?.seeker_iin ?? '') ?? null }))
  // Array.prototype.sort is stable, so ties stay in application order.
  return ranked.sort((a, b) => (b.match?.score ?? -1) - (a.match?.score ?? -1))
}
