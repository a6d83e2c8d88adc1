import { type FastifyPluginAsyncTypebox, Type } from '@fastify/type-provider-typebox'
import type { Db } from '../../db/client.js'
import type { Principal } from '../../shared/auth.js'
import { NewVacancy, OwnVacancy, Vacancy, VacancyId, VacancyPatch, VacancyWithChecks } from './vacancy.schema.js'
import {
  closeVacancy,
  createVacancy,
  editVacancy,
  listOwnVacancies,
  publishVacancy,
  readVacancy,
} from './vacancy.service.js'

const who = (req: { principal: Principal | null }) => req.principal as Principal
const employer = { access: ['employer'] } as const
const tags = ['vacancies']

export const vacancyRoutes: FastifyPluginAsyncTypebox<{ db: Db }> = async (app, { db }) => {
  app.post(
    '/vacancies',
    {
      config: employer,
      schema: {
        tags,
        summary: 'Create a draft vacancy of my organisation; likely duplicates of my open vacancies are flagged',
        body: NewVacancy,
        response: { 201: VacancyWithChecks },
      },
    },
    async (req, reply) => reply.code(201).send(await createVacancy(db, who(req), req.body)),
  )

  app.patch(
    '/vacancies/:id',
    {
      config: employer,
      schema: { tags, params: VacancyId, body: VacancyPatch, response: { 200: VacancyWithChecks } },
    },
    async (req) => editVacancy(db, who(req), req.params.id, req.body),
  )

  app.post(
    '/vacancies/:id/publish',
    {
      config: employer,
      schema: {
        tags,
        summary: 'Publish a draft; wording that excludes people by age, sex or ethnicity is refused with the phrases',
        params: VacancyId,
        response: { 200: VacancyWithChecks },
      },
    },
    async (req) => publishVacancy(db, who(req), req.params.id),
  )

  app.post(
    '/vacancies/:id/close',
    { config: employer, schema: { tags, params: VacancyId, response: { 200: Vacancy } } },
    async (req) => closeVacancy(db, who(req), req.params.id),
  )

  app.get(
    '/vacancies/:id',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'A published vacancy (its employer also sees drafts and closed ones)',
        params: VacancyId,
        response: { 200: Vacancy },
      },
    },
    async (req) => readVacancy(db, req.principal, req.params.id),
  )

  app.get(
    '/me/vacancies',
    {
      config: employer,
      schema: {
        tags,
        summary: 'My organisation’s vacancies in every state, each with its number of applicants',
        response: { 200: Type.Object({ items: Type.Array(OwnVacancy) }) },
      },
    },
    async (req) => ({ items: await listOwnVacancies(db, who(req)) }),
  )
}
