import { existsSync, mkdirSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DEMO_CITIZEN_IIN, DEMO_EMPLOYER_BIN } from '../../src/modules/identity/demo.service.js'
import { currentMonth } from '../../src/modules/social/income.parser.js'
import { makeBin } from '../../src/shared/iin.js'
import { startTestServer } from '../helpers/server.js'
import { loginCookieAt, signIn } from './browser.js'

const chromiumPath = '/usr/bin/chromium'
const hasChromium = existsSync(chromiumPath)
if (!hasChromium) {
  console.warn('chromium not found at /usr/bin/chromium: browser tests skipped; install with apt-get install chromium')
}

const webIndex = fileURLToPath(new URL('../../web/dist/index.html', import.meta.url))
const shotsDir = '/tmp/shots'
const testTimeout = 60_000

function bin(yymm: string, from: number): string {
  for (let serial = from; ; serial++) {
    const value = makeBin(yymm, 4, 0, serial)
    if (value !== undefined) return value
  }
}
/** The second platform the courier works through (the first is the demo employer). */
const DELIVERY_BIN = bin('2103', 5151)

/** The `count` months before the current one, oldest first, as YYYY-MM. */
function pastMonths(count: number): string[] {
  const [y, m] = currentMonth().split('-').map(Number) as [number, number]
  return Array.from({ length: count }, (_, i) => new Date(Date.UTC(y, m - 1 - count + i, 1)).toISOString().slice(0, 7))
}
const MONTHS = pastMonths(14)

describe.skipIf(!hasChromium)('platform workers and the hotline in the browser', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>
  let browser: Browser

  const loginCookie = (login: string) => loginCookieAt(server.url, login)

  async function api(cookie: string, method: string, url: string, body?: unknown) {
    const response = await fetch(`${server.url}${url}`, {
      method,
      headers: { cookie, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    })
    const text = await response.text()
    return { status: response.status, body: text === '' ? undefined : JSON.parse(text) }
  }

  beforeAll(async () => {
    if (!existsSync(webIndex)) throw new Error(`${webIndex} is missing: run \`npm run build:web\` first`)
    mkdirSync(shotsDir, { recursive: true })
    server = await startTestServer({ demo: true })
    browser = await chromium.launch({
      executablePath: chromiumPath,
      args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-sync'],
    })

    // Two platforms report income for the same courier (the demo citizen): the demo employer under the standard
    // contributions, a delivery service under the 4% platform regime.
    const admin = await loginCookie('admin')
    const employer = await loginCookie('employer')
    const org = await api(admin, 'POST', '/api/organisations', {
      bin: DELIVERY_BIN,
      name: 'ТОО «Жедел Жеткізу»',
      regionCode: '39',
    })
    expect(org.status, JSON.stringify(org.body)).toBe(201)
    expect((await api(employer, 'POST', '/api/social/platforms', { bin: DEMO_EMPLOYER_BIN })).status).toBe(201)
    expect((await api(admin, 'POST', '/api/social/platforms', { bin: DELIVERY_BIN })).status).toBe(201)
    const own = await api(employer, 'PUT', `/api/social/platforms/${DEMO_EMPLOYER_BIN}/workers/${DEMO_CITIZEN_IIN}`, {
      regime: 'standard',
    })
    expect(own.status, JSON.stringify(own.body)).toBe(200)
    const delivery = await api(admin, 'PUT', `/api/social/platforms/${DELIVERY_BIN}/workers/${DEMO_CITIZEN_IIN}`, {
      regime: 'platform_4pct',
    })
    expect(delivery.status, JSON.stringify(delivery.body)).toBe(200)
    const first = await api(employer, 'POST', '/api/social/incomes', {
      rows: MONTHS.map((month) => ({ report_id: `pes-${month}`, iin: DEMO_CITIZEN_IIN, month, income: '200000' })),
    })
    expect(first.body.counts, JSON.stringify(first.body)).toMatchObject({ received: 14, accepted: 14 })
    const second = await api(admin, 'POST', '/api/social/incomes', {
      platform: DELIVERY_BIN,
      rows: MONTHS.map((month) => ({ report_id: `dlv-${month}`, iin: DEMO_CITIZEN_IIN, month, income: '100000' })),
    })
    expect(second.body.counts, JSON.stringify(second.body)).toMatchObject({ received: 14, accepted: 14 })
  }, 120_000)

  afterAll(async () => {
    await browser?.close()
    await server?.close()
  })

  async function withPage(story: (page: Page) => Promise<void>) {
    const context: BrowserContext = await browser.newContext({
      baseURL: server.url,
      locale: 'kk-KZ',
      viewport: { width: 1280, height: 900 },
    })
    const page = await context.newPage()
    const problems: string[] = []
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`))
    page.on('console', (message) => {
      if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) {
        problems.push(`console error: ${message.text()}`)
      }
    })
    try {
      await story(page)
      expect(problems).toEqual([])
    } finally {
      await context.close()
    }
  }

  it(
    'shows a courier with income from two platforms the contributions and an explained job-loss estimate',
    async () => {
      // What the server computes, to compare the page with; the figures themselves are checked by hand below.
      const citizen = await loginCookie('citizen')
      const estimate = (await api(citizen, 'GET', '/api/me/social')).body.coverage.find(
        (c: { kind: string }) => c.kind === 'job_loss',
      )
      // Social base per month: 200,000 (standard, within 1–7 MW) + 100,000 (4% regime, below 300 MCI) = 300,000;
      // 14 months in the 24-month window: 4,200,000 / 24 = 175,000; 14 months of contributions → coefficient 0.75;
      // 175,000 × 0.45 (from 2023-01-01) × 0.75 = 59,062.50 a month.
      expect(estimate).toMatchObject({ eligible: true, averageIncome: 175_000, coefficient: 0.75 })
      expect(estimate.monthlyAmount).toBe(59_062.5)

      await withPage(async (page) => {
        await signIn(page, 'citizen')
        await page
          .getByRole('navigation', { name: 'Негізгі мәзір' })
          .getByRole('link', { name: 'Менің әлеуметтік қорғауым' })
          .click()
        await page.getByRole('heading', { level: 1, name: 'Менің әлеуметтік қорғауым' }).waitFor()

        // Incomes by month and platform: both platforms are columns, each month a row.
        const incomes = page.getByTestId('incomes-table')
        await incomes.waitFor()
        await expect(incomes.getByRole('columnheader', { name: 'ТОО «Жедел Жеткізу»' }).count()).resolves.toBe(1)
        await expect(incomes.locator('tbody tr').count()).resolves.toBe(14)
        const lastMonth = MONTHS.at(-1) as string
        const lastRow = incomes.locator('tbody tr', { has: page.getByRole('rowheader', { name: lastMonth }) })
        // Each platform's income sits under its own column, whatever order the columns come in.
        const headers = (await incomes.locator('thead th').allInnerTexts()).map((h) => h.trim())
        const cells = (await lastRow.locator('th, td').allInnerTexts()).map((c) => c.replace(/\s/g, ''))
        expect(cells[headers.indexOf('ТОО «Жедел Жеткізу»')]).toBe('100000')
        expect(cells[headers.indexOf('Барлығы')]).toBe('300000')
        expect(cells.filter((c) => c === '200000')).toHaveLength(1)

        // Contributions per month, both platforms together: standard 20,000 + employer pension + 10,000 social
        // (5% of 200,000) + 4,000 + 6,000 health; the 4% regime 4,000.
        const contributions = page.getByTestId('contributions-table')
        await expect(contributions.locator('tbody tr').count()).resolves.toBe(14)

        // The job-loss estimate with its explanation: the amount, the months, the rate's parameter and its date.
        const jobLoss = page.getByTestId('benefit-job_loss')
        await expect(jobLoss.getByTestId('benefit-amount').innerText()).resolves.toMatch(/59\s062,5\s₸/)
        const explanation = await jobLoss.getByTestId('benefit-explanation').innerText()
        expect(explanation).toMatch(/4\s200\s000\s₸ ÷ 24 = 175\s000\s₸/)
        expect(explanation).toContain('job_loss_replacement_rate')
        expect(explanation).toContain('01.01.2023')
        expect(explanation).toMatch(/0,75/)
        await expect(jobLoss.getByRole('table').innerText()).resolves.toContain('job_loss_duration_ladder')
        await page.screenshot({ path: `${shotsDir}/social-citizen.png`, fullPage: true })
      })
    },
    testTimeout,
  )

  it(
    "sends an anonymous hotline report, signed out, to its region's inspector, who closes it; the reporter follows it with the code and it counts in the statistics",
    async () => {
      const description = `Жалақы конвертпен төленеді, шарт жоқ (e2e ${Date.now()})`
      const internalNote = '3 қызметкермен еңбек шарты жасалды, жарналар өндірілді (бухгалтер Б. растады)'
      const reply = 'Тексеру жүргізілді: үш қызметкермен еңбек шарты жасалды.'
      let reference = ''
      let code = ''
      await withPage(async (page) => {
        // Signed out, from the footer every page has.
        await page.goto('/login')
        await page
          .getByRole('contentinfo')
          .getByRole('link', { name: 'Конверттегі жалақы немесе төленбеген жарналар туралы хабарлау (жасырын)' })
          .click()
        await page.waitForURL((url) => url.pathname === '/hotline/report')
        await page.getByRole('heading', { level: 1 }).waitFor()
        // Nothing chosen: the form names what is missing and sends nothing.
        await page.getByRole('button', { name: 'Хабарламаны жіберу' }).click()
        await page.getByRole('alert').getByText('Өңірді таңдаңыз.').waitFor()

        await page.getByLabel('Хабарлама не туралы').selectOption('envelope_wages')
        await page.getByLabel('Өңір', { exact: true }).selectOption('55')
        await page.getByLabel('Жұмыс берушінің атауы').fill('ЖШС «Көлеңке Құрылыс»')
        await page.getByLabel('Не болды').fill(description)
        await page.getByRole('button', { name: 'Хабарламаны жіберу' }).click()
        reference = (await page.getByTestId('report-reference').innerText()).trim()
        code = (await page.getByTestId('report-follow-code').innerText()).trim()
        await page.screenshot({ path: `${shotsDir}/social-hotline-filed.png`, fullPage: true })
      })
      expect(reference).toMatch(/^\d+$/)
      expect(code).toMatch(/^([0-9A-Z]{4}-){6}[0-9A-Z]{4}$/)

      // Pavlodar (55) is officer2's region: the report is in their queue, overdue or not, and opens.
      await withPage(async (page) => {
        await signIn(page, 'officer2')
        await page
          .getByRole('navigation', { name: 'Негізгі мәзір' })
          .getByRole('link', { name: 'Жедел желі', exact: true })
          .click()
        const queue = page.getByTestId('hotline-queue')
        await queue.getByRole('link', { name: `№ ${reference}`, exact: true }).click()
        await page.getByText(description).waitFor()
        await expect(page.getByTestId('case-facts').innerText()).resolves.toContain('жасырын')
        await expect(page.getByTestId('case-facts').innerText()).resolves.toContain('веб-форма')
        // The inspector takes it, inspects, and closes it with the outcome.
        await page.getByRole('button', { name: 'Хабарламаны алу' }).click()
        await page.getByRole('button', { name: 'Тексеруді бастау' }).click()
        await page.getByLabel('Қорытынды').selectOption('resolved')
        await page.getByLabel('Жасалған еңбек шарттары').fill('3')
        await page.getByLabel('Өндірілген жарналар, ₸').fill('250000')
        // Closing needs a note saying what the inspection found: the page asks for it before sending anything.
        await page.getByRole('button', { name: 'Хабарламаны жабу' }).click()
        await page.getByRole('alert').getByText('Жабу алдында тексеру нені анықтағанын жазыңыз.').waitFor()
        await page.getByLabel('Ескертпе').fill(internalNote)
        await page.getByLabel('Хабарлаушыға жауап').fill(reply)
        await page.getByRole('button', { name: 'Хабарламаны жабу' }).click()
        await page.getByRole('heading', { name: 'Нәтиже' }).waitFor()
        await expect(page.getByTestId('case-facts').innerText()).resolves.toContain('шешілді')
        await expect(page.locator('main').innerText()).resolves.toMatch(/250\s000\s₸/)
        await page.screenshot({ path: `${shotsDir}/social-hotline-inspector.png`, fullPage: true })
      })

      // Kostanay's officer (39) does not see it in the queue, nor can open it.
      await withPage(async (page) => {
        await signIn(page, 'officer')
        await page.goto('/hotline')
        await page.getByRole('heading', { level: 1 }).waitFor()
        await page.getByTestId('hotline-queue').or(page.getByText('Хабарлама жоқ.')).waitFor()
        await expect(page.getByRole('link', { name: `№ ${reference}`, exact: true }).count()).resolves.toBe(0)
      })
      const officer = await loginCookie('officer')
      const foreign = await api(officer, 'GET', `/api/hotline/reports/${reference}`)
      expect([403, 404]).toContain(foreign.status)
      const queue = await api(officer, 'GET', '/api/hotline/reports')
      expect(queue.body.items.map((r: { id: number }) => r.id)).not.toContain(Number(reference))

      // The reporter, still without an account, follows the report: a wrong code gets "not found", the right one
      // (typed in lower case with spaces) the outcome and the inspector's reply, never the internal note.
      await withPage(async (page) => {
        await page.goto('/hotline/report')
        await page.getByRole('link', { name: 'Хабарламаны қадағалау' }).click()
        await page.waitForURL((url) => url.pathname === '/hotline/follow')
        await page.getByLabel('Өтініш нөмірі').fill(reference)
        const wrong = code.startsWith('A') ? `B${code.slice(1)}` : `A${code.slice(1)}`
        await page.getByLabel('Бақылау коды').fill(wrong)
        await page.getByRole('button', { name: 'Хабарламаны көрсету' }).click()
        await page.getByRole('alert').getByText('Бұл нөмір мен кодқа сәйкес хабарлама жоқ.', { exact: false }).waitFor()
        await page.getByLabel('Бақылау коды').fill(code.toLowerCase().replace(/-/g, ' '))
        await page.getByRole('button', { name: 'Хабарламаны көрсету' }).click()
        const result = page.getByTestId('follow-result')
        await result.waitFor()
        const text = await result.innerText()
        expect(text).toContain('шешілді')
        expect(text).toMatch(/250\s000\s₸/)
        expect(text).toContain(reply)
        expect(text).not.toContain('бухгалтер')
        expect(text).not.toContain(description)
        await page.screenshot({ path: `${shotsDir}/social-hotline-follow.png`, fullPage: true })
      })

      // The analyst's national statistics count it under Pavlodar and envelope wages, with its outcome.
      await withPage(async (page) => {
        await signIn(page, 'analyst')
        await page
          .getByRole('navigation', { name: 'Негізгі мәзір' })
          .getByRole('link', { name: 'Жедел желі статистикасы' })
          .click()
        await page.getByRole('heading', { level: 1, name: 'Жедел желі статистикасы — Қазақстан' }).waitFor()
        const table = page.getByTestId('hotline-statistics')
        const row = table.locator('tbody tr', {
          has: page.getByRole('rowheader', { name: 'Павлодар облысы' }),
          hasText: 'Конверттегі жалақы',
        })
        const cells = (await row.locator('th, td').allInnerTexts()).map((c) => c.replace(/\s/g, ''))
        expect(cells).toEqual(['Павлодароблысы', 'Конверттегіжалақы', '1', '0', '0', '1', '0', '0', '3', '250000'])
        await expect(table.locator('caption').count()).resolves.toBe(1)
        await page.locator('.hotline-chart svg').first().waitFor()
        const csvLink = page.getByRole('link', { name: 'CSV' }).first()
        expect(await csvLink.getAttribute('href')).toBe('/api/hotline/statistics?format=csv')
        await page.screenshot({ path: `${shotsDir}/social-hotline-statistics.png`, fullPage: true })
      })
      const csv = await fetch(`${server.url}/api/hotline/statistics?format=csv`, {
        headers: { cookie: await loginCookie('analyst') },
      })
      expect(await csv.text()).toContain('55,envelope_wages,1,0,0,1,0,0,3,250000')
    },
    2 * testTimeout,
  )

  it(
    "lets the 1414 contact centre enter a caller's report for the region's inspectors; other channels are not offered it",
    async () => {
      let reference = ''
      await withPage(async (page) => {
        await signIn(page, 'channel-contact1414')
        await page
          .getByRole('navigation', { name: 'Негізгі мәзір' })
          .getByRole('link', { name: 'Жедел желіге қоңырау' })
          .click()
        await page.getByRole('heading', { level: 1, name: 'Қоңырау шалушының хабарламасын енгізу' }).waitFor()
        await page.getByLabel('Хабарлама не туралы').selectOption('no_contract')
        await page.getByLabel('Өңір', { exact: true }).selectOption('55')
        await page.getByLabel('Жұмыс берушінің атауы').fill('ЖК «Түнгі Нан»')
        await page.getByLabel('Не болды').fill('Наубайханада 6 адам шартсыз жұмыс істейді')
        // A named call with no identity given: the page asks for it first.
        await page.getByRole('button', { name: 'Хабарламаны тіркеу' }).click()
        await page.getByRole('alert').getByText('Қоңырау шалушының атын', { exact: false }).waitFor()
        await page.getByLabel('Қоңырау шалушының аты').fill('Серік')
        await page.getByLabel('Сізбен қалай байланысуға болады').fill('+7 702 000 11 22')
        await page.getByRole('button', { name: 'Хабарламаны тіркеу' }).click()
        await page.getByRole('heading', { name: 'Хабарлама тіркелді' }).waitFor()
        reference = (await page.getByTestId('report-reference').innerText()).trim()
        await expect(page.getByTestId('report-follow-code').innerText()).resolves.toMatch(
          /^([0-9A-Z]{4}-){6}[0-9A-Z]{4}$/,
        )
        await page.screenshot({ path: `${shotsDir}/social-hotline-call.png`, fullPage: true })
      })
      const inspector = await loginCookie('officer2')
      const queue = await api(inspector, 'GET', '/api/hotline/reports')
      expect(queue.body.items).toContainEqual(
        expect.objectContaining({ id: Number(reference), source: 'contact_centre', reporter: null }),
      )

      // Pavlodar's officer sees it marked as a contact-centre report, and counted so in the region's statistics.
      await withPage(async (page) => {
        await signIn(page, 'officer2')
        await page.goto('/hotline')
        const row = page.getByTestId('hotline-queue').locator('tbody tr', {
          has: page.getByRole('link', { name: `№ ${reference}`, exact: true }),
        })
        await expect(row.innerText()).resolves.toContain('байланыс орталығы')
        await page.getByRole('link', { name: 'Жедел желі статистикасы' }).first().click()
        await page.getByRole('heading', { level: 1, name: 'Жедел желі статистикасы — Павлодар облысы' }).waitFor()
        const cells = (
          await page
            .getByTestId('hotline-statistics')
            .locator('tbody tr', { hasText: 'Еңбек шартынсыз жұмыс' })
            .locator('th, td')
            .allInnerTexts()
        ).map((c) => c.trim())
        // Region, category, reports, open, overdue, resolved, unfounded, via the contact centre.
        expect(cells.slice(0, 8)).toEqual(['Павлодар облысы', 'Еңбек шартынсыз жұмыс', '1', '1', '0', '0', '0', '1'])
      })

      await withPage(async (page) => {
        await signIn(page, 'channel-school')
        const menu = page.getByRole('navigation', { name: 'Негізгі мәзір' })
        await menu.getByRole('link').first().waitFor()
        await expect(menu.getByRole('link', { name: 'Жедел желіге қоңырау' }).count()).resolves.toBe(0)
        await page.goto('/hotline/call')
        await page.getByText('Жедел желі хабарламаларын тек байланыс орталығының қызметкерлері енгізеді.').waitFor()
      })
    },
    testTimeout,
  )
  it(
    'lets a platform upload a monthly file and see it reconcile, and an officer look up what is due with a purpose',
    async () => {
      const thisMonth = currentMonth()
      const [y, m] = thisMonth.split('-').map(Number) as [number, number]
      const nextMonth = new Date(Date.UTC(y, m, 1)).toISOString().slice(0, 7)
      const csv = [
        'report_id,iin,month,income',
        `pes-${thisMonth},${DEMO_CITIZEN_IIN},${thisMonth},150000`,
        // Re-sent from the first report: the same row again changes nothing.
        `pes-${MONTHS[0]},${DEMO_CITIZEN_IIN},${MONTHS[0]},200000`,
        `pes-${nextMonth},${DEMO_CITIZEN_IIN},${nextMonth},150000`,
      ].join('\n')
      await withPage(async (page) => {
        await signIn(page, 'employer')
        await page
          .getByRole('navigation', { name: 'Негізгі мәзір' })
          .getByRole('link', { name: 'Платформа табыстары' })
          .click()
        await page.locator('#income-file').setInputFiles({
          name: 'табыс.csv',
          mimeType: 'text/csv',
          buffer: Buffer.from(csv),
        })
        await page.getByRole('button', { name: 'Файлды жіберу' }).click()
        const equation = page.getByTestId('income-reconciliation')
        await equation.waitFor()
        expect((await equation.innerText()).replace(/\s+/g, ' ')).toBe(
          '3 алынды = 1 қабылданды + 1 қайталау + 1 қабылданбады',
        )
        await page.getByText('Әр жол есепке алынды.').waitFor()
        // The rejected row is listed with its line and the reason.
        await page.getByRole('cell', { name: new RegExp(`month ${nextMonth} is in the future`) }).waitFor()
        await page.screenshot({ path: `${shotsDir}/social-platform-upload.png`, fullPage: true })
      })

      await withPage(async (page) => {
        await signIn(page, 'officer')
        await page.getByRole('navigation', { name: 'Негізгі мәзір' }).getByRole('link', { name: 'Төлемдер' }).click()
        await page.getByLabel('ЖСН', { exact: true }).fill(DEMO_CITIZEN_IIN)
        await page.getByLabel('Оқу мақсаты').fill('Жұмыстан айырылу төлеміне өтінішті қарау')
        await page.getByRole('button', { name: 'Есептеу' }).click()
        const result = page.getByTestId('benefit-job_loss')
        await result.waitFor()
        await expect(result.getByTestId('benefit-explanation').innerText()).resolves.toContain(
          'job_loss_replacement_rate',
        )
      })
      // The officer's read is in the citizen's access log with its purpose.
      const log = await api(await loginCookie('citizen'), 'GET', '/api/me/data-access')
      expect(log.body.items.map((i: { purpose: string | null }) => i.purpose)).toContain(
        'Жұмыстан айырылу төлеміне өтінішті қарау',
      )
    },
    testTimeout,
  )
})
