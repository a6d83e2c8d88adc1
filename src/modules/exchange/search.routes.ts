import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import type { Db } from '../../db/client.js'
import { SearchQuery, SearchResult, SuggestQuery, SuggestResult } from './search.schema.js'
import { searchVacanciesBy, suggest } from './search.service.js'
import { SearchIndex } from './search-index.service.js'

const pub = { access: 'public' } as const
const tags = ['vacancies']

export const searchRoutes: FastifyPluginAsyncTypebox<{
  db: Db
  searchIndex?: SearchIndex | false
  /** How long an identical search reuses its answer while nothing changed (SearchIndexOptions.cacheMs). */
  cacheMs?: number
}> = async (app, { db, searchIndex, cacheMs }) => {
  // The in-memory index loads in the background once the server is ready; until then PostgreSQL answers.
  const index =
    searchIndex === false
      ? undefined
      : (searchIndex ??
        new SearchIndex(db, { log: (message) => app.log.info(message), ...(cacheMs !== undefined && { cacheMs }) }))
  if (index !== undefined && searchIndex === undefined) {
    app.addHook('onReady', async () => {
      void index.start()
    })
    app.addHook('onClose', async () => index.stop())
  }

  app.get(
    '/vacancies',
    {
      config: pub,
      schema: {
        tags,
        summary: 'Search published vacancies: full text (kk/ru/en, typos tolerated), filters, facet counts, paging',
        querystring: SearchQuery,
        response: { 200: SearchResult },
      },
    },
    async (req, reply) => {
      const { result, engine, cached } = await searchVacanciesBy(db, req.query, index)
      void reply.header('x-search-engine', engine)
      if (engine === 'index') void reply.header('x-search-cache', cached ? 'hit' : 'miss')
      return result
    },
  )

  app.get(
    '/vacancies/suggest',
    {
      config: pub,
      schema: {
        tags,
        summary: 'Typeahead: occupations and vacancy titles like the typed text',
        querystring: SuggestQuery,
        response: { 200: SuggestResult },
      },
    },
    async (req) => suggest(db, req.query.q, req.query.limit),
  )
}
