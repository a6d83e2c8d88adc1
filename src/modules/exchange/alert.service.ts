import type { Selectable } from 'kysely'
import type { Conn, Db } from '../../db/client.js'
import type { Principal } from '../../shared/auth.js'
import { AppError } from '../../shared/errors.js'
import * as repo from './alert.repository.js'
import type { NewSavedSearch, Notification, NotificationList, SavedSearch, SavedSearchParams } from './alert.schema.js'
import type { ApplicationState, NotificationTable, SavedSearchTable } from './exchange.tables.js'
import { requireSeekerIin } from './profile.service.js'
import type { VacancySummary } from './search.schema.js'
import { searchVacancies } from './search.service.js'

export const MAX_SAVED_SEARCHES = 20
// A vacancy's published_at is set before its transaction commits, so a run may not yet see a vacancy stamped
// just before it. Each run looks back this far behind its watermark; alert_deliveries makes the overlap harmless.
const OVERLAP_MS = 10 * 60_000
const PAGE_SIZE = 100
const MAX_PAGES = 5
// Kazakhstan is on UTC+5 all year (since 1 March 2024): a daily digest goes out after local midnight.
const ALMATY_OFFSET_MS = 5 * 3_600_000
const LISTED_IN_EMAIL = 20

type SavedSearchRow = Selectable<SavedSearchTable>

function toSavedSearch(row: SavedSearchRow): SavedSearch {
  return {
    id: row.id,
    name: row.name,
    params: row.params as SavedSearchParams,
    frequency: row.frequency,
    createdAt: new Date(row.created_at).toISOString(),
    checkedUntil: new Date(row.checked_until).toISOString(),
  }
}

function toNotification(row: Selectable<NotificationTable>): Notification {
  return {
    id: row.id,
    kind: row.kind as Notification['kind'],
    payload: row.payload,
    createdAt: new Date(row.created_at).toISOString(),
    readAt: row.read_at === null ? null : new Date(row.read_at).toISOString(),
  }
}

export async function createSavedSearch(db: Db, seeker: Principal, input: NewSavedSearch): Promise<SavedSearch> {
  const iin = requireSeekerIin(seeker)
  if ((await repo.countSavedSearches(db, iin)) >= MAX_SAVED_SEARCHES) {
    throw new AppError('conflict', `you already have ${MAX_SAVED_SEARCHES} saved searches; delete one first`)
  }
  const row = await repo.insertSavedSearch(db, {
    seeker_iin: iin,
    name: input.name.trim(),
    params: input.params,
    frequency: input.frequency,
  })
  return toSavedSearch(row)
}

export async function listMySavedSearches(db: Db, seeker: Principal): Promise<SavedSearch[]> {
  return (await repo.listSavedSearches(db, requireSeekerIin(seeker))).map(toSavedSearch)
}

export async function deleteSavedSearch(db: Db, seeker: Principal, id: number): Promise<void> {
  // Someone else's search answers like a missing one: its existence is not the caller's business.
  if ((await repo.deleteSavedSearch(db, id, requireSeekerIin(seeker))) === undefined) {
    throw new AppError('not_found', `you have no saved search ${id}`)
  }
}

export async function listMyNotifications(
  db: Db,
  seeker: Principal,
  query: { unread_only?: boolean | undefined; limit: number },
): Promise<NotificationList> {
  const iin = requireSeekerIin(seeker)
  const [rows, unread] = await Promise.all([
    repo.listNotifications(db, iin, { unreadOnly: query.unread_only ?? false, limit: query.limit }),
    repo.countUnread(db, iin),
  ])
  return { unread, items: rows.map(toNotification) }
}

export async function readNotification(db: Db, seeker: Principal, id: number): Promise<Notification> {
  const row = await repo.markNotificationRead(db, id, requireSeekerIin(seeker))
  if (row === undefined) throw new AppError('not_found', `you have no notification ${id}`)
  return toNotification(row)
}

const STATE_WORDS: Record<ApplicationState, string> = {
  submitted: 'was submitted',
  viewed: 'was viewed by the employer',
  shortlisted: 'is on the shortlist',
  interview: 'moved to an interview',
  offer: 'has an offer',
  hired: 'ended in a hire',
  rejected: 'was rejected',
  withdrawn: 'was withdrawn',
}

/**
 * Tells the seeker that the employer moved their application. Call it in the transaction that writes the
 * application event, so the notice exists if and only if the step does. "Viewed" is in-app only; every other
 * step is e-mailed too.
 */
export async function notifyApplicationMoved(
  trx: Conn,
  event: {
    seekerIin: string
    applicationId: number
    vacancyId: number
    vacancyTitle: string
    employerName: string
    state: ApplicationState
    reason: string | null
  },
): Promise<void> {
  const { seekerIin, ...payload } = event
  await repo.insertNotification(trx, { recipient_iin: seekerIin, kind: 'application.moved', payload })
  if (event.state === 'viewed') return
  const subject = `Your application to "${event.vacancyTitle}" ${STATE_WORDS[event.state]}`
  const body = [
    `${event.employerName}: your application ${event.applicationId} to "${event.vacancyTitle}" ${STATE_WORDS[event.state]}.`,
    event.reason === null ? '' : `Reason: ${event.reason}`,
    `Every step of it: /me/applications`,
  ]
    .filter((line) => line !== '')
    .join('\n')
  await repo.insertEmail(trx, { recipient_iin: seekerIin, subject, body })
}

/** Midnight in Kazakhstan (UTC+5) at the start of the local day that contains `now`. */
export function startOfLocalDay(now: Date): Date {
  const local = new Date(now.getTime() + ALMATY_OFFSET_MS)
  return new Date(Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate()) - ALMATY_OFFSET_MS)
}

const isDue = (row: SavedSearchRow, now: Date) =>
  row.frequency === 'instant' || new Date(row.checked_until) < startOfLocalDay(now)

/**
 * Open vacancies matching the saved parameters and published at or after `since`, newest first. The search API
 * filters by day only (posted_since), so the exact instant is applied here; typo-tolerant (fuzzy) answers are not
 * alerts: they are what the search shows when nothing matched.
 */
async function findPublishedSince(db: Db, params: SavedSearchParams, since: Date): Promise<VacancySummary[]> {
  const found: VacancySummary[] = []
  const day = new Date(since.getTime() - 86_400_000).toISOString().slice(0, 10)
  for (let page = 1; page <= MAX_PAGES; page++) {
    const result = await searchVacancies(db, { ...params, posted_since: day, sort: 'date', page, page_size: PAGE_SIZE })
    if (result.matchedBy === 'fuzzy') return []
    const fresh = result.items.filter((v) => Date.parse(v.publishedAt) >= since.getTime())
    found.push(...fresh)
    if (fresh.length < result.items.length || result.items.length < PAGE_SIZE) break
  }
  return found
}

function alertEmail(search: SavedSearchRow, vacancies: readonly VacancySummary[]) {
  const listed = vacancies.slice(0, LISTED_IN_EMAIL)
  const lines = listed.map(
    (v) => `• ${v.title} — ${v.employerName}, ${v.wageMin}–${v.wageMax} ₸ a month: /vacancies/${v.id}`,
  )
  if (vacancies.length > listed.length) lines.push(`…and ${vacancies.length - listed.length} more in the app.`)
  const count = `${vacancies.length} new vacanc${vacancies.length === 1 ? 'y' : 'ies'}`
  return {
    subject: `${count} for "${search.name}"`,
    body: [`${count} for your search "${search.name}":`, ...lines].join('\n'),
  }
}

export interface AlertRun {
  checked: number
  notified: number
  vacancies: number
}

/**
 * The alert job: for each due saved search, the matching vacancies published since its watermark that it has not
 * alerted yet become one in-app notification and one e-mail. Each search is handled in its own transaction under
 * a row lock (a concurrent run skips it), and (saved search, vacancy) is recorded once, so running the job twice
 * or concurrently alerts each vacancy exactly once.
 */
export async function runAlerts(db: Db, now = new Date(), limit = 500): Promise<AlertRun> {
  const run: AlertRun = { checked: 0, notified: 0, vacancies: 0 }
  for (const { id } of await repo.listDueSearches(db, startOfLocalDay(now), limit)) {
    await db.transaction().execute(async (trx) => {
      const search = await repo.lockSavedSearch(trx, id)
      if (search === undefined || !isDue(search, now)) return
      const since = new Date(
        Math.max(new Date(search.created_at).getTime(), new Date(search.checked_until).getTime() - OVERLAP_MS),
      )
      const found = await findPublishedSince(db, search.params as SavedSearchParams, since)
      const delivered = await repo.listDelivered(
        trx,
        id,
        found.map((v) => v.id),
      )
      const fresh = found.filter((v) => !delivered.has(v.id))
      if (fresh.length > 0) {
        const payload = {
          savedSearchId: id,
          savedSearchName: search.name,
          vacancies: fresh.map((v) => ({
            id: v.id,
            title: v.title,
            employerName: v.employerName,
            wageMin: v.wageMin,
            wageMax: v.wageMax,
          })),
        }
        const notification = await repo.insertNotification(trx, {
          recipient_iin: search.seeker_iin,
          kind: 'saved_search.match',
          payload,
        })
        await repo.insertDeliveries(
          trx,
          id,
          notification.id,
          fresh.map((v) => v.id),
        )
        await repo.insertEmail(trx, { recipient_iin: search.seeker_iin, ...alertEmail(search, fresh) })
        run.notified++
        run.vacancies += fresh.length
      }
      // Never moves back: a run with an older clock leaves a newer watermark alone.
      if (now > new Date(search.checked_until)) await repo.setCheckedUntil(trx, id, now)
      run.checked++
    })
  }
  return run
}
