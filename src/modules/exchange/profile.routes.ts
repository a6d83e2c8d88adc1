import { type FastifyPluginAsyncTypebox, Type } from '@fastify/type-provider-typebox'
import type { Db } from '../../db/client.js'
import type { Principal } from '../../shared/auth.js'
import { ApplicationId } from './application.schema.js'
import { ApplicantProfile, Profile, ProfileInput, Purpose, StaffProfile } from './profile.schema.js'
import { getMyProfile, readApplicantProfile, readProfileAsStaff, saveMyProfile } from './profile.service.js'

const who = (req: { principal: Principal | null }) => req.principal as Principal
const tags = ['profiles']
const citizen = { access: ['citizen'] } as const

export const profileRoutes: FastifyPluginAsyncTypebox<{ db: Db }> = async (app, { db }) => {
  app.get(
    '/me/profile',
    { config: citizen, schema: { tags, summary: 'My seeker profile (CV)', response: { 200: Profile } } },
    async (req) => getMyProfile(db, who(req)),
  )

  app.put(
    '/me/profile',
    {
      config: citizen,
      schema: {
        tags,
        summary: 'Create or replace my seeker profile; visibility decides who else may read it',
        body: ProfileInput,
        response: { 200: Profile },
      },
    },
    async (req) => saveMyProfile(db, who(req), req.body),
  )

  app.get(
    '/people/:iin/profile',
    {
      config: { access: ['officer', 'manager', 'admin'] },
      schema: {
        tags,
        summary:
          "A seeker's profile, for staff of the seeker's region when the seeker shares it with officers; every read is audited with its purpose",
        params: Type.Object({ iin: Type.String() }),
        querystring: Type.Object({ purpose: Purpose }),
        response: { 200: StaffProfile },
      },
    },
    async (req) => readProfileAsStaff(db, who(req), req.params.iin, req.query.purpose),
  )

  app.get(
    '/applications/:id/profile',
    {
      config: { access: ['employer'] },
      schema: {
        tags,
        summary: 'The profile of an applicant to my vacancy, when the seeker shares it with employers (never the IIN)',
        params: ApplicationId,
        response: { 200: ApplicantProfile },
      },
    },
    async (req) => readApplicantProfile(db, who(req), req.params.id),
  )
}
