import type { Insertable } from 'kysely'
import { sql } from 'kysely'
import type { Conn } from '../../db/client.js'
import type { AccountTable } from '../../db/schema.js'

export function findAccountByLogin(db: Conn, login: string) {
  return db
    .selectFrom('identity.accounts')
    .selectAll()
    .where(sql`lower(login)`, '=', login.toLowerCase())
    .executeTakeFirst()
}

export function insertAccount(db: Conn, account: Insertable<AccountTable>) {
  return db.insertInto('identity.accounts').values(account).returningAll().executeTakeFirstOrThrow()
}

export async function insertSession(db: Conn, tokenHash: Buffer, accountId: number, expiresAt: Date): Promise<void> {
  await db
    .insertInto('identity.sessions')
    .values({ token_hash: tokenHash, account_id: accountId, expires_at: expiresAt })
    .execute()
}

/** The account behind a live session; expired sessions and disabled accounts find nothing. */
export function findAccountBySession(db: Conn, tokenHash: Buffer) {
  return db
    .selectFrom('identity.sessions as s')
    .innerJoin('identity.accounts as a', 'a.id', 's.account_id')
    .selectAll('a')
    .where('s.token_hash', '=', tokenHash)
    .where('s.expires_at', '>', sql<Date>`now()`)
    .where('a.is_disabled', '=', false)
    .executeTakeFirst()
}

export async function deleteSession(db: Conn, tokenHash: Buffer): Promise<void> {
  await db.deleteFrom('identity.sessions').where('token_hash', '=', tokenHash).execute()
}

export async function deleteExpiredSessions(db: Conn): Promise<number> {
  const result = await db.deleteFrom('identity.sessions').where('expires_at', '<=', sql<Date>`now()`).executeTakeFirst()
  return Number(result.numDeletedRows)
}

export async function insertApiKey(db: Conn, accountId: number, keyHash: Buffer, label: string): Promise<void> {
  await db.insertInto('identity.api_keys').values({ account_id: accountId, key_hash: keyHash, label }).execute()
}

export function findAccountByApiKey(db: Conn, keyHash: Buffer) {
  return db
    .selectFrom('identity.api_keys as k')
    .innerJoin('identity.accounts as a', 'a.id', 'k.account_id')
    .selectAll('a')
    .where('k.key_hash', '=', keyHash)
    .where('k.revoked_at', 'is', null)
    .where('a.is_disabled', '=', false)
    .executeTakeFirst()
}
