import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, json, loginAs, type TestApp } from '../../../tests/helpers/app.js'
import { DEMO_EMPLOYER_BIN } from '../identity/index.js'
import { createVacancy, KOSTANAY_CITY, PAVLODAR_CITY, publishVacancy } from './exchange.testing.js'
import type { SearchResult } from './search.schema.js'

let t: TestApp
const ids: Record<string, number> = {}
let projectId: number

const base = { requirements: { experienceYears: 1 }, positions: 1 }
beforeAll(async () => {
  t = await createTestApp()
  const employer = await loginAs(t.app, 'employer')
  const seed = [
    [
      'driverC',
      {
        title: 'Водитель категории С',
        occupationCode: '8322',
        katoCode: PAVLODAR_CITY,
        employmentType: 'permanent',
        wageMin: 300_000,
        wageMax: 400_000,
        requirements: { experienceYears: 2 },
        description: 'Перевозка грузов по области. Водители с опытом.',
      },
    ],
    [
      'taxi',
      {
        title: 'Водитель такси',
        occupationCode: '8322',
        katoCode: KOSTANAY_CITY,
        employmentType: 'shift',
        wageMin: 200_000,
        wageMax: 350_000,
        requirements: { experienceYears: 0 },
        description: 'Свободный график, свой автомобиль не нужен.',
      },
    ],
    [
      'cook',
      {
        title: 'Повар горячего цеха',
        occupationCode: '5120',
        katoCode: PAVLODAR_CITY,
        employmentType: 'permanent',
        wageMin: 180_000,
        wageMax: 250_000,
        description: 'Столовая на 300 мест.',
      },
    ],
    [
      'java',
      {
        title: 'Программист Java',
        occupationCode: '2512',
        katoCode: PAVLODAR_CITY,
        employmentType: 'remote',
        wageMin: 600_000,
        wageMax: 900_000,
        requirements: { experienceYears: 3 },
        description: 'Разработка backend на Java и Spring.',
      },
    ],
    [
      'ts',
      {
        title: 'Software developer (TypeScript)',
        occupationCode: '2512',
        katoCode: KOSTANAY_CITY,
        employmentType: 'remote',
        wageMin: 500_000,
        wageMax: 700_000,
        requirements: { experienceYears: 0 },
        description: 'We build the national employment platform.',
      },
    ],
    [
      'kkDriver',
      {
        title: 'Жүргізуші',
        occupationCode: '8322',
        katoCode: KOSTANAY_CITY,
        employmentType: 'seasonal',
        wageMin: 220_000,
        wageMax: 260_000,
        requirements: { experienceYears: 0 },
        description: 'Ауыл шаруашылығы жүргізушілері керек, егін жинау маусымы.',
      },
    ],
    [
      'accountant',
      {
        title: 'Бухгалтер 1С',
        occupationCode: '3313',
        katoCode: PAVLODAR_CITY,
        employmentType: 'temporary',
        wageMin: 250_000,
        wageMax: 300_000,
        description: 'Учёт на строительном объекте национального проекта.',
      },
    ],
    [
      'seller',
      {
        title: 'Продавец-консультант',
        occupationCode: '5223',
        katoCode: KOSTANAY_CITY,
        employmentType: 'permanent',
        wageMin: 150_000,
        wageMax: 200_000,
        fairId: 3,
        description: 'Магазин бытовой техники.',
      },
    ],
  ] as const
  for (const [key, payload] of seed) {
    ids[key] = (await publishVacancy(t.app, employer, { ...base, ...payload } as never)).id
  }
  // A vacancy's project is the projects module's link, made by the project's contractor (the demo employer).
  projectId = await attachToNewProject(ids.accountant as number, employer)
  // Not searchable: a draft, a closed one, and one past its window that the expiry job has not reached yet.
  await createVacancy(t.app, employer, { title: 'Водитель погрузчика', occupationCode: '8322' })
  const closed = await publishVacancy(t.app, employer, { title: 'Водитель автобуса', occupationCode: '8322' })
  await t.app.inject({ method: 'POST', url: `/api/vacancies/${closed.id}/close`, headers: employer })
  const stale = await publishVacancy(t.app, employer, { title: 'Водитель экскаватора', occupationCode: '8322' })
  await sql`UPDATE exchange.vacancies SET expires_at = now() - interval '1 minute' WHERE id = ${stale.id}`.execute(
    t.database.db,
  )
})
afterAll(() => t.close())

async function attachToNewProject(vacancyId: number, contractor: { cookie: string }): Promise<number> {
  const admin = await loginAs(t.app, 'admin')
  const programme = await t.app.inject({
    method: 'POST',
    url: '/api/projects/programmes',
    headers: admin,
    payload: { code: 'NP-SEARCH', name: 'Search programme' },
  })
  const year = new Date().getUTCFullYear()
  const project = await t.app.inject({
    method: 'POST',
    url: '/api/projects',
    headers: admin,
    payload: {
      programmeId: json<{ id: number }>(programme).id,
      title: 'Строительство школы',
      regionCode: '55',
      sector: 'social',
      investment: 1_000_000_000,
      tenderState: 'under_way',
      contractorBin: DEMO_EMPLOYER_BIN,
      startsOn: `${year}-01-01`,
      endsOn: `${year + 1}-12-31`,
    },
  })
  if (project.statusCode !== 201) throw new Error(`project not created: ${project.body}`)
  const id = json<{ id: number }>(project).id
  const attached = await t.app.inject({
    method: 'POST',
    url: `/api/projects/${id}/vacancies`,
    headers: contractor,
    payload: { vacancyId },
  })
  if (attached.statusCode !== 201) throw new Error(`vacancy not attached: ${attached.body}`)
  return id
}

const search = async (query: string) => {
  const res = await t.app.inject({ method: 'GET', url: `/api/vacancies?${query}` })
  if (res.statusCode !== 200) throw new Error(`${res.statusCode} ${res.body}`)
  return json<SearchResult>(res)
}
const titles = (r: SearchResult) => r.items.map((i) => i.title)

describe('vacancy search: everything, filters and facets', () => {
  it('lists every open vacancy newest first, with facet counts, to anonymous callers', async () => {
    const r = await search('')
    expect(r.total).toBe(8)
    expect(r.matchedBy).toBe('all')
    expect(r.items[0]?.id).toBe(ids.seller)
    expect(titles(r)).not.toContain('Водитель погрузчика')
    expect(titles(r)).not.toContain('Водитель автобуса')
    expect(titles(r)).not.toContain('Водитель экскаватора')
    expect(r.facets).toEqual({
      region: { '55': 4, '39': 4 },
      employment_type: { permanent: 3, shift: 1, remote: 2, seasonal: 1, temporary: 1 },
      occupation_major: { '8': 3, '5': 2, '2': 2, '3': 1 },
    })
  })

  it('recounts facets under the filters, each facet ignoring its own filter', async () => {
    const r = await search('region=39&employment_type=remote&employment_type=seasonal')
    expect(r.total).toBe(2)
    expect(new Set(titles(r))).toEqual(new Set(['Software developer (TypeScript)', 'Жүргізуші']))
    // Regions under the employment-type filter only.
    expect(r.facets.region).toEqual({ '55': 1, '39': 2 })
    // Employment types under the region filter only.
    expect(r.facets.employment_type).toEqual({ shift: 1, remote: 1, seasonal: 1, permanent: 1 })
    expect(r.facets.occupation_major).toEqual({ '2': 1, '8': 1 })
  })

  it('filters by occupation group, district, minimum wage, experience, remote, project, fair and date', async () => {
    expect((await search('occupation=8')).total).toBe(3)
    expect(new Set(titles(await search('occupation=2512')))).toEqual(
      new Set(['Программист Java', 'Software developer (TypeScript)']),
    )
    expect((await search('district=551000000')).total).toBe(4)
    expect(new Set(titles(await search('wage_min=500000')))).toEqual(
      new Set(['Программист Java', 'Software developer (TypeScript)']),
    )
    expect(new Set(titles(await search('no_experience=true')))).toEqual(
      new Set(['Водитель такси', 'Software developer (TypeScript)', 'Жүргізуші']),
    )
    expect((await search('remote=true')).total).toBe(2)
    expect(titles(await search(`project=${projectId}`))).toEqual(['Бухгалтер 1С'])
    expect((await search(`project=${projectId + 1}`)).total).toBe(0)
    expect(titles(await search('fair=3'))).toEqual(['Продавец-консультант'])
    const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10)
    const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10)
    expect((await search(`posted_since=${tomorrow}`)).total).toBe(0)
    expect((await search(`posted_since=${yesterday}`)).total).toBe(8)
  })

  it('sorts by wage, highest first', async () => {
    const r = await search('sort=wage&page_size=3')
    expect(r.items.map((i) => i.wageMax)).toEqual([900_000, 700_000, 400_000])
  })

  it('pages stably: pages put together are the whole list, with no repeats', async () => {
    const all = (await search('page_size=100&sort=date')).items.map((i) => i.id)
    const paged: number[] = []
    for (let page = 1; page <= 3; page++)
      paged.push(...(await search(`page_size=3&page=${page}&sort=date`)).items.map((i) => i.id))
    expect(paged).toEqual(all)
    expect(new Set(paged).size).toBe(8)
  })
})

describe('vacancy search: words in three languages', () => {
  it('finds Russian inflections through the Russian stemmer', async () => {
    const r = await search(`q=${encodeURIComponent('водителя')}`)
    expect(r.matchedBy).toBe('fulltext')
    expect(new Set(titles(r))).toEqual(new Set(['Водитель категории С', 'Водитель такси']))
  })

  it('ranks a title match above a description match', async () => {
    const r = await search(`q=${encodeURIComponent('java')}`)
    expect(titles(r)[0]).toBe('Программист Java')
  })

  it('finds English words through the English stemmer', async () => {
    expect(titles(await search('q=developers'))).toEqual(['Software developer (TypeScript)'])
  })

  it('finds Kazakh words with plural and case endings', async () => {
    const r = await search(`q=${encodeURIComponent('жүргізушілерге')}`)
    expect(titles(r)).toEqual(['Жүргізуші'])
  })

  it('requires every word of a two-word query', async () => {
    expect(titles(await search(`q=${encodeURIComponent('водитель такси')}`))).toEqual(['Водитель такси'])
    expect(titles(await search(`q=${encodeURIComponent('бухгалтер 1с')}`))).toEqual(['Бухгалтер 1С'])
  })

  it('combines words with filters and facets', async () => {
    const r = await search(`q=${encodeURIComponent('водитель')}&region=55`)
    expect(titles(r)).toEqual(['Водитель категории С'])
    expect(r.facets.region).toEqual({ '55': 1, '39': 1 })
  })

  it('tolerates typos by falling back to titles that look like the query', async () => {
    const r = await search(`q=${encodeURIComponent('вадитель')}`)
    expect(r.matchedBy).toBe('fuzzy')
    expect(new Set(titles(r))).toEqual(new Set(['Водитель категории С', 'Водитель такси']))
    expect(r.total).toBe(2)
    expect(titles(await search(`q=${encodeURIComponent('програмист')}`))).toEqual(['Программист Java'])
    expect(titles(await search(`q=${encodeURIComponent('кансультант')}`))).toEqual(['Продавец-консультант'])
  })

  it('finds nothing for words that match nothing, even fuzzily', async () => {
    const r = await search(`q=${encodeURIComponent('космонавт')}`)
    expect(r).toMatchObject({ total: 0, items: [], facets: { region: {}, employment_type: {}, occupation_major: {} } })
  })
})

describe('vacancy search: typeahead and bad input', () => {
  it('suggests vacancy titles containing the typed text, with counts', async () => {
    const res = await t.app.inject({ method: 'GET', url: `/api/vacancies/suggest?q=${encodeURIComponent('водит')}` })
    const items = json<{ items: { kind: string; text: string; count: number | null }[] }>(res).items
    expect(items.filter((i) => i.kind === 'title').map((i) => i.text)).toEqual(
      expect.arrayContaining(['Водитель категории С', 'Водитель такси']),
    )
    expect(items.map((i) => i.text)).not.toContain('Водитель погрузчика')
  })

  it('suggests occupations by title', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/vacancies/suggest?q=cook' })
    const items = json<{ items: { kind: string; occupationCode: string | null }[] }>(res).items
    expect(items).toContainEqual(expect.objectContaining({ kind: 'occupation', occupationCode: '5120' }))
  })

  it('answers 400 naming the parameter for a malformed filter', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/vacancies?region=5&page_size=1000' })
    expect(res.statusCode).toBe(400)
    const message = json<{ error: { message: string } }>(res).error.message
    expect(message).toContain('querystring/region/0 must match pattern')
    expect(message).toContain('querystring/page_size must be <= 100')
  })
})
