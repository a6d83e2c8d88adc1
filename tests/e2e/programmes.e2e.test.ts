import { existsSync, mkdirSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { type Browser, chromium, type Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { makeIin } from '../../src/shared/iin.js'
import { startTestServer } from '../helpers/server.js'
import { loginCookieAt } from './browser.js'

const chromiumPath = '/usr/bin/chromium'
const hasChromium = existsSync(chromiumPath)
const webIndex = fileURLToPath(new URL('../../web/dist/index.html', import.meta.url))
const shotsDir = '/tmp/shots'
const year = new Date().getFullYear()

/** Kostanay (39) job seekers; the last is over 40, too old for youth practice. */
const people = [
  { iin: makeIin('1990-04-11', 'M', 4301) as string, surname: 'Жұмабаев', givenName: 'Ерлан', birthDate: '1990-04-11' },
  { iin: makeIin('1993-09-02', 'F', 4302) as string, surname: 'Ахметова', givenName: 'Дана', birthDate: '1993-09-02' },
  {
    iin: makeIin('1996-01-23', 'M', 4303) as string,
    surname: 'Серікұлы',
    givenName: 'Нұрлан',
    birthDate: '1996-01-23',
  },
  { iin: makeIin('1984-05-10', 'F', 4304) as string, surname: 'Бекова', givenName: 'Сәуле', birthDate: '1984-05-10' },
]

describe.skipIf(!hasChromium)('programmes in the browser', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>
  let browser: Browser

  const loginCookie = (login: string) => loginCookieAt(server.url, login)

  beforeAll(async () => {
    if (!existsSync(webIndex)) throw new Error(`${webIndex} is missing: run \`npm run build:web\` first`)
    mkdirSync(shotsDir, { recursive: true })
    server = await startTestServer({ demo: true })
    browser = await chromium.launch({ executablePath: chromiumPath, args: ['--no-sandbox', '--disable-gpu'] })
    // The people exist in identity and are registered job seekers in the registry.
    const officer = await loginCookie('officer')
    for (const person of people) {
      const created = await fetch(`${server.url}/api/people`, {
        method: 'POST',
        headers: { cookie: officer, 'content-type': 'application/json' },
        body: JSON.stringify({ ...person, regionCode: '39' }),
      })
      expect(created.status, await created.clone().text()).toBe(201)
    }
    const events = await fetch(`${server.url}/api/registry/events`, {
      method: 'POST',
      headers: { authorization: 'Bearer demo-egov', 'content-type': 'application/json' },
      body: JSON.stringify({
        events: people.map((p) => ({
          iin: p.iin,
          status: 'unemployed_registered',
          valid_from: `${year - 1}-12-01`,
          source_ref: `e2e-prog-${p.iin}`,
        })),
      }),
    })
    expect(events.status, await events.clone().text()).toBe(200)
  }, 120_000)

  afterAll(async () => {
    await browser?.close()
    await server?.close()
  })

  async function signIn(page: Page, login: string) {
    await page.goto('/login')
    await page.getByLabel('Логин').fill(login)
    await page.getByLabel('Құпиясөз').fill('demo')
    await page.getByRole('button', { name: 'Кіру', exact: true }).click()
    await page.waitForURL((url) => url.pathname === '/')
    // English words in the assertions below: the stories read the same in any language, English is the shortest.
    await page.evaluate(() => localStorage.setItem('jumys.language', 'en'))
  }

  async function propose(page: Page, iin: string, programme: string, startDate: string) {
    const form = page.getByRole('form', { name: 'Propose an enrolment' })
    await form.getByLabel('IIN').fill(iin)
    await form.getByLabel('Programme', { exact: true }).selectOption(programme)
    await form.getByLabel('Start date').fill(startDate)
    await form.getByLabel('Purpose').fill('programme enrolment interview')
    await form.getByRole('button', { name: 'Check and propose' }).click()
  }

  it("a manager runs a region's programme year from plan to report", async () => {
    const context = await browser.newContext({
      baseURL: server.url,
      locale: 'en-GB',
      viewport: { width: 1400, height: 1000 },
    })
    const problems: string[] = []
    try {
      const manager = await context.newPage()
      manager.on('pageerror', (error) => problems.push(error.message))
      await signIn(manager, 'manager')
      await manager.goto('/programmes')
      await manager.getByRole('heading', { level: 1, name: 'State support programmes' }).waitFor()
      // The plan: public works, 2 places, 600,000 ₸ (a place costs 3 minimum wages = 255,000 ₸).
      await manager.getByLabel('Public works: places').fill('2')
      await manager.getByLabel('Public works: budget, ₸').fill('600000')
      await manager.getByRole('button', { name: 'Save the plan for Public works' }).click()
      await manager.getByRole('status').filter({ hasText: 'Saved' }).waitFor()

      const officer = await context.browser()?.newContext({ baseURL: server.url, locale: 'en-GB' })
      const officerPage = await (officer as NonNullable<typeof officer>).newPage()
      officerPage.on('pageerror', (error) => problems.push(error.message))
      await signIn(officerPage, 'officer')
      await officerPage.goto('/programmes')
      // The first of January: on or before any day the test runs, so the completion today is after the start.
      const start = `${year}-01-01`
      // Too old for youth practice: the reason names the rule.
      await propose(officerPage, people[3]?.iin as string, 'youth_practice', start)
      await officerPage
        .getByRole('alert')
        .filter({ hasText: `age ${year - 1985} on ${start}: youth practice is for 18–35` })
        .waitFor()
      // A target-group flag seen on a document, recorded with its purpose (audited).
      const flags = officerPage.getByRole('form', { name: 'Record a target-group flag' })
      await flags.getByLabel('IIN').fill('12345')
      await flags.getByRole('button', { name: 'Record the flag' }).click()
      await officerPage.getByRole('alert').filter({ hasText: 'An IIN has 12 digits' }).waitFor()
      await flags.getByLabel('IIN').fill(people[3]?.iin as string)
      await flags.getByLabel('Flag').selectOption('large_family')
      await flags.getByLabel('Document (optional)').fill('certificate 42 of 2026-01-15')
      await flags.getByLabel('Purpose').fill('large family certificate seen')
      await flags.getByRole('button', { name: 'Record the flag' }).click()
      await officerPage
        .getByRole('status')
        .filter({ hasText: `${people[3]?.iin}: recorded flags — Large family` })
        .waitFor()
      for (const person of people.slice(0, 3)) {
        await propose(officerPage, person.iin, 'public_works', start)
        await officerPage.getByRole('status').filter({ hasText: 'is waiting for the manager' }).waitFor()
      }
      await officerPage.screenshot({ path: `${shotsDir}/programmes-officer.png`, fullPage: true })
      await officer?.close()

      await manager.goto('/enrolments')
      await manager.getByRole('heading', { name: 'Waiting for a decision: 3' }).waitFor()
      const ids = await manager
        .locator('li[data-enrolment]')
        .evaluateAll((items) => items.map((item) => Number(item.getAttribute('data-enrolment'))).sort((a, b) => a - b))
      expect(ids).toHaveLength(3)
      const [first, second, third] = ids as [number, number, number]
      await manager.getByRole('button', { name: `Approve ${first}`, exact: true }).click()
      await manager
        .getByRole('status')
        .filter({ hasText: `Enrolment ${first}: active` })
        .waitFor()
      await manager.getByRole('button', { name: `Approve ${second}`, exact: true }).click()
      await manager
        .getByRole('status')
        .filter({ hasText: `Enrolment ${second}: active` })
        .waitFor()
      // The ledger beside the last proposal shows nothing left; approving anyway is refused by the plan.
      await manager.locator(`li[data-enrolment="${third}"]`).getByText('0 of 2').waitFor()
      await manager.getByRole('button', { name: `Approve ${third}`, exact: true }).click()
      await manager
        .getByRole('alert')
        .filter({ hasText: `plan 39/${year} public_works: all 2 places are taken (2 committed, 0 spent)` })
        .waitFor()
      await manager.getByRole('button', { name: `Mark ${first} completed` }).click()
      await manager
        .getByRole('status')
        .filter({ hasText: `Enrolment ${first}: completed` })
        .waitFor()
      await manager.screenshot({ path: `${shotsDir}/programmes-enrolments.png`, fullPage: true })

      await manager.goto('/programmes')
      const row = manager.locator('tr[data-programme="public_works"]').last()
      await row.waitFor()
      const cells = await row.locator('td, th').allInnerTexts()
      // region, programme, places 2, committed 1, spent 1, budget, money committed, money spent, people 2, 100 %, 42.5 %
      expect(cells.slice(0, 5)).toEqual(['39', 'Public works', '2', '1', '1'])
      expect(cells[8]).toBe('2')
      expect(cells[9]).toBe('100 %')
      expect(cells[10]).toBe('42.5 %')
      expect(cells[6]?.replace(/\D/g, '')).toBe('255000')
      expect(cells[7]?.replace(/\D/g, '')).toBe('255000')
      await manager.screenshot({ path: `${shotsDir}/programmes-report.png`, fullPage: true })

      const href = await manager.getByRole('link', { name: 'CSV' }).getAttribute('href')
      const csv = await manager.evaluate(async (url) => {
        const response = await fetch(url as string)
        return { status: response.status, type: response.headers.get('content-type'), text: await response.text() }
      }, href)
      expect(csv.status).toBe(200)
      expect(csv.type).toContain('text/csv')
      expect(csv.text).toContain(`39,${year},public_works,2,600000,1,1,0,255000,255000,90000,2,1,0,100,42.5`)
      expect(problems).toEqual([])
    } finally {
      await context.close()
    }
  }, 120_000)
  it('an analyst reads the national plan vs fact and sees the programmes on the national overview', async () => {
    const context = await browser.newContext({
      baseURL: server.url,
      locale: 'en-GB',
      viewport: { width: 1400, height: 1000 },
    })
    const problems: string[] = []
    try {
      const page = await context.newPage()
      page.on('pageerror', (error) => problems.push(error.message))
      await signIn(page, 'analyst')
      await page.goto('/')
      await page.getByRole('navigation').getByRole('link', { name: 'Programmes', exact: true }).click()
      await page.getByRole('heading', { level: 1, name: 'State support programmes' }).waitFor()
      await page.getByText('The national plan vs fact of the programmes by region (read-only).').waitFor()
      // Read-only: no plan form, no proposal form, no flags.
      expect(await page.getByRole('button', { name: /Save the plan|Check and propose|Record the flag/ }).count()).toBe(
        0,
      )
      const row = page.locator('tr[data-programme="public_works"]').first()
      await row.waitFor()
      expect((await row.locator('td, th').allInnerTexts()).slice(0, 2)).toEqual(['39', 'Public works'])
      for (const format of ['csv', 'xlsx']) {
        const href = await page.getByRole('link', { name: format.toUpperCase(), exact: true }).getAttribute('href')
        expect(href).toBe(`/api/programmes/report?year=${year}&format=${format}`)
        const status = await page.evaluate(async (url) => (await fetch(url as string)).status, href)
        expect(status).toBe(200)
      }
      // The national figures, added up from the plan-vs-fact report, must be what the overview's panel shows.
      const report = await page.evaluate(async (y) => {
        const response = await fetch(`/api/programmes/report?year=${y}`)
        return (await response.json()) as {
          items: { places: number; placesCommitted: number; placesSpent: number; peopleEnrolled: number }[]
        }
      }, year)
      const sum = (f: (r: (typeof report.items)[number]) => number) => report.items.reduce((n, r) => n + f(r), 0)
      const places = sum((r) => r.places)
      const taken = sum((r) => r.placesCommitted + r.placesSpent)
      const enrolled = sum((r) => r.peopleEnrolled)
      expect(taken).toBeGreaterThan(0)
      await page.screenshot({ path: `${shotsDir}/programmes-analyst.png`, fullPage: true })

      await page.goto('/dashboards')
      const panel = page.locator('section[data-panel="programmes"]')
      await panel.getByRole('heading', { name: `State support programmes, ${year}` }).waitFor()
      const figures = await panel.locator('dt, dd').allInnerTexts()
      const figure = (label: string) => figures[figures.indexOf(label) + 1]?.replace(/\D/g, '')
      expect(figure('Places planned')).toBe(String(places))
      expect(figure('Places taken')).toBe(String(taken))
      expect(figure('People enrolled')).toBe(String(enrolled))
      await panel.screenshot({ path: `${shotsDir}/programmes-overview-panel.png` })
      await panel.getByRole('link', { name: 'Plan vs fact by region and programme' }).click()
      await page.waitForURL((url) => url.pathname === '/programmes')
      expect(problems).toEqual([])
    } finally {
      await context.close()
    }
  }, 120_000)
})
