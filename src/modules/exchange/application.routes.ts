import { type FastifyPluginAsyncTypebox, Type } from '@fastify/type-provider-typebox'
import type { Db } from '../../db/client.js'
import type { Principal } from '../../shared/auth.js'
import { Application, ApplicationId, ApplicationMove, NewApplication, RankedApplication } from './application.schema.js'
import {
  applyToVacancy,
  listApplicants,
  listMyApplications,
  moveApplication,
  openApplication,
} from './application.service.js'
import { VacancyId } from './vacancy.schema.js'

const who = (req: { principal: Principal | null }) => req.principal as Principal
const tags = ['applications']
const items = Type.Object({ items: Type.Array(Application) })

export const applicationRoutes: FastifyPluginAsyncTypebox<{ db: Db }> = async (app, { db }) => {
  app.post(
    '/vacancies/:id/applications',
    {
      config: { access: ['citizen'] },
      schema: {
        tags,
        summary: 'Apply to a published vacancy (once per vacancy)',
        params: VacancyId,
        body: NewApplication,
        response: { 201: Application },
      },
    },
    async (req, reply) => reply.code(201).send(await applyToVacancy(db, who(req), req.params.id, req.body)),
  )

  app.get(
    '/vacancies/:id/applications',
    {
      config: { access: ['employer'] },
      schema: {
        tags,
        summary: 'Applicants of my vacancy, ranked by match score with its parts shown, each with every step',
        params: VacancyId,
        response: { 200: Type.Object({ items: Type.Array(RankedApplication) }) },
      },
    },
    async (req) => ({ items: await listApplicants(db, who(req), req.params.id) }),
  )

  app.get(
    '/me/applications',
    {
      config: { access: ['citizen'] },
      schema: { tags, summary: 'My applications, each with every step and its time', response: { 200: items } },
    },
    async (req) => ({ items: await listMyApplications(db, who(req)) }),
  )

  app.get(
    '/applications/:id',
    {
      config: { access: ['citizen', 'employer'] },
      schema: {
        tags,
        summary: "One application (its seeker or the vacancy's employer); the employer's first look records viewed",
        params: ApplicationId,
        response: { 200: Application },
      },
    },
    async (req) => openApplication(db, who(req), req.params.id),
  )

  app.post(
    '/applications/:id/events',
    {
      config: { access: ['citizen', 'employer'] },
      schema: {
        tags,
        summary:
          'Move an application: the employer to viewed, shortlisted, interview, offer, hired or rejected (with a reason); the seeker to withdrawn',
        params: ApplicationId,
        body: ApplicationMove,
        response: { 200: Application },
      },
    },
    async (req) => moveApplication(db, who(req), req.params.id, req.body),
  )
}
