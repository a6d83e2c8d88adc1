import { type FastifyPluginAsyncTypebox, Type } from '@fastify/type-provider-typebox'
import type { Db } from '../../db/client.js'
import type { Principal } from '../../shared/auth.js'
import { DataAccessEntry } from './account.schema.js'
import { listDataAccess } from './audit.service.js'
import { createOrganisation, getOrganisation, NewOrganisation, Organisation } from './organisation.service.js'
import { NewPerson, Person, Purpose } from './person.schema.js'
import { createPerson, readOwnPerson, readPersonAsStaff } from './person.service.js'

const who = (req: { principal: Principal | null }) => req.principal as Principal

export const personRoutes: FastifyPluginAsyncTypebox<{ db: Db }> = async (app, { db }) => {
  app.get(
    '/people/:iin',
    {
      config: { access: ['officer', 'manager', 'analyst', 'admin'] },
      schema: {
        tags: ['people'],
        summary: 'A person record (staff; scoped to region; every read is audited with its purpose)',
        params: Type.Object({ iin: Type.String() }),
        querystring: Type.Object({ purpose: Purpose }),
        response: { 200: Person },
      },
    },
    async (req) => readPersonAsStaff(db, who(req), req.params.iin, req.query.purpose),
  )

  app.post(
    '/people',
    {
      config: { access: ['officer', 'admin'] },
      schema: { tags: ['people'], body: NewPerson, response: { 201: Person } },
    },
    async (req, reply) => reply.code(201).send(await createPerson(db, who(req), req.body)),
  )

  app.get(
    '/me/person',
    { config: { access: ['citizen'] }, schema: { tags: ['me'], response: { 200: Person } } },
    async (req) => readOwnPerson(db, who(req)),
  )

  app.get(
    '/me/data-access',
    {
      config: { access: ['citizen'] },
      schema: {
        tags: ['me'],
        summary: 'Who read or changed my data, and why',
        response: { 200: Type.Object({ items: Type.Array(DataAccessEntry) }) },
      },
    },
    async (req) => ({ items: await listDataAccess(db, who(req).iin ?? '') }),
  )

  app.get(
    '/organisations/:bin',
    {
      config: { access: 'public' },
      schema: { tags: ['organisations'], params: Type.Object({ bin: Type.String() }), response: { 200: Organisation } },
    },
    async (req) => getOrganisation(db, req.params.bin),
  )

  app.post(
    '/organisations',
    {
      config: { access: ['admin', 'officer'] },
      schema: { tags: ['organisations'], body: NewOrganisation, response: { 201: Organisation } },
    },
    async (req, reply) => reply.code(201).send(await createOrganisation(db, who(req), req.body)),
  )
}
