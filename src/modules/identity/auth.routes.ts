import { type FastifyPluginAsyncTypebox, Type } from '@fastify/type-provider-typebox'
import type { Config } from '../../config.js'
import type { Db } from '../../db/client.js'
import type { Principal } from '../../shared/auth.js'
import { Account, LoginBody } from './account.schema.js'
import { SESSION_COOKIE } from './auth.plugin.js'
import { login, logout } from './auth.service.js'

const tags = ['auth']

export function toAccount(p: Principal): Account {
  return {
    id: p.accountId,
    login: p.login,
    role: p.role,
    displayName: p.displayName,
    regionCode: p.regionCode,
    districtCode: p.districtCode,
    iin: p.iin,
    bin: p.bin,
    channelCode: p.channelCode,
  }
}

export const authRoutes: FastifyPluginAsyncTypebox<{ db: Db; config: Readonly<Config> }> = async (
  app,
  { db, config },
) => {
  app.post(
    '/login',
    {
      config: {
        access: 'public',
        // Per login and address: slows guessing of one account without letting one address lock out others.
        rateLimit: {
          max: config.loginRateLimit,
          timeWindow: '1 minute',
          keyGenerator: (req) =>
            `${req.ip}|${String((req.body as { login?: unknown } | undefined)?.login ?? '').toLowerCase()}`,
        },
      },
      schema: { tags, body: LoginBody, response: { 200: Type.Object({ account: Account }) } },
    },
    async (req, reply) => {
      const session = await login(db, req.body.login, req.body.password, {
        sessionHours: config.sessionHours,
        allowDemo: config.nodeEnv !== 'production',
      })
      reply.setCookie(SESSION_COOKIE, session.token, {
        path: '/',
        httpOnly: true,
        sameSite: 'lax',
        secure: config.nodeEnv === 'production',
        expires: session.expiresAt,
      })
      return { account: toAccount(session.principal) }
    },
  )

  app.post('/logout', { config: { access: 'public' }, schema: { tags } }, async (req, reply) => {
    const token = req.cookies[SESSION_COOKIE]
    if (token !== undefined) await logout(db, token)
    reply.clearCookie(SESSION_COOKIE, { path: '/' })
    return reply.code(204).send()
  })

  app.get(
    '/me',
    {
      config: { access: ['citizen', 'employer', 'officer', 'manager', 'analyst', 'channel', 'admin'] },
      schema: { tags, response: { 200: Type.Object({ account: Account }) } },
    },
    async (req) => ({ account: toAccount(req.principal as Principal) }),
  )
}
