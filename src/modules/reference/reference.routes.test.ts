import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, json, type TestApp } from '../../../tests/helpers/app.js'

let t: TestApp
beforeAll(async () => {
  t = await createTestApp()
})
afterAll(() => t.close())

const get = async <T = Record<string, unknown>>(url: string) => {
  const res = await t.app.inject({ method: 'GET', url })
  return { status: res.statusCode, body: json<T>(res), headers: res.headers }
}

describe('reference data', () => {
  it('lists the 20 regions with names in three languages', async () => {
    const { body } = await get<{
      items: { code: string; nameKk: string; nameRu: string; nameEn: string; type: string }[]
    }>('/api/reference/regions')
    expect(body.items).toHaveLength(20)
    expect(body.items.filter((r) => r.type === 'city').map((r) => r.code)).toEqual(['71', '75', '79'])
    expect(body.items.find((r) => r.code === '39')).toMatchObject({
      nameKk: 'Қостанай облысы',
      nameRu: 'Костанайская область',
      nameEn: 'Kostanay Region',
    })
  })

  it('browses the KATO tree from a region to its districts', async () => {
    const { body } = await get<{ items: { code: string; level: number; type: string; regionCode: string }[] }>(
      '/api/reference/kato/390000000/children',
    )
    expect(body.items.length).toBeGreaterThan(10)
    expect(body.items.every((u) => u.level === 2 && u.regionCode === '39')).toBe(true)
    expect(body.items.some((u) => u.type === 'district')).toBe(true)
    expect((await get('/api/reference/kato/999999999/children')).status).toBe(404)
  })

  it('has all four ISCO-08 levels', async () => {
    for (const [level, count] of [
      [1, 10],
      [2, 43],
      [3, 130],
      [4, 436],
    ] as const) {
      const { body } = await get<{ items: unknown[] }>(`/api/reference/occupations?level=${level}&limit=1000`)
      expect(body.items).toHaveLength(count)
    }
    const { body } = await get<{ items: { code: string; titleEn: string; parentCode: string }[] }>(
      '/api/reference/occupations?q=nurs',
    )
    expect(body.items.some((o) => o.code === '2221' && o.parentCode === '222')).toBe(true)
  })

  it('lists the 22 status categories with their groups', async () => {
    const { body } = await get<{ items: { code: string; group: string; nameKk: string }[] }>(
      '/api/reference/status-categories',
    )
    expect(body.items).toHaveLength(22)
    expect(body.items.find((s) => s.code === 'platform_worker')).toMatchObject({
      group: 'self_employed',
      nameKk: 'Платформалық жұмыскер',
    })
  })

  it('answers the value of a parameter on a date', async () => {
    expect((await get('/api/reference/parameters/mci?on=2025-06-30')).body).toMatchObject({
      value: 3932,
      validFrom: '2025-01-01',
      unit: 'KZT',
    })
    expect((await get('/api/reference/parameters/mci?on=2026-01-01')).body).toMatchObject({ value: 4325 })
    expect((await get('/api/reference/parameters/job_loss_replacement_rate?on=2022-12-31')).body).toMatchObject({
      value: 0.4,
    })
    expect((await get('/api/reference/parameters/job_loss_replacement_rate?on=2023-01-01')).body).toMatchObject({
      value: 0.45,
    })
    expect((await get('/api/reference/parameters/pension_employer_rate?on=2026-03-01')).body).toMatchObject({
      value: 0.035,
      isVerified: false,
    })
  })

  it('says why a parameter lookup fails', async () => {
    const before = await get('/api/reference/parameters/mci?on=2001-01-01')
    expect(before).toMatchObject({
      status: 404,
      body: { error: { message: 'parameter mci has no value on 2001-01-01' } },
    })
    const badDate = await get('/api/reference/parameters/mci?on=yesterday')
    expect(badDate.status).toBe(400)
    expect(badDate.body).toMatchObject({ error: { details: [{ field: 'querystring/on' }] } })
  })

  it('serves the regions map with its OpenStreetMap attribution', async () => {
    const { status, headers } = await get('/api/reference/regions.geojson')
    expect(status).toBe(200)
    expect(headers['x-attribution']).toContain('OpenStreetMap contributors')
  })
})

describe('platform endpoints', () => {
  it('reports health with the database', async () => {
    const { body } = await get('/api/health')
    expect(body).toMatchObject({ status: 'ok', database: { ok: true } })
  })

  it('publishes OpenAPI 3 with every route and a docs page', async () => {
    const { body } = await get<{ openapi: string; paths: Record<string, unknown> }>('/api/openapi.json')
    expect(body.openapi).toMatch(/^3\./)
    expect(Object.keys(body.paths)).toEqual(
      expect.arrayContaining(['/api/people/{iin}', '/api/auth/login', '/api/reference/regions']),
    )
    const docs = await t.app.inject({ method: 'GET', url: '/api/docs/' })
    expect(docs.statusCode).toBe(200)
    expect(docs.body).toContain('swagger')
  })

  it('answers unknown API routes with the error shape', async () => {
    expect(await get('/api/nope')).toMatchObject({
      status: 404,
      body: { error: { code: 'not_found', message: 'no route GET /api/nope' } },
    })
  })
})
