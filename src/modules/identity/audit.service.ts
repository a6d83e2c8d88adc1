import { createHash } from 'node:crypto'
import type { Conn } from '../../db/client.js'
import type { AuditLogTable } from '../../db/schema.js'
import type { Principal } from '../../shared/auth.js'
import { canonicalJson } from '../../shared/canonical-json.js'
import * as repo from './audit.repository.js'

export const GENESIS_HASH: Buffer = Buffer.alloc(32)

export interface AuditEvent {
  action: string
  subjectIin?: string | null
  purpose?: string | null
  details?: Record<string, unknown>
}

type ChainedFields = Omit<AuditLogTable, 'hash' | 'prev_hash'>

/** sha256(prev_hash || canonical JSON of the entry's fields): editing any field or moving an entry breaks it. */
export function hashEntry(prevHash: Buffer, entry: ChainedFields): Buffer {
  const body = canonicalJson({
    seq: entry.seq,
    at: entry.at.toISOString(),
    actorId: entry.actor_id,
    actorLogin: entry.actor_login,
    actorRole: entry.actor_role,
    action: entry.action,
    subjectIin: entry.subject_iin,
    purpose: entry.purpose,
    details: entry.details,
  })
  return createHash('sha256').update(prevHash).update(body).digest()
}

/**
 * Appends one entry to the chain. Call it inside the transaction that reads or changes the person's data, so
 * the access and its record commit together or not at all.
 */
export async function appendAudit(conn: Conn, actor: Principal, event: AuditEvent): Promise<void> {
  if (!conn.isTransaction) {
    await conn.transaction().execute((trx) => appendAudit(trx, actor, event))
    return
  }
  await repo.lockChain(conn)
  const last = await repo.findLastEntry(conn)
  const fields: ChainedFields = {
    seq: (last?.seq ?? 0) + 1,
    // Millisecond precision, so the instant survives the round trip through timestamptz exactly.
    at: new Date(),
    actor_id: actor.accountId,
    actor_login: actor.login,
    actor_role: actor.role,
    action: event.action,
    subject_iin: event.subjectIin ?? null,
    purpose: event.purpose ?? null,
    details: event.details ?? {},
  }
  const prevHash: Buffer = last?.hash ?? GENESIS_HASH
  await repo.insertEntry(conn, { ...fields, prev_hash: prevHash, hash: hashEntry(prevHash, fields) })
}

export type VerifyResult =
  | { ok: true; entries: number }
  | { ok: false; entries: number; brokenSeq: number; reason: string }

/** Walks the chain in order and names the first entry that was edited, deleted, inserted or moved. */
export async function verifyAuditChain(db: Conn, pageSize = 10_000): Promise<VerifyResult> {
  let prevHash = GENESIS_HASH
  let expectedSeq = 1
  let checked = 0
  for (;;) {
    const page = await repo.listEntriesAfter(db, expectedSeq - 1, pageSize)
    for (const row of page) {
      if (row.seq !== expectedSeq) {
        return {
          ok: false,
          entries: checked,
          brokenSeq: expectedSeq,
          reason: `entry ${expectedSeq} is missing (deleted); the next entry is ${row.seq}`,
        }
      }
      if (!row.prev_hash.equals(prevHash)) {
        return {
          ok: false,
          entries: checked,
          brokenSeq: row.seq,
          reason: `entry ${row.seq} does not chain to entry ${row.seq - 1}: entries were deleted, inserted or reordered`,
        }
      }
      if (!hashEntry(row.prev_hash, row).equals(row.hash)) {
        return {
          ok: false,
          entries: checked,
          brokenSeq: row.seq,
          reason: `entry ${row.seq} was edited: its content does not match its hash`,
        }
      }
      prevHash = row.hash
      expectedSeq++
      checked++
    }
    if (page.length < pageSize) return { ok: true, entries: checked }
  }
}

export async function listDataAccess(db: Conn, iin: string) {
  const rows = await repo.listEntriesAboutPerson(db, iin, 500)
  return rows.map((r) => ({
    at: new Date(r.at).toISOString(),
    actorLogin: r.actor_login,
    actorRole: r.actor_role,
    action: r.action,
    purpose: r.purpose,
  }))
}
