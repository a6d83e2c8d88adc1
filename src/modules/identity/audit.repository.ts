import { sql } from 'kysely'
import type { Conn } from '../../db/client.js'
import type { AuditLogTable } from '../../db/schema.js'

// Serialises writers so each entry chains to the one before it; held only to the end of the transaction.
const AUDIT_CHAIN_LOCK = 7_304_118_551

export async function lockChain(trx: Conn): Promise<void> {
  await sql`SELECT pg_advisory_xact_lock(${AUDIT_CHAIN_LOCK})`.execute(trx)
}

export function findLastEntry(trx: Conn) {
  return trx.selectFrom('audit.log').select(['seq', 'hash']).orderBy('seq', 'desc').limit(1).executeTakeFirst()
}

export async function insertEntry(trx: Conn, entry: AuditLogTable): Promise<void> {
  await trx.insertInto('audit.log').values(entry).execute()
}

/** One page of the chain in order, for verification without loading the whole log. */
export function listEntriesAfter(db: Conn, afterSeq: number, limit: number) {
  return db.selectFrom('audit.log').selectAll().where('seq', '>', afterSeq).orderBy('seq').limit(limit).execute()
}

export function listEntriesAboutPerson(db: Conn, iin: string, limit: number) {
  return db
    .selectFrom('audit.log')
    .select(['seq', 'at', 'actor_login', 'actor_role', 'action', 'purpose'])
    .where('subject_iin', '=', iin)
    .orderBy('seq', 'desc')
    .limit(limit)
    .execute()
}
