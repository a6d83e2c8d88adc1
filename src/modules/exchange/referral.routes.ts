import { type FastifyPluginAsyncTypebox, Type } from '@fastify/type-provider-typebox'
import type { Db } from '../../db/client.js'
import type { Principal } from '../../shared/auth.js'
import { StringEnum } from '../../shared/schema.js'
import { parseTableFormat, sendTableDownload } from '../../shared/table-export.js'
import { scopeOf } from '../identity/index.js'
import { referralStatsColumns } from './referral.exports.js'
import {
  LimitParams,
  NewReferral,
  RecordOutcome,
  Referral,
  ReferralLimit,
  ReferralStats,
  SetLimit,
} from './referral.schema.js'
import {
  getReferralStats,
  listReferralLimits,
  listReferrals,
  recordReferralOutcome,
  referralYear,
  referSeeker,
  setReferralLimit,
} from './referral.service.js'

const who = (req: { principal: Principal | null }) => req.principal as Principal
const tags = ['referrals']
const staff = { access: ['officer', 'manager', 'analyst', 'admin'] } as const
const YearValue = Type.Integer({ minimum: 2000, maximum: 2100 })
const Year = Type.Object({ year: Type.Optional(YearValue) })
const FormatQuery = Type.Optional(
  StringEnum(['json', 'csv', 'xlsx'] as const, { description: 'json (default), csv or xlsx download' }),
)

export const referralRoutes: FastifyPluginAsyncTypebox<{ db: Db }> = async (app, { db }) => {
  app.post(
    '/referrals',
    {
      config: { access: ['officer'] },
      schema: {
        tags,
        summary: "Refer a seeker of my region to a vacancy, spending one unit of the region's yearly limit",
        body: NewReferral,
        response: { 201: Referral },
      },
    },
    async (req, reply) => reply.code(201).send(await referSeeker(db, who(req), req.body)),
  )

  app.get(
    '/referrals',
    {
      config: { access: ['officer', 'manager', 'admin'] },
      schema: {
        tags,
        summary: 'Referrals of my region (IINs masked); mine=true: only those I made',
        querystring: Type.Object({ mine: Type.Optional(Type.Boolean()) }),
        response: { 200: Type.Object({ items: Type.Array(Referral) }) },
      },
    },
    async (req) => ({ items: await listReferrals(db, who(req), { mine: req.query.mine ?? false }) }),
  )

  app.post(
    '/referrals/:id/outcome',
    {
      config: { access: ['officer'] },
      schema: {
        tags,
        summary: 'Record whether the referred seeker was hired (a reason unless hired)',
        params: Type.Object({ id: Type.Integer({ minimum: 1 }) }),
        body: RecordOutcome,
        response: { 200: Referral },
      },
    },
    async (req) => recordReferralOutcome(db, who(req), req.params.id, req.body),
  )

  app.get(
    '/referral-limits',
    {
      config: staff,
      schema: {
        tags,
        summary: 'Yearly referral limits (my region, or every region for national roles)',
        querystring: Year,
        response: { 200: Type.Object({ items: Type.Array(ReferralLimit) }) },
      },
    },
    async (req) => ({ items: await listReferralLimits(db, who(req), req.query.year ?? referralYear()) }),
  )

  app.put(
    '/referral-limits/:region/:year',
    {
      config: { access: ['admin'] },
      schema: {
        tags,
        summary: "Set a region's yearly referral limit",
        params: LimitParams,
        body: SetLimit,
        response: { 200: ReferralLimit },
      },
    },
    async (req) => setReferralLimit(db, req.params.region, req.params.year, req.body.total),
  )

  app.get(
    '/referrals/stats',
    {
      config: staff,
      schema: {
        tags,
        summary:
          "Referrals, outcomes and the limit by region for a year (an officer's or manager's region, every region for analysts and admins); format=csv|xlsx downloads the table",
        querystring: Type.Object({ year: Type.Optional(YearValue), format: FormatQuery }),
        response: { 200: ReferralStats },
      },
    },
    async (req, reply) => {
      const format = parseTableFormat(req.query.format)
      const stats = await getReferralStats(db, who(req), req.query.year ?? referralYear())
      const scope = scopeOf(who(req)).regionCode ?? 'all'
      const table = {
        name: `referral-statistics-${scope}-${stats.year}`,
        columns: referralStatsColumns,
        rows: stats.items,
      }
      if (await sendTableDownload(reply, format, table)) return reply
      return stats
    },
  )
}
