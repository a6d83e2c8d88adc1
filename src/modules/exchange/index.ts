import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import type { Db } from '../../db/client.js'
import { searchRoutes } from './search.routes.js'
import { vacancyRoutes } from './vacancy.routes.js'

/** Every exchange route, under the prefix the app gives (/api). */
export const exchangeRoutes: FastifyPluginAsyncTypebox<{ db: Db }> = async (app, { db }) => {
  await app.register(vacancyRoutes, { db })
  await app.register(searchRoutes, { db })
}

export type { ExchangeTables } from './exchange.tables.js'
