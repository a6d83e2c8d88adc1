import type pg from 'pg'

/**
 * The set-based heart of the registry: staged rows are classified, merged into the history and the current
 * status, and counted, in a handful of statements on one connection inside the caller's transaction.
 */

// Merges run one at a time: each is a few set-based statements, and taking turns rules out deadlocks between
// batches that touch the same people. Staging and validation still run in parallel.
const MERGE_LOCK = 5_190_442_871
const HISTORY_SEQUENCE = 'registry.status_events_id_seq'

export const STAGE_COLUMNS = [
  'line',
  'iin',
  'status',
  'valid_from',
  'valid_to',
  'source_ref',
  'content',
  'reason',
  'raw',
] as const

// iin is char(12) like the tables it joins: a text column made the planner scan people and current_status
// instead of using their primary keys (485 ms → 13 ms for a 1,000-event call, measured by bench/registry.bench.ts).
// source_ref is compared byte for byte, like the history's column (migration 0018).
export async function createStage(client: pg.PoolClient): Promise<void> {
  await client.query(`CREATE TEMP TABLE reg_stage (
    line integer NOT NULL, iin char(12), status text, valid_from text, valid_to text, source_ref text COLLATE "C",
    content text, reason text, raw text) ON COMMIT DROP`)
}

export interface MergeCounts {
  applied: number
  superseded: number
  duplicate: number
  rejected: number
  staged: number
  /** Milliseconds per merge step, for benchmarks and slow-batch diagnosis. */
  timings: Record<string, number>
}

/** Classifies, merges and counts the staged rows of one batch; the caller commits. */
export async function mergeStage(client: pg.PoolClient, batchId: number, channelCode: string): Promise<MergeCounts> {
  const timings: Record<string, number> = {}
  const step = async <R extends pg.QueryResultRow = pg.QueryResultRow>(
    name: string,
    text: string,
    params?: unknown[],
  ) => {
    const started = performance.now()
    const result = await client.query<R>(text, params)
    timings[name] = Math.round(performance.now() - started)
    return result
  }
  await step('lock', 'SELECT pg_advisory_xact_lock($1)', [MERGE_LOCK])
  await step('analyze', 'ANALYZE reg_stage')

  // 1. Classify every row that passed validation: repeated in this file, already recorded, unknown person,
  //    dated before birth, or new. A key seen before with other content is a conflict, never an overwrite.
  //    Repeats are found by grouping the keys alone (a window over every row sorted whole staged rows: 2× slower),
  //    then the first line of each repeated key is read from that small set.
  await step(
    'repeats',
    `CREATE TEMP TABLE reg_repeats ON COMMIT DROP AS
     WITH keys AS (
       SELECT source_ref FROM reg_stage WHERE reason IS NULL GROUP BY source_ref HAVING count(*) > 1
     )
     SELECT DISTINCT ON (s.source_ref) s.source_ref, s.line AS first_line, s.content AS first_content
     FROM reg_stage s JOIN keys k ON k.source_ref = s.source_ref
     WHERE s.reason IS NULL
     ORDER BY s.source_ref, s.line`,
  )
  await step(
    'classify',
    `CREATE TEMP TABLE reg_classified ON COMMIT DROP AS
     WITH k AS (
       SELECT s.line, s.iin, s.status, s.valid_from, s.valid_to, s.source_ref, s.content,
              coalesce(rp.first_line, s.line) AS first_line, rp.first_content, e.id AS known_id,
              e.iin || '|' || e.status || '|' || e.valid_from || '|' || coalesce(e.valid_to::text, '') AS known_content
       FROM reg_stage s
       LEFT JOIN reg_repeats rp ON rp.source_ref = s.source_ref
       LEFT JOIN registry.status_events e ON e.channel_code = $1 AND e.source_ref = s.source_ref
       WHERE s.reason IS NULL
     )
     SELECT k.line, k.iin, k.status, k.valid_from::date AS valid_from, k.valid_to::date AS valid_to, k.source_ref,
            sc.status_group, r.rank, r.freshness_days,
            CASE
              WHEN k.first_line <> k.line AND k.first_content = k.content THEN 'duplicate'
              WHEN k.first_line <> k.line THEN 'rejected'
              WHEN k.known_id IS NOT NULL AND k.known_content = k.content THEN 'duplicate'
              WHEN k.known_id IS NOT NULL THEN 'rejected'
              WHEN p.iin IS NULL THEN 'rejected'
              WHEN k.valid_from::date < p.birth_date THEN 'rejected'
              ELSE 'new'
            END AS outcome,
            CASE
              WHEN k.first_line <> k.line AND k.first_content = k.content THEN NULL
              WHEN k.first_line <> k.line
                THEN format('source_ref %s repeats line %s with different content', k.source_ref, k.first_line)
              WHEN k.known_id IS NOT NULL AND k.known_content = k.content THEN NULL
              WHEN k.known_id IS NOT NULL
                THEN format('source_ref %s was already recorded with different content; an idempotency key cannot be reused', k.source_ref)
              WHEN p.iin IS NULL THEN format('IIN %s is not in the population register', k.iin)
              WHEN k.valid_from::date < p.birth_date
                THEN format('valid_from %s is before the person''s birth date %s', k.valid_from, p.birth_date)
            END AS reason
     FROM k
     JOIN reference.status_categories sc ON sc.code = k.status
     JOIN registry.channel_ranks r ON r.channel_code = $1 AND r.status_group = sc.status_group
     LEFT JOIN identity.person_facts p ON p.iin = k.iin`,
    [channelCode],
  )

  // Temporary tables get no statistics by themselves; without them the planner misjudged the join below.
  await step('analyze classified', 'ANALYZE reg_classified')

  // 2. Every new event, with its history id drawn now and whether it applies: one candidate per person (highest
  //    rank, then latest effective date, then last line) against the current status. A reconfirmation always
  //    applies; a change applies if it outranks a fresh status, or is at least as recent as it among equals, or is
  //    at least as recent as a status nobody reconfirmed in time. Giving the ids here lets the history, the current
  //    status and the outbox each be one plain INSERT … SELECT from this table, in person order.
  // History ids for every new event are reserved in one block (merges take turns under MERGE_LOCK and are the only
  // writers of the history), rather than drawn one nextval() per row.
  const { rows: reserved } = await step<{ first: string }>(
    'reserve ids',
    `WITH n AS (SELECT count(*) AS n FROM reg_classified WHERE outcome = 'new'), first AS (SELECT nextval($1::regclass) AS id)
     SELECT first.id AS first, CASE WHEN n.n > 1 THEN setval($1::regclass, first.id + n.n - 1) END FROM n, first`,
    [HISTORY_SEQUENCE],
  )
  await step(
    'decide',
    `CREATE TEMP TABLE reg_new ON COMMIT DROP AS
     SELECT $1::bigint + row_number() OVER () - 1 AS id, d.line, d.iin, d.status, d.status_group, d.valid_from,
            d.valid_to, d.source_ref, d.rank, d.freshness_days, d.old_status, (d.pick = 1 AND d.wins) AS applied
     FROM (
       SELECT c.*, cur.status AS old_status,
              row_number() OVER (PARTITION BY c.iin ORDER BY c.rank DESC, c.valid_from DESC, c.line DESC) AS pick,
              (cur.iin IS NULL OR cur.status = c.status OR c.rank > cur.rank
                OR (c.rank = cur.rank AND c.valid_from >= cur.valid_from)
                OR (cur.fresh_until < now() AND c.valid_from >= cur.valid_from)) AS wins
       FROM reg_classified c LEFT JOIN registry.current_status cur ON cur.iin = c.iin
       WHERE c.outcome = 'new'
     ) d`,
    [reserved[0]?.first],
  )

  // 3. History (every new event, applied or superseded), current status and the outbox.
  await step(
    'history',
    `INSERT INTO registry.status_events
       (id, iin, status, valid_from, valid_to, recorded_at, channel_code, batch_id, source_ref, outcome)
     OVERRIDING SYSTEM VALUE
     SELECT id, iin, status, valid_from, valid_to, now(), $1, $2, source_ref,
            CASE WHEN applied THEN 'applied' ELSE 'superseded' END
     FROM reg_new`,
    [channelCode, batchId],
  )
  await step(
    'current',
    `INSERT INTO registry.current_status AS cur
       (iin, status, status_group, valid_from, channel_code, rank, event_id, confirmed_at, fresh_until)
     SELECT iin, status, status_group, valid_from, $1, rank, id, now(), now() + make_interval(days => freshness_days)
     FROM reg_new WHERE applied
     ON CONFLICT (iin) DO UPDATE SET
       status = EXCLUDED.status,
       status_group = EXCLUDED.status_group,
       -- A reconfirmation keeps the status's start and its strongest source; a change starts anew.
       valid_from = CASE WHEN cur.status = EXCLUDED.status THEN least(cur.valid_from, EXCLUDED.valid_from) ELSE EXCLUDED.valid_from END,
       channel_code = CASE WHEN cur.status = EXCLUDED.status AND cur.rank > EXCLUDED.rank THEN cur.channel_code ELSE EXCLUDED.channel_code END,
       rank = CASE WHEN cur.status = EXCLUDED.status THEN greatest(cur.rank, EXCLUDED.rank) ELSE EXCLUDED.rank END,
       event_id = CASE WHEN cur.status = EXCLUDED.status THEN cur.event_id ELSE EXCLUDED.event_id END,
       confirmed_at = EXCLUDED.confirmed_at,
       fresh_until = CASE WHEN cur.status = EXCLUDED.status THEN greatest(cur.fresh_until, EXCLUDED.fresh_until) ELSE EXCLUDED.fresh_until END`,
    [channelCode],
  )
  await step(
    'outbox',
    `INSERT INTO registry.outbox (iin, old_status, new_status, valid_from, channel_code, event_id)
     SELECT iin, old_status, status, valid_from, $1, id FROM reg_new WHERE applied AND old_status IS DISTINCT FROM status`,
    [channelCode],
  )

  // 4. Rejected rows with their reasons, from validation and from classification.
  await step(
    'rejections',
    `INSERT INTO registry.batch_rejections (batch_id, line, reason, raw)
     SELECT $1::bigint, line, reason, raw FROM reg_stage WHERE reason IS NOT NULL
     UNION ALL
     -- Valid-looking rows are staged without their raw text (it would double the COPY); rebuild it from the fields.
     SELECT $1, c.line, c.reason, concat_ws(',', s.iin, s.status, s.valid_from, s.source_ref, s.valid_to)
     FROM reg_classified c JOIN reg_stage s ON s.line = c.line WHERE c.outcome = 'rejected'`,
    [batchId],
  )

  const { rows } = await step<Omit<MergeCounts, 'timings'>>(
    'count',
    `SELECT n.applied, n.superseded, c.duplicate, c.rejected + s.rejected AS rejected, s.staged
     FROM (SELECT count(*) FILTER (WHERE applied)::int AS applied, count(*) FILTER (WHERE NOT applied)::int AS superseded
           FROM reg_new) n,
          (SELECT count(*) FILTER (WHERE outcome = 'duplicate')::int AS duplicate,
                  count(*) FILTER (WHERE outcome = 'rejected')::int AS rejected FROM reg_classified) c,
          (SELECT count(*)::int AS staged, count(*) FILTER (WHERE reason IS NOT NULL)::int AS rejected FROM reg_stage) s`,
  )
  return { ...(rows[0] as Omit<MergeCounts, 'timings'>), timings }
}

export interface RowResult {
  line: number
  outcome: 'applied' | 'superseded' | 'duplicate' | 'rejected'
  reason: string | null
}

/** Per-row outcomes of the merge just done, for the live API's answer. Call before commit. */
export async function listRowResults(client: pg.PoolClient): Promise<RowResult[]> {
  const { rows } = await client.query<RowResult>(
    `SELECT s.line,
            CASE WHEN s.reason IS NOT NULL THEN 'rejected'
                 WHEN c.outcome <> 'new' THEN c.outcome
                 WHEN n.applied THEN 'applied'
                 ELSE 'superseded' END AS outcome,
            coalesce(s.reason, c.reason) AS reason
     FROM reg_stage s
     LEFT JOIN reg_classified c ON c.line = s.line
     LEFT JOIN reg_new n ON n.line = s.line
     ORDER BY s.line`,
  )
  return rows
}
