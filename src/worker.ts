import { loadConfig } from './config.js'
import { startJobs } from './jobs.js'
import { startPlatform } from './platform.js'

// The jobs process, for deployments that run HTTP servers with JOBS=0 and one or more workers beside them.
const config = loadConfig()
const say = (message: string) => process.stdout.write(`jumys worker: ${message}\n`)
const platform = await startPlatform(config, say)
const jobs = await startJobs(platform.database, config, say)
say('running scheduled jobs')

async function shutdown() {
  await jobs.stop({ graceful: true, wait: true })
  await platform.stop()
  process.exit(0)
}
process.removeAllListeners('SIGINT')
process.removeAllListeners('SIGTERM')
process.on('SIGINT', () => void shutdown())
process.on('SIGTERM', () => void shutdown())
