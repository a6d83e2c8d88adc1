import { loginAs } from '../../../tests/helpers/app.js'
import type { App } from '../../app.js'
import type { Db } from '../../db/client.js'
import { hashPassword } from '../identity/index.js'
import type { NewVacancy } from './vacancy.schema.js'

/** Test factories for the exchange; they go through the HTTP API, as a real employer would. */

/** Павлодар (city), in the demo employer's region 55. */
export const PAVLODAR_CITY = '551010000'
export const PAVLODAR_DISTRICT = '551000000'
export const KOSTANAY_CITY = '391010000'

let serial = 0
export function vacancyPayload(overrides: Partial<NewVacancy> = {}): NewVacancy {
  serial++
  return {
    title: `Электромонтер по ремонту оборудования ${serial}`,
    occupationCode: '7411',
    description: 'Ремонт и обслуживание электрооборудования подстанций. Полный соцпакет.',
    requirements: {
      educationLevel: 'vocational',
      experienceYears: 1,
      skills: ['электробезопасность'],
      languages: [{ lang: 'ru', level: 'fluent' }],
      drivingLicence: [],
    },
    wageMin: 250_000,
    wageMax: 350_000,
    employmentType: 'permanent',
    schedule: 'full_day',
    katoCode: PAVLODAR_CITY,
    positions: 2,
    ...overrides,
  }
}

export async function createVacancy(app: App, who: { cookie: string }, overrides: Partial<NewVacancy> = {}) {
  const res = await app.inject({
    method: 'POST',
    url: '/api/vacancies',
    headers: who,
    payload: vacancyPayload(overrides),
  })
  if (res.statusCode !== 201) throw new Error(`vacancy not created: ${res.statusCode} ${res.body}`)
  return res.json() as { id: number; duplicateOf: number[]; title: string }
}

export async function publishVacancy(app: App, who: { cookie: string }, overrides: Partial<NewVacancy> = {}) {
  const created = await createVacancy(app, who, overrides)
  const res = await app.inject({ method: 'POST', url: `/api/vacancies/${created.id}/publish`, headers: who })
  if (res.statusCode !== 200) throw new Error(`vacancy not published: ${res.statusCode} ${res.body}`)
  return res.json() as { id: number; title: string; state: string }
}

/** A second employer (organisation + account, password "demo") to prove that employers only touch their own. */
export async function createEmployerAccount(
  app: App,
  db: Db,
  input: { login: string; bin: string; name: string; regionCode: string },
): Promise<{ cookie: string }> {
  const admin = await loginAs(app, 'admin')
  const org = await app.inject({
    method: 'POST',
    url: '/api/organisations',
    headers: admin,
    payload: { bin: input.bin, name: input.name, regionCode: input.regionCode },
  })
  if (org.statusCode !== 201) throw new Error(`organisation not created: ${org.body}`)
  await db
    .insertInto('identity.accounts')
    .values({
      login: input.login,
      password_hash: await hashPassword('demo'),
      role: 'employer',
      display_name: input.name,
      bin: input.bin,
    })
    .execute()
  return loginAs(app, input.login)
}

/** A citizen (person registered by the Kostanay officer + account, password "demo"), to apply or be referred. */
export async function createCitizenAccount(
  app: App,
  db: Db,
  input: { login: string; iin: string; surname: string; givenName: string; regionCode?: string },
): Promise<{ cookie: string }> {
  const officer = await loginAs(app, input.regionCode === '55' ? 'officer2' : 'officer')
  const person = await app.inject({
    method: 'POST',
    url: '/api/people',
    headers: officer,
    payload: {
      iin: input.iin,
      surname: input.surname,
      givenName: input.givenName,
      regionCode: input.regionCode ?? '39',
    },
  })
  if (person.statusCode !== 201) throw new Error(`person not created: ${person.body}`)
  await db
    .insertInto('identity.accounts')
    .values({
      login: input.login,
      password_hash: await hashPassword('demo'),
      role: 'citizen',
      display_name: `${input.givenName} ${input.surname}`,
      iin: input.iin,
    })
    .execute()
  return loginAs(app, input.login)
}
