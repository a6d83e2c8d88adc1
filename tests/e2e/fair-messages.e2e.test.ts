import { existsSync, mkdirSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { seedExchangeDemo } from '../../src/modules/exchange/index.js'
import { seedFairsDemo } from '../../src/modules/fairs/index.js'
import { hashPassword } from '../../src/modules/identity/index.js'
import { makeIin } from '../../src/shared/iin.js'
import { startTestServer } from '../helpers/server.js'
import { hasChromium, launchChromium, loginCookieAt, signIn } from './browser.js'

const webIndex = fileURLToPath(new URL('../../web/dist/index.html', import.meta.url))
const shotsDir = '/tmp/shots'
const testTimeout = 60_000

describe.skipIf(!hasChromium)('a seeker asks a booth a question and reads the employer’s answer', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>
  let browser: Browser
  let boothUrl: string
  const seeker = { login: 'seeker-asks', surname: 'Жұмабаева', givenName: 'Әсел', iin: '' }
  const seekerName = `${seeker.givenName} ${seeker.surname}`
  const question = '<script>window.__injected = 1</script> Жатақхана бар ма?'

  beforeAll(async () => {
    if (!existsSync(webIndex)) throw new Error(`${webIndex} is missing: run \`npm run build:web\` first`)
    mkdirSync(shotsDir, { recursive: true })
    server = await startTestServer({ demo: true })
    await seedExchangeDemo(server.database.db)
    const seeded = await seedFairsDemo(server.database.db)
    if (seeded.fairId === null) throw new Error('the demo fair was not created')
    const fairId = seeded.fairId
    // 23 years old: inside the demo fair's target group.
    const birthDate = `${new Date().getUTCFullYear() - 23}-01-15`
    seeker.iin = makeIin(birthDate, 'F', 4401) as string
    const officer = await loginCookieAt(server.url, 'officer')
    const created = await fetch(`${server.url}/api/people`, {
      method: 'POST',
      headers: { cookie: officer, 'content-type': 'application/json' },
      body: JSON.stringify({
        iin: seeker.iin,
        surname: seeker.surname,
        givenName: seeker.givenName,
        birthDate,
        regionCode: '39',
      }),
    })
    expect(created.status, await created.clone().text()).toBe(201)
    // No route opens citizen accounts yet (they come from eGov sign-in), so the test writes the account row.
    await server.database.db
      .insertInto('identity.accounts')
      .values({
        login: seeker.login,
        password_hash: await hashPassword('demo'),
        role: 'citizen',
        display_name: seekerName,
        iin: seeker.iin,
      })
      .execute()
    const registered = await fetch(`${server.url}/api/fairs/${fairId}/registrations`, {
      method: 'POST',
      headers: { cookie: await loginCookieAt(server.url, seeker.login) },
    })
    expect(registered.status, await registered.clone().text()).toBe(201)
    const booths = (await (await fetch(`${server.url}/api/fairs/${fairId}/booths`)).json()) as {
      items: { id: number; employerName: string }[]
    }
    const booth = booths.items.find((b) => b.employerName === 'ТОО «Павлодар Энерго Сервис»')
    if (booth === undefined) throw new Error('the demo booth is missing')
    boothUrl = `/fairs/${fairId}/booths/${booth.id}`
    browser = await launchChromium()
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

  const log = (page: Page) => page.getByRole('list', { name: 'Хабарламалар, ескісі басында' })

  it(
    'the seeker writes; a script tag stays text',
    async () => {
      await withPage(async (page) => {
        await signIn(page, seeker.login)
        await page.goto(boothUrl)
        await page.getByRole('heading', { level: 2, name: 'Хабарламалар' }).waitFor()
        await page.getByText('Әзірге хабарлама жоқ.').waitFor()
        const box = page.getByRole('textbox', { name: 'Сіздің хабарламаңыз' })
        expect(await box.getAttribute('maxlength')).toBe('5000')
        await box.fill(question)
        await page.getByText(`5000 таңбаның ${5000 - question.length} таңбасы қалды`).waitFor()
        await page.getByRole('button', { name: 'Жіберу' }).click()
        const mine = log(page).getByRole('listitem').last()
        await mine.getByText(question, { exact: true }).waitFor()
        expect(await mine.textContent()).toContain('Сіз')
        expect(await box.inputValue()).toBe('')
        expect(await page.evaluate(() => (window as unknown as { __injected?: number }).__injected)).toBeUndefined()
        expect(await log(page).locator('script').count()).toBe(0)
      })
    },
    testTimeout,
  )

  it(
    'the employer finds the seeker by name among those who wrote, and answers',
    async () => {
      await withPage(async (page) => {
        await signIn(page, 'employer')
        await page.goto(boothUrl)
        const threads = page.getByRole('list', { name: 'Жазған іздеушілер' })
        await threads.waitFor()
        expect(await threads.textContent()).not.toContain(seeker.iin)
        const entry = threads.getByRole('listitem').filter({ hasText: seekerName })
        await entry.getByText('сіздің жауабыңызды күтуде').waitFor()
        expect(await entry.textContent()).toContain('хабарлама: 1')
        await entry.getByRole('button', { name: seekerName }).click()
        await page.getByRole('heading', { name: `${seekerName}: хат алмасу` }).waitFor()
        const theirs = log(page).getByRole('listitem').first()
        await theirs.getByText(question, { exact: true }).waitFor()
        expect(await theirs.textContent()).toContain(seekerName)
        expect(await page.evaluate(() => (window as unknown as { __injected?: number }).__injected)).toBeUndefined()

        await page.getByRole('textbox', { name: 'Сіздің хабарламаңыз' }).fill('Иә, жатақхана бар. Сұхбатқа жазылыңыз.')
        await page.getByRole('button', { name: 'Жіберу' }).click()
        await log(page).getByText('Иә, жатақхана бар. Сұхбатқа жазылыңыз.').waitFor()
        // Answered: the booth no longer owes this seeker a reply.
        await entry.getByText('хабарлама: 2').waitFor()
        expect(await entry.getByText('сіздің жауабыңызды күтуде').count()).toBe(0)
        await page.screenshot({ path: `${shotsDir}/fair-messages-employer.png`, fullPage: true })
      })
    },
    testTimeout,
  )

  it(
    'the seeker sees the answer, newest at the bottom, after a refresh',
    async () => {
      await withPage(async (page) => {
        await signIn(page, seeker.login)
        await page.goto(boothUrl)
        await log(page).getByText(question, { exact: true }).waitFor()
        await page.getByRole('button', { name: 'Жаңарту' }).click()
        const last = log(page).getByRole('listitem').last()
        await last.getByText('Иә, жатақхана бар. Сұхбатқа жазылыңыз.').waitFor()
        expect(await last.textContent()).toContain('ТОО «Павлодар Энерго Сервис»')
        expect(await log(page).getByRole('listitem').count()).toBe(2)
        await page.screenshot({ path: `${shotsDir}/fair-messages-seeker.png`, fullPage: true })
      })
    },
    testTimeout,
  )
})
