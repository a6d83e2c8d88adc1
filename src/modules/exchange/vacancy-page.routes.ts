import type { FastifyPluginAsync } from 'fastify'
import type { Db } from '../../db/client.js'
import { renderPage } from './vacancy-page.service.js'

/**
 * The public vacancy page `/vacancies/:id` (outside /api): the web app's shell with the JobPosting JSON-LD in
 * the HTML as served. Register it at the root, before @fastify/static's catch-all shell.
 */
export const vacancyPageRoutes: FastifyPluginAsync<{ db: Db; webDist: string }> = async (app, { db, webDist }) => {
  app.get<{ Params: { id: string } }>(
    '/vacancies/:id',
    { config: { access: 'public' }, schema: { hide: true } },
    async (req, reply) => {
      const page = await renderPage(db, webDist, req.params.id)
      return reply
        .code(page.status)
        .type('text/html; charset=utf-8')
        .header('cache-control', 'no-cache')
        .send(page.html)
    },
  )
}
