import { existsSync, mkdirSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { sql } from 'kysely'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestServer } from '../helpers/server.js'
import { hasChromium, launchChromium, loginCookieAt } from './browser.js'

const webIndex = fileURLToPath(new URL('../../web/dist/index.html', import.meta.url))
const shotsDir = '/tmp/shots'
const testTimeout = 60_000

/** The welder's vacancy the seeker looks for; the title's words appear in no demo vacancy. */
const welder = {
  title: 'Сварщик металлоконструкций',
  occupationCode: '7212',
  description: 'Сварка металлоконструкций на производстве.\n<script>alert("x")</script> Спецодежда, обучение.',
  requirements: {
    educationLevel: 'vocational',
    experienceYears: 1,
    skills: ['полуавтомат', 'чтение чертежей'],
    languages: [{ lang: 'ru', level: 'intermediate' }],
    drivingLicence: [],
  },
  wageMin: 320_000,
  wageMax: 410_000,
  employmentType: 'permanent',
  schedule: 'full_day',
  katoCode: '551010000',
  positions: 2,
}
/** "сварщик" with щ typed as ш: one letter off, so the full-text search alone finds nothing. */
const typo = 'сваршик'
/** Packers' vacancies: one more page than the 20 a page shows. */
const packers = 23
const rejectionReason = 'Нужен опыт работы с аргонодуговой сваркой не менее двух лет'

interface SearchAnswer {
  total: number
  matchedBy: string
  correctedQuery?: string
  items: { id: number; title: string }[]
}

describe.skipIf(!hasChromium)('a job seeker finds a vacancy despite a typo, applies and sees the decision', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>
  let browser: Browser
  let employerCookie: string
  let vacancyId: number

  const loginCookie = (login: string) => loginCookieAt(server.url, login)

  async function asEmployer(path: string, body?: unknown): Promise<unknown> {
    const response = await fetch(`${server.url}${path}`, {
      method: body === undefined ? 'GET' : 'POST',
      headers: { cookie: employerCookie, ...(body !== undefined && { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    })
    const answer = (await response.json()) as unknown
    expect(response.ok, `${path}: ${JSON.stringify(answer)}`).toBe(true)
    return answer
  }

  async function search(query: string): Promise<SearchAnswer> {
    const response = await fetch(`${server.url}/api/vacancies?${query}`)
    expect(response.status).toBe(200)
    return (await response.json()) as SearchAnswer
  }

  beforeAll(async () => {
    if (!existsSync(webIndex)) throw new Error(`${webIndex} is missing: run \`npm run build:web\` first`)
    mkdirSync(shotsDir, { recursive: true })
    server = await startTestServer({ demo: true })
    browser = await launchChromium()

    employerCookie = await loginCookie('employer')
    const draft = (await asEmployer('/api/vacancies', welder)) as { id: number }
    vacancyId = draft.id
    await asEmployer(`/api/vacancies/${vacancyId}/publish`, {})

    // More vacancies of one occupation than fit on a page, to page through.
    for (let i = 1; i <= packers; i++) {
      const packer = (await asEmployer('/api/vacancies', {
        ...welder,
        title: `Упаковщик продукции, цех ${i}`,
        occupationCode: '9321',
        description: 'Упаковка готовой продукции на линии.',
        wageMin: 200_000 + i * 1000,
        wageMax: 260_000 + i * 1000,
        // One in Kostanay, so that the region facet has two regions to tell apart.
        katoCode: i === 1 ? '391010000' : welder.katoCode,
      })) as { id: number }
      await asEmployer(`/api/vacancies/${packer.id}/publish`, {})
    }

    // The in-memory index loads in the background after start; until it has, PostgreSQL answers and the typo
    // falls back to similar titles without naming the correction. Wait for the index so the page can name it.
    const deadline = Date.now() + 20_000
    for (;;) {
      const answer = await search(`q=${encodeURIComponent(typo)}`)
      if (answer.correctedQuery !== undefined) break
      if (Date.now() > deadline) throw new Error(`the typo was never corrected: ${JSON.stringify(answer)}`)
      await new Promise((resolve) => setTimeout(resolve, 250))
    }
  }, 120_000)

  afterAll(async () => {
    await browser?.close()
    await server?.close()
  })

  /** A fresh browser profile per story, so no cookie or saved language leaks from one to the next. */
  async function withPage(story: (page: Page) => Promise<void>, shot: string) {
    const context: BrowserContext = await browser.newContext({ baseURL: server.url, locale: 'kk-KZ' })
    const page = await context.newPage()
    const problems: string[] = []
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`))
    page.on('dialog', (dialog) => problems.push(`unexpected dialog: ${dialog.message()}`))
    page.on('console', (message) => {
      // Chromium logs every non-2xx fetch; a 401 from /api/auth/me before sign-in is expected, not a fault.
      if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) {
        problems.push(`console error: ${message.text()}`)
      }
    })
    try {
      await story(page)
      expect(problems).toEqual([])
    } catch (error) {
      await page.screenshot({ path: `${shotsDir}/${shot}-failed.png`, fullPage: true }).catch(() => undefined)
      throw error
    } finally {
      await context.close()
    }
  }

  async function seeHeading(page: Page, text: string) {
    await page.getByRole('heading', { level: 1, name: text, exact: true }).waitFor({ timeout: 10_000 })
  }

  it(
    'anyone searches without signing in: results with wages, facet counts, filters and paging in the address',
    async () => {
      await withPage(async (page) => {
        // A visitor lands on the sign-in page; the header leads to the public search.
        await page.goto('/')
        await seeHeading(page, 'Жүйеге кіру')
        await page.getByRole('banner').getByRole('link', { name: 'Бос жұмыс орындары' }).click()
        await seeHeading(page, 'Бос жұмыс орындары')
        // Signed out: no menu, and the search is not sent to the sign-in page.
        expect(new URL(page.url()).pathname).toBe('/vacancies')
        expect(await page.getByRole('navigation', { name: 'Негізгі мәзір' }).count()).toBe(0)

        const all = await search('page_size=20')
        const count = page.getByRole('status').filter({ hasText: 'Табылған бос орындар' })
        await count.getByText(`Табылған бос орындар: ${all.total}`).waitFor()
        const cards = page.locator('.vacancy-card')
        expect(await cards.count()).toBe(Math.min(all.total, 20))
        // Every card shows its wage.
        for (const wage of await page.locator('.vacancy-card__wage').allTextContents()) expect(wage).toMatch(/\d ₸/)

        // The region facet counts what each region would give; ticking one narrows the results to it.
        const pavlodar = await search('region=55&page_size=20')
        expect(pavlodar.total).toBeLessThan(all.total)
        const region = page.getByRole('group', { name: 'Өңір' }).getByRole('checkbox', { name: /Павлодар облысы/ })
        const label = page.locator('.facet__option', { hasText: 'Павлодар облысы' })
        expect(await label.locator('.facet__count').textContent()).toBe(String(pavlodar.total))
        await region.check()
        await page.waitForURL((url) => url.searchParams.getAll('region').join() === '55')
        expect(await region.isChecked()).toBe(true)
        await count.getByText(`Табылған бос орындар: ${pavlodar.total}`).waitFor()

        // The address is the search: opening it afresh gives the same results, filter ticked.
        await page.goto(`/vacancies?region=55&employment_type=permanent`)
        const permanent = await search('region=55&employment_type=permanent&page_size=20')
        await count.getByText(`Табылған бос орындар: ${permanent.total}`).waitFor()
        expect(await region.isChecked()).toBe(true)
        expect(
          await page
            .getByRole('group', { name: 'Жұмыспен қамту түрі' })
            .getByRole('checkbox', { name: /тұрақты/ })
            .isChecked(),
        ).toBe(true)

        // Nothing found is said plainly, with what to try.
        await page.goto('/vacancies?q=космонавт')
        await count.getByText('Табылған бос орындар: 0').waitFor()
        await page.getByText('Бұл сұрау бойынша бос орын жоқ').waitFor()
      }, 'exchange-public-search')
    },
    testTimeout,
  )

  it(
    'the vacancy address carries its JobPosting in the HTML as served, and the app shows it to a visitor',
    async () => {
      const html = await (await fetch(`${server.url}/vacancies/${vacancyId}`)).text()
      const jsonLd = /<script type="application\/ld\+json">([\s\S]*?)<\/script>/.exec(html)?.[1]
      expect(JSON.parse(jsonLd ?? '{}')).toMatchObject({
        '@type': 'JobPosting',
        title: welder.title,
        baseSalary: { value: { minValue: welder.wageMin, maxValue: welder.wageMax } },
      })
      await withPage(async (page) => {
        await page.goto(`/vacancies/${vacancyId}`)
        await seeHeading(page, welder.title)
        await page.getByText('320 000 – 410 000 ₸').waitFor()
        // The description is text: the markup in it is shown, never run.
        await page.getByText('<script>alert("x")</script>', { exact: false }).waitFor()
        await page.getByRole('link', { name: 'Кіріп, өтінім беру' }).waitFor()
        await page.screenshot({ path: `${shotsDir}/exchange-vacancy.png`, fullPage: true })
      }, 'exchange-vacancy-visitor')
    },
    testTimeout,
  )

  it(
    'a seeker types the occupation with a typo, is shown the corrected results, applies, and sees the rejection with its reason',
    async () => {
      await withPage(async (page) => {
        await page.goto('/vacancies')
        await seeHeading(page, 'Бос жұмыс орындары')

        // Typeahead offers titles while typing.
        const box = page.getByRole('combobox', { name: 'Кәсіп, лауазым немесе сөздер' })
        await box.fill('сварщ')
        await page.getByRole('option', { name: new RegExp(welder.title) }).waitFor()
        // Escape closes the suggestions and keeps the words typed.
        await box.press('Escape')
        await page.getByRole('listbox').getByRole('option').first().waitFor({ state: 'detached', timeout: 5000 })
        expect(await box.inputValue()).toBe('сварщ')
        await box.fill(typo)
        await box.press('Enter')
        await page.waitForURL((url) => url.searchParams.get('q') === typo)

        const correction = page.locator('.exchange-search__correction')
        await correction.getByText('сварщик', { exact: true }).waitFor()
        expect(await correction.textContent()).toContain(typo)
        await page.screenshot({ path: `${shotsDir}/exchange-search-typo.png`, fullPage: true })
        await page.getByRole('link', { name: welder.title }).click()
        await seeHeading(page, welder.title)
        expect(new URL(page.url()).pathname).toBe(`/vacancies/${vacancyId}`)

        // Not signed in: applying goes through the sign-in page and comes back here.
        await page.getByRole('link', { name: 'Кіріп, өтінім беру' }).click()
        await seeHeading(page, 'Жүйеге кіру')
        await page.getByLabel('Логин').fill('citizen')
        await page.getByLabel('Құпиясөз').fill('demo')
        await page.getByRole('button', { name: 'Кіру', exact: true }).click()
        await seeHeading(page, welder.title)
        expect(new URL(page.url()).pathname).toBe(`/vacancies/${vacancyId}`)

        await page.getByLabel('Жұмыс берушіге бірер сөз (міндетті емес)').fill('Имею опыт сварки полуавтоматом 3 года.')
        await page.getByRole('button', { name: 'Өтінім беру', exact: true }).click()
        const done = page.locator('.apply__done')
        await done.getByText('Жіберілді', { exact: true }).waitFor()
        // Reloading shows the same: the application is on the server, not only in the page.
        await page.reload()
        await done.getByText('Жіберілді', { exact: true }).waitFor()
        expect(await page.getByRole('button', { name: 'Өтінім беру', exact: true }).count()).toBe(0)

        // The employer decides, through the API: shortlists, then rejects with a reason.
        const { items } = (await asEmployer(`/api/vacancies/${vacancyId}/applications`)) as {
          items: { id: number; seekerName: string }[]
        }
        expect(items).toHaveLength(1)
        const applicationId = items[0]?.id
        await asEmployer(`/api/applications/${applicationId}/events`, { state: 'shortlisted' })
        await asEmployer(`/api/applications/${applicationId}/events`, { state: 'rejected', reason: rejectionReason })

        // The seeker's cabinet: the current state, its reason, and every step.
        await page.getByRole('navigation', { name: 'Негізгі мәзір' }).getByRole('link', { name: 'Өтінімдер' }).click()
        await seeHeading(page, 'Менің өтінімдерім')
        const card = page.locator(`#application-${applicationId}`)
        await card.locator('.application__now').getByText('Бас тартылды').waitFor()
        expect(await card.locator('.application__reason').textContent()).toContain(rejectionReason)
        const steps = await card.locator('.timeline__status').allTextContents()
        expect(steps).toEqual(['Жіберілді', 'Қысқа тізімде', 'Бас тартылды'])
        expect(await card.getByRole('button', { name: 'Өтінімді қайтарып алу' }).count()).toBe(0)
        await page.screenshot({ path: `${shotsDir}/exchange-seeker-applications.png`, fullPage: true })

        // The same decision arrived as notifications; the cabinet's sub-menu counts the two unread ones.
        const cabinet = page.getByRole('navigation', { name: 'Менің кабинетім' })
        await cabinet.getByRole('link', { name: 'Хабарламалар 2 оқылмаған' }).click()
        await seeHeading(page, 'Хабарламалар')
        const notifications = page.locator('.notification')
        await notifications.filter({ hasText: rejectionReason }).waitFor()
        expect(await notifications.filter({ hasText: 'Қысқа тізімде' }).count()).toBe(1)
        // Read, the notification stops counting as unread.
        await notifications
          .filter({ hasText: 'Қысқа тізімде' })
          .getByRole('button', { name: 'Оқылды деп белгілеу' })
          .click()
        await cabinet.getByRole('link', { name: 'Хабарламалар 1 оқылмаған' }).waitFor()
        await page.getByText('Оқылмағандары: 1').waitFor()
        await page.screenshot({ path: `${shotsDir}/exchange-seeker-alerts.png`, fullPage: true })
      }, 'exchange-seeker-journey')
    },
    testTimeout,
  )

  it(
    'a signed-in seeker saves a search from the search page, finds it among the alerts and deletes it',
    async () => {
      await withPage(async (page) => {
        await page.goto('/login')
        await page.getByLabel('Логин').fill('citizen')
        await page.getByLabel('Құпиясөз').fill('demo')
        await page.getByRole('button', { name: 'Кіру', exact: true }).click()
        await page.waitForURL((url) => url.pathname === '/')

        // For a signed-in citizen the menu's vacancies lead to the same public search.
        await page
          .getByRole('navigation', { name: 'Негізгі мәзір' })
          .getByRole('link', { name: 'Бос жұмыс орындары' })
          .click()
        await seeHeading(page, 'Бос жұмыс орындары')
        await page.goto('/vacancies?q=сварщик&region=55')
        await page.getByRole('link', { name: welder.title }).waitFor()
        await page.getByRole('button', { name: 'Іздеуді сақтау' }).click()
        await page.getByLabel('Іздеудің атауы').fill('Сварка в Павлодаре')
        await page.getByLabel('бос орын пайда болған бойда').check()
        await page.getByRole('button', { name: 'Сақтап, хабарлау' }).click()
        await page.getByText('Сақталды: «Сварка в Павлодаре».').waitFor()

        await page.getByRole('link', { name: 'Барлық хабарламаларым' }).click()
        await seeHeading(page, 'Хабарламалар')
        const saved = page.locator('.saved-list__item', { hasText: 'Сварка в Павлодаре' })
        expect(await saved.textContent()).toContain('«сварщик»')
        expect(await saved.textContent()).toContain('Павлодар облысы')
        // The saved search opens the search it saved.
        await saved.getByRole('link', { name: 'Сварка в Павлодаре' }).click()
        await page.waitForURL(
          (url) => url.searchParams.get('q') === 'сварщик' && url.searchParams.get('region') === '55',
        )
        await page.goBack()
        await page.getByRole('button', { name: '«Сварка в Павлодаре» сақталған іздеуін жою' }).click()
        await page.getByText('Әзірге сақталған іздеу жоқ.').waitFor()
      }, 'exchange-saved-search')
    },
    testTimeout,
  )

  it(
    'pages through the results: each page has its own address, and no vacancy is shown twice or skipped',
    async () => {
      await withPage(async (page) => {
        await page.goto('/vacancies?q=упаковщик&sort=wage')
        const count = page.getByRole('status').filter({ hasText: 'Табылған бос орындар' })
        await count.getByText(`Табылған бос орындар: ${packers}`).waitFor()
        const titles = page.locator('.vacancy-card__title')
        expect(await titles.count()).toBe(20)
        const first = await titles.allTextContents()

        const pager = page.getByRole('navigation', { name: 'Нәтиже беттері' })
        await pager.getByRole('link', { name: '2-бет' }).click()
        await page.waitForURL((url) => url.searchParams.get('page') === '2')
        // The first page stays on screen until the second has come.
        await expect.poll(() => titles.count()).toBe(packers - 20)
        const second = await titles.allTextContents()
        expect(await pager.getByRole('link', { name: '2-бет' }).getAttribute('aria-current')).toBe('page')

        const seen = [...first, ...second]
        expect(new Set(seen).size).toBe(packers)
        // Sorted by wage, highest first, across the page boundary.
        expect(seen[0]).toBe(`Упаковщик продукции, цех ${packers}`)
        expect(seen.at(-1)).toBe('Упаковщик продукции, цех 1')

        // The second page's address, opened afresh, is the same page.
        await page.reload()
        await expect.poll(() => titles.allTextContents()).toEqual(second)
      }, 'exchange-paging')
    },
    testTimeout,
  )

  it(
    'a seeker picks desired occupations by their titles, is told which field is wrong, and finds the profile saved',
    async () => {
      // An occupation the picker offers but the reference drops before the profile is saved: the API's refusal
      // of that one code must reach the seeker beside the field.
      const retired = { code: '9628', title: 'Lamplighters' }
      await sql`INSERT INTO reference.occupations (code, level, parent_code, title_en)
        VALUES (${retired.code}, 4, '962', ${retired.title})`.execute(server.database.db)
      await withPage(async (page) => {
        await page.goto('/profile')
        await seeHeading(page, 'Жүйеге кіру')
        await page.getByLabel('Логин').fill('citizen')
        await page.getByLabel('Құпиясөз').fill('demo')
        await page.getByRole('button', { name: 'Кіру', exact: true }).click()
        await seeHeading(page, 'Менің профилім')

        await page.getByRole('radio', { name: /Өтінім берген жұмыс берушілерім де/ }).check()

        // Occupations are chosen, not typed as codes: part of a title finds them, and each chosen one can go.
        const occupations = page.getByLabel('Қалаған кәсіптерім')
        const chosen = page.getByRole('list', { name: 'Таңдалған кәсіптер' })
        await occupations.fill('weld')
        await page.getByRole('checkbox', { name: '7212 Welders and Flame Cutters' }).check()
        await occupations.fill('sheet metal')
        await page.getByRole('checkbox', { name: '7213 Sheet Metal Workers' }).check()
        await expect
          .poll(() => chosen.getByRole('listitem').allTextContents())
          .toEqual([
            expect.stringContaining('7212 Welders and Flame Cutters'),
            expect.stringContaining('7213 Sheet Metal Workers'),
          ])
        await chosen.getByRole('button', { name: '7213 — Sheet Metal Workers кәсібін алып тастау' }).click()
        await expect.poll(() => chosen.getByRole('listitem').count()).toBe(1)
        expect(await page.getByRole('checkbox', { name: '7213 Sheet Metal Workers' }).isChecked()).toBe(false)
        await occupations.fill('lamplight')
        await page.getByRole('checkbox', { name: `${retired.code} ${retired.title}` }).check()
        await expect.poll(() => chosen.getByRole('listitem').count()).toBe(2)

        await page.getByLabel('Күтетін жалақым, айына ₸').fill('350 ООО')
        await page.getByLabel('Қай жерде жұмыс істегім келеді').selectOption('55')
        await page.getByLabel('Дағдылар', { exact: true }).fill('полуавтомат, чтение чертежей')
        await page.getByLabel('орыс тілі').selectOption('fluent')
        await page.getByRole('button', { name: 'Профильді сақтау' }).click()

        // Letters where the wage's digits belong are caught before sending, and the message leads to the field.
        const problems = page.getByRole('alert')
        await problems.getByText('Мына өрістерді түзетіңіз').waitFor()
        await problems.getByRole('link', { name: /Күтетін жалақы: теңгенің бүтін саны/ }).click()
        const wage = page.getByLabel('Күтетін жалақым, айына ₸')
        expect(await wage.getAttribute('aria-invalid')).toBe('true')
        await wage.fill('350 000')

        // The reference drops the occupation; the API refuses it by its place in the list, and the page says which.
        await sql`DELETE FROM reference.occupations WHERE code = ${retired.code}`.execute(server.database.db)
        await page.getByRole('button', { name: 'Профильді сақтау' }).click()
        await page.getByRole('alert').filter({ hasText: 'Профиль сақталмады' }).waitFor()
        await page
          .locator('#profile-desiredOccupations-error')
          .getByText(`desiredOccupations/1: occupation code ${retired.code} is not in ISCO-08`)
          .waitFor()
        expect(await occupations.getAttribute('aria-invalid')).toBe('true')
        const refused = chosen.getByRole('listitem').filter({ hasText: retired.code })
        expect(await refused.textContent()).toContain('қабылданбады')
        await page.screenshot({ path: `${shotsDir}/exchange-profile-refused.png`, fullPage: true })
        await refused.getByRole('button', { name: `${retired.code} — ${retired.title} кәсібін алып тастау` }).click()
        await page.getByRole('button', { name: 'Профильді сақтау' }).click()
        await page
          .getByRole('status')
          .getByText(/сақталды/)
          .waitFor()

        await page.reload()
        await seeHeading(page, 'Менің профилім')
        // The saved occupation comes back with its title, still removable.
        await expect
          .poll(() => chosen.getByRole('listitem').allTextContents())
          .toEqual([expect.stringContaining('7212 Welders and Flame Cutters')])
        await chosen.getByRole('button', { name: '7212 — Welders and Flame Cutters кәсібін алып тастау' }).waitFor()
        expect(await page.getByLabel('Күтетін жалақым, айына ₸').inputValue()).toBe('350000')
        expect(await page.getByRole('radio', { name: /Өтінім берген жұмыс берушілерім де/ }).isChecked()).toBe(true)
        expect(await page.getByLabel('орыс тілі').inputValue()).toBe('fluent')
        await page.screenshot({ path: `${shotsDir}/exchange-profile.png`, fullPage: true })

        const saved = await page.request.get('/api/me/profile')
        expect(await saved.json()).toMatchObject({
          visibility: 'employers',
          desiredOccupations: ['7212'],
          desiredWage: 350_000,
          regionCode: '55',
          skills: ['полуавтомат', 'чтение чертежей'],
          languages: [{ lang: 'ru', level: 'fluent' }],
        })
      }, 'exchange-profile')
    },
    testTimeout,
  )

  it(
    'a seeker who has not heard back is told so, and may withdraw after confirming on the page',
    async () => {
      await withPage(async (page) => {
        await page.goto('/login')
        await page.getByLabel('Логин').fill('citizen')
        await page.getByLabel('Құпиясөз').fill('demo')
        await page.getByRole('button', { name: 'Кіру', exact: true }).click()
        await page.waitForURL((url) => url.pathname === '/')

        const packer = (await search('q=упаковщик&sort=wage&page_size=1')).items[0]
        const applied = await page.request.post(`/api/vacancies/${packer?.id}/applications`, { data: {} })
        expect(applied.status()).toBe(201)
        const { id } = (await applied.json()) as { id: number }

        await page.goto(`/applications#application-${id}`)
        const card = page.locator(`#application-${id}`)
        await card.locator('.application__now').getByText('Жіберілді').waitFor()
        // Not ghosted: the page says the employer has not opened it yet, and since when.
        await card
          .getByText('Жұмыс беруші өтінімді әлі ашқан жоқ (жіберілгеннен бері 0 күн)', { exact: false })
          .waitFor()

        await card.getByRole('button', { name: 'Өтінімді қайтарып алу' }).click()
        // Keeping it changes nothing.
        await card.getByRole('button', { name: 'Жоқ, қалдыру' }).click()
        expect(await card.locator('.application__now').textContent()).toContain('Жіберілді')

        await card.getByRole('button', { name: 'Өтінімді қайтарып алу' }).click()
        const yes = card.getByRole('button', { name: 'Иә, қайтарып аламын' })
        expect(await yes.evaluate((element) => element === document.activeElement)).toBe(true)
        await yes.click()
        await card.locator('.application__now').getByText('Қайтарып алынды').waitFor()
        expect(await card.locator('.timeline__status').allTextContents()).toEqual(['Жіберілді', 'Қайтарып алынды'])
        expect(await card.getByRole('button', { name: 'Өтінімді қайтарып алу' }).count()).toBe(0)
      }, 'exchange-withdraw')
    },
    testTimeout,
  )
})
