import type { Config } from './config.js'
import { connectDatabase, type DatabaseHandle } from './db/client.js'
import { type EmbeddedServer, startEmbeddedPostgres } from './db/embedded.js'
import { migrate } from './db/migrate.js'
import { seedExchangeDemo } from './modules/exchange/index.js'
import { seedFairsDemo } from './modules/fairs/index.js'
import { seedHotlineDemo } from './modules/hotline/index.js'
import { seedDemoAccounts } from './modules/identity/index.js'
import { seedProgrammesDemo } from './modules/programmes/index.js'
import { seedProjectsDemo } from './modules/projects/index.js'
import { loadReferenceData } from './modules/reference/index.js'
import { seedRegistryDemo, sweepAbandonedBatches } from './modules/registry/index.js'
import { sweepAbandonedIncomeBatches } from './modules/social/index.js'

export interface Platform {
  database: DatabaseHandle
  embedded: EmbeddedServer | undefined
  /** Where the database is (the embedded server's address when DATABASE_URL was unset). */
  url: string
  stop(): Promise<void>
}

/**
 * Brings the database to a usable state: the embedded server when DATABASE_URL is unset, migrations,
 * reference data, and in demo mode the demo accounts. Safe to run on every start.
 */
export async function startPlatform(
  config: Readonly<Config>,
  log: (message: string) => void = () => {},
): Promise<Platform> {
  let embedded: EmbeddedServer | undefined
  let url = config.databaseUrl
  if (url === undefined) {
    embedded = await startEmbeddedPostgres({ dataDir: config.dataDir, port: config.embeddedPort, log })
    url = embedded.url
    log(`embedded PostgreSQL is running with data in ${config.dataDir}`)
  }
  const database = connectDatabase(url)
  try {
    const { applied } = await migrate(database.pool)
    if (applied.length > 0) log(`applied migrations: ${applied.join(', ')}`)
    await loadReferenceData(database.db, config.refDataDir)
    if (config.demo) {
      const { created } = await seedDemoAccounts(database.db)
      if (created > 0) log(`demo mode: created ${created} demo accounts (password "demo")`)
      const demo = await seedRegistryDemo(database, { population: config.demoPopulation })
      if (demo.people > 0) log(`demo mode: generated ${demo.people} people with statuses from the channels`)
      await seedExchangeDemo(database.db)
      await seedProgrammesDemo(database.db)
      const fair = await seedFairsDemo(database.db)
      if (fair.fairId !== null) log(`demo mode: opened demo fair ${fair.fairId} with ${fair.slots} interview slots`)
      const hotline = await seedHotlineDemo(database.db)
      if (hotline.reports > 0) log(`demo mode: filed ${hotline.reports} hotline reports in Kostanay and Pavlodar`)
      const projects = await seedProjectsDemo(database.db)
      if (projects.projects > 0)
        log(`demo mode: ${projects.projects} national projects, ${projects.hires} hires on them`)
    }
    const abandoned = await sweepAbandonedBatches(database.db)
    if (abandoned.length > 0) log(`batches interrupted by an earlier stop, marked failed: ${abandoned.join(', ')}`)
    const incomes = await sweepAbandonedIncomeBatches(database.db)
    if (incomes.length > 0) log(`income batches interrupted by an earlier stop, marked failed: ${incomes.join(', ')}`)
  } catch (error) {
    await database.close()
    await embedded?.stop()
    throw error
  }
  return {
    database,
    embedded,
    url,
    async stop() {
      await database.close()
      await embedded?.stop()
    },
  }
}
