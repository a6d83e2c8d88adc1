import { Readable } from 'node:stream'
import { type FastifyPluginAsyncTypebox, Type } from '@fastify/type-provider-typebox'
import type pg from 'pg'
import type { Db } from '../../db/client.js'
import type { Principal } from '../../shared/auth.js'
import { AppError } from '../../shared/errors.js'
import { requireBin } from '../../shared/identifiers.js'
import { parseIncomeCsv } from './income.parser.js'
import { getIncomeBatch, ingestIncomes, listIncomeRejections, submitIncomes } from './income.service.js'
import { estimateMyBenefit, readBenefitAsStaff, readMySocial, todayInKazakhstan } from './person.service.js'
import {
  assertActsFor,
  listPlatforms,
  listWorkers,
  platformFor,
  registerPlatform,
  registerWorker,
} from './platform.service.js'
import {
  BenefitKind,
  BenefitResult,
  IncomeBatch,
  IncomeIn,
  IncomeResult,
  MySocial,
  Platform,
  Regime,
  RegistryAnswer,
  Rejection,
  Worker,
} from './social.schema.js'

const tags = ['social']
const who = (req: { principal: Principal | null }) => req.principal as Principal
const PLATFORM_ACTORS = ['employer', 'admin'] as const
const Iso = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' })

export interface SocialRouteOptions {
  db: Db
  pool: pg.Pool
  maxFileBytes?: number
}

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

export const socialRoutes: FastifyPluginAsyncTypebox<SocialRouteOptions> = async (app, options) => {
  const { db } = options
  const maxFileBytes = options.maxFileBytes ?? 4 * 1024 ** 3
  // Income files are streamed into the database as they arrive: the body stays a stream.
  app.addContentTypeParser(['text/csv', 'application/octet-stream', 'text/plain'], (_req, payload, done) =>
    done(null, payload),
  )

  app.post(
    '/social/platforms',
    {
      config: { access: [...PLATFORM_ACTORS] },
      schema: {
        tags,
        summary: 'Register an organisation (BIN known to identity) as a platform operator',
        body: Type.Object({ bin: Type.String() }),
        response: { 201: Platform },
      },
    },
    async (req, reply) => reply.code(201).send(await registerPlatform(db, who(req), req.body.bin)),
  )

  app.get(
    '/social/platforms',
    {
      config: { access: ['officer', 'analyst', 'admin'] },
      schema: { tags, response: { 200: Type.Object({ items: Type.Array(Platform) }) } },
    },
    async () => ({ items: await listPlatforms(db) }),
  )

  app.put(
    '/social/platforms/:bin/workers/:iin',
    {
      config: { access: [...PLATFORM_ACTORS] },
      schema: {
        tags,
        summary: 'Register a worker (IIN known to identity) with the regime they chose; a new choice replaces the old',
        params: Type.Object({ bin: Type.String(), iin: Type.String() }),
        body: Type.Object({ regime: Regime }),
        response: { 200: Worker },
      },
    },
    async (req) => registerWorker(db, who(req), requireBin(req.params.bin), req.params.iin, req.body.regime),
  )

  app.get(
    '/social/platforms/:bin/workers',
    {
      config: { access: [...PLATFORM_ACTORS] },
      schema: {
        tags,
        params: Type.Object({ bin: Type.String() }),
        querystring: Type.Object({
          limit: Type.Integer({ minimum: 1, maximum: 1000, default: 100 }),
          offset: Type.Integer({ minimum: 0, default: 0 }),
        }),
        response: { 200: Type.Object({ items: Type.Array(Worker) }) },
      },
    },
    async (req) => ({ items: await listWorkers(db, who(req), requireBin(req.params.bin), req.query) }),
  )

  app.post(
    '/social/incomes',
    {
      config: { access: [...PLATFORM_ACTORS] },
      bodyLimit: 16 * 1024 * 1024,
      schema: {
        tags,
        summary: 'Monthly incomes of registered workers, up to 10,000 rows; each accepted, duplicate or rejected',
        body: Type.Object({
          platform: Type.Optional(Type.String({ description: 'BIN; an employer reports only for its own' })),
          rows: Type.Array(IncomeIn),
        }),
        response: {
          200: Type.Object({
            batchId: Type.Integer(),
            counts: IncomeBatch.properties.counts,
            results: Type.Array(IncomeResult),
            registry: RegistryAnswer,
          }),
        },
      },
    },
    async (req) => {
      const principal = who(req)
      const bin = platformFor(principal, req.body.platform)
      const { batch, results, registry } = await submitIncomes(options, bin, req.body.rows, principal.accountId)
      return { batchId: batch.id, counts: batch.counts, results, registry }
    },
  )

  app.post(
    '/social/incomes/file',
    {
      config: { access: [...PLATFORM_ACTORS] },
      schema: {
        tags,
        summary: 'A monthly income file (CSV report_id,iin,month,income), streamed; reconciles like the API',
        querystring: Type.Object({ platform: Type.Optional(Type.String()) }),
        response: { 201: Type.Object({ batch: IncomeBatch, registry: RegistryAnswer }) },
      },
    },
    async (req, reply) => {
      const principal = who(req)
      const bin = platformFor(principal, req.query.platform)
      const body = req.body as Readable | undefined
      if (body === undefined || body === null || typeof body.pipe !== 'function') {
        throw new AppError('invalid', 'send the file as the request body with Content-Type text/csv')
      }
      const fileName = req.headers['x-file-name']
      const { batch, registry } = await ingestIncomes(
        options,
        {
          platformBin: bin,
          format: 'csv',
          fileName: typeof fileName === 'string' ? decodeURIComponent(fileName) : null,
          submittedBy: principal.accountId,
        },
        parseIncomeCsv(limitBytes(body, maxFileBytes)),
      )
      return reply.code(201).send({ batch, registry })
    },
  )

  app.get(
    '/social/income-batches/:id',
    {
      config: { access: [...PLATFORM_ACTORS] },
      schema: { tags, params: Type.Object({ id: Type.Integer() }), response: { 200: IncomeBatch } },
    },
    async (req) => {
      const batch = await getIncomeBatch(db, req.params.id)
      assertActsFor(who(req), batch.platformBin)
      return batch
    },
  )

  app.get(
    '/social/income-batches/:id/rejections',
    {
      config: { access: [...PLATFORM_ACTORS] },
      schema: {
        tags,
        params: Type.Object({ id: Type.Integer() }),
        response: { 200: Type.Object({ items: Type.Array(Rejection) }) },
      },
    },
    async (req) => {
      const batch = await getIncomeBatch(db, req.params.id)
      assertActsFor(who(req), batch.platformBin)
      return { items: await listIncomeRejections(db, batch.id) }
    },
  )

  app.get(
    '/me/social',
    {
      config: { access: ['citizen'] },
      schema: {
        tags,
        summary: 'My incomes by platform and month, my contributions, and what each benefit would give me today',
        response: { 200: MySocial },
      },
    },
    async (req) => readMySocial(db, who(req)),
  )

  app.get(
    '/me/social/benefits',
    {
      config: { access: ['citizen'] },
      schema: {
        tags,
        summary: 'What would I get: one benefit on a date, with every figure explained',
        querystring: Type.Object({
          kind: BenefitKind,
          date: Type.Optional(Iso),
          complicated: Type.Boolean({ default: false }),
        }),
        response: { 200: BenefitResult },
      },
    },
    async (req) =>
      estimateMyBenefit(db, who(req), req.query.kind, req.query.date ?? todayInKazakhstan(), req.query.complicated),
  )

  app.get(
    '/social/people/:iin/benefits',
    {
      config: { access: ['officer', 'admin'] },
      schema: {
        tags,
        summary: 'What is due to a person: scoped to your region and written to the audit log with your purpose',
        params: Type.Object({ iin: Type.String() }),
        querystring: Type.Object({
          kind: BenefitKind,
          date: Type.Optional(Iso),
          purpose: Type.String({ minLength: 3, maxLength: 500 }),
          complicated: Type.Boolean({ default: false }),
        }),
        response: { 200: BenefitResult },
      },
    },
    async (req) =>
      readBenefitAsStaff(
        db,
        who(req),
        req.params.iin,
        req.query.kind,
        req.query.date ?? todayInKazakhstan(),
        req.query.purpose,
        req.query.complicated,
      ),
  )
}
