import { type FastifyPluginAsyncTypebox, Type } from '@fastify/type-provider-typebox'
import type { Db } from '../../db/client.js'
import type { Principal } from '../../shared/auth.js'
import { StringEnum } from '../../shared/schema.js'
import { CATEGORIES } from './hotline.rules.js'
import { assignReport, fileReport, hotlineStatistics, listReports, moveReport, readReport } from './hotline.service.js'

const tags = ['hotline']
const who = (req: { principal: Principal | null }) => req.principal as Principal
const Category = StringEnum(CATEGORIES as ['envelope_wages', 'unpaid_pension', 'no_contract', 'other'])
const Status = StringEnum(['new', 'assigned', 'inspecting', 'resolved', 'unfounded'] as const)
const Nullable = <T extends ReturnType<typeof Type.String>>(t: T) => Type.Union([t, Type.Null()])

const Report = Type.Object({
  id: Type.Integer(),
  category: Category,
  employerBin: Nullable(Type.String()),
  employerName: Nullable(Type.String()),
  region: Type.String(),
  description: Type.String(),
  isAnonymous: Type.Boolean(),
  reporter: Type.Union([Type.Object({ iin: Nullable(Type.String()), contact: Nullable(Type.String()) }), Type.Null()]),
  status: Status,
  assignedTo: Type.Union([Type.Integer(), Type.Null()]),
  dueDate: Type.String(),
  isOverdue: Type.Boolean(),
  outcome: Type.Union([
    Type.Object({
      contractsConcluded: Type.Integer(),
      contributionsRecovered: Type.Number(),
      note: Nullable(Type.String()),
    }),
    Type.Null(),
  ]),
  createdAt: Type.String(),
  closedAt: Nullable(Type.String()),
})
const ReportWithEvents = Type.Intersect([
  Report,
  Type.Object({
    events: Type.Array(
      Type.Object({
        at: Type.String(),
        status: Status,
        actorId: Type.Union([Type.Integer(), Type.Null()]),
        note: Nullable(Type.String()),
      }),
    ),
  }),
])

export const hotlineRoutes: FastifyPluginAsyncTypebox<{ db: Db }> = async (app, { db }) => {
  app.post(
    '/hotline/reports',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary:
          'Report envelope wages, unpaid contributions or a missing contract; anonymous allowed. The reporter is shown only to the assigned inspector',
        body: Type.Object(
          {
            category: Category,
            employerBin: Type.Optional(Type.String()),
            employerName: Type.Optional(Type.String({ maxLength: 300 })),
            region: Type.Optional(Type.String({ description: 'two-digit region code; required' })),
            description: Type.String({ maxLength: 5000 }),
            contact: Type.Optional(Type.String({ maxLength: 200 })),
            anonymous: Type.Optional(Type.Boolean()),
          },
          { additionalProperties: false },
        ),
        response: {
          201: Type.Object({ id: Type.Integer(), status: Status, region: Type.String(), dueDate: Type.String() }),
        },
      },
    },
    async (req, reply) => reply.code(201).send(await fileReport(db, req.principal, req.body)),
  )

  app.get(
    '/hotline/reports',
    {
      config: { access: ['officer', 'analyst', 'admin'] },
      schema: {
        tags,
        summary: "Your region's reports (national for analysts and admins); overdue=true lists those past their SLA",
        querystring: Type.Object({ status: Type.Optional(Status), overdue: Type.Optional(Type.Boolean()) }),
        response: { 200: Type.Object({ items: Type.Array(Report) }) },
      },
    },
    async (req) => ({ items: await listReports(db, who(req), req.query) }),
  )

  app.get(
    '/hotline/reports/:id',
    {
      config: { access: ['officer', 'analyst', 'admin'] },
      schema: { tags, params: Type.Object({ id: Type.Integer() }), response: { 200: ReportWithEvents } },
    },
    async (req) => readReport(db, who(req), req.params.id),
  )

  app.post(
    '/hotline/reports/:id/assign',
    {
      config: { access: ['officer'] },
      schema: {
        tags,
        summary: 'Take a report of your region as its inspector',
        params: Type.Object({ id: Type.Integer() }),
        response: { 200: ReportWithEvents },
      },
    },
    async (req) => assignReport(db, who(req), req.params.id),
  )

  app.post(
    '/hotline/reports/:id/status',
    {
      config: { access: ['officer'] },
      schema: {
        tags,
        summary: 'The assigned inspector moves the report: inspecting, then resolved or unfounded with the outcome',
        params: Type.Object({ id: Type.Integer() }),
        body: Type.Object(
          {
            status: StringEnum(['inspecting', 'resolved', 'unfounded'] as const),
            contractsConcluded: Type.Optional(Type.Integer({ minimum: 0 })),
            contributionsRecovered: Type.Optional(Type.Number({ minimum: 0 })),
            note: Type.Optional(Type.String({ maxLength: 5000 })),
          },
          { additionalProperties: false },
        ),
        response: { 200: ReportWithEvents },
      },
    },
    async (req) => moveReport(db, who(req), req.params.id, req.body),
  )

  app.get(
    '/hotline/statistics',
    {
      config: { access: ['officer', 'analyst', 'admin'] },
      schema: {
        tags,
        summary: 'Reports by region and category with outcomes; employers named in repeated reports',
        response: {
          200: Type.Object({
            byRegionAndCategory: Type.Array(
              Type.Object({
                region: Type.String(),
                category: Type.String(),
                total: Type.Integer(),
                open: Type.Integer(),
                overdue: Type.Integer(),
                resolved: Type.Integer(),
                unfounded: Type.Integer(),
                contractsConcluded: Type.Integer(),
                contributionsRecovered: Type.Number(),
              }),
            ),
            repeatedEmployers: Type.Array(
              Type.Object({
                employerBin: Nullable(Type.String()),
                employerName: Nullable(Type.String()),
                reports: Type.Integer(),
                regions: Type.Array(Type.String()),
                lastReportAt: Type.String(),
              }),
            ),
          }),
        },
      },
    },
    async (req) => hotlineStatistics(db, who(req)),
  )
}
