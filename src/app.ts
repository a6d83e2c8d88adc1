import { existsSync } from 'node:fs'
import cookie from '@fastify/cookie'
import helmet from '@fastify/helmet'
import rateLimit from '@fastify/rate-limit'
import fastifyStatic from '@fastify/static'
import swagger from '@fastify/swagger'
import swaggerUi from '@fastify/swagger-ui'
import { Type, type TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import Fastify, { type FastifyBaseLogger, type FastifyError } from 'fastify'
import { sql } from 'kysely'
import type pg from 'pg'
import type { Config } from './config.js'
import type { Db } from './db/client.js'
import { exchangeRoutes, vacancyPageRoutes } from './modules/exchange/index.js'
import { fairRoutes } from './modules/fairs/index.js'
import { hotlineRoutes } from './modules/hotline/index.js'
import { authRoutes, installAuth, personRoutes } from './modules/identity/index.js'
import { programmeRoutes } from './modules/programmes/index.js'
import { projectRoutes } from './modules/projects/index.js'
import { referenceRoutes } from './modules/reference/index.js'
import { registryRoutes } from './modules/registry/index.js'
import { socialRoutes } from './modules/social/index.js'
import { AppError, HTTP_STATUS } from './shared/errors.js'
import { createLogger } from './shared/logger.js'
import { postgresRateLimitStore } from './shared/rate-limit.store.js'

export interface AppDeps {
  config: Readonly<Config>
  db: Db
  /** The same database's pool, for COPY streams (bulk ingestion). */
  pool: pg.Pool
  /** Where log lines go; tests capture them to prove nothing personal is logged. */
  logWrite?: (line: string) => void
}

/** Builds the whole HTTP application without listening; tests call `app.inject()` on it. */
export async function buildApp({ config, db, pool, logWrite }: AppDeps) {
  const app = Fastify({
    loggerInstance: createLogger(config.logLevel, logWrite) as FastifyBaseLogger,
    trustProxy: true,
    ajv: { customOptions: { coerceTypes: 'array', removeAdditional: false, allErrors: true } },
  }).withTypeProvider<TypeBoxTypeProvider>()

  app.setErrorHandler((error: FastifyError | AppError, req, reply) => {
    if (error instanceof AppError) {
      return reply
        .code(HTTP_STATUS[error.code])
        .send({ error: { code: error.code, message: error.message, details: error.details } })
    }
    if (error.validation) {
      // Name every field and why, e.g. "body/regionCode must match pattern ^\d{2}$".
      const details = error.validation.map((v) => ({
        field: `${error.validationContext ?? ''}${v.instancePath}${v.params && 'missingProperty' in v.params ? `/${String(v.params.missingProperty)}` : ''}`,
        reason: v.message ?? 'is invalid',
      }))
      const message = details.map((d) => `${d.field} ${d.reason}`).join('; ')
      return reply.code(400).send({ error: { code: 'invalid', message, details } })
    }
    if (error.statusCode === 429) {
      return reply.code(429).send({ error: { code: 'too_many', message: 'too many attempts; try again in a minute' } })
    }
    if (error.statusCode !== undefined && error.statusCode < 500) {
      return reply.code(error.statusCode).send({ error: { code: 'invalid', message: error.message } })
    }
    req.log.error({ err: error }, 'unhandled error')
    return reply.code(500).send({ error: { code: 'internal', message: 'internal error; it has been logged' } })
  })
  app.setNotFoundHandler((req, reply) => {
    // A missing built file (an old chunk after a deploy) is a 404, so the browser's import fails as it should.
    const file = req.url.startsWith('/assets/') || /\.(js|css|map|json)(\?|$)/.test(req.url)
    if (req.url.startsWith('/api/') || file || req.method !== 'GET' || !existsSync(config.webDist)) {
      return reply
        .code(404)
        .send({ error: { code: 'not_found', message: `no route ${req.method} ${req.url.split('?')[0]}` } })
    }
    // The web app routes on the client: every other GET gets its shell.
    return reply.type('text/html').sendFile('index.html')
  })

  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        // Swagger UI at /api/docs needs inline styles; scripts stay same-origin only.
        'style-src': ["'self'", "'unsafe-inline'"],
        'img-src': ["'self'", 'data:'],
      },
    },
  })
  await app.register(cookie)
  // preHandler: the login route keys its limit on the parsed body's login. The counters live in PostgreSQL so that
  // every worker process and app server counts the same attempts; if the store fails, the limited route answers 500
  // instead of running unlimited (skipOnError: false).
  await app.register(rateLimit, {
    global: false,
    hook: 'preHandler',
    store: postgresRateLimitStore(db),
    skipOnError: false,
  })
  await app.register(swagger, {
    openapi: {
      info: {
        title: 'Jumys API',
        version: '0.1.0',
        description: 'National employment platform: exchange, fairs, status registry',
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'jumys_session' },
          apiKey: { type: 'http', scheme: 'bearer' },
        },
      },
    },
  })
  await app.register(swaggerUi, { routePrefix: '/api/docs' })
  app.get('/api/openapi.json', { config: { access: 'public' }, schema: { hide: true } }, async () => app.swagger())

  installAuth(app, db)

  app.get(
    '/api/health',
    {
      config: { access: 'public' },
      schema: {
        tags: ['health'],
        response: {
          200: Type.Object({
            status: Type.Literal('ok'),
            database: Type.Object({ ok: Type.Boolean(), latencyMs: Type.Number(), version: Type.String() }),
          }),
        },
      },
    },
    async () => {
      const started = performance.now()
      const { rows } = await sql<{ version: string }>`SELECT current_setting('server_version') AS version`.execute(db)
      return {
        status: 'ok' as const,
        database: {
          ok: true,
          latencyMs: Math.round((performance.now() - started) * 10) / 10,
          version: rows[0]?.version ?? '',
        },
      }
    },
  )

  await app.register(referenceRoutes, { prefix: '/api/reference', db, refDataDir: config.refDataDir })
  await app.register(authRoutes, { prefix: '/api/auth', db, config })
  await app.register(personRoutes, { prefix: '/api', db })
  await app.register(registryRoutes, { prefix: '/api', db, pool, maxFileBytes: config.maxUploadBytes })
  await app.register(exchangeRoutes, { prefix: '/api', db, searchCacheSeconds: config.searchCacheSeconds })
  // Public vacancy pages carry schema.org JobPosting JSON-LD in the served HTML, for search engines.
  await app.register(vacancyPageRoutes, { db, webDist: config.webDist })
  await app.register(socialRoutes, { prefix: '/api', db, pool, maxFileBytes: config.maxUploadBytes })
  await app.register(hotlineRoutes, { prefix: '/api', db, followRateLimit: config.loginRateLimit })
  await app.register(fairRoutes, { prefix: '/api', db })
  await app.register(programmeRoutes, { prefix: '/api', db })
  await app.register(projectRoutes, { prefix: '/api', db })

  if (existsSync(config.webDist)) {
    await app.register(fastifyStatic, { root: config.webDist, wildcard: false, index: 'index.html' })
  }
  return app
}

export type App = Awaited<ReturnType<typeof buildApp>>
