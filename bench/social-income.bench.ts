/**
 * Platform incomes benchmark (issue 7, "Performance"). Run by hand, never in CI:
 *
 *   npx tsx bench/social-income.bench.ts [--workers 500000] [--platforms 5] [--no-docs] [--keep]
 *
 * One run: a fresh embedded PostgreSQL, N people (the population generator), P platforms with N / P registered
 * workers each (a fifth of them under the 4% platform regime), then one monthly income CSV per platform through
 * the real path `ingestIncomes(…, parseIncomeCsv(file))`: streamed validation and contributions under both regimes
 * from the dated rates, COPY into staging, the set-wise merge into the ledger, and the workers' `platform_worker`
 * statuses through the registry's own ingestion (channel `platforms`). Then one file is sent again (all duplicates,
 * nothing changes). Results are printed and written to docs/benchmarks.md, section "Platform incomes".
 */

import { once } from 'node:events'
import { createReadStream, createWriteStream } from 'node:fs'
import { chmod, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises'
import { createServer } from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { loadConfig } from '../src/config.js'
import { connectDatabase, type DatabaseHandle } from '../src/db/client.js'
import { startEmbeddedPostgres } from '../src/db/embedded.js'
import { migrate } from '../src/db/migrate.js'
import { seedPopulation } from '../src/modules/identity/index.js'
import { listDistrictsByRegion, loadReferenceData } from '../src/modules/reference/index.js'
import { seedRegistryDemo } from '../src/modules/registry/index.js'
// The CSV parser is the route's own; the bench feeds it a file as the route feeds it a request body.
import { currentMonth, parseIncomeCsv } from '../src/modules/social/income.parser.js'
import { ingestIncomes } from '../src/modules/social/index.js'
import { createRandom } from './registry-data.js'
import { fmtInt, fmtMiB, fmtS, table } from './registry-measure.js'

const { values: args } = parseArgs({
  options: {
    workers: { type: 'string', default: '500000' },
    platforms: { type: 'string', default: '5' },
    seed: { type: 'string', default: '1' },
    'no-docs': { type: 'boolean', default: false },
    keep: { type: 'boolean', default: false },
  },
})
const WORKERS = Number(args.workers)
const PLATFORMS = Number(args.platforms)
const SEED = Number(args.seed)

/** Sized for this shared 2-core machine; durability stays on (the defaults). */
const PG_SETTINGS: Record<string, string> = {
  shared_buffers: '1GB',
  effective_cache_size: '8GB',
  work_mem: '64MB',
  maintenance_work_mem: '512MB',
  max_wal_size: '4GB',
  checkpoint_timeout: '15min',
}

const started = performance.now()
const say = (message: string) =>
  process.stderr.write(`[${((performance.now() - started) / 1000).toFixed(1).padStart(6)} s] ${message}\n`)

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      )
    })
  })
}

/** Last month: income is reported after the month, and a worker with it is active (platform_worker). */
function lastMonth(): string {
  const [y, m] = currentMonth().split('-').map(Number) as [number, number]
  const d = new Date(Date.UTC(y, m - 2, 1))
  return d.toISOString().slice(0, 7)
}

async function setUp(database: DatabaseHandle) {
  const { pool, db } = database
  await migrate(pool)
  await loadReferenceData(db, loadConfig().refDataDir)
  await seedRegistryDemo(database, { population: 0 })
  const districts = await listDistrictsByRegion(db)
  say(`seeding ${fmtInt(WORKERS)} people`)
  await seedPopulation(pool, { people: WORKERS, orgs: 1000, seed: SEED, districts })
  // P platforms from the generated organisations; every person works for exactly one of them.
  await pool.query(
    `INSERT INTO social.platforms (bin, name) SELECT bin, name FROM identity.organisations ORDER BY bin LIMIT $1`,
    [PLATFORMS],
  )
  await pool.query(
    `INSERT INTO social.platform_workers (platform_bin, iin, regime)
     SELECT p.bin, w.iin, CASE WHEN w.n % 5 = 0 THEN 'platform_4pct' ELSE 'standard' END
     FROM (SELECT iin, row_number() OVER (ORDER BY iin) AS n FROM identity.people) w
     JOIN (SELECT bin, row_number() OVER (ORDER BY bin) - 1 AS k FROM social.platforms) p ON p.k = w.n % $1`,
    [PLATFORMS],
  )
  await pool.query('VACUUM (ANALYZE) identity.people, social.platform_workers')
  const { rows } = await pool.query<{ bin: string; iins: string[] }>(
    `SELECT platform_bin AS bin, array_agg(iin ORDER BY iin) AS iins FROM social.platform_workers GROUP BY 1 ORDER BY 1`,
  )
  const { rows: version } = await pool.query<{ v: string }>('SELECT version() AS v')
  return { platforms: rows, pgVersion: version[0]?.v ?? '?' }
}

async function writeIncomeFile(file: string, bin: string, iins: string[], month: string, random: () => number) {
  const out = createWriteStream(file)
  const write = async (line: string) => {
    if (!out.write(line)) await once(out, 'drain')
  }
  await write('report_id,iin,month,income\n')
  for (const iin of iins) {
    // 20,000 to 900,000 ₸ with tiyn: below 1 MW, within 1–7 MW and above 7 MW (the caps) all occur.
    const income = (20_000 + random() * 880_000).toFixed(2)
    await write(`${bin}-${month}-${iin},${iin},${month},${income}\n`)
  }
  out.end()
  await once(out, 'finish')
  return (await stat(file)).size
}

// ---------------------------------------------------------------------------------------------------------------

const GENERATED_END =
  '<!-- social-income.bench.ts: end of the generated part; text below is kept when the bench rewrites it -->'

async function writeDocs(generated: string): Promise<string> {
  const file = path.resolve(import.meta.dirname, '..', 'docs', 'benchmarks.md')
  let text = await readFile(file, 'utf8')
  const heading = '## Platform incomes'
  const at = text.indexOf(`${heading}\n`)
  if (at === -1) {
    text = `${text.trimEnd()}\n\n${generated.trimEnd()}\n\n${GENERATED_END}\n`
  } else {
    const next = text.indexOf('\n## ', at + heading.length)
    const end = next === -1 ? text.length : next + 1
    const old = text.slice(at, end)
    const marker = old.indexOf(GENERATED_END)
    const kept = marker === -1 ? '' : old.slice(marker + GENERATED_END.length).trim()
    const section = `${generated.trimEnd()}\n\n${GENERATED_END}\n${kept === '' ? '' : `\n${kept}\n`}`
    text = `${text.slice(0, at)}${section}${next === -1 ? '' : `\n${text.slice(end)}`}`
  }
  await writeFile(file, `${text.trimEnd()}\n`)
  return file
}

async function main() {
  const tmp = await mkdtemp(path.join(os.tmpdir(), 'jumys-bench-social-'))
  await chmod(tmp, 0o755) // as root, PostgreSQL runs as the user postgres, which must enter the folder
  const port = await freePort()
  say(`embedded PostgreSQL in ${tmp} on port ${port}`)
  const embedded = await startEmbeddedPostgres({ dataDir: tmp, port, settings: PG_SETTINGS })
  const loadBefore = os.loadavg()
  const database = connectDatabase(embedded.url, { max: 10 })
  try {
    const { platforms, pgVersion } = await setUp(database)
    const month = lastMonth()
    const random = createRandom(SEED * 31)
    const files: { bin: string; file: string; rows: number; bytes: number }[] = []
    for (const p of platforms) {
      const file = path.join(tmp, `incomes-${p.bin}.csv`)
      const bytes = await writeIncomeFile(file, p.bin, p.iins, month, random)
      files.push({ bin: p.bin, file, rows: p.iins.length, bytes })
    }
    say(`${files.length} income files for ${month}: ${fmtInt(files.reduce((s, f) => s + f.rows, 0))} rows`)

    const { pool } = database
    const results: { bin: string; rows: number; bytes: number; ms: number; accepted: number; events: number }[] = []
    let rejected = 0
    const t0 = performance.now()
    for (const f of files) {
      const t = performance.now()
      const { batch, registry } = await ingestIncomes(
        database,
        { platformBin: f.bin, format: 'csv', fileName: path.basename(f.file), submittedBy: 0 },
        parseIncomeCsv(createReadStream(f.file)),
      )
      const ms = performance.now() - t
      if (batch.counts.accepted !== f.rows || registry.error !== undefined) {
        throw new Error(`platform ${f.bin}: ${JSON.stringify(batch.counts)} ${JSON.stringify(registry)}`)
      }
      rejected += batch.counts.rejected
      results.push({
        bin: f.bin,
        rows: f.rows,
        bytes: f.bytes,
        ms,
        accepted: batch.counts.accepted,
        events: registry.applied,
      })
      say(`platform ${f.bin}: ${fmtInt(f.rows)} rows in ${fmtS(ms)} (${fmtInt(f.rows / (ms / 1000))} rows/s)`)
    }
    const totalMs = performance.now() - t0
    const totalRows = results.reduce((s, r) => s + r.rows, 0)
    const { rows: ledger } = await pool.query<{ n: string; total: string; income: string; std: string }>(
      `SELECT count(*) AS n, sum(total) AS total, sum(income) AS income,
              count(*) FILTER (WHERE regime = 'standard') AS std FROM social.contributions`,
    )
    const ledgerRows = Number(ledger[0]?.n ?? 0)
    if (ledgerRows !== totalRows) throw new Error(`ledger has ${ledgerRows} rows, expected ${totalRows}`)

    // Exactly once: the first file again changes nothing.
    const again = files[0] as (typeof files)[number]
    const ta = performance.now()
    const resent = await ingestIncomes(
      database,
      { platformBin: again.bin, format: 'csv', fileName: 'again.csv', submittedBy: 0 },
      parseIncomeCsv(createReadStream(again.file)),
    )
    const againMs = performance.now() - ta
    const { rows: after } = await pool.query<{ n: string }>('SELECT count(*) AS n FROM social.contributions')
    if (resent.batch.counts.duplicate !== again.rows || Number(after[0]?.n) !== ledgerRows) {
      throw new Error(`re-sent file: ${JSON.stringify(resent.batch.counts)}, ledger ${after[0]?.n}`)
    }
    const loadAfter = os.loadavg()
    const { rows: size } = await pool.query<{ bytes: string }>(
      `SELECT pg_total_relation_size('social.contributions') AS bytes`,
    )

    const rate = totalRows / (totalMs / 1000)
    const section = [
      '## Platform incomes',
      '',
      `Measured ${new Date().toISOString().slice(0, 10)} with \`npx tsx bench/social-income.bench.ts --workers ${WORKERS} --platforms ${PLATFORMS}\` ` +
        `(generated part; the bench rewrites it). Machine: ${os.cpus().length} cores (${os.cpus()[0]?.model ?? '?'}), ` +
        `${fmtMiB(os.totalmem())} RAM, **shared with other work**: load average ${loadBefore.map((l) => l.toFixed(2)).join(' / ')} ` +
        `before and ${loadAfter.map((l) => l.toFixed(2)).join(' / ')} after (1 / 5 / 15 min). ${pgVersion.split(' on ')[0]}, embedded, ` +
        `durable defaults (fsync, synchronous_commit on), ${Object.entries(PG_SETTINGS)
          .map(([k, v]) => `${k}=${v}`)
          .join(', ')}.`,
      '',
      `One monthly income file per platform (CSV \`report_id,iin,month,income\`, month ${month}), ${fmtInt(WORKERS)} workers ` +
        `from ${PLATFORMS} platforms, a fifth under the 4% regime, incomes 20,000–900,000 ₸. Each file goes through ` +
        '`ingestIncomes(…, parseIncomeCsv(file))`, the path of `POST /api/social/incomes/file`: streamed validation and ' +
        'contributions under both regimes from the dated rates of the month, COPY into staging, one set-wise merge into ' +
        'the ledger (the worker’s regime, the employer-pension birth year, exactly-once by report id and by worker × month), ' +
        'then the active workers’ `platform_worker` statuses through the registry’s ingestion (channel `platforms`, ' +
        '10,000 events per batch).',
      '',
      table(
        ['platform', 'rows', 'file', 'time', 'rows/s', 'accepted', 'registry statuses applied'],
        results.map((r) => [
          r.bin,
          fmtInt(r.rows),
          fmtMiB(r.bytes),
          fmtS(r.ms),
          fmtInt(r.rows / (r.ms / 1000)),
          fmtInt(r.accepted),
          fmtInt(r.events),
        ]),
      ),
      '',
      `- **All ${fmtInt(totalRows)} rows: ${fmtS(totalMs)}, ${fmtInt(rate)} rows/s end to end** (ledger and statuses ` +
        `committed); rejected ${fmtInt(rejected)}.`,
      `- Ledger: ${fmtInt(ledgerRows)} rows (${fmtInt(Number(ledger[0]?.std))} standard), income ${fmtInt(Number(ledger[0]?.income))} ₸, ` +
        `contributions ${fmtInt(Number(ledger[0]?.total))} ₸; table with indexes ${fmtMiB(Number(size[0]?.bytes ?? 0))}.`,
      `- The first file sent again: ${fmtInt(resent.batch.counts.duplicate)} duplicates, nothing changed, ${fmtS(againMs)} ` +
        `(${fmtInt(again.rows / (againMs / 1000))} rows/s).`,
    ].join('\n')
    process.stdout.write(`${section}\n`)
    if (!args['no-docs']) say(`written to ${await writeDocs(section)}`)
  } finally {
    await database.close()
    await embedded.stop()
    if (!args.keep) await rm(tmp, { recursive: true, force: true })
    else say(`kept ${tmp}`)
  }
}

await main()
