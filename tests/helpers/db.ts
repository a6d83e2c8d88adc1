import { randomBytes } from 'node:crypto'
import pg from 'pg'
import { inject } from 'vitest'
import { connectDatabase, type DatabaseHandle } from '../../src/db/client.js'

function withDatabase(url: string, database: string): string {
  const u = new URL(url)
  u.pathname = `/${database}`
  return u.toString()
}

/**
 * A fresh database for one test file: a clone of the migrated template (reference data and demo accounts
 * included), dropped by `close()`.
 */
export async function createTestDatabase(): Promise<DatabaseHandle & { name: string }> {
  const adminUrl = inject('adminUrl')
  const name = `jumys_test_${randomBytes(6).toString('hex')}`
  const admin = new pg.Client({ connectionString: adminUrl })
  await admin.connect()
  try {
    await admin.query(`CREATE DATABASE ${name} TEMPLATE ${inject('templateDb')}`)
  } finally {
    await admin.end()
  }
  const handle = connectDatabase(withDatabase(adminUrl, name))
  return {
    ...handle,
    name,
    async close() {
      await handle.close()
      const drop = new pg.Client({ connectionString: adminUrl })
      await drop.connect()
      await drop.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).finally(() => drop.end())
    },
  }
}
