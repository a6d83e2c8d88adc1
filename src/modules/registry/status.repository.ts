import { sql } from 'kysely'
import type { Conn } from '../../db/client.js'
import type { RegistryTables } from './registry.tables.js'

const t = (db: Conn) => db.withTables<RegistryTables>()

export function findCurrentStatus(db: Conn, iin: string) {
  return t(db).selectFrom('registry.current_status').selectAll().where('iin', '=', iin).executeTakeFirst()
}

export function listHistory(db: Conn, iin: string) {
  return t(db)
    .selectFrom('registry.status_events')
    .selectAll()
    .where('iin', '=', iin)
    .orderBy('valid_from', 'desc')
    .orderBy('id', 'desc')
    .limit(500)
    .execute()
}

/** People, known, unknown and stale by region (or by district within one region), from the published person facts. */
export async function summarise(db: Conn, regionCode: string | null) {
  const unit = regionCode === null ? sql`p.region_code` : sql`coalesce(p.kato_code, p.region_code)`
  const { rows } = await sql<{ unit: string; people: number; known: number; unknown: number; stale: number }>`
    SELECT ${unit} AS unit, count(*)::int AS people, count(c.iin)::int AS known,
           (count(*) - count(c.iin))::int AS unknown, count(*) FILTER (WHERE c.fresh_until < now())::int AS stale
    FROM identity.person_facts p LEFT JOIN registry.current_status c ON c.iin = p.iin
    WHERE ${regionCode === null ? sql`true` : sql`p.region_code = ${regionCode}`}
    GROUP BY 1 ORDER BY 1`.execute(db)
  return rows
}

// Which statuses count towards each formalisation category.
export const PLAN_CATEGORY_STATUSES: Record<string, readonly string[]> = {
  hired: ['employed_contract', 'domestic_worker', 'foreign_employer', 'temporarily_employed'],
  self_employed: ['entrepreneur', 'self_employed', 'platform_worker'],
  subsidiary_farm: ['subsidiary_farm'],
  unemployed_unregistered: ['unemployed_unregistered'],
}

/**
 * Plans with progress counted from the registry: people of the plan's territory whose status of the category
 * was applied (newly set or reconfirmed) during the plan's year.
 */
export async function listPlansWithProgress(db: Conn, year: number, regionCode: string | null) {
  const categories = Object.entries(PLAN_CATEGORY_STATUSES)
  const { rows } = await sql<{
    region_code: string
    district_code: string | null
    category: string
    year: number
    target: number
    done: number
  }>`
    WITH cat(category, status) AS (
      SELECT * FROM unnest(${categories.flatMap(([c, list]) => list.map(() => c))}::text[],
                           ${categories.flatMap(([, list]) => list)}::text[])
    ), progress AS (
      SELECT p.region_code, p.kato_code, cat.category, GROUPING(p.kato_code) = 1 AS is_region_total,
             count(DISTINCT e.iin)::int AS done
      FROM registry.status_events e
      JOIN cat ON cat.status = e.status
      JOIN identity.person_facts p ON p.iin = e.iin
      WHERE e.outcome = 'applied'
        AND e.recorded_at >= make_date(${year}, 1, 1) AND e.recorded_at < make_date(${year} + 1, 1, 1)
        AND ${regionCode === null ? sql`true` : sql`p.region_code = ${regionCode}`}
      GROUP BY GROUPING SETS ((p.region_code, cat.category), (p.region_code, p.kato_code, cat.category))
    )
    SELECT f.region_code, f.district_code, f.category, f.year, f.target, coalesce(pr.done, 0) AS done
    FROM registry.formalisation_plans f
    LEFT JOIN progress pr ON pr.region_code = f.region_code AND pr.category = f.category
      AND CASE WHEN f.district_code IS NULL THEN pr.is_region_total ELSE NOT pr.is_region_total AND pr.kato_code = f.district_code END
    WHERE f.year = ${year} AND ${regionCode === null ? sql`true` : sql`f.region_code = ${regionCode}`}
    ORDER BY f.region_code, f.district_code NULLS FIRST, f.category`.execute(db)
  return rows
}

export async function upsertPlan(
  db: Conn,
  plan: { regionCode: string; districtCode: string | null; year: number; category: string; target: number },
) {
  await sql`
    INSERT INTO registry.formalisation_plans (region_code, district_code, year, category, target)
    VALUES (${plan.regionCode}, ${plan.districtCode}, ${plan.year}, ${plan.category}, ${plan.target})
    ON CONFLICT (region_code, district_code, year, category) DO UPDATE SET target = EXCLUDED.target`.execute(db)
}

/**
 * Each person's status on a day from the applied history (the latest applied event that began on or before it),
 * set-based for many people at once; people with no status then are left out.
 */
export async function listStatusesOn(db: Conn, items: readonly { iin: string; on: string }[]) {
  if (items.length === 0) return []
  const { rows } = await sql<{ iin: string; on: string; status: string; status_group: string }>`
    SELECT q.iin, q.day::text AS "on", e.status, c.status_group
    FROM unnest(${items.map((i) => i.iin)}::char(12)[], ${items.map((i) => i.on)}::date[]) AS q(iin, day)
    CROSS JOIN LATERAL (
      SELECT s.status FROM registry.status_events s
      WHERE s.iin = q.iin AND s.outcome = 'applied' AND s.valid_from <= q.day
      ORDER BY s.valid_from DESC, s.id DESC LIMIT 1
    ) e
    JOIN reference.status_categories c ON c.code = e.status`.execute(db)
  return rows
}
