import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import type { Db } from '../../db/client.js'
import type { Principal } from '../../shared/auth.js'
import { parseTableFormat, sendTableDownload } from '../../shared/table-export.js'
import {
  CatalogueQuery,
  EligibilityCheck,
  EndBody,
  Enrolment,
  EnrolmentBody,
  EnrolmentQuery,
  FlagBody,
  FlagResult,
  IdParams,
  Items,
  Plan,
  PlanBody,
  PlanFactItem,
  PlanListItem,
  PlanParams,
  Programme,
  RefuseBody,
  YearRegionQuery,
} from './programme.schema.js'
import {
  approveEnrolment,
  checkPersonEligibility,
  endEnrolment,
  listCatalogue,
  listEnrolmentsView,
  listPlansView,
  type PlanFact,
  planVsFact,
  proposeEnrolment,
  recordFlag,
  refuseEnrolment,
  setPlan,
  todayInKazakhstan,
} from './programme.service.js'

const tags = ['programmes']
const who = (req: { principal: Principal | null }) => req.principal as Principal
const STAFF = ['officer', 'manager', 'analyst', 'admin'] as const
const PROPOSERS = ['officer', 'manager'] as const

const planColumns = [
  { header: 'region', value: (r: PlanFact) => r.region },
  { header: 'year', value: (r: PlanFact) => r.year },
  { header: 'programme', value: (r: PlanFact) => r.programme },
  { header: 'places planned', value: (r: PlanFact) => r.places },
  { header: 'budget planned ₸', value: (r: PlanFact) => r.budget },
  { header: 'places committed', value: (r: PlanFact) => r.placesCommitted },
  { header: 'places spent', value: (r: PlanFact) => r.placesSpent },
  { header: 'places left', value: (r: PlanFact) => r.placesLeft },
  { header: 'budget committed ₸', value: (r: PlanFact) => r.budgetCommitted },
  { header: 'budget spent ₸', value: (r: PlanFact) => r.budgetSpent },
  { header: 'budget left ₸', value: (r: PlanFact) => r.budgetLeft },
]

export const programmeRoutes: FastifyPluginAsyncTypebox<{ db: Db }> = async (app, { db }) => {
  app.get(
    '/programmes',
    {
      config: { access: [...STAFF] },
      schema: {
        tags,
        summary:
          'The programmes: target groups, eligibility rules, duration and what a place costs on a day (dated parameters)',
        querystring: CatalogueQuery,
        response: { 200: Items(Programme) },
      },
    },
    async (req) => ({ items: await listCatalogue(db, req.query.on ?? todayInKazakhstan()) }),
  )

  app.get(
    '/programmes/plans',
    {
      config: { access: [...STAFF] },
      schema: {
        tags,
        summary: "A year's plans with their ledger (your region; national for analysts and admins); ?format=csv|xlsx",
        querystring: YearRegionQuery,
        response: { 200: Items(PlanListItem) },
      },
    },
    async (req, reply) => {
      const format = parseTableFormat(req.query.format)
      const rows = await listPlansView(db, who(req), req.query)
      const name = `programme-plans-${req.query.region ?? who(req).regionCode ?? 'kz'}-${req.query.year}`
      const fact = rows.map((r) => ({
        ...r,
        placesExecutedPct: null,
        budgetExecutedPct: null,
        employedAfter6mPct: null,
      }))
      if (await sendTableDownload(reply, format, { name, columns: planColumns, rows: fact })) return reply
      return { items: rows }
    },
  )

  app.put(
    '/programmes/plans/:region/:year/:programme',
    {
      config: { access: ['manager'] },
      schema: {
        tags,
        summary: "Set your region's plan for a programme and year: places and budget in ₸ (never below what is taken)",
        params: PlanParams,
        body: PlanBody,
        response: { 200: Plan },
      },
    },
    async (req) => setPlan(db, who(req), { ...req.params, ...req.body }),
  )

  app.get(
    '/programmes/report',
    {
      config: { access: [...STAFF] },
      schema: {
        tags,
        summary:
          'Plan vs fact by region and programme: places, people, money committed and spent, % executed, employment 6 months after; ?format=csv|xlsx',
        querystring: YearRegionQuery,
        response: { 200: Items(PlanFactItem) },
      },
    },
    async (req, reply) => {
      const format = parseTableFormat(req.query.format)
      const rows = await planVsFact(db, who(req), req.query)
      const name = `plan-vs-fact-${req.query.region ?? who(req).regionCode ?? 'kz'}-${req.query.year}`
      const columns = [
        ...planColumns,
        { header: 'people enrolled', value: (r: PlanFact) => r.peopleEnrolled },
        { header: 'people completed', value: (r: PlanFact) => r.peopleCompleted },
        { header: 'people dropped', value: (r: PlanFact) => r.peopleDropped },
        { header: 'places executed %', value: (r: PlanFact) => r.placesExecutedPct },
        { header: 'budget executed %', value: (r: PlanFact) => r.budgetExecutedPct },
        { header: 'followed up after 6 months', value: (r: PlanFact) => r.followedUp },
        { header: 'employed after 6 months', value: (r: PlanFact) => r.employedAfter6m },
        { header: 'employed after 6 months %', value: (r: PlanFact) => r.employedAfter6mPct },
      ]
      if (await sendTableDownload(reply, format, { name, columns, rows })) return reply
      return { items: rows }
    },
  )

  app.post(
    '/programmes/eligibility',
    {
      config: { access: [...PROPOSERS] },
      schema: {
        tags,
        summary:
          'Whether a person of your region may join a programme from a day, with every failed rule named (audited read)',
        body: EnrolmentBody,
        response: { 200: EligibilityCheck },
      },
    },
    async (req) => checkPersonEligibility(db, who(req), req.body),
  )

  app.post(
    '/programmes/enrolments',
    {
      config: { access: [...PROPOSERS] },
      schema: {
        tags,
        summary:
          'Propose an enrolment; refused when the person is not eligible (the reason names the rule). A manager other than the proposer decides',
        body: EnrolmentBody,
        response: { 201: Enrolment },
      },
    },
    async (req, reply) => reply.code(201).send(await proposeEnrolment(db, who(req), req.body)),
  )

  app.get(
    '/programmes/enrolments',
    {
      config: { access: [...STAFF] },
      schema: {
        tags,
        summary: "A year's enrolments of your region (newest first, at most 500); ?format=csv|xlsx",
        querystring: EnrolmentQuery,
        response: { 200: Items(Enrolment) },
      },
    },
    async (req, reply) => {
      const format = parseTableFormat(req.query.format)
      const rows = await listEnrolmentsView(db, who(req), req.query)
      type Row = (typeof rows)[number]
      const name = `programme-enrolments-${req.query.region ?? who(req).regionCode ?? 'kz'}-${req.query.year}`
      const columns = [
        { header: 'id', value: (r: Row) => r.id },
        { header: 'region', value: (r: Row) => r.region },
        { header: 'programme', value: (r: Row) => r.programme },
        { header: 'IIN', value: (r: Row) => r.iin },
        { header: 'start', value: (r: Row) => r.startDate },
        { header: 'end', value: (r: Row) => r.endDate },
        { header: 'state', value: (r: Row) => r.state },
        { header: 'cost ₸', value: (r: Row) => r.cost },
        { header: 'spent ₸', value: (r: Row) => r.spent },
        { header: 'proposed by', value: (r: Row) => r.proposedBy },
        { header: 'decided by', value: (r: Row) => r.decidedBy },
        { header: 'refusal reason', value: (r: Row) => r.refusalReason },
        { header: 'exit date', value: (r: Row) => r.exitDate },
        { header: 'status 6 months after', value: (r: Row) => r.followUp?.status },
      ]
      if (await sendTableDownload(reply, format, { name, columns, rows })) return reply
      return { items: rows }
    },
  )

  app.post(
    '/programmes/enrolments/:id/approve',
    {
      config: { access: ['manager'] },
      schema: {
        tags,
        summary:
          'Approve: re-checks eligibility (409 naming the rules), then commits a place and the money in the plan (never beyond it)',
        params: IdParams,
        response: { 200: Enrolment },
      },
    },
    async (req) => approveEnrolment(db, who(req), req.params.id),
  )
  app.post(
    '/programmes/enrolments/:id/refuse',
    {
      config: { access: ['manager'] },
      schema: {
        tags,
        summary: 'Refuse a proposal with a reason',
        params: IdParams,
        body: RefuseBody,
        response: { 200: Enrolment },
      },
    },
    async (req) => refuseEnrolment(db, who(req), req.params.id, req.body.reason),
  )
  app.post(
    '/programmes/enrolments/:id/complete',
    {
      config: { access: ['manager'] },
      schema: {
        tags,
        summary: 'Mark completed: the committed money is spent',
        params: IdParams,
        body: EndBody,
        response: { 200: Enrolment },
      },
    },
    async (req) => endEnrolment(db, who(req), req.params.id, 'completed', req.body ?? {}),
  )
  app.post(
    '/programmes/enrolments/:id/drop',
    {
      config: { access: ['manager'] },
      schema: {
        tags,
        summary: 'Mark dropped (reason required): months served are spent, the rest and the place released',
        params: IdParams,
        body: EndBody,
        response: { 200: Enrolment },
      },
    },
    async (req) => endEnrolment(db, who(req), req.params.id, 'dropped', req.body ?? {}),
  )

  app.post(
    '/programmes/flags',
    {
      config: { access: ['officer'] },
      schema: {
        tags,
        summary:
          'Record (or remove) a target-group flag seen on a document: disability, large family, single parent, pre-retirement (audited)',
        body: FlagBody,
        response: { 200: FlagResult },
      },
    },
    async (req) => recordFlag(db, who(req), req.body),
  )
}
