import { existsSync, mkdirSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { type Browser, chromium, type Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { makeIin } from '../../src/shared/iin.js'
import { startTestServer } from '../helpers/server.js'

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

  async function loginCookie(login: string): Promise<string> {
    const response = await fetch(`${server.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ login, password: 'demo' }),
    })
    expect(response.status).toBe(200)
    return (response.headers.get('set-cookie') ?? '').split(';')[0] ?? ''
  }

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
    await page.getByLabel('IIN').fill(iin)
    await page.getByLabel('Programme', { exact: true }).selectOption(programme)
    await page.getByLabel('Start date').fill(startDate)
    await page.getByLabel('Purpose').fill('programme enrolment interview')
    await page.getByRole('button', { name: 'Check and propose' }).click()
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
})
