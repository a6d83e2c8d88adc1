import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, json, loginAs, type TestApp } from '../../../tests/helpers/app.js'
import { issueApiKey } from './auth.service.js'

let t: TestApp
beforeAll(async () => {
  t = await createTestApp()
})
afterAll(() => t.close())

describe('login, session and logout', () => {
  it('signs in with the demo password and returns the account with its scope', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { login: 'officer', password: 'demo' },
    })
    expect(res.statusCode).toBe(200)
    expect(json(res)).toMatchObject({ account: { login: 'officer', role: 'officer', regionCode: '39' } })
    const cookie = res.cookies.find((c) => c.name === 'jumys_session')
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' })
  })

  it('refuses a wrong password and an unknown login with the same message', async () => {
    for (const payload of [
      { login: 'officer', password: 'wrong' },
      { login: 'nobody', password: 'demo' },
    ]) {
      const res = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload })
      expect(res.statusCode).toBe(401)
      expect(json(res)).toEqual({ error: { code: 'unauthorized', message: 'wrong login or password' } })
    }
  })

  it('names the missing field when the body is incomplete', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { login: 'officer' } })
    expect(res.statusCode).toBe(400)
    expect(json(res)).toMatchObject({ error: { code: 'invalid', details: [{ field: 'body/password' }] } })
  })

  it('ends the session on logout', async () => {
    const session = await loginAs(t.app, 'citizen')
    expect((await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: session })).statusCode).toBe(200)
    expect((await t.app.inject({ method: 'POST', url: '/api/auth/logout', headers: session })).statusCode).toBe(204)
    expect((await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: session })).statusCode).toBe(401)
  })

  it('sends security headers', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/health' })
    expect(res.headers['x-content-type-options']).toBe('nosniff')
    expect(res.headers['content-security-policy']).toContain("default-src 'self'")
  })

  it('authenticates a channel by its API key and refuses an unknown key', async () => {
    const account = await t.database.db
      .insertInto('identity.accounts')
      .values({
        login: 'pension-feed',
        password_hash: '!',
        role: 'channel',
        channel_code: 'pension',
        display_name: 'Pension data',
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    const key = await issueApiKey(t.database.db, account.id, 'test key')
    const stored = await t.database.db.selectFrom('identity.api_keys').select('key_hash').executeTakeFirstOrThrow()
    expect(stored.key_hash.toString('utf8')).not.toContain(key)
    const me = await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { authorization: `Bearer ${key}` } })
    expect(json(me)).toMatchObject({ account: { role: 'channel', login: 'pension-feed' } })
    const bad = await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { authorization: 'Bearer jk_nope' } })
    expect(bad.statusCode).toBe(401)
  })
})

describe('login rate limiting', () => {
  it('answers 429 after too many attempts for one login', async () => {
    const limited = await createTestApp({ loginRateLimit: 3 })
    try {
      const codes: number[] = []
      for (let i = 0; i < 5; i++) {
        const res = await limited.app.inject({
          method: 'POST',
          url: '/api/auth/login',
          payload: { login: 'admin', password: 'x' },
        })
        codes.push(res.statusCode)
      }
      expect(codes).toEqual([401, 401, 401, 429, 429])
      // Another login from the same address is not locked out by the first one's failures.
      const other = await limited.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { login: 'analyst', password: 'demo' },
      })
      expect(other.statusCode).toBe(200)
    } finally {
      await limited.close()
    }
  })
})

describe('demo accounts in production', () => {
  it('refuses demo accounts when NODE_ENV=production', async () => {
    const prod = await createTestApp({ nodeEnv: 'production', demo: false })
    try {
      const res = await prod.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { login: 'admin', password: 'demo' },
      })
      expect(res.statusCode).toBe(403)
      expect(json(res)).toMatchObject({
        error: { message: 'demo account admin cannot sign in when NODE_ENV=production' },
      })
    } finally {
      await prod.close()
    }
  })
})
