import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { type FastifyPluginAsyncTypebox, Type } from '@fastify/type-provider-typebox'
import type { Db } from '../../db/client.js'
import { AppError } from '../../shared/errors.js'
import { getParameterOn, listParameters } from './parameter.service.js'
import * as repo from './reference.repository.js'
import { IsoDate, KatoUnit, Occupation, Parameter, Region, StatusCategory } from './reference.schema.js'

const items = <T extends import('@sinclair/typebox').TSchema>(schema: T) => Type.Object({ items: Type.Array(schema) })
const pub = { access: 'public' } as const
const tags = ['reference']

export const referenceRoutes: FastifyPluginAsyncTypebox<{ db: Db; refDataDir: string }> = async (
  app,
  { db, refDataDir },
) => {
  app.get('/regions', { config: pub, schema: { tags, response: { 200: items(Region) } } }, async () => ({
    items: (await repo.listRegions(db)).map((r) => ({
      code: r.code,
      iso: r.iso,
      kato: r.kato,
      type: r.type,
      nameKk: r.name_kk,
      nameRu: r.name_ru,
      nameEn: r.name_en,
      centerEn: r.center_en,
      centerKk: r.center_kk,
      centerRu: r.center_ru,
    })),
  }))

  // The map is OpenStreetMap data (ODbL): whoever draws it must show the attribution.
  let geojson: string | undefined
  app.get('/regions.geojson', { config: pub, schema: { tags } }, async (_req, reply) => {
    geojson ??= await readFile(path.join(refDataDir, 'kz-regions.geojson'), 'utf8')
    reply.header('x-attribution', '(c) OpenStreetMap contributors, ODbL 1.0')
    return reply.type('application/geo+json').send(geojson)
  })

  app.get(
    '/kato/:code/children',
    {
      config: pub,
      schema: {
        tags,
        params: Type.Object({ code: Type.String({ pattern: '^\\d{9}$' }) }),
        response: { 200: items(KatoUnit) },
      },
    },
    async (req) => {
      const parent = await repo.findKato(db, req.params.code)
      if (parent === undefined) throw new AppError('not_found', `KATO code ${req.params.code} is not known`)
      const rows = await repo.listKatoChildren(db, req.params.code)
      return {
        items: rows.map((r) => ({
          code: r.code,
          parentCode: r.parent_code,
          regionCode: r.region_code,
          level: r.level,
          type: r.type,
          nameRu: r.name_ru,
          nameKk: r.name_kk,
          validFrom: r.valid_from,
          validTo: r.valid_to,
        })),
      }
    },
  )

  app.get(
    '/occupations',
    {
      config: pub,
      schema: {
        tags,
        querystring: Type.Object({
          q: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
          level: Type.Optional(Type.Integer({ minimum: 1, maximum: 4 })),
          parent: Type.Optional(Type.String({ pattern: '^\\d{1,3}$' })),
          limit: Type.Integer({ minimum: 1, maximum: 1000, default: 100 }),
        }),
        response: { 200: items(Occupation) },
      },
    },
    async (req) => ({
      items: (await repo.listOccupations(db, req.query)).map((o) => ({
        code: o.code,
        level: o.level,
        parentCode: o.parent_code,
        titleEn: o.title_en,
        titleRu: o.title_ru,
        titleKk: o.title_kk,
      })),
    }),
  )

  app.get(
    '/status-categories',
    { config: pub, schema: { tags, response: { 200: items(StatusCategory) } } },
    async () => ({
      items: (await repo.listStatusCategories(db)).map((s) => ({
        code: s.code,
        group: s.status_group,
        nameKk: s.name_kk,
        nameRu: s.name_ru,
        nameEn: s.name_en,
      })),
    }),
  )

  app.get('/parameters', { config: pub, schema: { tags, response: { 200: items(Parameter) } } }, async () => ({
    items: await listParameters(db),
  }))

  app.get(
    '/parameters/:key',
    {
      config: pub,
      schema: {
        tags,
        summary: 'The value of a dated parameter on a date (default today)',
        params: Type.Object({ key: Type.String({ pattern: '^[a-z0-9_]+$' }) }),
        querystring: Type.Object({ on: Type.Optional(IsoDate) }),
        response: { 200: Parameter },
      },
    },
    async (req) => getParameterOn(db, req.params.key, req.query.on ?? new Date().toISOString().slice(0, 10)),
  )
}
