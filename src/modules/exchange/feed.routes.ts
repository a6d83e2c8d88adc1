import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import type { Db } from '../../db/client.js'
import { FeedPage, FeedQuery } from './feed.schema.js'
import { readFeed } from './feed.service.js'

export const feedRoutes: FastifyPluginAsyncTypebox<{ db: Db }> = async (app, { db }) => {
  app.get(
    '/vacancies/feed',
    {
      config: { access: 'public' },
      schema: {
        tags: ['open data'],
        summary:
          'Change stream of public vacancies (published, changed, removed) in (updatedAt, id) order, paged by cursor',
        querystring: FeedQuery,
        response: { 200: FeedPage },
      },
    },
    async (req) => readFeed(db, req.query),
  )
}
