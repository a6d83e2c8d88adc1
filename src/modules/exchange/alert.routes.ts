import { type FastifyPluginAsyncTypebox, Type } from '@fastify/type-provider-typebox'
import type { Db } from '../../db/client.js'
import type { Principal } from '../../shared/auth.js'
import {
  IdParam,
  NewSavedSearch,
  Notification,
  NotificationList,
  NotificationQuery,
  SavedSearch,
} from './alert.schema.js'
import {
  createSavedSearch,
  deleteSavedSearch,
  listMyNotifications,
  listMySavedSearches,
  readNotification,
} from './alert.service.js'

const who = (req: { principal: Principal | null }) => req.principal as Principal
const citizen = { access: ['citizen'] } as const

export const alertRoutes: FastifyPluginAsyncTypebox<{ db: Db }> = async (app, { db }) => {
  const tags = ['alerts']
  app.post(
    '/me/saved-searches',
    {
      config: citizen,
      schema: {
        tags,
        summary: 'Save a vacancy search (the parameters of GET /api/vacancies) to be alerted instantly or daily',
        body: NewSavedSearch,
        response: { 201: SavedSearch },
      },
    },
    async (req, reply) => reply.code(201).send(await createSavedSearch(db, who(req), req.body)),
  )

  app.get(
    '/me/saved-searches',
    {
      config: citizen,
      schema: {
        tags,
        summary: 'My saved searches',
        response: { 200: Type.Object({ items: Type.Array(SavedSearch) }) },
      },
    },
    async (req) => ({ items: await listMySavedSearches(db, who(req)) }),
  )

  app.delete(
    '/me/saved-searches/:id',
    { config: citizen, schema: { tags, summary: 'Delete my saved search and its alerts', params: IdParam } },
    async (req, reply) => {
      await deleteSavedSearch(db, who(req), req.params.id)
      return reply.code(204).send()
    },
  )

  app.get(
    '/me/notifications',
    {
      config: citizen,
      schema: {
        tags,
        summary: 'My notifications, newest first: new vacancies for my saved searches, steps of my applications',
        querystring: NotificationQuery,
        response: { 200: NotificationList },
      },
    },
    async (req) => listMyNotifications(db, who(req), req.query),
  )

  app.post(
    '/me/notifications/:id/read',
    {
      config: citizen,
      schema: { tags, summary: 'Mark my notification read', params: IdParam, response: { 200: Notification } },
    },
    async (req) => readNotification(db, who(req), req.params.id),
  )
}
