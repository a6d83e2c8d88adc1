import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestServer } from '../helpers/server.js'
import { hasChromium, launchChromium } from './browser.js'

const webIndex = fileURLToPath(new URL('../../web/dist/index.html', import.meta.url))
const testTimeout = 60_000

describe.skipIf(!hasChromium)('the web app loads each area when it is first opened', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>
  let browser: Browser

  beforeAll(async () => {
    if (!existsSync(webIndex)) throw new Error(`${webIndex} is missing: run \`npm run build:web\` first`)
    server = await startTestServer()
    browser = await launchChromium()
  }, testTimeout)
  afterAll(async () => {
    await browser?.close()
    await server?.close()
  })

  it(
    'a citizen on the public vacancy search downloads the shell and the search, not staff pages or charts',
    async () => {
      const context = await browser.newContext({ baseURL: server.url, locale: 'kk-KZ' })
      const page = await context.newPage()
      const scripts: string[] = []
      page.on('request', (request) => {
        const { pathname } = new URL(request.url())
        if (pathname.endsWith('.js')) scripts.push(pathname)
      })
      await page.goto('/vacancies')
      await page.getByRole('heading', { level: 1, name: 'Бос жұмыс орындары', exact: true }).waitFor()
      expect(scripts.some((s) => s.startsWith('/assets/exchange-public-pages-'))).toBe(true)
      for (const other of ['echart', 'exchange-pages', 'hiring-pages', 'registry-pages', 'social-pages', 'fairs-']) {
        expect(scripts.filter((s) => s.startsWith(`/assets/${other}`))).toEqual([])
      }
      await context.close()
    },
    testTimeout,
  )

  it(
    'shows that a page could not be loaded when its chunk fails (as after a deploy), and loads it on reload',
    async () => {
      const context = await browser.newContext({ baseURL: server.url, locale: 'kk-KZ' })
      const page = await context.newPage()
      await page.goto('/vacancies')
      await page.getByRole('heading', { level: 1, name: 'Бос жұмыс орындары', exact: true }).waitFor()

      const gone = /\/assets\/fairs-pages-[^/]+\.js$/
      await page.route(gone, (route) => route.fulfill({ status: 404, body: 'not found' }))
      await page.evaluate(() => {
        window.history.pushState({}, '', '/fairs')
        window.dispatchEvent(new PopStateEvent('popstate'))
      })
      const alert = page.getByRole('alert')
      await alert.getByRole('heading', { name: 'Бетті жүктеу мүмкін болмады' }).waitFor()
      // The shell around the page still works: the header is there to go elsewhere.
      await expect(page.getByRole('banner').isVisible()).resolves.toBe(true)

      await page.unroute(gone)
      await alert.getByRole('button', { name: 'Бетті қайта жүктеу' }).click()
      await page
        .getByRole('heading', { level: 1, name: 'Бос жұмыс орындары жәрмеңкелері', exact: true })
        .waitFor({ timeout: 15_000 })
      await context.close()
    },
    testTimeout,
  )
})
