import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import type { Db } from '../../db/client.js'
import { alertRoutes } from './alert.routes.js'
import { applicationRoutes } from './application.routes.js'
import { feedRoutes } from './feed.routes.js'
import { profileRoutes } from './profile.routes.js'
import { referralRoutes } from './referral.routes.js'
import { searchRoutes } from './search.routes.js'
import { vacancyRoutes } from './vacancy.routes.js'

/** Every exchange route, under the prefix the app gives (/api). */
export const exchangeRoutes: FastifyPluginAsyncTypebox<{ db: Db; searchCacheSeconds?: number }> = async (
  app,
  { db, searchCacheSeconds },
) => {
  await app.register(vacancyRoutes, { db })
  await app.register(searchRoutes, {
    db,
    ...(searchCacheSeconds !== undefined && { cacheMs: searchCacheSeconds * 1000 }),
  })
  await app.register(applicationRoutes, { db })
  await app.register(referralRoutes, { db })
  await app.register(profileRoutes, { db })
  await app.register(alertRoutes, { db })
  await app.register(feedRoutes, { db })
}

export { runAlerts } from './alert.service.js'
export { claimOutbox, markOutboxProcessed } from './application.repository.js'
export { applyToVacancy, HIRE_STATUS, listApplicants, moveApplication, STATUS_EVENT } from './application.service.js'
export { NATIONAL_REFERRAL_LIMIT, POPULATION_THOUSANDS, seedExchangeDemo } from './demo.service.js'
export type { ExchangeTables } from './exchange.tables.js'
export { type ExchangeFunnelRow, readExchangeFunnel } from './overview.repository.js'
export { expireVacancies, listOwnVacancies, readVacancy, setVacancyProject } from './vacancy.service.js'
export { vacancyPageRoutes } from './vacancy-page.routes.js'
