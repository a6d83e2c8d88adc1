import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import type { Db } from '../../db/client.js'
import { SearchQuery, SearchResult, SuggestQuery, SuggestResult } from './search.schema.js'
import { searchVacancies, suggest } from './search.service.js'

const pub = { access: 'public' } as const
const tags = ['vacancies']

export const searchRoutes: FastifyPluginAsyncTypebox<{ db: Db }> = async (app, { db }) => {
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
    async (req) => searchVacancies(db, req.query),
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
