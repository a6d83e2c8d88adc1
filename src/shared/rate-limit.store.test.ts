import rateLimit from '@fastify/rate-limit'
import Fastify from 'fastify'
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, json, type TestApp } from '../../tests/helpers/app.js'
import { type App, buildApp } from '../app.js'
import { connectDatabase, type DatabaseHandle } from '../db/client.js'
import { hashRateLimitKey, postgresRateLimitStore, sweepRateLimits } from './rate-limit.store.js'

const LOGIN = 'POST /api/auth/login'
let first: TestApp
let secondDatabase: DatabaseHandle
let second: App

beforeAll(async () => {
  first = await createTestApp({ loginRateLimit: 3 })
  // Its own pool and its own Fastify on the same database: what another worker process or app server is.
  secondDatabase = connectDatabase(first.database.url)
  second = await buildApp({
    config: first.config,
    db: secondDatabase.db,
    pool: secondDatabase.pool,
    logWrite: () => {},
  })
  await second.ready()
})
afterAll(async () => {
  await second.close()
  await secondDatabase.close()
  await first.close()
})

const signIn = (app: App, address: string, login: string, password = 'wrong') =>
  app.inject({ method: 'POST', url: '/api/auth/login', remoteAddress: address, payload: { login, password } })

async function storedRow(route: string, key: string) {
  const { rows } = await sql<{ hits: number; resets_in: number }>`
    SELECT hits, extract(epoch FROM resets_at - now())::float8 AS resets_in
    FROM platform.rate_limits WHERE key_sha256 = ${hashRateLimitKey(route, key)}`.execute(first.database.db)
  return rows[0]
}

describe('rate limits shared by every app instance', () => {
  it('counts login attempts made on two instances together: the 4th of a limit of 3 is 429 on either', async () => {
    const codes = []
    for (const app of [first.app, second, first.app, second, first.app]) {
      codes.push((await signIn(app, '198.51.100.1', 'admin')).statusCode)
    }
    expect(codes).toEqual([401, 401, 401, 429, 429])
    expect(await storedRow(LOGIN, '198.51.100.1|admin')).toMatchObject({ hits: 5 })
    // Another login from the same address is not locked out, on either instance.
    expect((await signIn(second, '198.51.100.1', 'analyst', 'demo')).statusCode).toBe(200)
  })

  it('counts concurrent attempts exactly: of 8 at once over both instances, 3 pass', async () => {
    const attempts = await Promise.all(
      Array.from({ length: 8 }, (_, i) => signIn(i % 2 === 0 ? first.app : second, '198.51.100.2', 'officer')),
    )
    const codes = attempts.map((r) => r.statusCode).sort()
    expect(codes).toEqual([401, 401, 401, 429, 429, 429, 429, 429])
    expect(await storedRow(LOGIN, '198.51.100.2|officer')).toMatchObject({ hits: 8 })
  })

  it('starts a new window once the stored one has ended, and tells the client when it ends', async () => {
    for (const app of [first.app, second, first.app]) await signIn(app, '198.51.100.3', 'manager')
    const refused = await signIn(second, '198.51.100.3', 'manager')
    expect(refused.statusCode).toBe(429)
    expect(json<{ error: { code: string } }>(refused).error.code).toBe('too_many')
    const retryAfter = Number(refused.headers['retry-after'])
    expect(retryAfter).toBeGreaterThan(50)
    expect(retryAfter).toBeLessThanOrEqual(60)

    // The minute passes (moved in the database, whose clock every instance uses).
    await sql`UPDATE platform.rate_limits SET resets_at = now() - interval '1 second'
              WHERE key_sha256 = ${hashRateLimitKey(LOGIN, '198.51.100.3|manager')}`.execute(first.database.db)
    const again = await signIn(first.app, '198.51.100.3', 'manager')
    expect(again.statusCode).toBe(401)
    expect(again.headers['x-ratelimit-remaining']).toBe('2')
    expect(Number(again.headers['x-ratelimit-reset'])).toBe(60)
    const row = await storedRow(LOGIN, '198.51.100.3|manager')
    expect(row?.hits).toBe(1)
    expect(row?.resets_in).toBeGreaterThan(55)
  })

  it('limits the hotline follow-up across instances too', async () => {
    const follow = (app: App) =>
      app.inject({
        method: 'POST',
        url: '/api/hotline/follow',
        remoteAddress: '198.51.100.4',
        payload: { reference: '7', code: '0000-0000-0000-0000-0000-0000-0000' },
      })
    const codes = []
    for (const app of [second, first.app, second, first.app]) codes.push((await follow(app)).statusCode)
    expect(codes).toEqual([404, 404, 404, 429])
  })

  it('stores neither the typed login nor the address, only a hash of route and key', async () => {
    expect((await signIn(second, '198.51.100.5', '980412412349')).statusCode).toBe(401)
    expect(await storedRow(LOGIN, '198.51.100.5|980412412349')).toMatchObject({ hits: 1 })
    const { rows: columns } = await sql<{ column_name: string }>`
      SELECT column_name FROM information_schema.columns
      WHERE table_schema = 'platform' AND table_name = 'rate_limits' ORDER BY column_name`.execute(first.database.db)
    expect(columns.map((c) => c.column_name)).toEqual(['hits', 'key_sha256', 'resets_at'])
    const { rows } = await sql<{ row: string }>`
      SELECT concat_ws(' ', encode(key_sha256, 'hex'), encode(key_sha256, 'escape'), hits, resets_at) AS row
      FROM platform.rate_limits`.execute(first.database.db)
    const dump = rows.map((r) => r.row).join('\n')
    expect(dump).not.toContain('980412412349')
    expect(dump).not.toContain('198.51.100')
    expect(dump).not.toContain('admin')
  })

  it('sweeps only the counters whose window has ended', async () => {
    await signIn(first.app, '198.51.100.6', 'citizen')
    await sql`UPDATE platform.rate_limits SET resets_at = now() - interval '1 second'
              WHERE key_sha256 = ${hashRateLimitKey(LOGIN, '198.51.100.6|citizen')}`.execute(first.database.db)
    const { rows: before } = await sql<{ n: number }>`SELECT count(*)::int AS n FROM platform.rate_limits`.execute(
      first.database.db,
    )
    expect(await sweepRateLimits(first.database.db)).toBe(1)
    expect(await storedRow(LOGIN, '198.51.100.6|citizen')).toBeUndefined()
    expect(await storedRow(LOGIN, '198.51.100.1|admin')).toMatchObject({ hits: 5 })
    const { rows: after } = await sql<{ n: number }>`SELECT count(*)::int AS n FROM platform.rate_limits`.execute(
      first.database.db,
    )
    expect(after[0]?.n).toBe((before[0]?.n ?? 0) - 1)
    expect(await sweepRateLimits(first.database.db)).toBe(0)
  })

  it('refuses the login (500, logged) rather than letting it run unlimited when the store fails', async () => {
    await sql`ALTER TABLE platform.rate_limits RENAME TO rate_limits_away`.execute(first.database.db)
    try {
      const res = await signIn(first.app, '198.51.100.7', 'analyst', 'demo')
      expect(res.statusCode).toBe(500)
      expect(res.cookies.find((c) => c.name === 'jumys_session')).toBeUndefined()
      expect(first.logLines.some((line) => line.includes('rate-limit store failed'))).toBe(true)
    } finally {
      await sql`ALTER TABLE platform.rate_limits_away RENAME TO rate_limits`.execute(first.database.db)
    }
    expect((await signIn(first.app, '198.51.100.7', 'analyst', 'demo')).statusCode).toBe(200)
  })
})

describe('options the store does not support', () => {
  it('refuses a route that asks for continueExceeding instead of ignoring it', async () => {
    const app = Fastify()
    await app.register(rateLimit, { global: false, store: postgresRateLimitStore(first.database.db) })
    await expect(
      (async () => {
        app.get('/x', { config: { rateLimit: { max: 1, continueExceeding: true } } }, async () => 'ok')
        await app.ready()
      })(),
    ).rejects.toThrow('supports neither continueExceeding nor exponentialBackoff')
    await app.close()
  })
})
