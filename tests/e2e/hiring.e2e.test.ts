import { existsSync, mkdirSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { sql } from 'kysely'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { hashPassword } from '../../src/modules/identity/index.js'
import { makeIin } from '../../src/shared/iin.js'
import { startTestServer } from '../helpers/server.js'
import { hasChromium, launchChromium, loginCookieAt, signIn } from './browser.js'

const webIndex = fileURLToPath(new URL('../../web/dist/index.html', import.meta.url))
const shotsDir = '/tmp/shots'
const testTimeout = 90_000

/** Two seekers of Kostanay (39), registered by the test; one is referred, the other is refused for want of limit. */
const seekers = [
  { iin: makeIin('1990-04-12', 'M', 4901) as string, surname: 'Жұмабеков', givenName: 'Арман' },
  { iin: makeIin('1996-09-30', 'F', 4902) as string, surname: 'Сәрсенова', givenName: 'Мадина' },
]
/** A second citizen with an account but no profile, to apply beside the demo citizen and be rejected. */
const secondApplicant = { iin: makeIin('1999-01-21', 'M', 4903) as string, surname: 'Оспанов', givenName: 'Ерлан' }
/** A third, interviewed when the one position goes to another: her hire must be refused. */
const thirdApplicant = { iin: makeIin('1994-12-02', 'F', 4904) as string, surname: 'Әбенова', givenName: 'Гүлнұр' }

describe.skipIf(!hasChromium)('hiring: referrals under the regional limit and the employer’s pipeline', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>
  let browser: Browser

  const loginCookie = (login: string) => loginCookieAt(server.url, login)

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

  async function createAccount(login: string, values: Record<string, string>) {
    await server.database.db
      .insertInto('identity.accounts' as never)
      .values({ login, password_hash: await hashPassword('demo'), ...values } as never)
      .execute()
  }

  beforeAll(async () => {
    if (!existsSync(webIndex)) throw new Error(`${webIndex} is missing: run \`npm run build:web\` first`)
    mkdirSync(shotsDir, { recursive: true })
    server = await startTestServer({ demo: true })
    browser = await launchChromium()

    const officer = await loginCookie('officer')
    for (const person of [...seekers, secondApplicant, thirdApplicant]) {
      await api(officer, 'POST', '/api/people', { ...person, regionCode: '39' })
    }
    // A second officer of the same region, and a citizen account for the second applicant.
    await createAccount('officer-39b', { role: 'officer', display_name: 'Дәурен Қайратов', region_code: '39' })
    await createAccount('citizen-b', {
      role: 'citizen',
      display_name: `${secondApplicant.givenName} ${secondApplicant.surname}`,
      iin: secondApplicant.iin,
    })
    await createAccount('citizen-c', {
      role: 'citizen',
      display_name: `${thirdApplicant.givenName} ${thirdApplicant.surname}`,
      iin: thirdApplicant.iin,
    })
  }, 120_000)

  afterAll(async () => {
    await browser?.close()
    await server?.close()
  })

  /** A fresh browser profile, so no cookie or saved language leaks from one story (or officer) to another. */
  async function openContext(): Promise<{ page: Page; context: BrowserContext; problems: string[] }> {
    const context = await browser.newContext({
      baseURL: server.url,
      locale: 'kk-KZ',
      viewport: { width: 1280, height: 900 },
    })
    const page = await context.newPage()
    const problems: string[] = []
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`))
    page.on('console', (message) => {
      // Chromium logs every non-2xx fetch; the refusals these stories provoke are expected, not faults.
      if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) {
        problems.push(`console error: ${message.text()}`)
      }
    })
    return { page, context, problems }
  }

  async function openMenu(page: Page, item: string) {
    await page.getByRole('navigation', { name: 'Негізгі мәзір' }).getByRole('link', { name: item, exact: true }).click()
  }

  /** The limit card's three figures: limit, used, left. */
  async function limitFigures(page: Page): Promise<number[]> {
    const text = (await page.getByTestId('referral-limit').textContent()) ?? ''
    return (text.replace(/\s/g, '').match(/\d+/g) ?? []).map(Number)
  }

  /** Finds a seeker (an audited read with its purpose) and picks the vacancy from the search. */
  /** The demo employer publishes a shift vacancy in Pavlodar; its id. */
  async function publishShiftVacancy(
    title: string,
    occupationCode: string,
    description: string,
    wage: [number, number],
    positions: number,
  ) {
    const employer = await loginCookie('employer')
    const created = await api<{ id: number }>(employer, 'POST', '/api/vacancies', {
      title,
      occupationCode,
      description,
      wageMin: wage[0],
      wageMax: wage[1],
      employmentType: 'shift',
      katoCode: '551010000',
      positions,
    })
    await api(employer, 'POST', `/api/vacancies/${created.id}/publish`)
    return created.id
  }

  /** Sets Kostanay's limit for the year to what it has used plus one, whatever earlier stories spent; the used count. */
  async function leaveOneReferral(year: number) {
    const admin = await loginCookie('admin')
    const { items } = await api<{ items: { regionCode: string; used: number }[] }>(
      admin,
      'GET',
      `/api/referral-limits?year=${year}`,
    )
    const used = items.find((item) => item.regionCode === '39')?.used ?? 0
    await api(admin, 'PUT', `/api/referral-limits/39/${year}`, { total: used + 1 })
    return used
  }

  async function prepareReferral(page: Page, iin: string, name: string, vacancyTitle: string, query = 'Газосварщик') {
    await page.getByLabel('Іздеушінің ЖСН-і').fill(iin)
    await page.getByLabel('Сұрау мақсаты').fill('Бос орынға жолдау алдында тексеру')
    await page.getByRole('button', { name: 'Табу', exact: true }).click()
    await page.getByTestId('referral-seeker').filter({ hasText: name }).waitFor({ timeout: 10_000 })
    await page.getByLabel('Атауындағы сөздер').fill(query)
    await page.getByRole('button', { name: 'Іздеу', exact: true }).click()
    await page.getByRole('radio', { name: new RegExp(vacancyTitle) }).check()
  }

  it(
    'lets one officer take the region’s last referral and refuses a second officer of the region with the reason',
    async () => {
      const year = new Date(Date.now() + 5 * 3_600_000).getUTCFullYear()
      const vacancyTitle = 'Газосварщик магистральных трубопроводов'
      const vacancyId = await publishShiftVacancy(
        vacancyTitle,
        '7212',
        'Сварка магистральных трубопроводов, вахта 15/15.',
        [450_000, 600_000],
        3,
      )
      // Exactly one referral left for Kostanay this year, whatever the demo seeding spent.
      const used = await leaveOneReferral(year)

      const first = await openContext()
      const second = await openContext()
      try {
        await signIn(first.page, 'officer')
        await signIn(second.page, 'officer-39b')
        for (const { page } of [first, second]) {
          await openMenu(page, 'Жолдамалар')
          await page.getByRole('heading', { level: 1, name: /^Жолдамалар/ }).waitFor({ timeout: 10_000 })
          await page.getByTestId('referral-limit').waitFor()
          expect(await limitFigures(page)).toEqual([used + 1, used, 1])
        }

        // Both prepare a referral while one unit is left; the first to send it takes it.
        const [arman, madina] = seekers as [(typeof seekers)[number], (typeof seekers)[number]]
        await prepareReferral(first.page, arman.iin, 'Жұмабеков Арман', vacancyTitle)
        await prepareReferral(second.page, madina.iin, 'Сәрсенова Мадина', vacancyTitle)

        await first.page.getByRole('button', { name: 'Жолдау', exact: true }).click()
        await first.page.getByRole('status').filter({ hasText: 'Жолданды' }).waitFor({ timeout: 10_000 })
        await expect.poll(() => limitFigures(first.page)).toEqual([used + 1, used + 1, 0])
        const mine = first.page.getByRole('table', { name: /Жолдамалар, жаңасы басында/ })
        await mine.getByRole('row').filter({ hasText: vacancyTitle }).waitFor()
        expect(await mine.textContent()).toContain(`********${arman.iin.slice(8)}`)
        await first.page.screenshot({ path: `${shotsDir}/hiring-referral-done.png`, fullPage: true })

        await second.page.getByRole('button', { name: 'Жолдау', exact: true }).click()
        const refusal = second.page.getByRole('alert').filter({ hasText: 'Өңірдің жолдама лимиті таусылды' })
        await refusal.waitFor({ timeout: 10_000 })
        expect(await refusal.textContent()).toContain(`referral limit for region 39 in ${year} is spent`)
        // The refusal re-reads the limit, so the second officer now sees it spent too.
        await expect.poll(() => limitFigures(second.page)).toEqual([used + 1, used + 1, 0])
        await second.page.getByText('Әзірге жолдама жоқ.').waitFor()
        await second.page.screenshot({ path: `${shotsDir}/hiring-referral-refused.png`, fullPage: true })

        // The whole region's list shows the one referral to the second officer as well.
        await second.page.getByRole('radio', { name: 'бүкіл өңір' }).check()
        await second.page
          .getByRole('table', { name: /Жолдамалар, жаңасы басында/ })
          .getByRole('row')
          .filter({ hasText: vacancyTitle })
          .waitFor()

        expect([...first.problems, ...second.problems]).toEqual([])
      } finally {
        await first.context.close()
        await second.context.close()
      }

      const { rows } = await sql<{ seeker_iin: string }>`
        SELECT seeker_iin FROM exchange.referrals WHERE vacancy_id = ${vacancyId}`.execute(server.database.db)
      expect(rows.map((row) => row.seeker_iin)).toEqual([seekers[0]?.iin])
      // Both lookups were audited with the purpose the officers typed.
      const audit = await sql<{ subject_iin: string }>`
        SELECT subject_iin FROM audit.log
        WHERE action = 'person.read' AND purpose = 'Бос орынға жолдау алдында тексеру'`.execute(server.database.db)
      expect(audit.rows.map((row) => row.subject_iin).sort()).toEqual(seekers.map((s) => s.iin).sort())
    },
    testTimeout,
  )

  it(
    'lets the employer create and publish a vacancy, read the ranked applicants’ scores, reject with a reason, hire, and be refused a hire beyond the positions',
    async () => {
      // The demo citizen shares a profile that fits the vacancy; the second applicant has none.
      const citizen = await loginCookie('citizen')
      await api(citizen, 'PUT', '/api/me/profile', {
        skills: ['электробезопасность', 'релейная защита'],
        desiredOccupations: ['7411'],
        desiredWage: 320_000,
        regionCode: '55',
        willingToRelocate: true,
        experience: [
          {
            occupationCode: '7411',
            title: 'Электромонтёр',
            employerName: 'АО «КЭГОК»',
            from: '2019-03-01',
            to: null,
          },
        ],
        visibility: 'employers',
      })

      const { page, context, problems } = await openContext()
      try {
        await signIn(page, 'employer')
        await openMenu(page, 'Бос жұмыс орындары')
        await page.getByRole('heading', { level: 1, name: 'Біздің бос жұмыс орындарымыз' }).waitFor()
        await page.getByRole('link', { name: 'Жаңа бос орын' }).click()
        await page.getByRole('heading', { level: 1, name: 'Жаңа бос орын' }).waitFor()

        await page.getByLabel('Лауазым атауы').fill('Электромонтёр подстанции 110 кВ')
        await page.getByLabel('Кәсіп (ISCO-08)').fill('7411')
        await page.locator('input[name="vacancy-occupationCode-choice"][value="7411"]').check()
        await page.getByText('Таңдалды: 7411').waitFor()
        await page.getByLabel('Сипаттама').fill('Обслуживание подстанций. Требуются девушки до 30 лет.')
        await page.locator('#vacancy-katoCode').selectOption('55')
        await page.getByLabel('Орын саны').fill('1')
        await page.getByLabel('Дағдылар').fill('электробезопасность')
        await page.getByLabel('Тәжірибе, жыл').fill('2')

        // No wage: the API refuses it, and the page names both wage fields.
        await page.getByRole('button', { name: 'Жоба ретінде сақтау' }).click()
        const refused = page.getByRole('alert').filter({ hasText: 'Бос орын сақталмады' })
        await refused.waitFor({ timeout: 10_000 })
        expect(await refused.textContent()).toContain('Жалақының төменгі шегін көрсетіңіз')
        expect(await refused.textContent()).toContain('Жалақының жоғарғы шегін көрсетіңіз')
        expect(await page.getByLabel('Жалақы, бастап, ₸').getAttribute('aria-invalid')).toBe('true')

        await page.getByLabel('Жалақы, бастап, ₸').fill('280000')
        await page.getByLabel('Жалақы, дейін, ₸').fill('360000')
        await page.getByRole('button', { name: 'Жоба ретінде сақтау' }).click()
        await page.waitForURL(/\/employer\/vacancies\/\d+$/)
        const vacancyId = Number(new URL(page.url()).pathname.split('/').pop())
        // Saved as a draft, with the excluding phrases flagged before publication.
        const wording = page.getByRole('region', { name: 'Адамдарды шеттететін тұжырымдар' })
        await wording.waitFor()
        expect(await wording.textContent()).toContain('до 30 лет')

        await page.getByLabel('Сипаттама').fill('Обслуживание подстанций 110 кВ, оперативные переключения.')
        await page.getByRole('button', { name: 'Сақтап, жариялау' }).click()
        await page.getByRole('status').filter({ hasText: 'Жарияланды: бос орын іздеуде.' }).waitFor()
        expect(await wording.count()).toBe(0)

        // Two seekers apply through the API.
        const coverLetter = 'Имею допуск V группы. <script>alert(1)</script>'
        await api(citizen, 'POST', `/api/vacancies/${vacancyId}/applications`, { coverLetter })
        const other = await loginCookie('citizen-b')
        await api(other, 'POST', `/api/vacancies/${vacancyId}/applications`, {})
        const third = await api<{ id: number }>(
          await loginCookie('citizen-c'),
          'POST',
          `/api/vacancies/${vacancyId}/applications`,
          {},
        )
        await api(await loginCookie('employer'), 'POST', `/api/applications/${third.id}/events`, { state: 'interview' })

        await openMenu(page, 'Үміткерлер')
        await page.getByLabel('Бос орын', { exact: true }).selectOption(String(vacancyId))
        const cards = page.locator('.candidate')
        await expect.poll(() => cards.count()).toBe(3)
        // Best match first: the demo citizen, with every part of the score explained; no profile, no score.
        expect(await cards.nth(0).textContent()).toContain('Айгерім Нұрланова')
        const explanation = cards.nth(0).getByRole('table', { name: /Айгерім Нұрланова неге 100-ден \d+ алды/ })
        expect(await explanation.locator('tbody tr').count()).toBe(5)
        // Each reason is worded in the page's language from the API's reason code, never the API's English.
        const reasons = async (table: typeof explanation) =>
          (await table.locator('tbody tr').allTextContents()).map((row) => row.replace(/\s+/g, ' '))
        const kk = await reasons(explanation)
        expect(kk[0]).toContain('Қалаған кәсібі 7411 бос орынның кәсібімен (7411) сәйкес келеді')
        expect(kk[1]).toContain('25 ішінен 25')
        expect(kk[1]).toContain('Талап етілген дағдылардың бары: 1 ішінен 1; бар: электробезопасность')
        // Years since March 2019 with a decimal comma, e.g. 7,7.
        expect(kk[2]).toMatch(/ISCO 74 тобындағы тәжірибе: \d+(,\d)? жыл; талап: 2 жыл/)
        expect(kk[3]).toContain('Бос орын орналасқан өңірде жұмыс істегісі келеді: Павлодар облысы')
        expect(kk[4]).toContain('Күтетін жалақысы 320 000 ₸ ұсынылған ауқымның ішінде: 280 000–360 000 ₸')
        expect(kk.join()).not.toMatch(/required skill|wants to work|is within the offered/)
        // In Russian the same explanation reads in Russian, amounts and places as Russian writes them.
        await page.getByRole('button', { name: 'Русский' }).click()
        const inRussian = cards.nth(0).getByRole('table', { name: /Почему у Айгерім Нұрланова \d+ из 100/ })
        await inRussian.waitFor()
        const ru = await reasons(inRussian)
        expect(ru[0]).toContain('Желаемая профессия 7411 совпадает с профессией вакансии 7411')
        expect(ru[1]).toContain('Требуемые навыки: есть 1 из 1; совпадают: электробезопасность')
        expect(ru[2]).toMatch(/Опыт в группе ISCO 74: \d+(,\d)? (года|лет|год); требуется: 2 года/)
        expect(ru[3]).toContain('Хочет работать в регионе вакансии: Павлодарская область')
        expect(ru[4]).toContain('Желаемая зарплата 320 000 ₸ в пределах предложенной: 280 000–360 000 ₸')
        expect(ru.join()).not.toMatch(/required skill|wants to work|is within the offered/)
        await page.screenshot({ path: `${shotsDir}/hiring-candidates-ru.png`, fullPage: true })
        await page.getByRole('button', { name: 'Қазақша' }).click()
        await explanation.waitFor()
        expect(await cards.nth(1).textContent()).toContain('Ерлан Оспанов')
        expect(await cards.nth(1).textContent()).toContain('бағасыз')
        await page.screenshot({ path: `${shotsDir}/hiring-candidates.png`, fullPage: true })

        // The second applicant: rejected, and not without a reason.
        await cards.nth(1).getByRole('link', { name: 'Ерлан Оспанов' }).click()
        await page.getByRole('heading', { level: 1, name: 'Ерлан Оспанов' }).waitFor()
        await page.getByRole('button', { name: 'Бас тарту…' }).click()
        await page.getByRole('button', { name: 'Осы себеппен бас тарту' }).click()
        await page.getByText('Себебін жазыңыз (кемінде 3 таңба).').waitFor()
        const reason = 'Қажетті V топтағы электр қауіпсіздігі рұқсаты жоқ'
        await page.getByLabel('Бас тарту себебі').fill(reason)
        await page.getByRole('button', { name: 'Осы себеппен бас тарту' }).click()
        await page.getByText('Өтінім аяқталды: ол бойынша басқа шешім жоқ.').waitFor()
        const log = page.getByRole('region', { name: 'Барлық қадамдар, жаңасы жоғарыда' })
        const steps = log.getByRole('listitem')
        expect(await steps.count()).toBe(3)
        expect(await steps.nth(0).textContent()).toContain('Бас тартылды')
        expect(await steps.nth(0).textContent()).toContain(reason)
        expect(await steps.nth(1).textContent()).toContain('Қаралды')
        expect(await steps.nth(2).textContent()).toContain('Жіберілді')
        const seen = await api<{ items: { events: { state: string; reason: string | null }[] }[] }>(
          other,
          'GET',
          '/api/me/applications',
        )
        expect(seen.items[0]?.events.at(-1)).toMatchObject({ state: 'rejected', reason })

        // The demo citizen: the cover letter is shown as text, then an interview and the hire.
        await page.getByRole('link', { name: /«Электромонтёр подстанции 110 кВ» үміткерлері/ }).click()
        await page.locator('.candidate').first().getByRole('link', { name: 'Айгерім Нұрланова' }).click()
        await page.getByRole('heading', { level: 1, name: 'Айгерім Нұрланова' }).waitFor()
        expect(await page.locator('.candidate__letter').textContent()).toBe(coverLetter)
        await page.getByRole('button', { name: 'Сұхбатқа шақыру' }).click()
        await page.getByRole('button', { name: 'Жұмысқа алу' }).click()
        await page.getByText('Өтінім аяқталды: ол бойынша басқа шешім жоқ.').waitFor()
        expect(await page.locator('.hiring__summary').textContent()).toContain('Жұмысқа алынды')
        await page.screenshot({ path: `${shotsDir}/hiring-hired.png`, fullPage: true })

        // The one position is taken, so hiring the third applicant is refused with the API's reason.
        await page.goto(`/employer/candidates/${third.id}`)
        await page.getByRole('heading', { level: 1, name: 'Гүлнұр Әбенова' }).waitFor()
        await page.getByRole('button', { name: 'Жұмысқа алу' }).click()
        const beyond = page.getByRole('alert').filter({ hasText: 'Қадам қабылданбады' })
        await beyond.waitFor({ timeout: 10_000 })
        expect(await beyond.textContent()).toContain(`vacancy ${vacancyId} has all 1 position filled`)
        expect(await page.locator('.hiring__summary').textContent()).toContain('Сұхбат')

        // The one position is filled, and the list says so.
        await openMenu(page, 'Бос жұмыс орындары')
        const row = page.getByRole('row').filter({ hasText: 'Электромонтёр подстанции 110 кВ' })
        await row.waitFor()
        expect(await row.textContent()).toContain('Толықты')
        expect(await row.textContent()).toContain('1 ішінен 1')
        expect(problems).toEqual([])
      } finally {
        await context.close()
      }
    },
    testTimeout,
  )

  it(
    'lets the officer refer a seeker, record that she was not hired with the reason (asked for it first), and see it in the region’s statistics',
    async () => {
      const year = new Date(Date.now() + 5 * 3_600_000).getUTCFullYear()
      const vacancyTitle = 'Крановщик мостового крана'
      const vacancyId = await publishShiftVacancy(
        vacancyTitle,
        '8343',
        'Управление мостовым краном в цехе, сменный график.',
        [300_000, 380_000],
        2,
      )
      // One more referral for Kostanay this year, whatever the earlier story spent.
      const used = await leaveOneReferral(year)
      type Stats = { items: Record<string, number | string>[] }
      const officer = await loginCookie('officer')
      const before = (await api<Stats>(officer, 'GET', `/api/referrals/stats?year=${year}`)).items[0] as Record<
        string,
        number
      >
      expect(before).toMatchObject({ regionCode: '39', limit: used + 1, used, remaining: 1 })

      const { page, context, problems } = await openContext()
      try {
        await signIn(page, 'officer')
        await openMenu(page, 'Жолдамалар')
        await page.getByTestId('referral-limit').waitFor({ timeout: 10_000 })
        const madina = seekers[1] as (typeof seekers)[number]
        await prepareReferral(page, madina.iin, 'Сәрсенова Мадина', vacancyTitle, 'Крановщик')
        await page.getByRole('button', { name: 'Жолдау', exact: true }).click()
        await page.getByRole('status').filter({ hasText: 'Жолданды' }).waitFor({ timeout: 10_000 })

        const row = page
          .getByRole('table', { name: /Жолдамалар, жаңасы басында/ })
          .getByRole('row')
          .filter({ hasText: vacancyTitle })
        await row.getByRole('button', { name: 'Нәтижені жазу…' }).click()
        await row.getByRole('radio', { name: 'Алынбады' }).check()
        // No reason: the page asks for one beside the field and sends nothing.
        await row.getByRole('button', { name: 'Нәтижені сақтау' }).click()
        await row.getByText('Себебін жазыңыз (кемінде 3 таңба).').waitFor()
        expect(await row.getByLabel('Себебі').getAttribute('aria-invalid')).toBe('true')
        const pending = await sql<{ outcome: string | null }>`
          SELECT outcome FROM exchange.referrals WHERE vacancy_id = ${vacancyId}`.execute(server.database.db)
        expect(pending.rows).toEqual([{ outcome: null }])
        await page.screenshot({ path: `${shotsDir}/hiring-outcome-reason-missing.png`, fullPage: true })

        const reason = 'Кран басқаруға куәлігі жоқ'
        await row.getByLabel('Себебі').fill(reason)
        await row.getByRole('button', { name: 'Нәтижені сақтау' }).click()
        // The row shows the outcome and its reason at once, and offers no second recording.
        await row.getByText(reason).waitFor({ timeout: 10_000 })
        expect(await row.textContent()).toContain('Алынбады')
        expect(await row.getByRole('button', { name: 'Нәтижені жазу…' }).count()).toBe(0)
        const recorded = await sql<{ outcome: string; outcome_reason: string }>`
          SELECT outcome, outcome_reason FROM exchange.referrals WHERE vacancy_id = ${vacancyId}`.execute(
          server.database.db,
        )
        expect(recorded.rows).toEqual([{ outcome: 'not_hired', outcome_reason: reason }])
        await page.screenshot({ path: `${shotsDir}/hiring-outcome-recorded.png`, fullPage: true })

        // The region's statistics count it as not hired, beside the limit now spent.
        await openMenu(page, 'Жолдама статистикасы')
        await page.getByRole('heading', { level: 1, name: /^Жолдама статистикасы — / }).waitFor({ timeout: 10_000 })
        const kostanay = page.getByTestId('referral-statistics').locator('tbody tr[data-region="39"]')
        await kostanay.waitFor()
        const figure = async (name: string) =>
          Number(((await kostanay.locator(`td[data-figure="${name}"]`).textContent()) ?? '').replace(/\D/g, ''))
        expect(await figure('referrals')).toBe((before.referrals as number) + 1)
        expect(await figure('notHired')).toBe((before.notHired as number) + 1)
        expect(await figure('pending')).toBe(before.pending as number)
        expect(await figure('limit')).toBe(used + 1)
        expect(await figure('used')).toBe(used + 1)
        expect(await figure('remaining')).toBe(0)
        expect(await page.getByTestId('referral-statistics').locator('tbody tr').count()).toBe(1)
        await page.screenshot({ path: `${shotsDir}/hiring-referral-statistics.png`, fullPage: true })

        // The CSV link downloads the same figures.
        const href = (await page.getByRole('link', { name: 'CSV', exact: true }).getAttribute('href')) as string
        const csv = await page.request.get(href)
        expect(csv.headers()['content-disposition']).toBe(`attachment; filename="referral-statistics-39-${year}.csv"`)
        const lines = (await csv.text()).trim().split('\r\n')
        expect(lines[1]?.split(',').slice(0, 4)).toEqual([
          '39',
          String((before.referrals as number) + 1),
          String(before.hired),
          String((before.notHired as number) + 1),
        ])
        expect(problems).toEqual([])
      } finally {
        await context.close()
      }
    },
    testTimeout,
  )
})
