import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from '@sinclair/typebox'
import type { Db } from '../../db/client.js'
import type { Principal } from '../../shared/auth.js'
import { parseTableFormat, sendTableDownload } from '../../shared/table-export.js'
import { overviewTable, readBalance, readOverview } from './overview.service.js'
import {
  balanceColumns,
  overviewColumns,
  projectColumns,
  regionJobsColumns,
  vacancyColumns,
} from './project.exports.js'
import {
  DrillDownQuery,
  FormatQuery,
  JobMap,
  NationalProgramme,
  NewNationalProgramme,
  NewProject,
  ProjectDetail,
  ProjectPatch,
  ProjectQuery,
  ProjectSummary,
  ProjectVacancy,
  RegionDrillDown,
  YearQuery,
} from './project.schema.js'
import {
  attachVacancy,
  createNationalProgramme,
  createProject,
  detachVacancy,
  editProject,
  listNationalProgrammes,
  listProjects,
  listVacanciesOfProject,
  readJobMap,
  readProject,
  readRegionProjects,
  thisYear,
} from './project.service.js'

const tags = ['projects']
const who = (req: { principal: Principal | null }) => req.principal as Principal
const STAFF = ['manager', 'analyst', 'admin'] as const
const Id = Type.Object({ id: Type.Integer({ minimum: 1 }) })

export const projectRoutes: FastifyPluginAsyncTypebox<{ db: Db }> = async (app, { db }) => {
  app.get(
    '/projects/programmes',
    {
      config: { access: [...STAFF, 'employer'] },
      schema: {
        tags,
        summary: 'National programmes',
        response: { 200: Type.Object({ items: Type.Array(NationalProgramme) }) },
      },
    },
    async () => ({ items: await listNationalProgrammes(db) }),
  )

  app.post(
    '/projects/programmes',
    {
      config: { access: ['admin'] },
      schema: {
        tags,
        summary: 'Add a national programme',
        body: NewNationalProgramme,
        response: { 201: NationalProgramme },
      },
    },
    async (req, reply) => reply.code(201).send(await createNationalProgramme(db, req.body)),
  )

  app.get(
    '/projects',
    {
      config: { access: [...STAFF, 'employer'] },
      schema: {
        tags,
        summary:
          "Projects with this year's plan and the exchange's counts: your region's for managers, national for analysts and admins, the ones you are contractor of for employers. action=needs_contractor|no_vacancies lists those needing action",
        querystring: ProjectQuery,
        response: { 200: Type.Object({ year: Type.Integer(), items: Type.Array(ProjectSummary) }) },
      },
    },
    async (req, reply) => {
      const format = parseTableFormat(req.query.format)
      const year = req.query.year ?? thisYear()
      const items = await listProjects(db, who(req), { ...req.query, year })
      const name = `projects-${req.query.region ?? 'all'}${req.query.action === undefined ? '' : `-${req.query.action}`}-${year}`
      if (await sendTableDownload(reply, format, { name, columns: projectColumns, rows: items })) return reply
      return { year, items }
    },
  )

  app.post(
    '/projects',
    {
      config: { access: ['manager', 'admin'] },
      schema: {
        tags,
        summary: 'Add a project of your region (managers) with its planned permanent and temporary jobs per year',
        body: NewProject,
        response: { 201: ProjectDetail },
      },
    },
    async (req, reply) => reply.code(201).send(await createProject(db, who(req), req.body)),
  )

  app.get(
    '/projects/map',
    {
      config: { access: STAFF },
      schema: {
        tags,
        summary:
          "The job-creation map: by region, the year's planned jobs against jobs created (hires on the projects' vacancies, counted from the exchange)",
        querystring: Type.Object({ year: YearQuery, format: FormatQuery }),
        response: { 200: JobMap },
      },
    },
    async (req, reply) => {
      const map = await readJobMap(db, who(req), req.query.year)
      const format = parseTableFormat(req.query.format)
      if (
        await sendTableDownload(reply, format, {
          name: `job-map-${map.year}`,
          columns: regionJobsColumns,
          rows: map.regions,
        })
      ) {
        return reply
      }
      return map
    },
  )

  app.get(
    '/projects/map/regions/:code',
    {
      config: { access: STAFF },
      schema: {
        tags,
        summary: "Drill-down from the map: the region's projects and their vacancies, with applications and hires",
        params: Type.Object({ code: Type.String({ pattern: '^\\d{2}$' }) }),
        querystring: DrillDownQuery,
        response: { 200: RegionDrillDown },
      },
    },
    async (req, reply) => {
      const format = parseTableFormat(req.query.format)
      const page = format === 'json' ? { offset: req.query.offset, limit: req.query.limit } : 'all'
      const drill = await readRegionProjects(db, who(req), req.params.code, req.query.year, page)
      const name = `projects-${drill.regionCode}-${drill.year}`
      if (await sendTableDownload(reply, format, { name, columns: projectColumns, rows: drill.projects })) return reply
      return drill
    },
  )

  app.get(
    '/projects/:id',
    {
      config: { access: [...STAFF, 'employer'] },
      schema: { tags, params: Id, querystring: Type.Object({ year: YearQuery }), response: { 200: ProjectDetail } },
    },
    async (req) => readProject(db, who(req), req.params.id, req.query.year),
  )

  app.patch(
    '/projects/:id',
    {
      config: { access: ['manager', 'admin'] },
      schema: {
        tags,
        summary: 'Edit a project of your region; plannedJobs, when sent, replaces the whole plan',
        params: Id,
        body: ProjectPatch,
        response: { 200: ProjectDetail },
      },
    },
    async (req) => editProject(db, who(req), req.params.id, req.body),
  )

  app.get(
    '/projects/:id/vacancies',
    {
      config: { access: [...STAFF, 'employer'] },
      schema: {
        tags,
        summary: "The project's vacancies with applications and hires (exchange)",
        params: Id,
        querystring: Type.Object({ format: FormatQuery }),
        response: { 200: Type.Object({ items: Type.Array(ProjectVacancy) }) },
      },
    },
    async (req, reply) => {
      const items = await listVacanciesOfProject(db, who(req), req.params.id)
      const format = parseTableFormat(req.query.format)
      const name = `project-${req.params.id}-vacancies`
      if (await sendTableDownload(reply, format, { name, columns: vacancyColumns, rows: items })) return reply
      return { items }
    },
  )

  app.post(
    '/projects/:id/vacancies',
    {
      config: { access: ['employer'] },
      schema: {
        tags,
        summary:
          "The project's contractor attaches one of its own exchange vacancies, so its hires count as the project's jobs",
        params: Id,
        body: Type.Object({ vacancyId: Type.Integer({ minimum: 1 }) }, { additionalProperties: false }),
        response: { 201: ProjectVacancy },
      },
    },
    async (req, reply) => reply.code(201).send(await attachVacancy(db, who(req), req.params.id, req.body.vacancyId)),
  )

  app.delete(
    '/projects/:id/vacancies/:vacancyId',
    {
      config: { access: ['employer'] },
      schema: {
        tags,
        params: Type.Object({ id: Type.Integer({ minimum: 1 }), vacancyId: Type.Integer({ minimum: 1 }) }),
        response: { 204: Type.Null() },
      },
    },
    async (req, reply) => {
      await detachVacancy(db, who(req), req.params.id, req.params.vacancyId)
      return reply.code(204).send(null)
    },
  )

  app.get(
    '/overview',
    {
      config: { access: ['analyst', 'admin'] },
      schema: {
        tags: ['overview'],
        summary:
          "The analysts' national overview: registry formalisation, the exchange's funnel, fairs and national projects, each from its own module",
        querystring: Type.Object({ year: YearQuery, format: FormatQuery }),
      },
    },
    async (req, reply) => {
      const overview = await readOverview(db, who(req), req.query.year)
      const format = parseTableFormat(req.query.format)
      const table = { name: `overview-${overview.year}`, columns: overviewColumns, rows: overviewTable(overview) }
      if (await sendTableDownload(reply, format, table)) return reply
      return overview
    },
  )

  app.get(
    '/overview/labour-balance',
    {
      config: { access: ['analyst', 'admin'] },
      schema: {
        tags: ['overview'],
        summary:
          'Vacancies against seekers by ISCO-08 unit group and region (exchange seeker profiles), the scarcest and most oversupplied occupations per region, youth (under 35) apart',
        querystring: Type.Object({ region: Type.Optional(Type.String({ pattern: '^\\d{2}$' })), format: FormatQuery }),
      },
    },
    async (req, reply) => {
      const balance = await readBalance(db, who(req), req.query.region)
      const format = parseTableFormat(req.query.format)
      const name = `labour-balance-${req.query.region ?? 'all'}`
      if (await sendTableDownload(reply, format, { name, columns: balanceColumns, rows: balance.items })) return reply
      return balance
    },
  )
}
