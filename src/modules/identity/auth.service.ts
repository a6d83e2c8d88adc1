import { createHash, randomBytes } from 'node:crypto'
import { hash, verify } from '@node-rs/argon2'
import type { Selectable } from 'kysely'
import type { Conn } from '../../db/client.js'
import type { AccountTable } from '../../db/schema.js'
import type { Principal } from '../../shared/auth.js'
import { AppError } from '../../shared/errors.js'
import * as repo from './account.repository.js'

// OWASP's argon2id baseline (19 MiB, 2 passes, 1 lane): about 30 ms here, slow enough for guessing, fast for login.
// Algorithm.Argon2id is an ambient const enum (value 2), which isolated modules cannot import.
const ARGON2 = { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 }

export const hashPassword = (password: string) => hash(password, ARGON2)

// Verified when the login is unknown, so a wrong login and a wrong password take the same time.
let dummyHash: string | undefined

export const sha256 = (text: string) => createHash('sha256').update(text).digest()

export function toPrincipal(a: Selectable<AccountTable>): Principal {
  return {
    accountId: a.id,
    login: a.login,
    role: a.role,
    displayName: a.display_name,
    regionCode: a.region_code,
    districtCode: a.district_code,
    iin: a.iin,
    bin: a.bin,
    channelCode: a.channel_code,
  }
}

export interface LoginOptions {
  sessionHours: number
  /** In production demo accounts (password "demo", listed in the README) must never open a session. */
  allowDemo: boolean
}

export async function login(db: Conn, loginName: string, password: string, options: LoginOptions) {
  const account = await repo.findAccountByLogin(db, loginName)
  if (account === undefined) {
    dummyHash ??= await hashPassword('no such account')
    await verify(dummyHash, password)
    throw new AppError('unauthorized', 'wrong login or password')
  }
  if (!(await verify(account.password_hash, password))) throw new AppError('unauthorized', 'wrong login or password')
  if (account.is_disabled) throw new AppError('forbidden', `account ${account.login} is disabled`)
  if (account.is_demo && !options.allowDemo) {
    throw new AppError('forbidden', `demo account ${account.login} cannot sign in when NODE_ENV=production`)
  }
  const token = randomBytes(32).toString('base64url')
  const expiresAt = new Date(Date.now() + options.sessionHours * 3_600_000)
  await repo.insertSession(db, sha256(token), account.id, expiresAt)
  return { principal: toPrincipal(account), token, expiresAt }
}

export async function resolveSession(db: Conn, token: string): Promise<Principal | null> {
  const account = await repo.findAccountBySession(db, sha256(token))
  return account === undefined ? null : toPrincipal(account)
}

export async function logout(db: Conn, token: string): Promise<void> {
  await repo.deleteSession(db, sha256(token))
}

/** Issues an API key for an integration account; only its hash is stored, the key is shown once. */
export async function issueApiKey(
  db: Conn,
  accountId: number,
  label: string,
  key = `jk_${randomBytes(24).toString('base64url')}`,
) {
  await repo.insertApiKey(db, accountId, sha256(key), label)
  return key
}

export async function resolveApiKey(db: Conn, key: string): Promise<Principal | null> {
  const account = await repo.findAccountByApiKey(db, sha256(key))
  return account === undefined ? null : toPrincipal(account)
}
