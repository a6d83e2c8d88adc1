import type { Selectable } from 'kysely'
import type { Conn, Db } from '../../db/client.js'
import type { Principal } from '../../shared/auth.js'
import { AppError } from '../../shared/errors.js'
import { listApplicants, readVacancy } from '../exchange/index.js'
import { getOrganisation } from '../identity/index.js'
import * as repo from './fair.repository.js'
import type { Booth, BoothApplicant, NewSlot, Slot } from './fair.schema.js'
import { type FairRow, getFair, isOrganiser, stateAt } from './fair.service.js'
import type { BoothTable } from './fairs.tables.js'
import * as notices from './notification.repository.js'
import { requireRegistration, requireSeekerIin } from './seeker.service.js'

type BoothRow = Selectable<BoothTable>

const iso = (d: Date) => new Date(d).toISOString()

function requireEmployerBin(principal: Principal): string {
  if (principal.role !== 'employer' || principal.bin === null) {
    throw new AppError('forbidden', `role ${principal.role} cannot run a booth; sign in as an employer`)
  }
  return principal.bin
}

function refuseClosed(fair: FairRow, action: string): void {
  if (stateAt(fair) === 'closed')
    throw new AppError('conflict', `fair ${fair.id} is closed; ${action} is no longer possible`)
}

/** PostgreSQL's error code and constraint, when the error came from the database. */
function pgError(error: unknown): { code?: string; constraint?: string } {
  return typeof error === 'object' && error !== null ? (error as { code?: string; constraint?: string }) : {}
}

async function withVacancies(db: Db, booths: BoothRow[]): Promise<Booth[]> {
  const vacancies = await repo.listBoothVacancies(
    db,
    booths.map((b) => b.id),
  )
  return booths.map((b) => ({
    id: b.id,
    fairId: b.fair_id,
    employerBin: b.employer_bin,
    employerName: b.employer_name,
    state: b.state,
    decisionReason: b.decision_reason,
    vacancies: vacancies
      .filter((v) => v.booth_id === b.id)
      .map((v) => ({ vacancyId: v.vacancy_id, title: v.title, regionCode: v.region_code })),
  }))
}

async function getBooth(db: Conn, fairId: number, boothId: number): Promise<BoothRow> {
  const booth = await repo.findBooth(db, fairId, boothId)
  if (booth === undefined) throw new AppError('not_found', `no booth ${boothId} at fair ${fairId}`)
  return booth
}

/** The booth of the signed-in employer at this fair. */
async function requireOwnBooth(db: Db, employer: Principal, fairId: number, boothId: number): Promise<BoothRow> {
  const bin = requireEmployerBin(employer)
  const booth = await getBooth(db, fairId, boothId)
  if (booth.employer_bin !== bin) throw new AppError('forbidden', `booth ${boothId} belongs to another employer`)
  return booth
}

/**
 * An employer joins a fair with their own vacancies: existing ones, or fair-only ones created in the exchange with
 * fairId set to this fair. The organiser approves the booth before seekers see it.
 */
export async function joinFair(db: Db, employer: Principal, fairId: number, vacancyIds: number[]): Promise<Booth> {
  const bin = requireEmployerBin(employer)
  const fair = await getFair(db, fairId)
  refuseClosed(fair, 'joining')
  const rows: { vacancy_id: number; title: string; region_code: string }[] = []
  for (const id of [...new Set(vacancyIds)]) {
    let vacancy: Awaited<ReturnType<typeof readVacancy>>
    try {
      vacancy = await readVacancy(db, employer, id)
    } catch (error) {
      if (error instanceof AppError && error.code === 'not_found') {
        throw new AppError('not_found', `no vacancy ${id} of yours`, { field: 'vacancyIds', vacancyId: id })
      }
      throw error
    }
    if (vacancy.employerBin !== bin) {
      throw new AppError('forbidden', `vacancy ${id} belongs to another employer (${vacancy.employerName})`, {
        field: 'vacancyIds',
        vacancyId: id,
      })
    }
    if (vacancy.fairId !== null && vacancy.fairId !== fairId) {
      throw new AppError('invalid', `vacancy ${id} is a fair-only vacancy of fair ${vacancy.fairId}`, {
        field: 'vacancyIds',
        vacancyId: id,
      })
    }
    if (vacancy.state !== 'draft' && vacancy.state !== 'published') {
      throw new AppError('conflict', `vacancy ${id} is ${vacancy.state}; only open vacancies join a fair`)
    }
    rows.push({ vacancy_id: id, title: vacancy.title, region_code: vacancy.regionCode })
  }
  const organisation = await getOrganisation(db, bin)
  const booth = await db.transaction().execute(async (trx) => {
    const row =
      (await repo.insertBooth(trx, { fair_id: fairId, employer_bin: bin, employer_name: organisation.name })) ??
      (await repo.findEmployerBooth(trx, fairId, bin))
    if (row === undefined) throw new AppError('conflict', `joining fair ${fairId} did not complete; try again`)
    if (row.state === 'rejected') {
      throw new AppError('conflict', `your booth at fair ${fairId} was refused: ${row.decision_reason}`)
    }
    await repo.insertBoothVacancies(
      trx,
      rows.map((r) => ({ ...r, fair_id: fairId, booth_id: row.id })),
    )
    return row
  })
  return (await withVacancies(db, [booth]))[0] as Booth
}

export async function decideBooth(
  db: Db,
  organiser: Principal,
  fairId: number,
  boothId: number,
  decision: { state: 'approved' | 'rejected'; reason?: string | undefined },
): Promise<Booth> {
  const fair = await getFair(db, fairId)
  if (!isOrganiser(fair, organiser))
    throw new AppError('forbidden', `only fair ${fairId}'s organiser decides on booths`)
  const reason = decision.reason?.trim() ?? ''
  if (decision.state === 'rejected' && reason === '') {
    throw new AppError('invalid', `refusing booth ${boothId} needs a reason; the employer is told why`, {
      field: 'reason',
    })
  }
  await getBooth(db, fairId, boothId)
  const row = await repo.decideBooth(db, boothId, decision.state, reason === '' ? null : reason)
  return (await withVacancies(db, [row]))[0] as Booth
}

/** Approved booths for everyone; the organiser sees every booth, an employer also their own pending one. */
export async function listFairBooths(db: Db, viewer: Principal | null, fairId: number): Promise<Booth[]> {
  const fair = await getFair(db, fairId)
  const all = await repo.listBooths(db, fairId, ['pending', 'approved', 'rejected'])
  const visible = all.filter(
    (b) =>
      b.state === 'approved' ||
      isOrganiser(fair, viewer) ||
      (viewer?.role === 'employer' && viewer.bin === b.employer_bin),
  )
  return withVacancies(db, visible)
}

// ---- interview slots

function toSlot(
  row: {
    id: number
    booth_id: number
    starts_at: Date
    ends_at: Date
    meeting_link: string
    seeker_iin: string | null
  },
  viewer: { isBooth: boolean; iin: string | null },
): Slot {
  const isMine = viewer.iin !== null && row.seeker_iin === viewer.iin
  return {
    id: row.id,
    boothId: row.booth_id,
    startsAt: iso(row.starts_at),
    endsAt: iso(row.ends_at),
    meetingLink: viewer.isBooth || isMine ? row.meeting_link : null,
    isBooked: row.seeker_iin !== null,
    isMine,
  }
}

/** Opens an online interview slot at the employer's approved booth; a booth never has two overlapping slots. */
export async function openSlot(db: Db, employer: Principal, fairId: number, boothId: number, input: NewSlot) {
  const booth = await requireOwnBooth(db, employer, fairId, boothId)
  if (booth.state !== 'approved') {
    throw new AppError('conflict', `booth ${boothId} is ${booth.state}; slots open once the organiser approves it`)
  }
  const fair = await getFair(db, fairId)
  refuseClosed(fair, 'opening slots')
  const starts = new Date(input.startsAt)
  const ends = new Date(input.endsAt)
  if (ends <= starts) {
    throw new AppError('invalid', `the slot ends (${input.endsAt}) before it starts (${input.startsAt})`, {
      field: 'endsAt',
    })
  }
  if (starts < new Date(fair.starts_at) || ends > new Date(fair.ends_at)) {
    throw new AppError(
      'invalid',
      `the slot ${input.startsAt}–${input.endsAt} lies outside fair ${fairId}'s window ${iso(fair.starts_at)}–${iso(fair.ends_at)}`,
      { field: 'startsAt' },
    )
  }
  const overlapMessage = async () => {
    const other = await repo.findOverlappingSlot(db, boothId, starts, ends)
    return `the slot overlaps slot ${other?.id ?? '?'} (${other ? `${iso(other.starts_at)}–${iso(other.ends_at)}` : 'just opened'}) of booth ${boothId}`
  }
  try {
    const row = await repo.insertSlot(db, {
      fair_id: fairId,
      booth_id: boothId,
      starts_at: starts,
      ends_at: ends,
      meeting_link: input.meetingLink,
    })
    return toSlot({ ...row, seeker_iin: null }, { isBooth: true, iin: null })
  } catch (error) {
    if (pgError(error).constraint === 'slots_no_overlap') throw new AppError('conflict', await overlapMessage())
    throw error
  }
}

export async function listSlots(db: Db, viewer: Principal | null, fairId: number, boothId: number): Promise<Slot[]> {
  const booth = await getBooth(db, fairId, boothId)
  const isBooth = viewer?.role === 'employer' && viewer.bin === booth.employer_bin
  if (booth.state !== 'approved' && !isBooth) throw new AppError('not_found', `no booth ${boothId} at fair ${fairId}`)
  const iin = viewer?.role === 'citizen' ? viewer.iin : null
  return (await repo.listBoothSlots(db, boothId)).map((r) => toSlot(r, { isBooth, iin }))
}

/**
 * Books a slot for the signed-in seeker. The database decides every race: a unique slot_id means one seeker per
 * slot, an exclusion constraint (seeker, time range) means no seeker in two overlapping slots.
 */
export async function bookSlot(db: Db, seeker: Principal, fairId: number, slotId: number) {
  const iin = requireSeekerIin(seeker)
  const fair = await getFair(db, fairId)
  refuseClosed(fair, 'booking')
  await requireRegistration(db, fairId, iin)
  const slot = await repo.findSlot(db, fairId, slotId)
  if (slot === undefined) throw new AppError('not_found', `no slot ${slotId} at fair ${fairId}`)
  if (new Date(slot.starts_at) <= new Date()) throw new AppError('conflict', `slot ${slotId} has already begun`)
  try {
    const row = await repo.insertBookingWithNotice(
      db,
      {
        slot_id: slotId,
        fair_id: fairId,
        booth_id: slot.booth_id,
        seeker_iin: iin,
        starts_at: slot.starts_at,
        ends_at: slot.ends_at,
      },
      slot.meeting_link,
    )
    return {
      id: row.id,
      slotId,
      boothId: slot.booth_id,
      startsAt: iso(slot.starts_at),
      endsAt: iso(slot.ends_at),
      meetingLink: slot.meeting_link,
    }
  } catch (error) {
    const { code, constraint } = pgError(error)
    if (code === '23505' && constraint === 'bookings_slot_id_key') {
      throw new AppError('conflict', `slot ${slotId} is taken; choose another`)
    }
    if (constraint === 'bookings_seeker_no_overlap') {
      const other = await repo.findSeekerOverlap(db, iin, slot.starts_at, slot.ends_at)
      throw new AppError(
        'conflict',
        `slot ${slotId} overlaps your interview in slot ${other?.slot_id ?? '?'}${other ? ` (${iso(other.starts_at)}–${iso(other.ends_at)})` : ''}`,
      )
    }
    throw error
  }
}

/**
 * The seeker cancels their booked interview, which frees the slot for someone else. An interview that has begun
 * (or is over) stays: it is part of the fair's record and its funnel.
 */
export async function cancelBooking(db: Db, seeker: Principal, fairId: number, bookingId: number): Promise<void> {
  const iin = requireSeekerIin(seeker)
  await getFair(db, fairId)
  await db.transaction().execute(async (trx) => {
    const booking = await repo.lockSeekerBooking(trx, fairId, bookingId, iin)
    if (booking === undefined) throw new AppError('not_found', `you have no booking ${bookingId} at fair ${fairId}`)
    if (new Date(booking.starts_at) <= new Date()) {
      throw new AppError(
        'conflict',
        `the interview of booking ${bookingId} began at ${iso(booking.starts_at)}; a past interview cannot be cancelled`,
      )
    }
    const booth = await getBooth(trx, fairId, booking.booth_id)
    await repo.deleteBooking(trx, bookingId)
    await notices.insertNotification(trx, {
      fair_id: fairId,
      recipient_iin: iin,
      kind: 'booking.cancelled',
      booking_id: bookingId,
      payload: {
        slotId: booking.slot_id,
        boothId: booking.booth_id,
        employerName: booth.employer_name,
        startsAt: iso(booking.starts_at),
        endsAt: iso(booking.ends_at),
      },
    })
  })
}

/**
 * The booth's applicants at this fair, best match first (the exchange ranks them), each with the interview they
 * booked at the booth. Names, never IINs.
 */
export async function listBoothApplicants(
  db: Db,
  employer: Principal,
  fairId: number,
  boothId: number,
): Promise<BoothApplicant[]> {
  await requireOwnBooth(db, employer, fairId, boothId)
  const rows = await repo.listBoothApplications(db, fairId, boothId)
  const byApplication = new Map<number, (typeof rows)[number]>()
  // Ordered by interview time: the first row of an application carries its earliest interview.
  for (const row of rows) if (!byApplication.has(row.application_id)) byApplication.set(row.application_id, row)
  const vacancyIds = [...new Set(rows.map((r) => r.vacancy_id))]
  const result: BoothApplicant[] = []
  for (const vacancyId of vacancyIds) {
    for (const a of await listApplicants(db, employer, vacancyId)) {
      const row = byApplication.get(a.id)
      if (row === undefined) continue
      result.push({
        applicationId: a.id,
        registrationId: row.registration_id,
        vacancyId,
        vacancyTitle: a.vacancyTitle,
        seekerName: a.seekerName,
        state: a.state,
        matchScore: a.match?.score ?? null,
        appliedAt: a.createdAt,
        interview:
          row.slot_id === null || row.starts_at === null || row.ends_at === null
            ? null
            : { slotId: row.slot_id, startsAt: iso(row.starts_at), endsAt: iso(row.ends_at) },
      })
    }
  }
  // Stable: equal scores keep the exchange's order (the order they applied in).
  return result.sort((a, b) => (b.matchScore ?? -1) - (a.matchScore ?? -1))
}

export async function listMyBookings(db: Db, seeker: Principal, fairId: number) {
  const rows = await repo.listSeekerBookings(db, fairId, requireSeekerIin(seeker))
  return rows.map((r) => ({
    id: r.id,
    slotId: r.slot_id,
    boothId: r.booth_id,
    startsAt: iso(r.starts_at),
    endsAt: iso(r.ends_at),
    meetingLink: r.meeting_link,
  }))
}

// ---- the booth's queue

async function requireApprovedBooth(db: Db, fairId: number, boothId: number): Promise<BoothRow> {
  const booth = await getBooth(db, fairId, boothId)
  if (booth.state !== 'approved') throw new AppError('not_found', `no booth ${boothId} at fair ${fairId}`)
  return booth
}

export async function joinQueue(db: Db, seeker: Principal, fairId: number, boothId: number) {
  const iin = requireSeekerIin(seeker)
  const fair = await getFair(db, fairId)
  if (stateAt(fair) !== 'open')
    throw new AppError('conflict', `fair ${fairId} is ${stateAt(fair)}; queues run while it is open`)
  await requireRegistration(db, fairId, iin)
  await requireApprovedBooth(db, fairId, boothId)
  await repo.joinQueue(db, boothId, iin)
  return { boothId, ...(await repo.queuePlace(db, boothId, iin)) }
}

export async function readQueuePlace(db: Db, seeker: Principal, fairId: number, boothId: number) {
  const iin = requireSeekerIin(seeker)
  await requireApprovedBooth(db, fairId, boothId)
  return { boothId, ...(await repo.queuePlace(db, boothId, iin)) }
}

/** The booth calls the next seeker in line; their name is shown, never their IIN. */
export async function serveNextInQueue(db: Db, employer: Principal, fairId: number, boothId: number) {
  await requireOwnBooth(db, employer, fairId, boothId)
  const iin = await repo.serveNext(db, boothId)
  const registration = iin === undefined ? undefined : await repo.findRegistration(db, fairId, iin)
  return {
    registrationId: registration?.id ?? null,
    seekerName: registration?.seeker_name ?? null,
    waiting: await repo.countWaiting(db, boothId),
  }
}

// ---- messages

/** The seeker a booth writes to, by their registration at the fair: booths see names, never IINs. */
async function seekerOfRegistration(db: Db, fairId: number, registrationId: number | undefined): Promise<string> {
  if (registrationId === undefined) {
    throw new AppError('invalid', 'a booth writes to one seeker: give registrationId', { field: 'registrationId' })
  }
  const registration = await repo.findRegistrationById(db, fairId, registrationId)
  if (registration === undefined) throw new AppError('not_found', `no registration ${registrationId} at fair ${fairId}`)
  return registration.seeker_iin
}

/** A message between a booth and one registered seeker, kept with the fair. */
export async function sendMessage(
  db: Db,
  who: Principal,
  fairId: number,
  boothId: number,
  input: { body: string; registrationId?: number | undefined },
) {
  const fair = await getFair(db, fairId)
  refuseClosed(fair, 'messaging')
  let seekerIin: string
  let sender: 'booth' | 'seeker'
  if (who.role === 'employer') {
    await requireOwnBooth(db, who, fairId, boothId)
    seekerIin = await seekerOfRegistration(db, fairId, input.registrationId)
    sender = 'booth'
  } else {
    seekerIin = requireSeekerIin(who)
    await requireRegistration(db, fairId, seekerIin)
    await requireApprovedBooth(db, fairId, boothId)
    sender = 'seeker'
  }
  const row = await repo.insertMessage(db, {
    fair_id: fairId,
    booth_id: boothId,
    seeker_iin: seekerIin,
    sender,
    body: input.body,
  })
  return { id: row.id, boothId, sender: row.sender, body: row.body, sentAt: iso(row.sent_at) }
}

export async function listMessages(
  db: Db,
  who: Principal,
  fairId: number,
  boothId: number,
  registrationId: number | undefined,
) {
  let seekerIin: string
  if (who.role === 'employer') {
    await requireOwnBooth(db, who, fairId, boothId)
    seekerIin = await seekerOfRegistration(db, fairId, registrationId)
  } else {
    seekerIin = requireSeekerIin(who)
    await getBooth(db, fairId, boothId)
  }
  const rows = await repo.listThread(db, boothId, seekerIin)
  return rows.map((r) => ({ id: r.id, boothId, sender: r.sender, body: r.body, sentAt: iso(r.sent_at) }))
}

/**
 * The booth's conversations: one per seeker, newest first, by name and registration (never IIN). Who wrote last
 * stands in for "unread": a thread whose last word is the seeker's is waiting for the booth's answer.
 */
export async function listThreads(db: Db, employer: Principal, fairId: number, boothId: number) {
  await requireOwnBooth(db, employer, fairId, boothId)
  const rows = await repo.listBoothThreads(db, fairId, boothId)
  return rows.map((r) => ({
    registrationId: r.registration_id,
    seekerName: r.seeker_name,
    lastAt: iso(r.last_at),
    messages: r.messages,
    lastSender: r.last_sender,
    isAwaitingReply: r.last_sender === 'seeker',
  }))
}
