import { type FastifyPluginAsyncTypebox, Type } from '@fastify/type-provider-typebox'
import type { Db } from '../../db/client.js'
import type { Principal } from '../../shared/auth.js'
import { StringEnum } from '../../shared/schema.js'
import { parseTableFormat, sendTableDownload } from '../../shared/table-export.js'
import { repeatedEmployerColumns, statisticsColumns } from './hotline.exports.js'
import { CATEGORIES } from './hotline.rules.js'
import {
  assignReport,
  enterCallerReport,
  fileReport,
  followReport,
  hotlineStatistics,
  listRepeatedEmployers,
  listReports,
  moveReport,
  readReport,
} from './hotline.service.js'

const tags = ['hotline']
const who = (req: { principal: Principal | null }) => req.principal as Principal
const Category = StringEnum(CATEGORIES as ['envelope_wages', 'unpaid_pension', 'no_contract', 'other'])
const Status = StringEnum(['new', 'assigned', 'inspecting', 'resolved', 'unfounded'] as const)
const Nullable = <T extends ReturnType<typeof Type.String>>(t: T) => Type.Union([t, Type.Null()])
const Source = StringEnum(['web', 'contact_centre'] as const)
const FormatQuery = Type.Optional(
  StringEnum(['json', 'csv', 'xlsx'] as const, { description: 'json (default), csv or xlsx download' }),
)
const PeriodQuery = {
  from: Type.Optional(
    Type.String({ format: 'date', description: 'reports received on or after this day (YYYY-MM-DD)' }),
  ),
  to: Type.Optional(
    Type.String({ format: 'date', description: 'reports received on or before this day (YYYY-MM-DD)' }),
  ),
}
const periodFile = (q: { from?: string | undefined; to?: string | undefined }) =>
  q.from === undefined && q.to === undefined ? '' : `-${q.from ?? 'start'}-${q.to ?? 'end'}`
const ReportFields = {
  category: Category,
  employerBin: Type.Optional(Type.String()),
  employerName: Type.Optional(Type.String({ maxLength: 300 })),
  region: Type.Optional(Type.String({ description: 'two-digit region code; required' })),
  description: Type.String({ maxLength: 5000 }),
}
const Filed = Type.Object({
  id: Type.Integer({ description: 'the reference number' }),
  status: Status,
  region: Type.String(),
  dueDate: Type.String(),
  followCode: Type.String({
    description: 'the secret code that, with the reference number, follows the report at /hotline/follow; shown once',
  }),
})

const Report = Type.Object({
  id: Type.Integer(),
  category: Category,
  employerBin: Nullable(Type.String()),
  employerName: Nullable(Type.String()),
  region: Type.String(),
  description: Type.String(),
  isAnonymous: Type.Boolean(),
  reporter: Type.Union([
    Type.Object({ iin: Nullable(Type.String()), name: Nullable(Type.String()), contact: Nullable(Type.String()) }),
    Type.Null(),
  ]),
  source: Source,
  enteredBy: Type.Union([Type.Integer(), Type.Null()]),
  status: Status,
  assignedTo: Type.Union([Type.Integer(), Type.Null()]),
  dueDate: Type.String(),
  isOverdue: Type.Boolean(),
  outcome: Type.Union([
    Type.Object({
      contractsConcluded: Type.Integer(),
      contributionsRecovered: Type.Number(),
      note: Nullable(Type.String()),
      replyToReporter: Nullable(Type.String()),
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

const StatisticsRow = Type.Object({
  region: Type.String(),
  category: Type.String(),
  total: Type.Integer(),
  open: Type.Integer(),
  overdue: Type.Integer(),
  resolved: Type.Integer(),
  unfounded: Type.Integer(),
  contactCentre: Type.Integer({ description: 'entered by a contact-centre operator for a caller' }),
  contractsConcluded: Type.Integer(),
  contributionsRecovered: Type.Number(),
})
const RepeatedEmployer = Type.Object({
  employerBin: Nullable(Type.String()),
  employerName: Nullable(Type.String()),
  reports: Type.Integer(),
  regions: Type.Array(Type.String()),
  lastReportAt: Type.String(),
})

export const hotlineRoutes: FastifyPluginAsyncTypebox<{ db: Db; followRateLimit: number }> = async (
  app,
  { db, followRateLimit },
) => {
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
            ...ReportFields,
            contact: Type.Optional(Type.String({ maxLength: 200 })),
            anonymous: Type.Optional(Type.Boolean()),
          },
          { additionalProperties: false },
        ),
        response: { 201: Filed },
      },
    },
    async (req, reply) => reply.code(201).send(await fileReport(db, req.principal, req.body)),
  )

  app.post(
    '/hotline/contact-centre/reports',
    {
      config: { access: ['officer', 'channel'] },
      schema: {
        tags,
        summary:
          "Enter a caller's report (recorded as source contact_centre with your account): the 1414 contact centre for any region, an officer for their own region. A caller who gives their identity is recorded (seen only by the assigned inspector) and the recording is audited",
        body: Type.Object(
          {
            ...ReportFields,
            anonymous: Type.Boolean(),
            caller: Type.Optional(
              Type.Object(
                {
                  iin: Type.Optional(Type.String({ maxLength: 20 })),
                  name: Type.Optional(Type.String({ maxLength: 200 })),
                  contact: Type.Optional(Type.String({ maxLength: 200 })),
                },
                { additionalProperties: false },
              ),
            ),
          },
          { additionalProperties: false },
        ),
        response: { 201: Filed },
      },
    },
    async (req, reply) => reply.code(201).send(await enterCallerReport(db, who(req), req.body)),
  )

  app.post(
    '/hotline/follow',
    {
      config: {
        access: 'public',
        // As the login: per address and reference number, so guessing one report's code is slow and one address
        // cannot lock reporters elsewhere out.
        rateLimit: {
          max: followRateLimit,
          timeWindow: '1 minute',
          keyGenerator: (req) =>
            `follow|${req.ip}|${String((req.body as { reference?: unknown } | undefined)?.reference ?? '').trim()}`,
        },
      },
      schema: {
        tags,
        summary:
          "The reporter follows a report without an account: reference number + follow-up code → status, due date, steps and outcome. Never the reporter's identity or the inspector's internal note. An unknown number and a wrong code get the same 404",
        body: Type.Object(
          { reference: Type.String({ maxLength: 40 }), code: Type.String({ maxLength: 80 }) },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({
            id: Type.Integer(),
            category: Category,
            region: Type.String(),
            status: Status,
            createdAt: Type.String(),
            dueDate: Type.String(),
            isOverdue: Type.Boolean(),
            closedAt: Nullable(Type.String()),
            outcome: Type.Union([
              Type.Object({
                contractsConcluded: Type.Integer(),
                contributionsRecovered: Type.Number(),
                reply: Nullable(Type.String()),
              }),
              Type.Null(),
            ]),
            steps: Type.Array(Type.Object({ at: Type.String(), status: Status })),
          }),
        },
      },
    },
    async (req) => followReport(db, req.body.reference, req.body.code),
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
            replyToReporter: Type.Optional(
              Type.String({ maxLength: 2000, description: 'on closing: shown to the reporter on the follow-up page' }),
            ),
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
        summary:
          'Reports by region and category with outcomes (your region for officers, national for analysts and admins); employers named in repeated reports; from/to limit both to reports received in those days (inclusive). format=csv|xlsx downloads the region × category table',
        querystring: Type.Object({ format: FormatQuery, ...PeriodQuery }),
        response: {
          200: Type.Object({
            byRegionAndCategory: Type.Array(StatisticsRow),
            repeatedEmployers: Type.Array(RepeatedEmployer),
          }),
        },
      },
    },
    async (req, reply) => {
      const format = parseTableFormat(req.query.format)
      const statistics = await hotlineStatistics(db, who(req), req.query)
      const scope = who(req).role === 'officer' ? (who(req).regionCode ?? 'none') : 'all'
      const table = {
        name: `hotline-statistics-${scope}${periodFile(req.query)}`,
        columns: statisticsColumns,
        rows: statistics.byRegionAndCategory,
      }
      if (await sendTableDownload(reply, format, table)) return reply
      return statistics
    },
  )

  app.get(
    '/hotline/statistics/employers',
    {
      config: { access: ['officer', 'analyst', 'admin'] },
      schema: {
        tags,
        summary:
          'Employers named in two or more reports (by BIN, or by the spelling of the name), of reports received from/to (inclusive); format=csv|xlsx',
        querystring: Type.Object({ format: FormatQuery, ...PeriodQuery }),
        response: { 200: Type.Object({ items: Type.Array(RepeatedEmployer) }) },
      },
    },
    async (req, reply) => {
      const format = parseTableFormat(req.query.format)
      const repeatedEmployers = await listRepeatedEmployers(db, who(req), req.query)
      const scope = who(req).role === 'officer' ? (who(req).regionCode ?? 'none') : 'all'
      const table = {
        name: `hotline-repeated-employers-${scope}${periodFile(req.query)}`,
        columns: repeatedEmployerColumns,
        rows: repeatedEmployers,
      }
      if (await sendTableDownload(reply, format, table)) return reply
      return { items: repeatedEmployers }
    },
  )
}
