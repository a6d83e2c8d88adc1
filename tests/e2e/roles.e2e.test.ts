import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestServer } from '../helpers/server.js'
import { hasChromium, launchChromium } from './browser.js'

const webIndex = fileURLToPath(new URL('../../web/dist/index.html', import.meta.url))
const testTimeout = 30_000

interface Account {
  login: string
  displayName: string
  regionCode: string | null
}

interface Region {
  code: string
  nameKk: string
  nameEn: string
}

interface RoleJourney {
  login: string
  /** The role as the header names it in Kazakh, the default language. */
  roleLabel: string
  /** The home page's h1; `{region}` stands for the account's region name. */
  heading: string
  /** A menu item only this kind of account is offered. */
  menuItem: string
}

const journeys: RoleJourney[] = [
  { login: 'citizen', roleLabel: 'Азамат', heading: 'Менің жұмыспен қамтылуым', menuItem: 'Деректерімді кім қарады' },
  { login: 'employer', roleLabel: 'Жұмыс беруші', heading: 'Ұйым кабинеті', menuItem: 'Бос жұмыс орындары' },
  {
    login: 'officer',
    roleLabel: 'Жұмыспен қамту орталығының маманы',
    heading: 'Жұмыспен қамту орталығы — {region}',
    menuItem: 'Жолдамалар',
  },
  {
    login: 'manager',
    roleLabel: 'Бағдарлама менеджері',
    heading: 'Қолдау бағдарламалары — {region}',
    menuItem: 'Қатысушылар',
  },
  { login: 'analyst', roleLabel: 'Министрлік талдаушысы', heading: 'Ұлттық шолу', menuItem: 'Көрсеткіштер' },
  { login: 'admin', roleLabel: 'Әкімші', heading: 'Әкімшілендіру', menuItem: 'Аудит журналы' },
]

describe.skipIf(!hasChromium)('every demo role signs in, finds its workspace and signs out', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>
  let browser: Browser
  let regions: Region[]

  beforeAll(async () => {
    if (!existsSync(webIndex)) throw new Error(`${webIndex} is missing: run \`npm run build:web\` first`)
    server = await startTestServer({ demo: true })
    browser = await launchChromium()
    const response = await fetch(`${server.url}/api/reference/regions`)
    regions = ((await response.json()) as { items: Region[] }).items
  }, 120_000)

  afterAll(async () => {
    await browser?.close()
    await server?.close()
  })

  /** A fresh browser profile per story, so no cookie or saved language leaks from one to the next. */
  async function withPage(story: (page: Page) => Promise<void>) {
    const context: BrowserContext = await browser.newContext({ baseURL: server.url, locale: 'kk-KZ' })
    const page = await context.newPage()
    const problems: string[] = []
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`))
    page.on('console', (message) => {
      // Chromium logs every non-2xx fetch; a 401 from /api/auth/me before sign-in is expected, not a fault.
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

  async function signIn(page: Page, login: string, password: string) {
    await page.getByLabel('Логин').fill(login)
    await page.getByLabel('Құпиясөз').fill(password)
    await page.getByRole('button', { name: 'Кіру', exact: true }).click()
  }

  async function seeHeading(page: Page, text: string) {
    await page.getByRole('heading', { level: 1, name: text, exact: true }).waitFor({ timeout: 10_000 })
  }

  async function signedInAccount(page: Page): Promise<Account> {
    const response = await page.request.get('/api/auth/me')
    expect(response.status()).toBe(200)
    return ((await response.json()) as { account: Account }).account
  }

  function regionOf(account: Account): Region {
    const region = regions.find((item) => item.code === account.regionCode)
    if (!region)
      throw new Error(`account ${account.login} has region ${account.regionCode}, not in /api/reference/regions`)
    return region
  }

  for (const journey of journeys) {
    it(
      `${journey.login} is sent to sign in, reaches the ${journey.login} workspace and signs out`,
      async () => {
        await withPage(async (page) => {
          await page.goto('/')
          await seeHeading(page, 'Жүйеге кіру')
          expect(new URL(page.url()).pathname).toBe('/login')

          await signIn(page, journey.login, 'demo')
          await page.waitForURL((url) => url.pathname === '/')

          const account = await signedInAccount(page)
          const heading = journey.heading.includes('{region}')
            ? journey.heading.replace('{region}', regionOf(account).nameKk)
            : journey.heading
          await seeHeading(page, heading)

          const header = page.getByRole('banner')
          await header.getByText(account.displayName, { exact: true }).waitFor()
          await header.getByText(journey.roleLabel, { exact: true }).waitFor()
          const menu = page.getByRole('navigation', { name: 'Негізгі мәзір' })
          await menu.getByRole('link', { name: journey.menuItem, exact: true }).waitFor()
          expect(await page.getByRole('contentinfo').isVisible()).toBe(true)

          await header.getByRole('button', { name: 'Шығу', exact: true }).click()
          await seeHeading(page, 'Жүйеге кіру')
          // The server must have ended the session, not just the page forgotten it.
          expect((await page.request.get('/api/auth/me')).status()).toBe(401)
          await page.goto('/')
          await seeHeading(page, 'Жүйеге кіру')
        })
      },
      testTimeout,
    )
  }

  it(
    'an officer switches to English, sees the workspace in English, and the choice survives a reload',
    async () => {
      await withPage(async (page) => {
        await page.goto('/login')
        expect(await page.locator('html').getAttribute('lang')).toBe('kk')
        await signIn(page, 'officer', 'demo')
        await page.waitForURL((url) => url.pathname === '/')
        const region = regionOf(await signedInAccount(page))
        await seeHeading(page, `Жұмыспен қамту орталығы — ${region.nameKk}`)

        await page.getByRole('button', { name: 'English', exact: true }).click()
        await seeHeading(page, `Employment centre — ${region.nameEn}`)
        expect(await page.locator('html').getAttribute('lang')).toBe('en')
        expect(await page.getByRole('button', { name: 'English', exact: true }).getAttribute('aria-pressed')).toBe(
          'true',
        )
        await page.getByRole('banner').getByText('Employment-centre officer', { exact: true }).waitFor()

        await page.reload()
        await seeHeading(page, `Employment centre — ${region.nameEn}`)
        expect(await page.locator('html').getAttribute('lang')).toBe('en')

        await page.getByRole('button', { name: 'Sign out', exact: true }).click()
        await seeHeading(page, 'Sign in')
      })
    },
    testTimeout,
  )

  it(
    'a wrong password keeps the visitor on the sign-in page and says why',
    async () => {
      await withPage(async (page) => {
        await page.goto('/login')
        await signIn(page, 'citizen', 'not-the-password')

        const alert = page.getByRole('alert')
        await alert.waitFor({ timeout: 10_000 })
        expect(await alert.textContent()).toContain('Кіру мүмкін болмады')
        expect(await alert.textContent()).toContain('wrong login or password')
        expect(new URL(page.url()).pathname).toBe('/login')
        expect(await page.getByRole('navigation', { name: 'Негізгі мәзір' }).count()).toBe(0)
        // The error took focus so a screen reader reads it; the login is kept so only the password needs retyping.
        expect(await alert.evaluate((element) => element === document.activeElement)).toBe(true)
        expect(await page.getByLabel('Логин').inputValue()).toBe('citizen')
      })
    },
    testTimeout,
  )
})
