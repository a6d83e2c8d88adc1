import { buildApp } from '../../src/app.js'
import { loadConfig } from '../../src/config.js'
import { createTestDatabase } from './db.js'

/**
 * A real HTTP server on a random port with a fresh database and the built web app, for browser journeys.
 * Demo accounts come from the template database.
 */
export async function startTestServer(options: { demo?: boolean } = {}) {
  const database = await createTestDatabase()
  const config = loadConfig({ NODE_ENV: 'test' }, { demo: options.demo ?? true, port: 0, loginRateLimit: 1000 })
  const app = await buildApp({ config, db: database.db, pool: database.pool })
  await app.listen({ host: '127.0.0.1', port: 0 })
  const address = app.server.address()
  const port = typeof address === 'object' && address !== null ? address.port : 0
  return {
    url: `http://127.0.0.1:${port}`,
    database,
    async close() {
      await app.close()
      await database.close()
    },
  }
}
