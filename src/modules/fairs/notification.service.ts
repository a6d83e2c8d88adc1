import type { Db } from '../../db/client.js'
import type { Principal } from '../../shared/auth.js'
import { AppError } from '../../shared/errors.js'
import type { FairNotification } from './fair.schema.js'
import * as repo from './notification.repository.js'
import { requireSeekerIin } from './seeker.service.js'

const REMINDER_LEAD_MS = 24 * 3_600_000

/**
 * The seeker's fair notices, newest first: registration confirmed, interview booked, cancelled, reminded.
 * The employer's decisions on fair applications are the exchange's application notices (GET /api/me/notifications):
 * a fair application is an exchange application, and the exchange notifies every step in the step's transaction.
 */
export async function listMyFairNotifications(db: Db, seeker: Principal): Promise<FairNotification[]> {
  const rows = await repo.listNotifications(db, requireSeekerIin(seeker), 100)
  return rows.map((r) => ({
    id: r.id,
    fairId: r.fair_id,
    fairTitle: r.fair_title,
    kind: r.kind,
    payload: r.payload,
    createdAt: new Date(r.created_at).toISOString(),
    readAt: r.read_at === null ? null : new Date(r.read_at).toISOString(),
  }))
}

export async function readFairNotification(db: Db, seeker: Principal, id: number): Promise<void> {
  const row = await repo.markRead(db, id, requireSeekerIin(seeker))
  if (row === undefined) throw new AppError('not_found', `you have no fair notification ${id}`)
}

/** The interview-reminder job (every 10 minutes): a reminder a day ahead of every booked interview. Safe to repeat. */
export async function remindInterviews(db: Db, now = new Date()): Promise<{ reminded: number }> {
  return { reminded: await repo.insertDueReminders(db, now, REMINDER_LEAD_MS) }
}
