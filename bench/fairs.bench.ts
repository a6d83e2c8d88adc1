/**
 * Job fair opening burst (issue 5, "Performance"). Run by hand, never in CI:
 *
 *   npx tsx bench/fairs.bench.ts [--seekers 10000] [--bookings 2000] [--slots 500] [--clients 50] [--no-docs]
 *
 * A fresh embedded PostgreSQL (durable settings), the real app listening on 127.0.0.1, N citizens with sessions
 * (made set-wise: 10,000 argon2 logins would measure login, not the fair), one open fair with an approved booth
 * and S interview slots. Then, from C concurrent HTTP clients: every citizen registers, and B of them book
 * (each slot is aimed at by B/S seekers at once). Afterwards the database is counted: registrations against the
 * 201 answers (none lost), bookings per slot (never two) and bookings against the 201 answers.
 */
import { createHash, randomBytes } from 'node:crypto'
import { chmod, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { sql } from 'kysely'
import { buildApp } from '../src/app.js'
import { loadConfig } from '../src/config.js'
import { connectDatabase } from '../src/db/client.js'
import { startEmbeddedPostgres } from '../src/db/embedded.js'
import { migrate } from '../src/db/migrate.js'
import { seedDemoAccounts } from '../src/modules/identity/index.js'
import { loadReferenceData } from '../src/modules/reference/index.js'
import { makeIin } from '../src/shared/iin.js'
import { freePort } from '../tests/helpers/net.js'

const { values: args } = parseArgs({
  options: {
    seekers: { type: 'string', default: '10000' },
    bookings: { type: 'string', default: '2000' },
    slots: { type: 'string', default: '500' },
    clients: { type: 'string', default: '50' },
    'no-docs': { type: 'boolean', default: false },
  },
})
const SEEKERS = Number(args.seekers)
const BOOKINGS = Number(args.bookings)
const SLOTS = Number(args.slots)
const CLIENTS = Number(args.clients)

const sha256 = (text: string) => createHash('sha256').update(text).digest()
const HOUR = 3_600_000

interface Phase {
  name: string
  requests: number
  seconds: number
  statuses: Record<number, number>
  p50: number
  p95: number
  p99: number
  max: number
}

/** Runs the tasks from `clients` concurrent workers; returns per-request latency (ms) and status. */
async function burst(name: string, tasks: (() => Promise<number>)[], clients: number): Promise<Phase> {
  const latencies: number[] = []
  const statuses: Record<number, number> = {}
  let next = 0
  const started = performance.now()
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (next < tasks.length) {
        const task = tasks[next++] as () => Promise<number>
        const t0 = performance.now()
        const status = await task()
        latencies.push(performance.now() - t0)
        statuses[status] = (statuses[status] ?? 0) + 1
      }
    }),
  )
  const seconds = (performance.now() - started) / 1000
  latencies.sort((a, b) => a - b)
  const q = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))] ?? 0
  return { name, requests: tasks.length, seconds, statuses, p50: q(0.5), p95: q(0.95), p99: q(0.99), max: q(1) }
}

async function main() {
  const tmp = await mkdtemp(path.join(os.tmpdir(), 'jumys-fairs-bench-'))
  await chmod(tmp, 0o755)
  const pg = await startEmbeddedPostgres({ dataDir: tmp, port: await freePort() })
  const database = connectDatabase(pg.url, { max: 20 })
  try {
    const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'warn' }, { loginRateLimit: 100_000, port: 0 })
    await migrate(database.pool)
    await loadReferenceData(database.db, config.refDataDir)
    await seedDemoAccounts(database.db)
    const db = database.db

    // Citizens, their people records, registry statuses and sessions, set-wise.
    const regions = [
      '10',
      '11',
      '15',
      '19',
      '23',
      '27',
      '31',
      '33',
      '35',
      '39',
      '43',
      '47',
      '55',
      '59',
      '61',
      '63',
      '71',
      '75',
      '79',
    ]
    const people: { iin: string; birth: string; region: string; token: string }[] = []
    const seen = new Set<string>()
    for (let serial = 1; people.length < SEEKERS; serial++) {
      const birth = `${1992 + (serial % 12)}-${String((serial % 12) + 1).padStart(2, '0')}-${String((serial % 28) + 1).padStart(2, '0')}`
      const iin = makeIin(birth, serial % 2 === 0 ? 'M' : 'F', serial % 10_000)
      if (iin === undefined || seen.has(iin)) continue
      seen.add(iin)
      people.push({
        iin,
        birth,
        region: regions[serial % regions.length] as string,
        token: randomBytes(24).toString('base64url'),
      })
    }
    const iins = people.map((p) => p.iin)
    await sql`
      INSERT INTO identity.people (iin, surname, given_name, birth_date, region_code)
      SELECT iin, 'Бенчмарков', 'Участник', birth::date, region
      FROM unnest(${iins}::text[], ${people.map((p) => p.birth)}::text[], ${people.map((p) => p.region)}::text[]) AS t(iin, birth, region)`.execute(
      db,
    )
    await sql`
      INSERT INTO identity.accounts (login, password_hash, role, display_name, iin)
      SELECT 'bench-' || iin, 'not-a-login-account', 'citizen', 'Участник ' || right(iin, 4), iin FROM unnest(${iins}::text[]) AS t(iin)`.execute(
      db,
    )
    await sql`
      INSERT INTO identity.sessions (token_hash, account_id, expires_at)
      SELECT decode(h, 'hex'), a.id, now() + interval '1 day'
      FROM unnest(${iins}::text[], ${people.map((p) => sha256(p.token).toString('hex'))}::text[]) AS t(iin, h)
      JOIN identity.accounts a ON a.iin = t.iin`.execute(db)
    await sql`
      INSERT INTO registry.current_status (iin, status, status_group, valid_from, channel_code, rank, event_id, confirmed_at, fresh_until)
      SELECT iin, 'unemployed_registered', 'unemployed', current_date, 'egov', 50, 0, now(), now() + interval '90 days'
      FROM unnest(${iins}::text[]) AS t(iin)`.execute(db)

    const app = await buildApp({ config, db, pool: database.pool })
    await app.listen({ host: '127.0.0.1', port: 0 })
    const address = app.server.address()
    const base = `http://127.0.0.1:${typeof address === 'object' && address !== null ? address.port : 0}`
    const call = async (method: string, url: string, cookie: string, body?: unknown) => {
      const res = await fetch(`${base}${url}`, {
        method,
        headers: { cookie, ...(body !== undefined && { 'content-type': 'application/json' }) },
        ...(body !== undefined && { body: JSON.stringify(body) }),
      })
      const text = await res.text()
      return { status: res.status, body: text.length > 0 ? (JSON.parse(text) as Record<string, unknown>) : {} }
    }
    const login = async (name: string) => {
      const res = await fetch(`${base}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ login: name, password: 'demo' }),
      })
      return (res.headers.get('set-cookie') ?? '').split(';')[0] as string
    }
    const officer = await login('officer')
    const employer = await login('employer')

    // The fair, the booth and its slots (set-up, not measured).
    const fair = await call('POST', '/api/fairs', officer, {
      title: 'Республиканская онлайн-ярмарка вакансий',
      startsAt: new Date(Date.now() - HOUR).toISOString(),
      endsAt: new Date(Date.now() + 30 * 24 * HOUR).toISOString(),
      targetGroup: { maxAge: 35, allowedStatuses: ['unemployed_*', 'student'] },
    })
    const fairId = fair.body.id as number
    const vacancy = await call('POST', '/api/vacancies', employer, {
      title: 'Оператор подстанции',
      occupationCode: '7411',
      description: 'Сменная работа.',
      wageMin: 300_000,
      wageMax: 400_000,
      employmentType: 'permanent',
      katoCode: '551010000',
      positions: 50,
      fairId,
    })
    await call('POST', `/api/vacancies/${vacancy.body.id}/publish`, employer)
    const booth = await call('POST', `/api/fairs/${fairId}/booths`, employer, { vacancyIds: [vacancy.body.id] })
    const boothId = booth.body.id as number
    await call('POST', `/api/fairs/${fairId}/booths/${boothId}/decision`, officer, { state: 'approved' })
    const slotIds: number[] = []
    const first = Date.now() + 2 * HOUR
    for (let i = 0; i < SLOTS; i++) {
      const slot = await call('POST', `/api/fairs/${fairId}/booths/${boothId}/slots`, employer, {
        startsAt: new Date(first + i * 20 * 60_000).toISOString(),
        endsAt: new Date(first + (i + 1) * 20 * 60_000).toISOString(),
        meetingLink: `https://meet.example.kz/booth-${boothId}/${i}`,
      })
      if (slot.status !== 201) throw new Error(`slot ${i}: ${JSON.stringify(slot.body)}`)
      slotIds.push(slot.body.id as number)
    }

    const cookieOf = (p: { token: string }) => `jumys_session=${p.token}`
    const registrations = await burst(
      'registrations',
      people.map((p) => async () => (await call('POST', `/api/fairs/${fairId}/registrations`, cookieOf(p))).status),
      CLIENTS,
    )
    // Each slot is aimed at by BOOKINGS/SLOTS different seekers, in a shuffled order.
    const attempts = people.slice(0, BOOKINGS).map((p, i) => ({ p, slotId: slotIds[i % SLOTS] as number }))
    for (let i = attempts.length - 1; i > 0; i--) {
      const j = Math.floor(Math.random() * (i + 1))
      ;[attempts[i], attempts[j]] = [attempts[j] as (typeof attempts)[number], attempts[i] as (typeof attempts)[number]]
    }
    const bookings = await burst(
      'slot bookings',
      attempts.map(
        ({ p, slotId }) =>
          async () =>
            (await call('POST', `/api/fairs/${fairId}/slots/${slotId}/bookings`, cookieOf(p))).status,
      ),
      CLIENTS,
    )
    await app.close()

    const count = async (query: ReturnType<typeof sql<{ n: number }>>) =>
      Number((await query.execute(db)).rows[0]?.n ?? -1)
    const registered = await count(
      sql<{ n: number }>`SELECT count(*)::int AS n FROM fairs.registrations WHERE fair_id = ${fairId}`,
    )
    const booked = await count(
      sql<{ n: number }>`SELECT count(*)::int AS n FROM fairs.bookings WHERE fair_id = ${fairId}`,
    )
    const doubleSlots = await count(
      sql<{
        n: number
      }>`SELECT count(*)::int AS n FROM (SELECT slot_id FROM fairs.bookings GROUP BY slot_id HAVING count(*) > 1) d`,
    )
    const overlaps = await count(sql<{ n: number }>`
      SELECT count(*)::int AS n FROM fairs.bookings a JOIN fairs.bookings b ON a.seeker_iin = b.seeker_iin AND a.id < b.id
       AND tstzrange(a.starts_at, a.ends_at) && tstzrange(b.starts_at, b.ends_at)`)
    const ok201 = (p: Phase) => p.statuses[201] ?? 0
    const proof = {
      registrationsAnswered201: ok201(registrations),
      registrationsInDatabase: registered,
      lostRegistrations: ok201(registrations) - registered,
      bookingsAnswered201: ok201(bookings),
      bookingsInDatabase: booked,
      slotsWithTwoSeekers: doubleSlots,
      seekersInOverlappingSlots: overlaps,
    }
    const cpu = `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}`
    const rows = [registrations, bookings].map(
      (p) =>
        `| ${p.name} | ${p.requests.toLocaleString('en')} | ${Object.entries(p.statuses)
          .map(([s, n]) => `${s}: ${n}`)
          .join(
            ', ',
          )} | ${p.seconds.toFixed(2)} | ${Math.round(p.requests / p.seconds).toLocaleString('en')} | ${p.p50.toFixed(1)} | ${p.p95.toFixed(1)} | ${p.p99.toFixed(1)} | ${p.max.toFixed(1)} |`,
    )
    const section = `## Job fairs

Opening burst (\`npx tsx bench/fairs.bench.ts\`, ${new Date().toISOString().slice(0, 10)}): ${SEEKERS.toLocaleString('en')} registrations, then
${BOOKINGS.toLocaleString('en')} slot bookings aimed at ${SLOTS} slots (${BOOKINGS / SLOTS} seekers per slot, shuffled), from ${CLIENTS}
concurrent HTTP clients on 127.0.0.1 against the real app and a fresh embedded PostgreSQL 17 (durable settings,
pool of 20). Each registration reads the person's facts and registry status and checks the target group (age ≤ 35
on the first day, unemployed_* or student). Machine: ${cpu}, Node ${process.version}.

| phase | requests | answers | seconds | requests/s | p50 ms | p95 ms | p99 ms | max ms |
|---|---|---|---|---|---|---|---|---|
${rows.join('\n')}

Counted afterwards in the database: ${proof.registrationsInDatabase.toLocaleString('en')} registrations for ${proof.registrationsAnswered201.toLocaleString('en')} answered 201
(**${proof.lostRegistrations} lost**); ${proof.bookingsInDatabase} bookings for ${proof.bookingsAnswered201} answered 201; **${proof.slotsWithTwoSeekers} slots with two
seekers, ${proof.seekersInOverlappingSlots} seekers in overlapping slots**. Refused bookings are the 409 answers ("slot N is taken"). The guarantees are
the database's (a unique index on \`bookings.slot_id\`, a \`btree_gist\` exclusion on seeker × time range), so
they hold across processes as well.
`
    console.log(section)
    console.log(JSON.stringify(proof))
    if (!args['no-docs']) {
      const file = path.join(process.cwd(), 'docs', 'benchmarks.md')
      const doc = await readFile(file, 'utf8')
      const start = doc.indexOf('## Job fairs')
      const updated =
        start === -1
          ? `${doc.trimEnd()}\n\n${section}`
          : (() => {
              const after = doc.indexOf('\n## ', start + 1)
              return `${doc.slice(0, start)}${section}${after === -1 ? '' : `\n${doc.slice(after + 1)}`}`
            })()
      await writeFile(file, updated)
    }
  } finally {
    await database.close()
    await pg.stop()
    await rm(tmp, { recursive: true, force: true })
  }
}

await main()
