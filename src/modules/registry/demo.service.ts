import { sql } from 'kysely'
import { generatePeople, seedDemoChannelAccounts, seedPopulation } from '../identity/index.js'
import { listDistrictsByRegion } from '../reference/index.js'
import * as channels from './channel.repository.js'
import type { ParsedRow } from './event.parser.js'
import { createBatch, ingestBatch, type RegistryDb } from './ingest.service.js'

const DEMO_SEED = 2026

/**
 * Demo registry: channel accounts with keys `demo-<code>`, this year's formalisation plans for every region, and
 * (when asked) a generated population whose statuses arrive through the real ingestion, channel by channel.
 * Runs only on an empty registry.
 */
export async function seedRegistryDemo(
  database: RegistryDb,
  options: { population: number },
): Promise<{ people: number }> {
  const { db } = database
  const all = await channels.listChannels(db)
  await seedDemoChannelAccounts(
    db,
    all.map((c) => ({ code: c.code, name: c.name_en })),
  )

  const { rows } = await sql<{ n: number }>`SELECT count(*)::int AS n FROM registry.batches`.execute(db)
  if ((rows[0]?.n ?? 0) > 0 || options.population === 0) return { people: 0 }

  const districts = await listDistrictsByRegion(db)
  await seedPopulation(database.pool, {
    people: options.population,
    orgs: Math.ceil(options.population / 50),
    seed: DEMO_SEED,
    districts,
  })

  // Each generated person's status comes from the channel that would know it; one in five stays unknown.
  const byStatus = new Map<string, string>()
  for (const channel of [...all].sort((a, b) => a.default_rank - b.default_rank)) {
    if (channel.is_internal) continue
    for (const status of channel.allowed_statuses) byStatus.set(status, channel.code)
  }
  const perChannel = new Map<string, ParsedRow[]>()
  let index = 0
  for (const person of generatePeople({ count: options.population, seed: DEMO_SEED, districts })) {
    index++
    if (index % 5 === 0) continue
    const channel = byStatus.get(person.statusHint) ?? 'egov'
    const rowsOfChannel = perChannel.get(channel) ?? []
    rowsOfChannel.push({
      line: rowsOfChannel.length + 2,
      raw: '',
      input: { iin: person.iin, status: person.statusHint, valid_from: '2025-01-01', source_ref: `demo-${person.iin}` },
    })
    perChannel.set(channel, rowsOfChannel)
  }
  for (const [channelCode, rowsOfChannel] of perChannel) {
    const batch = await createBatch(db, { channelCode, format: 'api', fileName: 'demo population', submittedBy: null })
    await ingestBatch(database, batch.id, rowsOfChannel)
  }

  // Plans ask each region to update the statuses of a share of its people, by category (demo figures).
  const year = new Date().getUTCFullYear()
  const shares: Record<string, number> = {
    hired: 0.4,
    self_employed: 0.12,
    subsidiary_farm: 0.03,
    unemployed_unregistered: 0.04,
  }
  await sql`
    INSERT INTO registry.formalisation_plans (region_code, year, category, target)
    SELECT p.region_code, ${year}, s.category, ceil(count(*) * s.share)::int
    FROM identity.person_facts p
    CROSS JOIN unnest(${Object.keys(shares)}::text[], ${Object.values(shares)}::float8[]) AS s(category, share)
    GROUP BY p.region_code, s.category, s.share
    ON CONFLICT DO NOTHING`.execute(db)
  return { people: options.population }
}
