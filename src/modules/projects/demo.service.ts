import { sql } from 'kysely'
import type { Db } from '../../db/client.js'
import type { Principal } from '../../shared/auth.js'
import { applyToVacancy, moveApplication, setVacancyProject } from '../exchange/index.js'
import { DEMO_EMPLOYER_BIN, getOrganisation } from '../identity/index.js'
import { recountLabourBalance } from './overview.service.js'
import * as repo from './project.repository.js'
import { recountProjectCounts, thisYear } from './project.service.js'
import type { Sector, TenderState } from './projects.tables.js'

export const DEMO_PROGRAMME_CODE = 'NP-INDUSTRY'

interface DemoProject {
  title: string
  region: string
  sector: Sector
  investment: number
  state: TenderState
  contractor: boolean
  permanent: number
  temporary: number
  /** link the demo employer's published vacancies of this region */
  linkVacancies: boolean
}

const PROJECTS: readonly DemoProject[] = [
  {
    title: 'Павлодар мұнай-химия кешенін жаңғырту (Модернизация нефтехимического комплекса)',
    region: '55',
    sector: 'industry',
    investment: 48_000_000_000,
    state: 'under_way',
    contractor: true,
    permanent: 40,
    temporary: 120,
    linkVacancies: true,
  },
  {
    title: 'Қостанай астық терминалы (Зерновой терминал Костанай)',
    region: '39',
    sector: 'agriculture',
    investment: 12_500_000_000,
    state: 'contracted',
    contractor: true,
    permanent: 25,
    temporary: 60,
    linkVacancies: true,
  },
  {
    title: 'Рудный қаласының су құбыры (Водовод города Рудный)',
    region: '39',
    sector: 'water',
    investment: 6_200_000_000,
    state: 'in_tender',
    contractor: false,
    permanent: 0,
    temporary: 80,
    linkVacancies: false,
  },
  {
    title: 'Қарағанды жылу желілері (Тепловые сети Караганды)',
    region: '35',
    sector: 'energy',
    investment: 21_000_000_000,
    state: 'contracted',
    contractor: true,
    permanent: 15,
    temporary: 90,
    linkVacancies: false,
  },
  {
    title: 'Астана LRT депосы (Депо LRT Астаны)',
    region: '71',
    sector: 'transport',
    investment: 35_000_000_000,
    state: 'in_tender',
    contractor: false,
    permanent: 60,
    temporary: 200,
    linkVacancies: false,
  },
]

/** How many generated people the demo hires on the Pavlodar project's vacancies, so the map shows real counts. */
const DEMO_HIRES = 2

/**
 * Demo data of national projects: one national programme with projects in four regions, two in tender, the demo
 * employer as contractor of the others with its published vacancies of that region attached, and a few hires made
 * through the exchange's own application flow. Idempotent: nothing happens once the programme exists.
 */
export async function seedProjectsDemo(db: Db): Promise<{ projects: number; hires: number }> {
  if ((await repo.findProgrammeByCode(db, DEMO_PROGRAMME_CODE)) !== undefined) return { projects: 0, hires: 0 }
  const seeded = await seedProjects(db)
  // What the jobs `projects-counts` and `projects-balance` would count within minutes, counted now.
  await recountProjectCounts(db)
  await recountLabourBalance(db)
  return seeded
}

async function seedProjects(db: Db): Promise<{ projects: number; hires: number }> {
  const organisation = await getOrganisation(db, DEMO_EMPLOYER_BIN)
  const year = thisYear()
  const { rows: vacancies } = await sql<{ vacancy_id: number; region_code: string; positions: number }>`
    SELECT vacancy_id, region_code, positions FROM exchange.vacancy_facts
    WHERE employer_bin = ${DEMO_EMPLOYER_BIN} AND state = 'published' ORDER BY vacancy_id`.execute(db)
  const employerAccount = await sql<{ id: number }>`
    SELECT id FROM identity.accounts WHERE login = 'employer'`.execute(db)
  const accountId = employerAccount.rows[0]?.id ?? 0

  const linked = await db.transaction().execute(async (trx) => {
    const programme = await repo.insertProgramme(trx, {
      code: DEMO_PROGRAMME_CODE,
      name: 'Өнеркәсіп және инфрақұрылым ұлттық жобасы (Национальный проект: промышленность и инфраструктура)',
      description: 'Demo national programme: projects in several regions, jobs counted from the exchange.',
    })
    const result: number[] = []
    for (const p of PROJECTS) {
      const row = await repo.insertProject(trx, {
        programme_id: programme.id,
        title: p.title,
        region_code: p.region,
        district_code: null,
        sector: p.sector,
        investment: p.investment,
        tender_state: p.state,
        contractor_bin: p.contractor ? organisation.bin : null,
        contractor_name: p.contractor ? organisation.name : null,
        starts_on: `${year - 1}-03-01`,
        ends_on: `${year + 1}-12-31`,
      })
      await repo.replacePlannedJobs(trx, row.id, [
        { year: year - 1, permanent: Math.round(p.permanent / 2), temporary: Math.round(p.temporary / 2) },
        { year, permanent: p.permanent, temporary: p.temporary },
        { year: year + 1, permanent: p.permanent, temporary: Math.round(p.temporary / 3) },
      ])
      if (!p.linkVacancies) continue
      for (const v of vacancies.filter((v) => v.region_code === p.region)) {
        const link = { vacancy_id: v.vacancy_id, project_id: row.id, linked_by: accountId }
        // The exchange's copy of the link, as attachVacancy writes it: the search filter `project` finds it.
        if ((await repo.insertVacancyLink(trx, link)) !== undefined) await setVacancyProject(trx, v.vacancy_id, row.id)
        result.push(v.vacancy_id)
      }
    }
    return result
  })

  // Hires go through the exchange's own flow (apply, interview, hire), so every count stays the exchange's.
  const target = vacancies.find(
    (v) => v.region_code === '55' && linked.includes(v.vacancy_id) && v.positions >= DEMO_HIRES,
  )
  if (target === undefined) return { projects: PROJECTS.length, hires: 0 }
  const { rows: people } = await sql<{ iin: string }>`
    SELECT p.iin FROM identity.person_facts p
    WHERE p.region_code = '55' AND NOT EXISTS (SELECT 1 FROM exchange.application_facts a WHERE a.seeker_iin = p.iin)
    ORDER BY p.iin LIMIT ${DEMO_HIRES}`.execute(db)
  const employer: Principal = {
    accountId,
    login: 'employer',
    role: 'employer',
    displayName: organisation.name,
    regionCode: null,
    districtCode: null,
    iin: null,
    bin: organisation.bin,
    channelCode: null,
  }
  for (const [i, person] of people.entries()) {
    const seeker: Principal = {
      accountId: 0,
      login: `demo-seeker-${i + 1}`,
      role: 'citizen',
      displayName: `Demo seeker ${i + 1}`,
      regionCode: null,
      districtCode: null,
      iin: person.iin,
      bin: null,
      channelCode: null,
    }
    const application = await applyToVacancy(db, seeker, target.vacancy_id, {})
    await moveApplication(db, employer, application.id, { state: 'interview' })
    await moveApplication(db, employer, application.id, { state: 'hired' })
  }
  return { projects: PROJECTS.length, hires: people.length }
}
