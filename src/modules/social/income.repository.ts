import { sql } from 'kysely'
import type pg from 'pg'
import type { Conn } from '../../db/client.js'
import type { SocialTables } from './social.tables.js'

const t = (db: Conn) => db.withTables<SocialTables>()

// Contribution amounts, both regimes computed while staging; the merge keeps the worker's own.
const AMOUNTS = [
  'pension_base',
  'social_base',
  'pension',
  'employer_pension',
  'social',
  'health_employee',
  'health_employer',
  'total',
]
export const STAGE_COLUMNS = [
  'line',
  'report_id',
  'iin',
  'month',
  'income',
  'reason',
  'raw',
  ...AMOUNTS.map((a) => `std_${a}`),
  ...AMOUNTS.map((a) => `plat_${a}`),
] as const

export async function createStage(client: pg.PoolClient): Promise<void> {
  await client.query(`CREATE TEMP TABLE soc_stage (
    line integer NOT NULL, report_id text, iin text, month text, income numeric(14, 2), reason text, raw text,
    ${AMOUNTS.map((a) => `std_${a} numeric(14, 2)`).join(', ')},
    ${AMOUNTS.map((a) => `plat_${a} numeric(14, 2)`).join(', ')}) ON COMMIT DROP`)
  await client.query(
    `CREATE TEMP TABLE soc_params (month text NOT NULL, regime text NOT NULL, parameters jsonb NOT NULL,
       born_from integer) ON COMMIT DROP`,
  )
}

export async function insertMonthParameters(
  client: pg.PoolClient,
  rows: { month: string; regime: string; parameters: unknown; bornFrom: number | null }[],
): Promise<void> {
  await client.query(
    `INSERT INTO soc_params (month, regime, parameters, born_from)
     SELECT month, regime, parameters, "bornFrom"
     FROM jsonb_to_recordset($1::jsonb) AS r(month text, regime text, parameters jsonb, "bornFrom" integer)`,
    [JSON.stringify(rows)],
  )
}

export interface MergeCounts {
  received: number
  accepted: number
  duplicate: number
  rejected: number
}

/** The recent months' workers of this batch, for the registry: IIN and latest month with income. */
export interface ActiveWorker {
  iin: string
  month: string
}

/**
 * Classifies the staged rows and writes the accepted ones to the ledger, set-wise, inside the caller's
 * transaction. Same report id + same content = duplicate; same report id + other content = rejected, never
 * overwritten; a worker's month already reported under another id is rejected too.
 */
export async function mergeStage(
  client: pg.PoolClient,
  batchId: number,
  platformBin: string,
  activeSince: string,
): Promise<MergeCounts & { active: ActiveWorker[] }> {
  // One merge per platform at a time: two files of one platform cannot both take a report id as new.
  await client.query(`SELECT pg_advisory_xact_lock(hashtext('social.incomes:' || $1))`, [platformBin])
  await client.query('ANALYZE soc_stage')
  await client.query(
    `CREATE TEMP TABLE soc_classified ON COMMIT DROP AS
     WITH v AS (
       SELECT s.*, s.iin || '|' || s.month || '|' || s.income::text AS content,
              first_value(s.iin || '|' || s.month || '|' || s.income::text) OVER r AS first_content,
              first_value(s.line) OVER r AS first_line,
              first_value(s.line) OVER m AS first_line_of_month
       FROM soc_stage s WHERE s.reason IS NULL
       WINDOW r AS (PARTITION BY s.report_id ORDER BY s.line), m AS (PARTITION BY s.iin, s.month ORDER BY s.line)
     )
     SELECT v.line, v.report_id, v.iin, v.month, v.income, w.regime, p.birth_date,
       CASE
         WHEN v.first_line <> v.line AND v.first_content = v.content THEN 'duplicate'
         WHEN v.first_line <> v.line THEN 'rejected'
         WHEN known.report_id IS NOT NULL
           AND known.iin || '|' || to_char(known.month, 'YYYY-MM') || '|' || known.income::text = v.content THEN 'duplicate'
         WHEN known.report_id IS NOT NULL THEN 'rejected'
         WHEN p.iin IS NULL THEN 'rejected'
         WHEN w.iin IS NULL THEN 'rejected'
         WHEN taken.report_id IS NOT NULL THEN 'rejected'
         WHEN v.first_line_of_month <> v.line THEN 'rejected'
         WHEN (w.regime = 'standard' AND v.std_total IS NULL) OR (w.regime = 'platform_4pct' AND v.plat_total IS NULL)
           THEN 'rejected'
         ELSE 'new'
       END AS outcome,
       CASE
         WHEN v.first_line <> v.line AND v.first_content = v.content THEN NULL
         WHEN v.first_line <> v.line
           THEN format('report_id %s repeats line %s with different content', v.report_id, v.first_line)
         WHEN known.report_id IS NOT NULL
           AND known.iin || '|' || to_char(known.month, 'YYYY-MM') || '|' || known.income::text = v.content THEN NULL
         WHEN known.report_id IS NOT NULL
           THEN format('report_id %s was already recorded with different content; a report is never overwritten', v.report_id)
         WHEN p.iin IS NULL THEN format('IIN %s is not in the population register', v.iin)
         WHEN w.iin IS NULL
           THEN format('platform %s never registered worker %s; register the worker first', $1::text, v.iin)
         WHEN taken.report_id IS NOT NULL
           THEN format('income of %s for %s was already reported as report_id %s; a report is never overwritten', v.iin, v.month, taken.report_id)
         WHEN v.first_line_of_month <> v.line
           THEN format('income of %s for %s repeats line %s under another report_id', v.iin, v.month, v.first_line_of_month)
         WHEN (w.regime = 'standard' AND v.std_total IS NULL) OR (w.regime = 'platform_4pct' AND v.plat_total IS NULL)
           THEN format('no %s rates are in force in %s', w.regime, v.month)
       END AS reason,
       CASE WHEN w.regime = 'platform_4pct' THEN ARRAY[v.plat_pension_base, v.plat_social_base, v.plat_pension,
              v.plat_employer_pension, v.plat_social, v.plat_health_employee, v.plat_health_employer, v.plat_total]
            ELSE ARRAY[v.std_pension_base, v.std_social_base, v.std_pension, v.std_employer_pension, v.std_social,
              v.std_health_employee, v.std_health_employer, v.std_total] END AS amounts
     FROM v
     LEFT JOIN social.contributions known ON known.platform_bin = $1 AND known.report_id = v.report_id
     LEFT JOIN identity.person_facts p ON p.iin = v.iin
     LEFT JOIN social.platform_workers w ON w.platform_bin = $1 AND w.iin = v.iin
     LEFT JOIN social.contributions taken ON taken.platform_bin = $1 AND taken.iin = v.iin
       AND taken.month = (v.month || '-01')::date`,
    [platformBin],
  )
  await client.query(
    `INSERT INTO social.contributions (platform_bin, iin, month, report_id, batch_id, regime, income, pension_base,
       social_base, pension, employer_pension, social, health_employee, health_employer, total, parameters)
     SELECT $1, c.iin, (c.month || '-01')::date, c.report_id, $2, c.regime, c.income, c.amounts[1], c.amounts[2],
            c.amounts[3], c.amounts[4] - x.exempt, c.amounts[5], c.amounts[6], c.amounts[7], c.amounts[8] - x.exempt,
            sp.parameters
     FROM soc_classified c JOIN soc_params sp ON sp.month = c.month AND sp.regime = c.regime
     -- The standard employer pension was staged as due; a worker born before the dated birth year owes none
     -- (contribution.rules isEmployerPensionExempt, the same rule for one row).
     CROSS JOIN LATERAL (SELECT CASE WHEN sp.born_from IS NOT NULL AND c.birth_date < make_date(sp.born_from, 1, 1)
                                     THEN c.amounts[4] ELSE 0 END AS exempt) x
     WHERE c.outcome = 'new'`,
    [platformBin, batchId],
  )
  await client.query(
    `INSERT INTO social.income_rejections (batch_id, line, reason, raw)
     SELECT $1::bigint, line, reason, raw FROM soc_stage WHERE reason IS NOT NULL
     UNION ALL
     SELECT $1, c.line, c.reason, concat_ws(',', c.report_id, c.iin, c.month, c.income)
     FROM soc_classified c WHERE c.outcome = 'rejected'`,
    [batchId],
  )
  const { rows } = await client.query<MergeCounts>(
    `SELECT (SELECT count(*) FROM soc_stage)::int AS received,
            (SELECT count(*) FROM soc_classified WHERE outcome = 'new')::int AS accepted,
            (SELECT count(*) FROM soc_classified WHERE outcome = 'duplicate')::int AS duplicate,
            ((SELECT count(*) FROM soc_classified WHERE outcome = 'rejected')
              + (SELECT count(*) FROM soc_stage WHERE reason IS NOT NULL))::int AS rejected`,
  )
  // Duplicates count as activity too: a re-sent file re-sends its registry events, which the registry dedupes.
  const active = await client.query<ActiveWorker>(
    `SELECT iin, max(month) AS month FROM soc_classified
     WHERE outcome IN ('new', 'duplicate') AND income > 0 AND month >= $1 GROUP BY iin`,
    [activeSince],
  )
  return { ...(rows[0] as MergeCounts), active: active.rows }
}

export interface RowResult {
  line: number
  outcome: 'accepted' | 'duplicate' | 'rejected'
  reason: string | null
}

export async function listRowResults(client: pg.PoolClient): Promise<RowResult[]> {
  const { rows } = await client.query<RowResult>(
    `SELECT s.line,
            CASE WHEN s.reason IS NOT NULL THEN 'rejected' WHEN c.outcome = 'new' THEN 'accepted' ELSE c.outcome END AS outcome,
            coalesce(s.reason, c.reason) AS reason
     FROM soc_stage s LEFT JOIN soc_classified c ON c.line = s.line ORDER BY s.line`,
  )
  return rows
}

export function insertBatch(
  db: Conn,
  input: { platformBin: string; format: 'api' | 'csv'; fileName: string | null; submittedBy: number },
) {
  return t(db)
    .insertInto('social.income_batches')
    .values({
      platform_bin: input.platformBin,
      format: input.format,
      file_name: input.fileName,
      submitted_by: input.submittedBy,
    })
    .returningAll()
    .executeTakeFirstOrThrow()
}

export function findBatch(db: Conn, id: number) {
  return t(db).selectFrom('social.income_batches').selectAll().where('id', '=', id).executeTakeFirst()
}

export function markFailed(db: Conn, id: number, error: string) {
  return t(db)
    .updateTable('social.income_batches')
    .set({ state: 'failed', error, finished_at: new Date(), updated_at: new Date() })
    .where('id', '=', id)
    .where('state', '<>', 'done')
    .execute()
}

/** Heartbeat: written outside the load's transaction so the sweeper sees the batch is alive. */
export async function touchBatch(db: Conn, id: number): Promise<void> {
  await t(db).updateTable('social.income_batches').set({ updated_at: sql`now()` }).where('id', '=', id).execute()
}

/** Batches whose process stopped (no heartbeat since `staleAfterSeconds`): their transaction is gone, nothing was applied. */
export async function failAbandonedBatches(db: Conn, staleAfterSeconds: number): Promise<number[]> {
  const rows = await t(db)
    .updateTable('social.income_batches')
    .set({
      state: 'failed',
      error:
        'interrupted before it was applied (the server stopped); nothing from it was applied: send the report again',
      finished_at: sql`now()`,
      updated_at: sql`now()`,
    })
    .where('state', '=', 'received')
    .where('updated_at', '<', sql<Date>`now() - make_interval(secs => ${staleAfterSeconds})`)
    .returning('id')
    .execute()
  return rows.map((r) => r.id)
}

export function listRejections(db: Conn, batchId: number) {
  return t(db)
    .selectFrom('social.income_rejections')
    .select(['line', 'reason', 'raw'])
    .where('batch_id', '=', batchId)
    .orderBy('line')
    .execute()
}

/** A person's ledger rows, newest month first, with the platform's name. */
export function listPersonContributions(db: Conn, iin: string) {
  return t(db)
    .selectFrom('social.contributions as c')
    .innerJoin('social.platforms as p', 'p.bin', 'c.platform_bin')
    .select([
      'c.platform_bin',
      'p.name as platform_name',
      'c.month',
      'c.regime',
      'c.income',
      'c.pension',
      'c.employer_pension',
      'c.social',
      'c.health_employee',
      'c.health_employer',
      'c.total',
      'c.parameters',
    ])
    .where('c.iin', '=', iin)
    .orderBy('c.month', 'desc')
    .orderBy('p.name')
    .execute()
}
