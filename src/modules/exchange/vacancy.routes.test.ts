import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, json, loginAs, type TestApp } from '../../../tests/helpers/app.js'
import { makeBin } from '../../shared/iin.js'
import { DEMO_EMPLOYER_BIN } from '../identity/index.js'
import {
  createEmployerAccount,
  createVacancy,
  KOSTANAY_CITY,
  PAVLODAR_CITY,
  PAVLODAR_DISTRICT,
  publishVacancy,
  vacancyPayload,
} from './exchange.testing.js'
import { expireVacancies } from './vacancy.service.js'

let t: TestApp
let employer: { cookie: string }
let otherEmployer: { cookie: string }

beforeAll(async () => {
  t = await createTestApp()
  employer = await loginAs(t.app, 'employer')
  otherEmployer = await createEmployerAccount(t.app, t.database.db, {
    login: 'employer-b',
    bin: makeBin('1907', 4, 0, 77_001) as string,
    name: 'ТОО «Костанай Строй»',
    regionCode: '39',
  })
})
afterAll(() => t.close())

const post = (url: string, who: { cookie: string } | undefined, payload?: object) =>
  t.app.inject({ method: 'POST', url, ...(who && { headers: who }), ...(payload !== undefined && { payload }) })
const get = (url: string, who?: { cookie: string }) =>
  t.app.inject({ method: 'GET', url, ...(who && { headers: who }) })

describe('vacancies: creating and publishing', () => {
  it('creates a draft with the region and district derived from the KATO code, and the organisation name', async () => {
    const res = await post('/api/vacancies', employer, vacancyPayload({ title: 'Инженер-энергетик' }))
    expect(res.statusCode).toBe(201)
    expect(json(res)).toMatchObject({
      employerBin: DEMO_EMPLOYER_BIN,
      employerName: 'ТОО «Павлодар Энерго Сервис»',
      title: 'Инженер-энергетик',
      state: 'draft',
      katoCode: PAVLODAR_CITY,
      regionCode: '55',
      districtCode: PAVLODAR_DISTRICT,
      positionsFilled: 0,
      publishedAt: null,
      requirements: { educationLevel: 'vocational', languages: [{ lang: 'ru', level: 'fluent' }] },
      duplicateOf: [],
    })
  })

  it('hides a draft from the public but shows it to its employer', async () => {
    const { id } = await createVacancy(t.app, employer)
    expect((await get(`/api/vacancies/${id}`)).statusCode).toBe(404)
    expect(json(await get(`/api/vacancies/${id}`))).toEqual({
      error: { code: 'not_found', message: `no published vacancy ${id}` },
    })
    expect((await get(`/api/vacancies/${id}`, otherEmployer)).statusCode).toBe(404)
    expect(json(await get(`/api/vacancies/${id}`, employer))).toMatchObject({ id, state: 'draft' })
  })

  it('publishes a draft for 30 days by default and shows it to anyone', async () => {
    const { id } = await createVacancy(t.app, employer)
    const res = await post(`/api/vacancies/${id}/publish`, employer)
    expect(res.statusCode).toBe(200)
    const body = json<{ state: string; publishedAt: string; expiresAt: string }>(res)
    expect(body.state).toBe('published')
    const days = (Date.parse(body.expiresAt) - Date.parse(body.publishedAt)) / 86_400_000
    expect(Math.round(days)).toBe(30)
    const page = await get(`/api/vacancies/${id}`)
    expect(page.statusCode).toBe(200)
    expect(json(page)).toMatchObject({ id, state: 'published' })
  })

  it('refuses to publish twice and to publish a closed vacancy', async () => {
    const { id } = await publishVacancy(t.app, employer)
    const again = await post(`/api/vacancies/${id}/publish`, employer)
    expect(again.statusCode).toBe(409)
    expect(json(again)).toMatchObject({
      error: { message: `vacancy ${id} is published; only a draft can be published` },
    })
    expect((await post(`/api/vacancies/${id}/close`, employer)).statusCode).toBe(200)
    expect((await get(`/api/vacancies/${id}`)).statusCode).toBe(404)
    expect(json(await post(`/api/vacancies/${id}/close`, employer))).toMatchObject({
      error: { code: 'conflict', message: `vacancy ${id} is already closed` },
    })
  })

  it('lists my organisation’s vacancies in every state', async () => {
    const res = await get('/api/me/vacancies', employer)
    const items = json<{ items: { employerBin: string; state: string }[] }>(res).items
    expect(items.length).toBeGreaterThan(2)
    expect(items.every((v) => v.employerBin === DEMO_EMPLOYER_BIN)).toBe(true)
    expect(new Set(items.map((v) => v.state))).toEqual(new Set(['draft', 'published', 'closed']))
  })
})

describe('vacancies: bad input, each with a specific error', () => {
  const create = (overrides: Record<string, unknown>) =>
    post('/api/vacancies', employer, { ...vacancyPayload(), ...overrides })

  it('refuses an inverted wage range naming both figures', async () => {
    const res = await create({ wageMin: 300_000, wageMax: 200_000 })
    expect(res.statusCode).toBe(400)
    expect(json(res)).toEqual({
      error: { code: 'invalid', message: 'wage_min 300000 is above wage_max 200000', details: { field: 'wageMin' } },
    })
  })

  it('refuses a vacancy without a wage', async () => {
    const { wageMin: _, ...withoutWage } = vacancyPayload()
    const res = await post('/api/vacancies', employer, withoutWage)
    expect(res.statusCode).toBe(400)
    expect(json(res)).toMatchObject({ error: { message: "body/wageMin must have required property 'wageMin'" } })
    expect(json(await create({ wageMin: 0 }))).toMatchObject({ error: { message: 'body/wageMin must be >= 1' } })
  })

  it('refuses an unknown occupation code', async () => {
    const res = await create({ occupationCode: '9999' })
    expect(res.statusCode).toBe(400)
    expect(json(res)).toMatchObject({
      error: { message: 'occupation code 9999 is not in ISCO-08', details: { field: 'occupationCode' } },
    })
  })

  it('refuses an unknown KATO code', async () => {
    const res = await create({ katoCode: '559999999' })
    expect(res.statusCode).toBe(400)
    expect(json(res)).toMatchObject({
      error: { message: 'KATO code 559999999 is not known', details: { field: 'katoCode' } },
    })
  })

  it('refuses zero or negative positions', async () => {
    for (const positions of [0, -3]) {
      const res = await create({ positions })
      expect(res.statusCode).toBe(400)
      expect(json(res)).toMatchObject({ error: { message: 'body/positions must be >= 1' } })
    }
  })

  it('refuses a publication window that ends in the past', async () => {
    const res = await create({ expiresAt: '2020-01-01T00:00:00Z' })
    expect(json(res)).toMatchObject({ error: { message: 'expiresAt 2020-01-01T00:00:00Z is in the past' } })
  })

  it('stores a script tag in the description as sent and returns it as JSON text', async () => {
    const description = 'Обязанности: <script>alert("x")</script> & <b>склад</b>'
    const { id } = await publishVacancy(t.app, employer, { description })
    const res = await get(`/api/vacancies/${id}`)
    expect(res.headers['content-type']).toMatch(/^application\/json/)
    expect(json<{ description: string }>(res).description).toBe(description)
  })
})

describe('vacancies: wording that excludes people', () => {
  it('refuses publication listing every excluding phrase, and keeps the vacancy a draft', async () => {
    const { id } = await createVacancy(t.app, employer, {
      title: 'Продавец-консультант',
      description: 'Только мужчины до 35 лет, славянской внешности. Male only.',
    })
    const res = await post(`/api/vacancies/${id}/publish`, employer)
    expect(res.statusCode).toBe(400)
    const error = json<{ error: { message: string; details: { phrases: { phrase: string }[] } } }>(res).error
    expect(error.message).toContain('"Только мужчины", "до 35 лет", "славянской внешности", "Male only"')
    expect(error.details.phrases.map((p) => p.phrase)).toEqual([
      'Только мужчины',
      'до 35 лет',
      'славянской внешности',
      'Male only',
    ])
    expect(json(await get(`/api/vacancies/${id}`, employer))).toMatchObject({ state: 'draft' })
  })

  it('flags Kazakh wording', async () => {
    const { id } = await createVacancy(t.app, employer, { description: 'Жүргізуші керек, жігіттер ғана.' })
    const res = await post(`/api/vacancies/${id}/publish`, employer)
    expect(res.statusCode).toBe(400)
    expect(json(res)).toMatchObject({ error: { details: { phrases: [{ phrase: 'жігіттер ғана', lang: 'kk' }] } } })
  })

  it('allows wording aimed at a group when the vacancy belongs to a fair or a programme', async () => {
    const fair = await createVacancy(t.app, employer, { description: 'Молодёжная ярмарка: до 29 лет', fairId: 7 })
    expect((await post(`/api/vacancies/${fair.id}/publish`, employer)).statusCode).toBe(200)
    const program = await createVacancy(t.app, employer, {
      description: 'Молодёжная практика для выпускников до 29 лет',
      programCode: 'youth_practice',
    })
    expect((await post(`/api/vacancies/${program.id}/publish`, employer)).statusCode).toBe(200)
  })

  it('checks a published vacancy again when it is edited', async () => {
    const { id } = await publishVacancy(t.app, employer)
    const res = await t.app.inject({
      method: 'PATCH',
      url: `/api/vacancies/${id}`,
      headers: employer,
      payload: { description: 'Требуется девушка на ресепшн' },
    })
    expect(res.statusCode).toBe(400)
    expect(json(res)).toMatchObject({ error: { details: { phrases: [{ phrase: 'Требуется девушка' }] } } })
  })
})

describe('vacancies: editing', () => {
  const patch = (id: number, who: { cookie: string }, payload: object) =>
    t.app.inject({ method: 'PATCH', url: `/api/vacancies/${id}`, headers: who, payload })

  it('edits a draft and re-derives the place from a new KATO code', async () => {
    const { id } = await createVacancy(t.app, employer)
    const res = await patch(id, employer, { katoCode: KOSTANAY_CITY, wageMax: 400_000 })
    expect(res.statusCode).toBe(200)
    expect(json(res)).toMatchObject({
      katoCode: KOSTANAY_CITY,
      regionCode: '39',
      districtCode: '391000000',
      wageMax: 400_000,
    })
  })

  it('checks the wage range against the stored values', async () => {
    const { id } = await createVacancy(t.app, employer, { wageMin: 250_000, wageMax: 350_000 })
    const res = await patch(id, employer, { wageMin: 400_000 })
    expect(res.statusCode).toBe(400)
    expect(json(res)).toMatchObject({ error: { message: 'wage_min 400000 is above wage_max 350000' } })
  })

  it('refuses to edit a closed vacancy', async () => {
    const { id } = await publishVacancy(t.app, employer)
    await post(`/api/vacancies/${id}/close`, employer)
    const res = await patch(id, employer, { title: 'Новое название вакансии' })
    expect(res.statusCode).toBe(409)
    expect(json(res)).toMatchObject({
      error: { message: `vacancy ${id} is closed; only a draft or a published vacancy can be edited` },
    })
  })
})

describe('vacancies: likely duplicates', () => {
  it('flags a near-identical vacancy of the same employer, occupation and place, and does not refuse it', async () => {
    const first = await publishVacancy(t.app, employer, {
      title: 'Водитель категории С на самосвал',
      occupationCode: '8322',
    })
    const second = await createVacancy(t.app, employer, {
      title: 'Водитель категории С на самосвал!',
      occupationCode: '8322',
    })
    expect(second.duplicateOf).toEqual([first.id])
  })

  it('does not flag a different title, another place or another employer', async () => {
    await publishVacancy(t.app, employer, { title: 'Повар горячего цеха', occupationCode: '5120' })
    expect((await createVacancy(t.app, employer, { title: 'Кондитер', occupationCode: '5120' })).duplicateOf).toEqual(
      [],
    )
    expect(
      (
        await createVacancy(t.app, employer, {
          title: 'Повар горячего цеха',
          occupationCode: '5120',
          katoCode: KOSTANAY_CITY,
        })
      ).duplicateOf,
    ).toEqual([])
    expect(
      (await createVacancy(t.app, otherEmployer, { title: 'Повар горячего цеха', occupationCode: '5120' })).duplicateOf,
    ).toEqual([])
  })
})

describe('vacancies: expiry', () => {
  it('expires published vacancies past their window, once, and leaves the others', async () => {
    const stale = await publishVacancy(t.app, employer)
    const fresh = await publishVacancy(t.app, employer)
    await sql`UPDATE exchange.vacancies SET expires_at = now() - interval '1 second' WHERE id = ${stale.id}`.execute(
      t.database.db,
    )
    expect((await expireVacancies(t.database.db)).expired).toBe(1)
    expect((await expireVacancies(t.database.db)).expired).toBe(0)
    expect(json(await get(`/api/vacancies/${stale.id}`, employer))).toMatchObject({ state: 'expired' })
    expect(json(await get(`/api/vacancies/${fresh.id}`))).toMatchObject({ state: 'published' })
  })
})
