import { type ChildProcess, spawn } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { chmod, mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { makeIin } from '../../src/shared/iin.js'
import { freePort } from '../helpers/net.js'

const ROOT = path.resolve(import.meta.dirname, '../..')
let dataDir: string
let env: NodeJS.ProcessEnv
let base: string
const children: ChildProcess[] = []

/** Starts `src/main.ts` as `npm start` does (without the web build) and resolves once it serves. */
function startServer(extra: NodeJS.ProcessEnv = {}): Promise<{ child: ChildProcess; output: () => string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: ROOT,
    env: { ...env, ...extra },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  children.push(child)
  let output = ''
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start in 90 s:\n${output}`)), 90_000)
    const onData = (chunk: Buffer) => {
      output += chunk.toString()
      if (output.includes('jumys: serving')) {
        clearTimeout(timer)
        resolve({ child, output: () => output })
      }
    }
    child.stdout?.on('data', onData)
    child.stderr?.on('data', onData)
    child.on('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`server exited with ${code}:\n${output}`))
    })
  })
}

const postgresPid = () => Number(readFileSync(path.join(dataDir, 'pg', 'postmaster.pid'), 'utf8').split('\n')[0])
const isAlive = (pid: number) => {
  try {
    process.kill(pid, 0)
    return true
  } catch {
    return false
  }
}

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'jumys-restart-'))
  await chmod(dataDir, 0o755)
  env = {
    ...process.env,
    NODE_ENV: 'development',
    DATABASE_URL: '',
    DATA_DIR: dataDir,
    PORT: String(await freePort()),
    EMBEDDED_PG_PORT: String(await freePort()),
    LOG_LEVEL: 'warn',
    DEMO_POPULATION: '300',
  }
  base = `http://127.0.0.1:${env.PORT}`
})

afterAll(async () => {
  for (const child of children) if (child.exitCode === null) child.kill('SIGKILL')
  if (existsSync(path.join(dataDir, 'pg', 'postmaster.pid'))) {
    const pid = postgresPid()
    if (isAlive(pid)) process.kill(pid, 'SIGQUIT')
  }
  await rm(dataDir, { recursive: true, force: true })
})

describe('the embedded database across a kill -9', () => {
  it('restarts cleanly on the same data folder and keeps the data', { timeout: 240_000 }, async () => {
    const first = await startServer()
    const login = await fetch(`${base}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ login: 'officer', password: 'demo' }),
    })
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? ''
    const iin = makeIin('1979-11-30', 'M', 2468) as string
    const created = await fetch(`${base}/api/people`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie },
      body: JSON.stringify({ iin, surname: 'Омаров', givenName: 'Бауыржан', regionCode: '39' }),
    })
    expect(created.status).toBe(201)

    const orphan = postgresPid()
    first.child.kill('SIGKILL')
    await new Promise((resolve) => first.child.once('exit', resolve))
    // The app is gone, its postgres survives it holding the folder and the port: the case to recover from.
    expect(isAlive(orphan)).toBe(true)

    const second = await startServer()
    expect(second.output()).toContain('orphaned embedded PostgreSQL')
    const health = await (await fetch(`${base}/api/health`)).json()
    expect(health).toMatchObject({ status: 'ok', database: { ok: true } })
    const relogin = await fetch(`${base}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ login: 'officer', password: 'demo' }),
    })
    const cookie2 = (relogin.headers.get('set-cookie') ?? '').split(';')[0] ?? ''
    const person = await fetch(`${base}/api/people/${iin}?purpose=restart%20check`, { headers: { cookie: cookie2 } })
    expect(await person.json()).toMatchObject({ iin, surname: 'Омаров' })

    // A clean stop takes its postgres down with it.
    const pg = postgresPid()
    second.child.kill('SIGTERM')
    const code = await new Promise((resolve) => second.child.once('exit', resolve))
    expect(code).toBe(0)
    expect(isAlive(pg)).toBe(false)
  })

  it('refuses to start a second server on a folder a live one is using', { timeout: 180_000 }, async () => {
    const running = await startServer()
    const otherPort = String(await freePort())
    const second = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      cwd: ROOT,
      env: { ...env, PORT: otherPort },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    children.push(second)
    let output = ''
    second.stderr?.on('data', (c: Buffer) => {
      output += c.toString()
    })
    const code = await new Promise((resolve) => second.once('exit', resolve))
    expect(code).toBe(1)
    expect(output).toContain(`another Jumys process (pid ${running.child.pid}) is using the data folder`)
    running.child.kill('SIGTERM')
    await new Promise((resolve) => running.child.once('exit', resolve))
  })

  it('serves from worker processes over one database, replaces a dead one, and stops them all', {
    timeout: 180_000,
  }, async () => {
    const running = await startServer({ WEB_WORKERS: '2' })
    expect(running.output()).toContain('from 2 worker processes')
    const pid = running.child.pid as number
    const workers = () =>
      readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8')
        .split(/\s+/)
        .filter((x) => x !== '')
        .map(Number)
        // The embedded PostgreSQL is a child too.
        .filter((child) => {
          try {
            return readFileSync(`/proc/${child}/comm`, 'utf8').trim() === 'node'
          } catch {
            return false
          }
        })
    const [first] = workers()
    expect(workers()).toHaveLength(2)
    // Sessions live in the database, so a login on one connection is good on another (another worker, likely).
    const login = await fetch(`${base}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', connection: 'close' },
      body: JSON.stringify({ login: 'officer', password: 'demo' }),
    })
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? ''
    for (let i = 0; i < 6; i++) {
      const me = await fetch(`${base}/api/auth/me`, { headers: { cookie, connection: 'close' } })
      expect(me.status).toBe(200)
    }
    // A worker that dies is replaced; the port keeps answering meanwhile.
    process.kill(first as number, 'SIGKILL')
    for (let t = 0; t < 100 && !(workers().length === 2 && !workers().includes(first as number)); t++)
      await new Promise((resolve) => setTimeout(resolve, 100))
    expect(workers()).toHaveLength(2)
    expect(workers()).not.toContain(first)
    expect(running.output()).toContain('starting another')
    const health = await fetch(`${base}/api/health`, { headers: { connection: 'close' } })
    expect(health.status).toBe(200)

    const all = workers()
    const database = postgresPid()
    running.child.kill('SIGTERM')
    const code = await new Promise((resolve) => running.child.once('exit', resolve))
    expect(code).toBe(0)
    for (const w of all) expect(isAlive(w)).toBe(false)
    expect(isAlive(database)).toBe(false)
  })
})
