import type { FastifyInstance } from 'fastify'
import type { Db } from '../../db/client.js'
import { AppError } from '../../shared/errors.js'
import { resolveApiKey, resolveSession } from './auth.service.js'

export const SESSION_COOKIE = 'jumys_session'

/**
 * Resolves who is calling and enforces each route's declared `config.access`. A route under /api without
 * a declaration makes start-up fail, so no endpoint can be added without stating who may call it.
 */
export function installAuth(app: FastifyInstance, db: Db): void {
  app.decorateRequest('principal', null)

  app.addHook('onRoute', (route) => {
    const isApi = route.url.startsWith('/api/') && !route.url.startsWith('/api/docs')
    if (isApi && route.config?.access === undefined) {
      throw new Error(`route ${route.method} ${route.url} does not declare config.access`)
    }
  })

  app.addHook('onRequest', async (req) => {
    const bearer = req.headers.authorization?.match(/^Bearer\s+(\S+)$/i)?.[1]
    if (bearer !== undefined) {
      req.principal = await resolveApiKey(db, bearer)
      if (req.principal === null) throw new AppError('unauthorized', 'the API key is unknown or revoked')
      return
    }
    const token = req.cookies[SESSION_COOKIE]
    if (token !== undefined) req.principal = await resolveSession(db, token)
  })

  app.addHook('preHandler', async (req) => {
    const access = req.routeOptions.config?.access
    if (access === undefined || access === 'public') return
    if (req.principal === null) throw new AppError('unauthorized', 'sign in first')
    if (!access.includes(req.principal.role)) {
      throw new AppError('forbidden', `role ${req.principal.role} may not call ${req.method} ${req.routeOptions.url}`)
    }
  })
}
