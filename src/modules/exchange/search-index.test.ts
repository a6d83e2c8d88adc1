import fc from 'fast-check'
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, json, loginAs, type TestApp } from '../../../tests/helpers/app.js'
import type { ExchangeTables } from './exchange.tables.js'
import { PAVLODAR_CITY, publishVacancy } from './exchange.testing.js'
import type { SearchQuery, SearchResult } from './search.schema.js'
import { searchFilters, searchVacancies } from './search.service.js'
import { editDistance, letterMask, parseStrippedTsvector, tooFarByLetters } from './search-index.js'
import { SearchIndex } from './search-index.service.js'

// A small seeded corpus in three languages, written straight into the table (the API is tested below).
const TITLES = [
  'Водитель категории С',
  'Водитель такси',
  'Повар горячего цеха',
  'Повар-кондитер',
  'Продавец-консультант',
  'Бухгалтер 1С',
  'Главный бухгалтер',
  'Менеджер по продажам',
  'Программист Java',
  'Software developer',
  'Sales manager',
  'Жүргізуші',
  'Аспаз',
  'Мұғалім',
  'Сатушы-кеңесші',
  'Электромонтер по ремонту оборудования',
  'Учитель начальных классов',
  'Медицинская сестра',
]
const SENTENCES = [
  'Требуются водители с опытом работы.',
  'Работа в столовой, повара и кондитеры.',
  'Жүргізушілерге тұрақты жалақы төленеді.',
  'Аспаздар мен мұғалімдер қажет.',
  'We are looking for developers and managers.',
  'Официальное трудоустройство, полный соцпакет.',
  'Обучение за счёт компании, продажи и учёт.',
  'Смена 2/2, питание, развозка.',
]
const OCCUPATIONS = ['8322', '5120', '5223', '3313', '2512', '2341', '7411', '2221', '1221']
const KATOS = [
  ['551010000', '55', '551000000'],
  ['391010000', '39', '391000000'],
  ['750000000', '75', null],
] as const
const TYPES = ['permanent', 'temporary', 'seasonal', 'shift', 'remote'] as const

let t: TestApp
let seed = 7
const rand = () => {
  seed = (seed * 1103515245 + 12345) % 2147483648
  return seed / 2147483648
}
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)] as T

beforeAll(async () => {
  t = await createTestApp()
  const rows = Array.from({ length: 400 }, (_, i) => {
    const [kato, region, district] = pick(KATOS)
    const wageMin = 100_000 + Math.floor(rand() * 20) * 25_000
    const published = new Date(Date.now() - Math.floor(rand() * 40) * 86_400_000 - (i % 3) * 1000)
    return {
      employer_bin: '000000000001',
      employer_name: `ТОО Тест ${i % 17}`,
      title: pick(TITLES),
      occupation_code: pick(OCCUPATIONS),
      description: `${pick(SENTENCES)} ${pick(SENTENCES)} ${pick(SENTENCES)}`,
      experience_years: Math.floor(rand() * 4),
      wage_min: wageMin,
      wage_max: wageMin + Math.floor(rand() * 8) * 25_000,
      employment_type: pick(TYPES),
      kato_code: kato,
      region_code: region,
      district_code: district,
      positions: 1 + Math.floor(rand() * 3),
      project_id: rand() < 0.1 ? 5 : null,
      fair_id: rand() < 0.1 ? 3 : null,
      // A few are not searchable: drafts, closed, past their window.
      state: i % 25 === 0 ? 'draft' : i % 31 === 0 ? 'closed' : 'published',
      published_at: i % 25 === 0 ? null : published,
      expires_at: i % 25 === 0 ? null : new Date(Date.now() + (i % 37 === 0 ? -1 : 30) * 86_400_000),
    }
  })
  await t.database.db
    .withTables<ExchangeTables>()
    .insertInto('exchange.vacancies')
    .values(rows as never)
    .execute()
})
afterAll(() => t?.close())

const QUERIES: Partial<SearchQuery>[] = [
  {},
  { region: ['55'] },
  { region: ['39'], sort: 'wage', page: 2, page_size: 7 },
  { occupation: ['51', '8'], employment_type: ['permanent'], sort: 'date' },
  { page: 3, page_size: 50 },
  { region: ['55', '39'], employment_type: ['remote', 'shift'] },
  { occupation: ['8'], wage_min: 300_000 },
  { no_experience: true, sort: 'wage' },
  { project: 5 },
  { fair: 3, remote: true },
  { district: ['551000000'] },
  { q: 'водитель' },
  { q: 'водителя', region: ['39'] },
  { q: 'водителем' },
  { q: 'повара' },
  { q: 'повар', sort: 'date' },
  { q: 'кондитер', occupation: ['5'] },
  { q: 'бухгалтер 1с' },
  { q: 'менеджер продажам' },
  { q: 'developers' },
  { q: 'managers', sort: 'wage' },
  { q: 'жүргізушілерге' },
  { q: 'аспаздар' },
  { q: 'мұғалім', employment_type: ['permanent'] },
  { q: 'сатушы' },
  { q: 'работа', page: 2, page_size: 10 },
  { q: 'официальное трудоустройство', no_experience: true },
  { q: 'учёт' },
  { q: 'it' },
  { q: 'космонавт' },
]

describe('the in-memory index answers exactly as PostgreSQL', () => {
  it('returns the same totals, facets and pages as the SQL path for every query', async () => {
    const index = new SearchIndex(t.database.db, { sweepMs: 0 })
    await index.start()
    expect(index.ready).toBe(true)
    for (const q of QUERIES) {
      const query = { page: 1, page_size: 20, ...q } as SearchQuery
      const viaSql = await searchVacancies(t.database.db, query)
      const answer = await index.search(searchFilters(query), query.sort ?? (query.q ? 'relevance' : 'date'), {
        limit: query.page_size,
        offset: (query.page - 1) * query.page_size,
      })
      expect(answer, JSON.stringify(q)).toBeDefined()
      expect({ q, total: answer?.total, facets: answer?.facets }).toEqual({
        q,
        total: viaSql.total,
        facets: viaSql.facets,
      })
      expect(answer?.rows.map((r) => r.id)).toEqual(viaSql.items.map((i) => i.id))
    }
    index.stop()
  })

  it('has more than a handful of matches to compare', async () => {
    const all = await searchVacancies(t.database.db, { page: 1, page_size: 20 } as SearchQuery)
    expect(all.total).toBeGreaterThan(300)
  })

  it('corrects a mistyped word to the closest corpus word when nothing matched', async () => {
    const index = new SearchIndex(t.database.db, { sweepMs: 0 })
    await index.start()
    const r = await searchVacancies(t.database.db, { page: 1, page_size: 20, q: 'вадитель' } as SearchQuery, index)
    expect(r.matchedBy).toBe('fuzzy')
    expect(r.correctedQuery).toBe('водитель')
    const exact = await searchVacancies(t.database.db, { page: 1, page_size: 20, q: 'водитель' } as SearchQuery)
    expect(r.total).toBe(exact.total)
    index.stop()
  })
})

describe('the index follows PostgreSQL', () => {
  it('shows a vacancy published through the API at once, and drops it when closed', async () => {
    const employer = await loginAs(t.app, 'employer')
    const search = async () => {
      const res = await t.app.inject({ method: 'GET', url: `/api/vacancies?q=${encodeURIComponent('дирижабль')}` })
      expect(res.headers['x-search-engine']).toBe('index')
      return json<SearchResult>(res)
    }
    // The app's own index has loaded by now (it starts when the server is ready).
    for (
      let i = 0;
      i < 100 && (await t.app.inject({ url: '/api/vacancies' })).headers['x-search-engine'] !== 'index';
      i++
    )
      await new Promise((resolve) => setTimeout(resolve, 20))
    expect((await search()).total).toBe(0)
    const v = await publishVacancy(t.app, employer, { title: 'Пилот дирижабля', katoCode: PAVLODAR_CITY })
    const found = await search()
    expect(found.items.map((i) => i.id)).toEqual([v.id])
    expect(found.total).toBe(1)
    // Without words it is the newest of all (the pre-sorted order merged with vacancies added since the load).
    const landing = json<SearchResult>(await t.app.inject({ url: '/api/vacancies' }))
    expect(landing.items[0]?.id).toBe(v.id)
    expect(landing.total).toBe((await searchVacancies(t.database.db, { page: 1, page_size: 20 } as SearchQuery)).total)
    const closed = await t.app.inject({ method: 'POST', url: `/api/vacancies/${v.id}/close`, headers: employer })
    expect(closed.statusCode).toBe(200)
    expect((await search()).total).toBe(0)
  })

  it('drops a vacancy whose window is moved into the past (past windows in the seed are covered above)', async () => {
    const employer = await loginAs(t.app, 'employer')
    const v = await publishVacancy(t.app, employer, { title: 'Смотритель маяка', katoCode: PAVLODAR_CITY })
    const find = async () =>
      json<SearchResult>(await t.app.inject({ url: `/api/vacancies?q=${encodeURIComponent('маяка')}` })).total
    expect(await find()).toBe(1)
    await sql`UPDATE exchange.vacancies SET expires_at = now() - interval '1 second', updated_at = now() WHERE id = ${v.id}`.execute(
      t.database.db,
    )
    expect(await find()).toBe(0)
  })
})

describe('index helpers', () => {
  it('reads the lexemes of a stripped tsvector, quotes and backslashes included', () => {
    const out: string[] = []
    parseStrippedTsvector("'a' 'it''s' 'b\\\\c' 'повар'", (l) => out.push(l))
    expect(out).toEqual(['a', "it's", 'b\\c', 'повар'])
  })

  it('measures edit distance with transpositions, giving up above the limit', () => {
    expect(editDistance('вадитель', 'водитель', 2)).toBe(1)
    expect(editDistance('програмист', 'программист', 2)).toBe(1)
    expect(editDistance('водитлеь', 'водитель', 2)).toBe(1)
    expect(editDistance('космонавт', 'водитель', 2)).toBe(3)
  })

  it('never rejects by letters a word that is within the distance, so no correction is lost to the filter', () => {
    const word = fc.string({ minLength: 1, maxLength: 12, unit: fc.constantFrom(...'абвгдеәқңоөұүaeio') })
    fc.assert(
      fc.property(word, word, (a, b) => {
        const d = editDistance(a, b, 2)
        if (d <= 2) expect(tooFarByLetters(letterMask(a), letterMask(b), d)).toBe(false)
      }),
      { numRuns: 5000 },
    )
    // And it does reject most of the far ones, which is what makes it worth having.
    expect(tooFarByLetters(letterMask('программист'), letterMask('жүргізуші'), 2)).toBe(true)
  })

  it('computes the same distance after a long word grew the reused rows', () => {
    const long = 'а'.repeat(100)
    expect(editDistance(long, `${long}б`, 2)).toBe(1)
    expect(editDistance('водитель', 'вадитель', 2)).toBe(1)
  })
})
