import { Readable } from 'node:stream'
import { type FastifyPluginAsyncTypebox, Type } from '@fastify/type-provider-typebox'
import type { Principal } from '../../shared/auth.js'
import { AppError } from '../../shared/errors.js'
import { StringEnum } from '../../shared/schema.js'
import * as channels from './channel.repository.js'
import { parseCsvBatches, parseJsonl } from './event.parser.js'
import {
  type Batch as BatchView,
  createBatch,
  getBatch,
  ingestBatch,
  listBatches,
  listRejections,
  type RegistryDb,
  submitEvents,
} from './ingest.service.js'
import {
  Batch,
  Channel,
  EventIn,
  EventResult,
  IsoDate,
  PersonStatus,
  PlanCategory,
  PlanRow,
  SummaryRow,
} from './registry.schema.js'
import {
  checkAtPointOfService,
  getPersonStatus,
  listPlans,
  recordAtPointOfService,
  setPlan,
  summarise,
} from './status.service.js'

const tags = ['registry']
const who = (req: { principal: Principal | null }) => req.principal as Principal
const STAFF = ['officer', 'manager', 'analyst', 'admin'] as const
const UPLOADERS = ['officer', 'admin', 'channel'] as const
const FILE_TYPES = ['text/csv', 'application/x-ndjson', 'application/jsonl', 'application/octet-stream', 'text/plain']

export interface RegistryRouteOptions extends RegistryDb {
  /** Largest file accepted in one upload; anything bigger is refused with 413 and nothing applied. */
  maxFileBytes?: number
}

/**
 * The upload as a lazily read stream that fails once it passes the limit. Lazy on purpose: the error must
 * reach the parser that reads it, not fire before anyone listens.
 */
function limitBytes(body: Readable, max: number): Readable {
  async function* chunks() {
    let seen = 0
    for await (const chunk of body) {
      seen += (chunk as Buffer).length
      if (seen > max) throw new AppError('invalid', `the file is larger than the limit of ${max} bytes; split it`)
      yield chunk as Buffer
    }
  }
  return Readable.from(chunks(), { objectMode: false })
}

/** A channel submits only as itself; staff name the channel they upload for. */
function channelFor(principal: Principal, requested: string | undefined): string {
  if (principal.role === 'channel') {
    if (requested !== undefined && requested !== principal.channelCode) {
      throw new AppError('forbidden', `channel ${principal.channelCode} cannot submit for channel ${requested}`)
    }
    return principal.channelCode as string
  }
  if (requested === undefined) throw new AppError('invalid', 'channel is required', { field: 'channel' })
  return requested
}

/** Batches carry personal data: a channel sees its own, an officer what they submitted, an admin all. */
function assertBatchAccess(
  principal: Principal,
  batch: BatchView & { submittedBy?: number | null },
  submittedBy: number | null,
) {
  if (principal.role === 'admin') return
  if (principal.role === 'channel' && principal.channelCode === batch.channel) return
  if (principal.role === 'officer' && submittedBy === principal.accountId) return
  throw new AppError('forbidden', `batch ${batch.id} is not yours`)
}

export const registryRoutes: FastifyPluginAsyncTypebox<RegistryRouteOptions> = async (app, options) => {
  const { db } = options
  const maxFileBytes = options.maxFileBytes ?? 4 * 1024 ** 3
  // Files are streamed into the database as they arrive, never buffered: the body stays a stream.
  app.addContentTypeParser(FILE_TYPES, (_req, payload, done) => done(null, payload))

  app.get(
    '/registry/channels',
    {
      config: { access: [...STAFF, 'channel'] },
      schema: { tags, response: { 200: Type.Object({ items: Type.Array(Channel) }) } },
    },
    async () => ({
      items: (await channels.listChannels(db)).map((c) => ({
        code: c.code,
        nameKk: c.name_kk,
        nameRu: c.name_ru,
        nameEn: c.name_en,
        allowedStatuses: c.allowed_statuses,
        freshnessDays: c.freshness_days,
        rank: c.default_rank,
      })),
    }),
  )

  app.post(
    '/registry/events',
    {
      config: { access: ['channel'] },
      bodyLimit: 16 * 1024 * 1024,
      schema: {
        tags,
        summary:
          'Submit up to 10,000 status events; each gets applied, superseded, duplicate or rejected with a reason',
        body: Type.Object({ events: Type.Array(EventIn) }),
        response: {
          200: Type.Object({
            batchId: Type.Integer(),
            counts: Batch.properties.counts,
            results: Type.Array(EventResult),
          }),
        },
      },
    },
    async (req) => {
      const principal = who(req)
      const { batch, results } = await submitEvents(
        options,
        channelFor(principal, undefined),
        req.body.events,
        principal.accountId,
      )
      return { batchId: batch.id, counts: batch.counts, results }
    },
  )

  const Upload = Type.Object({
    channel: Type.Optional(Type.String({ pattern: '^[a-z0-9_]+$' })),
    format: Type.Union([Type.Literal('csv'), Type.Literal('jsonl')], { default: 'csv' }),
  })

  async function ingestUpload(batchId: number, format: 'csv' | 'jsonl', body: unknown) {
    if (body === undefined || body === null || typeof (body as Readable).pipe !== 'function') {
      throw new AppError(
        'invalid',
        `send the file as the request body with Content-Type ${format === 'csv' ? 'text/csv' : 'application/x-ndjson'}`,
      )
    }
    const stream = limitBytes(body as Readable, maxFileBytes)
    const rows = format === 'csv' ? parseCsvBatches(stream) : parseJsonl(stream)
    return (await ingestBatch(options, batchId, rows)).batch
  }

  app.post(
    '/registry/batches/new',
    { config: { access: [...UPLOADERS] }, schema: { tags, querystring: Upload, response: { 201: Batch } } },
    async (req, reply) => {
      const principal = who(req)
      const fileName = req.headers['x-file-name']
      const batch = await createBatch(db, {
        channelCode: channelFor(principal, req.query.channel),
        format: req.query.format,
        fileName: typeof fileName === 'string' ? decodeURIComponent(fileName) : null,
        submittedBy: principal.accountId,
      })
      return reply.code(201).send(batch)
    },
  )

  app.put(
    '/registry/batches/:id/file',
    {
      config: { access: [...UPLOADERS] },
      schema: { tags, params: Type.Object({ id: Type.Integer() }), response: { 200: Batch } },
    },
    async (req) => {
      const batch = await getBatch(db, req.params.id)
      const row = await db
        .withTables<import('./registry.tables.js').RegistryTables>()
        .selectFrom('registry.batches')
        .select('submitted_by')
        .where('id', '=', batch.id)
        .executeTakeFirstOrThrow()
      assertBatchAccess(who(req), batch, row.submitted_by)
      return ingestUpload(batch.id, batch.format === 'jsonl' ? 'jsonl' : 'csv', req.body)
    },
  )

  app.post(
    '/registry/batches',
    {
      config: { access: [...UPLOADERS] },
      schema: {
        tags,
        summary: 'Upload a daily file (CSV with a header row, or JSON Lines) in one call; answers when it is applied',
        querystring: Upload,
        response: { 200: Batch },
      },
    },
    async (req) => {
      const principal = who(req)
      const fileName = req.headers['x-file-name']
      const batch = await createBatch(db, {
        channelCode: channelFor(principal, req.query.channel),
        format: req.query.format,
        fileName: typeof fileName === 'string' ? decodeURIComponent(fileName) : null,
        submittedBy: principal.accountId,
      })
      return ingestUpload(batch.id, req.query.format, req.body)
    },
  )

  app.get(
    '/registry/batches',
    {
      config: { access: [...UPLOADERS] },
      schema: {
        tags,
        querystring: Type.Object({ channel: Type.Optional(Type.String()) }),
        response: { 200: Type.Object({ items: Type.Array(Batch) }) },
      },
    },
    async (req) => {
      const principal = who(req)
      // The same rule as reading one batch: a channel its own, an officer what they submitted, an admin all.
      const channel = principal.role === 'channel' ? (principal.channelCode as string) : req.query.channel
      const submittedBy = principal.role === 'officer' ? principal.accountId : undefined
      const items = await listBatches(db, { channelCode: channel, submittedBy })
      return { items }
    },
  )

  async function accessibleBatch(principal: Principal, id: number) {
    const batch = await getBatch(db, id)
    const row = await db
      .withTables<import('./registry.tables.js').RegistryTables>()
      .selectFrom('registry.batches')
      .select('submitted_by')
      .where('id', '=', id)
      .executeTakeFirstOrThrow()
    assertBatchAccess(principal, batch, row.submitted_by)
    return batch
  }

  app.get(
    '/registry/batches/:id',
    {
      config: { access: [...UPLOADERS] },
      schema: { tags, params: Type.Object({ id: Type.Integer() }), response: { 200: Batch } },
    },
    async (req) => accessibleBatch(who(req), req.params.id),
  )

  app.get(
    '/registry/batches/:id/rejections.csv',
    { config: { access: [...UPLOADERS] }, schema: { tags, params: Type.Object({ id: Type.Integer() }) } },
    async (req, reply) => {
      const batch = await accessibleBatch(who(req), req.params.id)
      const rows = await listRejections(db, batch.id)
      const quote = (v: string | number | null) => {
        const text = v === null ? '' : String(v)
        return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text
      }
      const csv = ['line,reason,raw', ...rows.map((r) => [r.line, r.reason, r.raw].map(quote).join(','))].join('\n')
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="batch-${batch.id}-rejections.csv"`)
        .send(`${csv}\n`)
    },
  )

  app.get(
    '/registry/people/:iin',
    {
      config: { access: [...STAFF] },
      schema: {
        tags,
        summary: "A person's current status and full history (staff; scoped; audited with the purpose)",
        params: Type.Object({ iin: Type.String() }),
        querystring: Type.Object({ purpose: Type.String({ minLength: 5, maxLength: 300 }) }),
        response: { 200: PersonStatus },
      },
    },
    async (req) => getPersonStatus(db, who(req), req.params.iin, req.query.purpose),
  )

  app.get(
    '/registry/summary',
    {
      config: { access: [...STAFF] },
      schema: {
        tags,
        summary: 'People, known, unknown and stale statuses by region (or by district within a region)',
        querystring: Type.Object({ region: Type.Optional(Type.String({ pattern: '^\\d{2}$' })) }),
        response: { 200: Type.Object({ items: Type.Array(SummaryRow) }) },
      },
    },
    async (req) => ({ items: await summarise(db, who(req), req.query.region) }),
  )

  app.get(
    '/registry/plans',
    {
      config: { access: [...STAFF] },
      schema: {
        tags,
        querystring: Type.Object({
          year: Type.Integer({ minimum: 2018, maximum: 2100 }),
          region: Type.Optional(Type.String({ pattern: '^\\d{2}$' })),
        }),
        response: { 200: Type.Object({ items: Type.Array(PlanRow) }) },
      },
    },
    async (req) => ({ items: await listPlans(db, who(req), req.query.year, req.query.region) }),
  )

  app.put(
    '/registry/plans',
    {
      config: { access: ['manager', 'admin'] },
      schema: {
        tags,
        body: Type.Object({
          regionCode: Type.String({ pattern: '^\\d{2}$' }),
          districtCode: Type.Optional(Type.String({ pattern: '^\\d{9}$' })),
          year: Type.Integer({ minimum: 2018, maximum: 2100 }),
          category: PlanCategory,
          target: Type.Integer({ minimum: 0 }),
        }),
      },
    },
    async (req, reply) => {
      await setPlan(db, who(req), req.body)
      return reply.code(204).send()
    },
  )

  app.post(
    '/registry/check',
    {
      config: { access: ['channel'] },
      schema: {
        tags,
        summary: 'Point of service: only whether the status is missing, stale or current',
        body: Type.Object({ iin: Type.String() }),
        response: { 200: Type.Object({ iin: Type.String(), state: StringEnum(['missing', 'stale', 'current']) }) },
      },
    },
    async (req) => checkAtPointOfService(db, who(req), req.body.iin),
  )

  app.post(
    '/registry/point-of-service',
    {
      config: { access: ['channel'] },
      schema: {
        tags,
        body: Type.Object({ iin: Type.String(), status: Type.String(), validFrom: IsoDate }),
        response: { 200: Type.Object({ outcome: Type.String(), reason: Type.Optional(Type.String()) }) },
      },
    },
    async (req) => recordAtPointOfService(options, who(req), req.body),
  )
}
