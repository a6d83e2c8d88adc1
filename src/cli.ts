import { parseArgs } from 'node:util'
import { loadConfig } from './config.js'
import { connectDatabase } from './db/client.js'
import { startEmbeddedPostgres } from './db/embedded.js'
import { migrate } from './db/migrate.js'
import { ingestFile } from './ingest-command.js'
import { seedPopulation, verifyAuditChain } from './modules/identity/index.js'
import { listDistrictsByRegion, loadReferenceData } from './modules/reference/index.js'

const USAGE = `usage: jumys <command>
  db migrate                                   apply pending migrations and load reference data
  seed --people N [--orgs M] [--seed S]        add N generated people and M organisations (deterministic for S)
  ingest FILE --channel CODE [--format csv|jsonl] [--rejections OUT.csv]
                                               load a channel's daily file into the status registry
  audit verify                                 check the audit log's hash chain; exit 1 naming the first broken entry`

const say = (message: string) => process.stderr.write(`${message}\n`)

/** The command line works on DATABASE_URL, or on the embedded server (attaching to a running Jumys if there is one). */
async function openDatabase() {
  const config = loadConfig()
  const embedded =
    config.databaseUrl === undefined
      ? await startEmbeddedPostgres({ dataDir: config.dataDir, port: config.embeddedPort, attach: true, log: say })
      : undefined
  const database = connectDatabase(config.databaseUrl ?? (embedded?.url as string))
  await migrate(database.pool)
  await loadReferenceData(database.db, config.refDataDir)
  return {
    database,
    async close() {
      await database.close()
      await embedded?.stop()
    },
  }
}

function positiveInt(value: string | undefined, name: string, fallback: number): number {
  if (value === undefined) return fallback
  const n = Number(value)
  if (!Number.isInteger(n) || n < 0)
    throw new Error(`--${name} must be a whole number ≥ 0, got ${JSON.stringify(value)}`)
  return n
}

async function run(argv: string[]): Promise<number> {
  const [command, sub] = argv
  if (command === 'db' && sub === 'migrate') {
    const { close } = await openDatabase()
    await close()
    say('migrations applied; reference data loaded')
    return 0
  }
  if (command === 'seed') {
    const { values } = parseArgs({
      args: argv.slice(1),
      options: { people: { type: 'string' }, orgs: { type: 'string' }, seed: { type: 'string' } },
    })
    const people = positiveInt(values.people, 'people', 1000)
    const orgs = positiveInt(values.orgs, 'orgs', Math.ceil(people / 50))
    const seed = positiveInt(values.seed, 'seed', 1)
    const { database, close } = await openDatabase()
    try {
      const started = performance.now()
      const districts = await listDistrictsByRegion(database.db)
      let lastShown = 0
      const result = await seedPopulation(database.pool, {
        people,
        orgs,
        seed,
        districts,
        onProgress: (what, done) => {
          const now = performance.now()
          if (now - lastShown < 500) return
          lastShown = now
          const seconds = (now - started) / 1000
          say(`  ${what}: ${done.toLocaleString('en')} rows, ${Math.round(done / seconds).toLocaleString('en')} rows/s`)
        },
      })
      const seconds = (performance.now() - started) / 1000
      say(
        `seeded ${result.people.toLocaleString('en')} people and ${result.orgs.toLocaleString('en')} organisations in ${seconds.toFixed(1)} s (seed ${seed})`,
      )
    } finally {
      await close()
    }
    return 0
  }
  if (command === 'ingest') {
    const { values, positionals } = parseArgs({
      args: argv.slice(1),
      allowPositionals: true,
      options: { channel: { type: 'string' }, format: { type: 'string' }, rejections: { type: 'string' } },
    })
    const file = positionals[0]
    if (file === undefined || values.channel === undefined) throw new Error('usage: jumys ingest FILE --channel CODE')
    const { database, close } = await openDatabase()
    try {
      return await ingestFile(database, file, {
        channel: values.channel,
        format: values.format,
        rejections: values.rejections,
      })
    } finally {
      await close()
    }
  }
  if (command === 'audit' && sub === 'verify') {
    const { database, close } = await openDatabase()
    try {
      const result = await verifyAuditChain(database.db)
      if (result.ok) {
        say(`audit log intact: ${result.entries} entries verified`)
        return 0
      }
      say(
        `audit log BROKEN at entry ${result.brokenSeq}: ${result.reason} (${result.entries} entries before it verified)`,
      )
      return 1
    } finally {
      await close()
    }
  }
  say(USAGE)
  return command === undefined || command === 'help' || command === '--help' ? 0 : 2
}

run(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: Error) => {
    say(`jumys: ${error.message}`)
    process.exit(1)
  },
)
