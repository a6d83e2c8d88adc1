import path from 'node:path'
import { type Static, Type } from '@sinclair/typebox'
import { Value } from '@sinclair/typebox/value'

const ConfigSchema = Type.Object({
  nodeEnv: Type.Union([Type.Literal('development'), Type.Literal('production'), Type.Literal('test')]),
  host: Type.String({ minLength: 1 }),
  port: Type.Integer({ minimum: 0, maximum: 65535 }),
  /** External PostgreSQL; when absent the app starts its own embedded server. */
  databaseUrl: Type.Optional(Type.String({ pattern: '^postgres(ql)?://' })),
  dataDir: Type.String({ minLength: 1 }),
  /** Channels' drop folders (`<inbox>/<channel>/*.csv`); default DATA_DIR/inbox. */
  inboxDir: Type.Optional(Type.String({ minLength: 1 })),
  /** Run the scheduled jobs in this process (the default), or leave them to `src/worker.ts`. */
  jobs: Type.Boolean(),
  embeddedPort: Type.Integer({ minimum: 1024, maximum: 65535 }),
  /** Demo mode seeds demo accounts on an empty database; never in production. */
  demo: Type.Boolean(),
  /** People generated (with statuses) for the demo registry on an empty database. */
  demoPopulation: Type.Integer({ minimum: 0 }),
  logLevel: Type.Union(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'].map((l) => Type.Literal(l))),
  sessionHours: Type.Integer({ minimum: 1, maximum: 24 * 30 }),
  /** Largest channel file accepted in one upload. */
  maxUploadBytes: Type.Integer({ minimum: 1 }),
  loginRateLimit: Type.Integer({ minimum: 1 }),
  /** How long an identical public search may reuse its answer while no vacancy changed (0 = never). */
  searchCacheSeconds: Type.Integer({ minimum: 0, maximum: 3600 }),
  /** HTTP worker processes sharing the port (node:cluster); 1 = serve from the main process. */
  webWorkers: Type.Integer({ minimum: 1, maximum: 64 }),
  webDist: Type.String(),
  refDataDir: Type.String(),
})
export type Config = Static<typeof ConfigSchema>

const ROOT = path.resolve(import.meta.dirname, '..')

/** Reads the environment once, validates it and freezes the result; a bad variable stops start-up with its name. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, overrides: Partial<Config> = {}): Readonly<Config> {
  const nodeEnv = env.NODE_ENV ?? 'development'
  const raw = {
    nodeEnv,
    host: env.HOST ?? '127.0.0.1',
    port: env.PORT === undefined ? 3000 : Number(env.PORT),
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir: path.resolve(env.DATA_DIR ?? path.join(ROOT, 'data')),
    inboxDir: env.INBOX_DIR ? path.resolve(env.INBOX_DIR) : undefined,
    jobs: env.JOBS === undefined ? nodeEnv !== 'test' : env.JOBS === '1' || env.JOBS === 'true',
    embeddedPort: env.EMBEDDED_PG_PORT === undefined ? 54329 : Number(env.EMBEDDED_PG_PORT),
    demo: env.DEMO === undefined ? nodeEnv !== 'production' : env.DEMO === '1' || env.DEMO === 'true',
    demoPopulation: env.DEMO_POPULATION === undefined ? 20_000 : Number(env.DEMO_POPULATION),
    logLevel: env.LOG_LEVEL ?? (nodeEnv === 'test' ? 'silent' : 'info'),
    maxUploadBytes: env.MAX_UPLOAD_BYTES === undefined ? 4 * 1024 ** 3 : Number(env.MAX_UPLOAD_BYTES),
    sessionHours: env.SESSION_HOURS === undefined ? 12 : Number(env.SESSION_HOURS),
    loginRateLimit: env.LOGIN_RATE_LIMIT === undefined ? 10 : Number(env.LOGIN_RATE_LIMIT),
    searchCacheSeconds: env.SEARCH_CACHE_SECONDS === undefined ? 10 : Number(env.SEARCH_CACHE_SECONDS),
    webWorkers: env.WEB_WORKERS === undefined ? 1 : Number(env.WEB_WORKERS),
    webDist: path.join(ROOT, 'web', 'dist'),
    refDataDir: path.join(ROOT, 'refdata'),
    ...overrides,
  }
  if (raw.databaseUrl === undefined) delete raw.databaseUrl
  if (raw.inboxDir === undefined) delete raw.inboxDir
  const errors = [...Value.Errors(ConfigSchema, raw)]
  if (errors.length > 0) {
    const lines = errors.map((e) => `  ${e.path.slice(1) || '(root)'}: ${e.message} (got ${JSON.stringify(e.value)})`)
    throw new Error(`invalid configuration:\n${lines.join('\n')}`)
  }
  if (raw.demo && raw.nodeEnv === 'production')
    throw new Error('invalid configuration: DEMO cannot be on in production')
  return Object.freeze(raw as Config)
}
