import { existsSync, mkdirSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { type Browser, chromium } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DEMO_EMPLOYER_BIN } from '../../src/modules/identity/demo.service.js'
import { recountProjectCounts } from '../../src/modules/projects/index.js'
import { startTestServer } from '../helpers/server.js'
import { signIn } from './browser.js'

const chromiumPath = '/usr/bin/chromium'
const hasChromium = existsSync(chromiumPath)
if (!hasChromium) {
  console.warn('chromium not found at /usr/bin/chromium: browser tests skipped; install with apt-get install chromium')
}
const webIndex = fileURLToPath(new URL('../../web/dist/index.html', import.meta.url))
const shotsDir = '/tmp/shots'
const year = new Date().getFullYear()

describe.skipIf(!hasChromium)('national projects on the job-creation map', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>
  let browser: Browser
  let projectTitle: string
  let projectId: number
  let vacancyTitle: string
  const tenderTitle = 'Рудный қаласының су құбыры'

  async function api(login: string, method: string, path: string, body?: unknown) {
    const auth = await fetch(`${server.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ login, password: 'demo' }),
    })
    const cookie = (auth.headers.get('set-cookie') ?? '').split(';')[0] ?? ''
    const response = await fetch(`${server.url}${path}`, {
      method,
      headers: { cookie, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    })
    const text = await response.text()
    expect(response.ok, `${method} ${path}: ${response.status} ${text}`).toBe(true)
    return text === '' ? {} : (JSON.parse(text) as Record<string, unknown>)
  }

  beforeAll(async () => {
    if (!existsSync(webIndex)) throw new Error(`${webIndex} is missing: run \`npm run build:web\` first`)
    mkdirSync(shotsDir, { recursive: true })
    server = await startTestServer({ demo: true })
    browser = await chromium.launch({
      executablePath: chromiumPath,
      args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-sync'],
    })

    // A national programme and a Pavlodar project whose contractor is the demo employer; one more in tender.
    const programme = await api('admin', 'POST', '/api/projects/programmes', {
      code: 'NP-E2E',
      name: 'Ұлттық жоба E2E',
    })
    projectTitle = 'Екібастұз ЖЭС-1 жаңғырту'
    const base = {
      programmeId: programme.id,
      sector: 'energy',
      investment: 48_000_000_000,
      startsOn: `${year}-01-01`,
      endsOn: `${year + 1}-12-31`,
    }
    const project = await api('admin', 'POST', '/api/projects', {
      ...base,
      title: projectTitle,
      regionCode: '55',
      tenderState: 'under_way',
      contractorBin: DEMO_EMPLOYER_BIN,
      plannedJobs: [{ year, permanent: 5, temporary: 15 }],
    })
    projectId = project.id as number
    await api('manager', 'POST', '/api/projects', {
      ...base,
      title: tenderTitle,
      regionCode: '39',
      tenderState: 'in_tender',
      plannedJobs: [{ year, permanent: 0, temporary: 40 }],
    })

    // Kostanay gets 25 more projects, so its drill-down has two pages.
    for (let i = 1; i <= 25; i++) {
      await api('admin', 'POST', '/api/projects', {
        ...base,
        title: `Қостанай жобасы ${String(i).padStart(2, '0')}`,
        regionCode: '39',
        tenderState: 'under_way',
        contractorBin: DEMO_EMPLOYER_BIN,
        plannedJobs: [{ year, permanent: 1, temporary: 1 }],
      })
    }

    // The contractor posts a vacancy, links it to the project, and hires the demo citizen through the exchange.
    vacancyTitle = 'Электромонтер ЖЭС-1'
    const vacancy = await api('employer', 'POST', '/api/vacancies', {
      title: vacancyTitle,
      occupationCode: '7411',
      description: 'Ремонт электрооборудования станции. Полный соцпакет.',
      wageMin: 300_000,
      wageMax: 420_000,
      employmentType: 'permanent',
      katoCode: '551010000',
      positions: 3,
    })
    await api('employer', 'POST', `/api/vacancies/${vacancy.id}/publish`)
    await api('employer', 'POST', `/api/projects/${project.id}/vacancies`, { vacancyId: vacancy.id })
    const application = await api('citizen', 'POST', `/api/vacancies/${vacancy.id}/applications`, {})
    await api('employer', 'POST', `/api/applications/${application.id}/events`, { state: 'interview' })
    await api('employer', 'POST', `/api/applications/${application.id}/events`, { state: 'hired' })
    // The hire reaches the map when the job `projects-counts` recounts (each minute in the worker); run it now.
    await recountProjectCounts(server.database.db)
  }, 60_000)

  afterAll(async () => {
    await browser?.close()
    await server?.close()
  })

  it('the map shows real counts from the exchange', { timeout: 60_000 }, async () => {
    const context = await browser.newContext({
      baseURL: server.url,
      locale: 'kk-KZ',
      viewport: { width: 1280, height: 900 },
    })
    const page = await context.newPage()
    const problems: string[] = []
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`))
    try {
      await signIn(page, 'analyst')
      await page.goto('/regions')
      await page.getByRole('heading', { level: 1, name: 'Жұмыс орындарын құру картасы' }).waitFor({ timeout: 15_000 })
      // The map of Kazakhstan is drawn with the OpenStreetMap attribution.
      await page.locator('.chart--map svg path').first().waitFor({ timeout: 15_000 })
      await expect.poll(() => page.getByText('© OpenStreetMap contributors').isVisible()).toBe(true)

      // Pavlodar: one project, 20 jobs planned, the one hire counted as a created job.
      const pavlodar = page.locator('[data-testid="jobs-by-region"] tr[data-region="55"]')
      await pavlodar.waitFor()
      expect(await pavlodar.getByTestId('created').textContent()).toBe('1')
      expect(await pavlodar.locator('td').allTextContents()).toEqual(['1', '0', '20', '1', '1', '1', '5 %'])
      await page.screenshot({ path: `${shotsDir}/projects-map.png`, fullPage: true })

      // Drill down: the region's project and its vacancy with one application and one hire.
      await pavlodar.getByRole('link').click()
      await page.waitForURL((url) => url.pathname === '/regions/55')
      const drill = page.getByTestId('region-projects')
      await drill.getByRole('heading', { level: 3, name: new RegExp(projectTitle) }).waitFor()
      const row = drill.getByRole('row', { name: new RegExp(vacancyTitle) })
      expect(await row.locator('td').allTextContents()).toEqual(['7411', '3', '1', '1'])

      // Kostanay's 26 projects come 25 to a page.
      await page.goto('/regions/39')
      const kostanay = page.getByTestId('region-projects')
      await kostanay.getByText('Жобалар: 1–25, барлығы 26').first().waitFor()
      expect(await kostanay.locator('.projects-drill').count()).toBe(25)
      await kostanay.getByRole('button', { name: 'Келесі жобалар' }).first().click()
      await kostanay.getByText('Жобалар: 26–26, барлығы 26').first().waitFor()
      expect(await kostanay.locator('.projects-drill').count()).toBe(1)
      expect(await kostanay.getByRole('button', { name: 'Келесі жобалар' }).first().isDisabled()).toBe(true)

      // The action list: the project still in tender without a contractor.
      await page.goto('/projects')
      await page.getByLabel('Әрекет қажет').selectOption('needs_contractor')
      const list = page.getByTestId('project-list')
      await list.getByRole('link', { name: tenderTitle }).waitFor()
      // The unfiltered list (27 projects) stays on screen until the filtered one arrives: wait for it.
      await expect.poll(() => list.locator('tbody tr').count(), { timeout: 15_000 }).toBe(1)
      await expect
        .poll(() => page.getByRole('link', { name: 'CSV' }).getAttribute('href'))
        .toBe('/api/projects?action=needs_contractor&format=csv')
      await page.screenshot({ path: `${shotsDir}/projects-actions.png`, fullPage: true })
      expect(problems).toEqual([])
    } finally {
      await context.close()
    }
  })

  it("the contractor attaches a vacancy to its project from the vacancy form, and the search's project filter finds it", {
    timeout: 60_000,
  }, async () => {
    const title = 'Машинист котлов ЖЭС-1'
    const draft = await api('employer', 'POST', '/api/vacancies', {
      title,
      occupationCode: '8182',
      description: 'Обслуживание котлов станции.',
      wageMin: 280_000,
      wageMax: 380_000,
      employmentType: 'permanent',
      katoCode: '551010000',
      positions: 2,
    })
    const searchIds = async () =>
      ((await api('citizen', 'GET', `/api/vacancies?project=${projectId}`)).items as { id: number }[]).map((v) => v.id)
    const context = await browser.newContext({ baseURL: server.url, viewport: { width: 1280, height: 900 } })
    const page = await context.newPage()
    const problems: string[] = []
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`))
    try {
      await signIn(page, 'employer')
      await page.goto(`/employer/vacancies/${draft.id}`)
      // Only the projects this employer is the contractor of are offered.
      const choice = page.locator('#vacancy-project')
      await choice.locator(`option[value="${projectId}"]`).waitFor({ state: 'attached', timeout: 15_000 })
      expect(await choice.locator('option', { hasText: tenderTitle }).count()).toBe(0)
      await choice.selectOption(String(projectId))
      await page.getByRole('button', { name: 'Сақтап, жариялау' }).click()
      await page.getByRole('status').filter({ hasText: 'Жарияланды: бос орын іздеуде.' }).waitFor()
      expect(await searchIds()).toContain(draft.id)

      // The public search with the project filter lists it beside the vacancy linked through the API.
      await page.goto(`/vacancies?project=${projectId}`)
      await page.getByRole('link', { name: title }).waitFor({ timeout: 15_000 })
      await page.getByRole('link', { name: vacancyTitle }).waitFor()
      await page.screenshot({ path: `${shotsDir}/projects-search-filter.png`, fullPage: true })

      // Taking it out of the project on the form takes it out of the filter.
      await page.goto(`/employer/vacancies/${draft.id}`)
      await expect.poll(() => choice.inputValue(), { timeout: 15_000 }).toBe(String(projectId))
      await choice.selectOption('')
      await page.getByRole('button', { name: 'Сақтау', exact: true }).click()
      await page.getByRole('status').filter({ hasText: 'Сақталды.' }).waitFor()
      expect(await searchIds()).not.toContain(draft.id)
      expect(problems).toEqual([])
    } finally {
      await context.close()
    }
  })
})
