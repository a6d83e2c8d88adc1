import { existsSync, mkdirSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { seedExchangeDemo } from '../../src/modules/exchange/index.js'
import { seedHotlineDemo } from '../../src/modules/hotline/index.js'
import { makeIin } from '../../src/shared/iin.js'
import { startTestServer } from '../helpers/server.js'
import { hasChromium, launchChromium, loginCookieAt, signIn } from './browser.js'

const webIndex = fileURLToPath(new URL('../../web/dist/index.html', import.meta.url))
const shotsDir = '/tmp/shots'
const testTimeout = 90_000
const digits = (text: string | null) => (text ?? '').replace(/\D/g, '')

describe.skipIf(!hasChromium)('the administrator’s referral limits and the hotline period in the browser', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>
  let browser: Browser
  const year = new Date(Date.now() + 5 * 3_600_000).getUTCFullYear()

  async function api<T>(cookie: string, method: string, path: string, body?: unknown): Promise<T> {
    const response = await fetch(`${server.url}${path}`, {
      method,
      headers: { cookie, ...(body !== undefined && { 'content-type': 'application/json' }) },
      ...(body !== undefined && { body: JSON.stringify(body) }),
    })
    const text = await response.text()
    expect(response.ok, `${method} ${path}: ${response.status} ${text}`).toBe(true)
    return (text ? JSON.parse(text) : undefined) as T
  }

  async function withPage(story: (page: Page) => Promise<void>) {
    const context = await browser.newContext({
      baseURL: server.url,
      locale: 'kk-KZ',
      viewport: { width: 1280, height: 900 },
    })
    const page = await context.newPage()
    const problems: string[] = []
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`))
    page.on('console', (message) => {
      // Chromium logs every non-2xx fetch; the refusals these stories provoke are expected.
      if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) {
        problems.push(`console error: ${message.text()}`)
      }
    })
    try {
      await story(page)
    } finally {
      await context.close()
    }
    expect(problems).toEqual([])
  }

  beforeAll(async () => {
    if (!existsSync(webIndex)) throw new Error(`${webIndex} is missing: run \`npm run build:web\` first`)
    mkdirSync(shotsDir, { recursive: true })
    server = await startTestServer({ demo: true })
    // What src/platform.ts seeds in demo mode: this year's limits for every region, and the hotline reports.
    await seedExchangeDemo(server.database.db)
    await seedHotlineDemo(server.database.db)
    browser = await launchChromium()
  }, 120_000)

  afterAll(async () => {
    await browser?.close()
    await server?.close()
  })

  it(
    "sets a region's limit, and is refused in the API's words when going below what the region has used",
    async () => {
      // Kostanay (39) spends a unit: the officer refers a seeker to a published vacancy.
      const officer = await loginCookieAt(server.url, 'officer')
      const employer = await loginCookieAt(server.url, 'employer')
      const iin = makeIin('1991-03-15', 'F', 4911) as string
      await api(officer, 'POST', '/api/people', { iin, surname: 'Нұрланова', givenName: 'Әйгерім', regionCode: '39' })
      const vacancy = await api<{ id: number }>(employer, 'POST', '/api/vacancies', {
        title: 'Электромонтёр по ремонту оборудования',
        occupationCode: '7412',
        description: 'Ремонт и обслуживание электрооборудования цеха.',
        wageMin: 300_000,
        wageMax: 400_000,
        employmentType: 'permanent',
        katoCode: '551010000',
        positions: 2,
      })
      await api(employer, 'POST', `/api/vacancies/${vacancy.id}/publish`)
      await api(officer, 'POST', '/api/referrals', { vacancyId: vacancy.id, iin })
      const admin = await loginCookieAt(server.url, 'admin')
      const limits = async () =>
        (
          await api<{ items: { regionCode: string; total: number; used: number }[] }>(
            admin,
            'GET',
            `/api/referral-limits?year=${year}`,
          )
        ).items
      const before = await limits()
      const kostanay = before.find((l) => l.regionCode === '39') as { total: number; used: number }
      expect(kostanay.used).toBeGreaterThan(0)
      const national = before.reduce((sum, l) => sum + l.total, 0)

      await withPage(async (page) => {
        await signIn(page, 'admin')
        await page
          .getByRole('navigation', { name: 'Негізгі мәзір' })
          .getByRole('link', { name: 'Жолдама лимиттері', exact: true })
          .click()
        await page.getByRole('heading', { level: 1, name: 'Өңірлердің жолдама лимиттері' }).waitFor()
        const table = page.getByTestId('referral-limits')
        await expect.poll(() => table.locator('tbody tr').count()).toBe(20)
        const sum = page.getByTestId('national-sum')
        expect(digits(await sum.textContent())).toBe(`${national}350000${before.reduce((s, l) => s + l.used, 0)}`)

        const row = table.locator('tbody tr[data-region="39"]')
        const input = row.getByRole('spinbutton', { name: 'Жаңа лимит: Қостанай облысы' })
        expect(await input.inputValue()).toBe(String(kostanay.total))

        // Below the used count: the API refuses, and the row says why in its words; nothing changes.
        await input.fill(String(kostanay.used - 1))
        await row.getByRole('button', { name: 'Сақтау' }).click()
        const refusal = row.getByRole('alert')
        await refusal.waitFor({ timeout: 10_000 })
        expect(await refusal.textContent()).toBe(
          `total ${kostanay.used - 1} is below the ${kostanay.used} referrals region 39 has already used in ${year}`,
        )
        expect(digits(await row.locator('[data-figure="limit"]').textContent())).toBe(String(kostanay.total))
        await expect(table.getByRole('alert').count()).resolves.toBe(1)
        await page.screenshot({ path: `${shotsDir}/referral-limits-refused.png`, fullPage: true })

        // At the used count plus five: saved, the row and the national sum follow.
        const total = kostanay.used + 5
        await input.fill(String(total))
        await expect(row.getByRole('alert').count()).resolves.toBe(0)
        await row.getByRole('button', { name: 'Сақтау' }).click()
        await row.getByRole('status').filter({ hasText: 'Сақталды.' }).waitFor({ timeout: 10_000 })
        await expect.poll(async () => digits(await row.locator('[data-figure="limit"]').textContent())).toBe(`${total}`)
        expect(digits(await row.locator('[data-figure="remaining"]').textContent())).toBe('5')
        const newSum = national - kostanay.total + total
        await expect.poll(async () => digits(await sum.textContent()).startsWith(`${newSum}350000`)).toBe(true)
        if (newSum < 350_000) expect(await sum.textContent()).toContain('бөлінбеген')
        await page.screenshot({ path: `${shotsDir}/referral-limits-saved.png`, fullPage: true })
      })
      expect((await limits()).find((l) => l.regionCode === '39')).toMatchObject({
        total: kostanay.used + 5,
        used: kostanay.used,
      })
    },
    testTimeout,
  )

  it(
    "shows the demo's hotline reports to Pavlodar's inspector, and narrows the statistics to a period",
    async () => {
      await withPage(async (page) => {
        await signIn(page, 'officer2')
        await page.goto('/hotline')
        const queue = page.getByTestId('hotline-queue')
        await queue.waitFor({ timeout: 10_000 })
        expect(await queue.locator('tbody tr').count()).toBeGreaterThanOrEqual(3)
      })
      await withPage(async (page) => {
        await signIn(page, 'analyst')
        await page.goto('/hotline/statistics')
        await page.getByRole('heading', { level: 1, name: 'Жедел желі статистикасы — Қазақстан' }).waitFor()
        const table = page.getByTestId('hotline-statistics')
        await table.waitFor()
        const csv = page.getByRole('link', { name: 'CSV' }).first()
        expect(await csv.getAttribute('href')).toBe('/api/hotline/statistics?format=csv')
        // A period after every report: nothing counted, and the download carries the period.
        const tomorrow = new Date(Date.now() + 29 * 3_600_000).toISOString().slice(0, 10)
        await page.getByLabel('Басы').fill(tomorrow)
        await page.getByText('Бұл кезеңде хабарлама түспеген.').waitFor({ timeout: 10_000 })
        // Back to all time, then a period ending today: the demo reports are counted again, the period in the link.
        await page.getByRole('button', { name: 'Барлық уақыт' }).click()
        await table.waitFor()
        const today = new Date(Date.now() + 5 * 3_600_000).toISOString().slice(0, 10)
        await page.getByLabel('Соңы').fill(today)
        await expect
          .poll(() => page.getByRole('link', { name: 'CSV' }).first().getAttribute('href'))
          .toBe(`/api/hotline/statistics?format=csv&to=${today}`)
        expect(await table.locator('tbody tr').count()).toBeGreaterThan(0)
        await page.screenshot({ path: `${shotsDir}/hotline-statistics-period.png`, fullPage: true })
      })
    },
    testTimeout,
  )
})
