/**
 * National projects and the job-creation map (issue 6, "Performance"). Run by hand, never in CI:
 *
 *   npx tsx bench/projects.bench.ts [--people 1000000] [--projects 5000] [--vacancies 100000] [--runs 30]
 *                                   [--keep DIR] [--hold] [--only TEXT] [--trace]
 *
 * --keep DIR keeps the cluster in DIR instead of a temporary folder, and a later run with the same DIR skips the
 * generation (it only migrates, so a new migration's backfill runs on the kept data). --hold prints the database
 * URL after the reads and waits for Ctrl-C, for EXPLAIN (ANALYZE, BUFFERS) with psql. --only TEXT times only the
 * reads whose label contains TEXT; --trace prints every run's time in order (load spikes show as outliers).
 *
 * A fresh embedded PostgreSQL, migrated, with reference data and demo accounts; then, set-wise in SQL:
 * N people (identity), V exchange vacancies in all regions (a quarter of them contractors' vacancies linked to
 * P projects, five per project), three applications per vacancy (about a third ending in a hire this year, the
 * vacancy's positions_filled kept equal to its hires), seeker profiles for a fifth of the people, and P projects
 * with three years of planned jobs, a tenth still in tender; then the first recount of the counts the reads use
 * (what the jobs do within minutes). Then each read is timed through the real app (`app.inject`, so routing, auth,
 * SQL and serialisation are all in the figure): warm-up, then R runs each, the first being a session check alone
 * (the machine's floor). Last, the two counting jobs are timed.
 */
import { chmod, mkdir, mkdtemp, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { sql } from 'kysely'
import { buildApp } from '../src/app.js'
import { loadConfig } from '../src/config.js'
import { connectDatabase, type Db } from '../src/db/client.js'
import { startEmbeddedPostgres } from '../src/db/embedded.js'
import { migrate } from '../src/db/migrate.js'
import { DEMO_EMPLOYER_BIN, seedDemoAccounts } from '../src/modules/identity/index.js'
import { recountLabourBalance, recountProjectCounts } from '../src/modules/projects/index.js'
import { loadReferenceData } from '../src/modules/reference/index.js'
import { freePort } from '../tests/helpers/net.js'

const { values: args } = parseArgs({
  options: {
    people: { type: 'string', default: '1000000' },
    projects: { type: 'string', default: '5000' },
    vacancies: { type: 'string', default: '100000' },
    runs: { type: 'string', default: '30' },
    keep: { type: 'string' },
    hold: { type: 'boolean', default: false },
    only: { type: 'string' },
    trace: { type: 'boolean', default: false },
  },
})
const PEOPLE = Number(args.people)
const PROJECTS = Number(args.projects)
const VACANCIES = Number(args.vacancies)
const RUNS = Number(args.runs)
const PER_PROJECT = 5

const REGIONS = [
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
  '62',
  '63',
  '71',
  '75',
  '79',
]
const OCCUPATIONS = ['7411', '8322', '2512', '5223', '2411', '5120', '7112', '7212', '8332', '9313', '3115', '2221']

async function timed(label: string, run: () => Promise<void>) {
  const started = performance.now()
  await run()
  console.log(`${label}: ${((performance.now() - started) / 1000).toFixed(1)} s`)
}

async function main() {
  const tmp = args.keep ?? (await mkdtemp(path.join(os.tmpdir(), 'jumys-projects-bench-')))
  await mkdir(tmp, { recursive: true })
  await chmod(tmp, 0o755)
  const pg = await startEmbeddedPostgres({ dataDir: tmp, port: await freePort() })
  const database = connectDatabase(pg.url, { max: 10 })
  try {
    const db = database.db
    const { rows: seeded } = await sql<{ ok: boolean }>`
      SELECT to_regclass('projects.national_programmes') IS NOT NULL AS ok`.execute(db)
    const kept =
      seeded[0]?.ok === true &&
      (await sql`SELECT 1 FROM projects.national_programmes WHERE code = 'NP-BENCH'`.execute(db)).rows.length > 0
    await migrate(database.pool)
    if (kept) console.log(`reusing the generated data in ${tmp}`)
    else await generate(db)
    await readAll(db)
    if (args.hold) {
      console.log(`\nholding the cluster for psql: ${pg.url}  (Ctrl-C to stop)`)
      await new Promise<void>((resolve) => process.once('SIGINT', () => resolve()))
    }
  } finally {
    await database.close()
    await pg.stop()
    if (args.keep === undefined) await rm(tmp, { recursive: true, force: true })
  }

  async function generate(db: Db) {
    const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'warn' }, { loginRateLimit: 100_000, port: 0 })
    await loadReferenceData(db, config.refDataDir)
    await seedDemoAccounts(db)
    const regions = sql.raw(`ARRAY[${REGIONS.map((r) => `'${r}'`).join(',')}]`)
    const occupations = sql.raw(`ARRAY[${OCCUPATIONS.map((o) => `'${o}'`).join(',')}]`)
    const { rows: katos } = await sql<{ region_code: string; code: string }>`
      SELECT DISTINCT ON (region_code) region_code, code FROM reference.kato WHERE level = 1 ORDER BY region_code, code`.execute(
      db,
    )
    const kato = sql.raw(`jsonb_build_object(${katos.map((k) => `'${k.region_code}','${k.code}'`).join(',')})`)

    await timed(`${PEOPLE.toLocaleString('en')} people`, async () => {
      await sql`INSERT INTO identity.people (iin, surname, given_name, birth_date, sex, region_code)
        SELECT lpad(i::text, 12, '0'), 'S' || i, 'G' || i, date '1960-01-01' + (i::bigint * 7919 % 18000)::int,
               CASE WHEN i % 2 = 0 THEN 'M' ELSE 'F' END, (${regions})[1 + i % 20]
        FROM generate_series(1, ${PEOPLE}) AS i`.execute(db)
    })
    await timed(
      `${VACANCIES.toLocaleString('en')} vacancies, ${(VACANCIES * 3).toLocaleString('en')} applications`,
      async () => {
        await sql`INSERT INTO exchange.vacancies (employer_bin, employer_name, title, occupation_code, description, wage_min,
                  wage_max, employment_type, kato_code, region_code, positions, positions_filled, state, published_at, expires_at)
        SELECT CASE WHEN i <= ${PROJECTS * PER_PROJECT} THEN ${DEMO_EMPLOYER_BIN} ELSE lpad((i % 20000)::text, 12, '7') END,
               'Employer', 'Vacancy ' || i, (${occupations})[1 + i % 12], 'Bench vacancy', 150000, 250000,
               (ARRAY['permanent', 'temporary', 'seasonal', 'shift'])[1 + i % 4],
               ${kato} ->> (${regions})[1 + i % 20], (${regions})[1 + i % 20], 5, 0,
               CASE WHEN i % 10 = 0 THEN 'closed' ELSE 'published' END, now() - interval '20 days',
               now() + interval '10 days'
        FROM generate_series(1, ${VACANCIES}) AS i`.execute(db)
        await sql`INSERT INTO exchange.applications (vacancy_id, seeker_iin, seeker_name, state, created_at, updated_at)
        SELECT v.id, lpad((1 + (v.id * 3 + k) * 104729 % ${PEOPLE})::text, 12, '0'), 'Seeker',
               CASE WHEN (v.id + k) % 3 = 0 THEN 'hired' WHEN k = 1 THEN 'viewed' ELSE 'submitted' END,
               now() - interval '10 days', now() - interval '5 days'
        FROM exchange.vacancies v CROSS JOIN generate_series(0, 2) AS k`.execute(db)
        await sql`UPDATE exchange.vacancies v SET positions_filled = h.n
        FROM (SELECT vacancy_id, count(*)::int AS n FROM exchange.applications WHERE state = 'hired' GROUP BY 1) h
        WHERE h.vacancy_id = v.id`.execute(db)
        await sql`INSERT INTO exchange.profiles (seeker_iin, desired_occupations, region_code, visibility)
        SELECT lpad(i::text, 12, '0'), ARRAY[(${occupations})[1 + i % 12], (${occupations})[1 + i * 7 % 12]],
               (${regions})[1 + i % 20], 'officers'
        FROM generate_series(1, ${PEOPLE}, 5) AS i`.execute(db)
      },
    )
    const year = new Date().getUTCFullYear()
    await timed(
      `${PROJECTS.toLocaleString('en')} projects, ${(PROJECTS * PER_PROJECT).toLocaleString('en')} linked vacancies`,
      async () => {
        await sql`INSERT INTO projects.national_programmes (code, name) VALUES ('NP-BENCH', 'Bench programme')`.execute(
          db,
        )
        await sql`INSERT INTO projects.projects (programme_id, title, region_code, sector, investment, tender_state,
                  contractor_bin, contractor_name, starts_on, ends_on)
        SELECT 1, 'Project ' || i, (${regions})[1 + i % 20], 'industry', 1000000000,
               CASE WHEN i % 10 = 0 THEN 'in_tender' ELSE 'under_way' END,
               CASE WHEN i % 10 = 0 THEN NULL ELSE ${DEMO_EMPLOYER_BIN} END,
               CASE WHEN i % 10 = 0 THEN NULL ELSE 'Contractor' END,
               make_date(${year - 1}::int, 1, 1), make_date(${year + 1}::int, 12, 31)
        FROM generate_series(1, ${PROJECTS}) AS i`.execute(db)
        await sql`INSERT INTO projects.planned_jobs (project_id, year, permanent, temporary)
        SELECT p.id, y, 5 + p.id % 20, 10 + p.id % 50 FROM projects.projects p
        CROSS JOIN generate_series(${year - 1}::int, ${year + 1}::int) AS y`.execute(db)
        // Five vacancies per contracted project (vacancy i → project (i-1)/5 + 1), skipping the ones in tender. The
        // exchange's copy of the link first: a link the exchange does not show is refused at commit (0022).
        await sql`UPDATE exchange.vacancies v SET project_id = (v.id - 1) / ${PER_PROJECT} + 1
        WHERE v.id <= ${PROJECTS * PER_PROJECT} AND ((v.id - 1) / ${PER_PROJECT} + 1) % 10 <> 0`.execute(db)
        await sql`INSERT INTO projects.project_vacancies (vacancy_id, project_id, linked_by)
        SELECT v.id, v.project_id, 1 FROM exchange.vacancies v WHERE v.project_id IS NOT NULL`.execute(db)
      },
    )
    // The data went in behind the app's back: count it as the jobs would within minutes.
    await timed('first recount of the projects counts and the balance (the jobs)', async () => {
      await recountProjectCounts(db)
      await recountLabourBalance(db)
      await sql`ANALYZE`.execute(db)
    })
  }

  async function readAll(db: Db) {
    const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'warn' }, { loginRateLimit: 100_000, port: 0 })
    const app = await buildApp({ config, db, pool: database.pool })
    await app.ready()
    const login = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { login: 'analyst', password: 'demo' },
    })
    const cookie = `jumys_session=${login.cookies.find((c) => c.name === 'jumys_session')?.value}`
    const { rows: some } = await sql<{
      id: number
    }>`SELECT id FROM projects.projects WHERE region_code = '55' LIMIT 1`.execute(db)
    const reads: [string, string][] = [
      ["baseline: the session check alone (the machine's floor)", '/api/auth/me'],
      ['map (20 regions, planned vs created this year)', '/api/projects/map'],
      ["drill-down: region 55's first page (25 projects) with their vacancies", '/api/projects/map/regions/55'],
      ["drill-down: region 55's last page (of 250 projects)", '/api/projects/map/regions/55?offset=225'],
      ['action list: in tender without a contractor', '/api/projects?action=needs_contractor'],
      ['action list: contractor posted no vacancies', '/api/projects?action=no_vacancies'],
      ['one project with its vacancies', `/api/projects/${some[0]?.id}`],
      ['project list, national (all 5,000)', '/api/projects'],
      ['labour-market balance, national', '/api/overview/labour-balance'],
      ['national overview (all panels)', '/api/overview'],
    ]
    console.log(`\n${RUNS} runs each after 3 warm-up runs (ms):`)
    console.log('| read | p50 | p95 | max | rows/bytes |')
    console.log('| --- | ---: | ---: | ---: | ---: |')
    for (const [label, url] of reads.filter(([l]) => args.only === undefined || l.includes(args.only))) {
      for (let i = 0; i < 3; i++) await app.inject({ url, headers: { cookie } })
      const times: number[] = []
      let bytes = 0
      for (let i = 0; i < RUNS; i++) {
        const started = performance.now()
        const res = await app.inject({ url, headers: { cookie } })
        times.push(performance.now() - started)
        if (res.statusCode !== 200) throw new Error(`${url}: ${res.statusCode} ${res.body.slice(0, 300)}`)
        bytes = res.body.length
      }
      if (args.trace) console.log(`${label}: ${times.map((ms) => ms.toFixed(0)).join(' ')}`)
      times.sort((a, b) => a - b)
      const at = (q: number) => (times[Math.min(times.length - 1, Math.floor(q * times.length))] ?? 0).toFixed(1)
      console.log(`| ${label} | ${at(0.5)} | ${at(0.95)} | ${at(1)} | ${bytes.toLocaleString('en')} B |`)
    }
    const map = (await app.inject({ url: '/api/projects/map', headers: { cookie } })).json() as { total: unknown }
    console.log('\nmap totals:', JSON.stringify(map.total))
    // The jobs that keep the counts (migration 0019): a full recount, as the worker runs it.
    for (const [label, run] of [
      ['job projects-counts (full recount, nothing changed)', () => recountProjectCounts(db)],
      ['job projects-balance (full recount)', () => recountLabourBalance(db)],
    ] as const) {
      const times: number[] = []
      for (let i = 0; i < 3; i++) {
        const started = performance.now()
        await run()
        times.push(performance.now() - started)
      }
      console.log(`${label}: ${times.map((ms) => ms.toFixed(0)).join(', ')} ms`)
    }
    await app.close()
  }
}

await main()
