import type { LightMyRequestResponse } from 'fastify'
import { type App, buildApp } from '../../src/app.js'
import { type Config, loadConfig } from '../../src/config.js'
import type { DatabaseHandle } from '../../src/db/client.js'
import { createTestDatabase } from './db.js'

export interface TestApp {
  app: App
  database: DatabaseHandle
  config: Readonly<Config>
  /** Every log line the app wrote, for checks that nothing personal reaches the logs. */
  logLines: string[]
  close(): Promise<void>
}

export async function createTestApp(overrides: Partial<Config> = {}): Promise<TestApp> {
  const database = await createTestDatabase()
  const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'info' }, { loginRateLimit: 1000, ...overrides })
  const logLines: string[] = []
  const app = await buildApp({ config, db: database.db, pool: database.pool, logWrite: (line) => logLines.push(line) })
  await app.ready()
  return {
    app,
    database,
    config,
    logLines,
    async close() {
      await app.close()
      await database.close()
    },
  }
}

/** Signs in through the real login route and returns the session cookie header to send with later requests. */
export async function loginAs(app: App, login: string, password = 'demo'): Promise<{ cookie: string }> {
  const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { login, password } })
  if (res.statusCode !== 200) throw new Error(`login ${login} failed: ${res.statusCode} ${res.body}`)
  const cookie = res.cookies.find((c) => c.name === 'jumys_session')
  if (cookie === undefined) throw new Error('no session cookie')
  return { cookie: `jumys_session=${cookie.value}` }
}

export const json = <T = Record<string, unknown>>(res: LightMyRequestResponse) => res.json() as T
