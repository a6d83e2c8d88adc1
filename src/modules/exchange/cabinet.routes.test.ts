import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, json, loginAs, type TestApp } from '../../../tests/helpers/app.js'
import { makeIin } from '../../shared/iin.js'
import { hashPassword } from '../identity/index.js'
import { createCitizenAccount, createVacancy, publishVacancy } from './exchange.testing.js'
import type { Referral } from './referral.schema.js'
import { referralYear } from './referral.service.js'
import type { OwnVacancy, VacancyWithChecks } from './vacancy.schema.js'

/** What the employer cabinet and the officer's referral page read beyond the core exchange API. */

let t: TestApp
let employer: { cookie: string }

beforeAll(async () => {
  t = await createTestApp()
  employer = await loginAs(t.app, 'employer')
})
afterAll(() => t.close())

describe('the employer cabinet', () => {
  it('lists my vacancies with the number of seekers who applied to each', async () => {
    const withTwo = await publishVacancy(t.app, employer, { title: 'Машинист насосных установок' })
    const withNone = await createVacancy(t.app, employer, { title: 'Кладовщик склада запчастей' })
    for (const [i, login] of ['cab-seeker-1', 'cab-seeker-2'].entries()) {
      const seeker = await createCitizenAccount(t.app, t.database.db, {
        login,
        iin: makeIin('1995-03-14', i === 0 ? 'F' : 'M', 4700 + i) as string,
        surname: `Ахметова${i}`,
        givenName: 'Дана',
      })
      const res = await t.app.inject({
        method: 'POST',
        url: `/api/vacancies/${withTwo.id}/applications`,
        headers: seeker,
        payload: {},
      })
      expect(res.statusCode).toBe(201)
    }
    const { items } = json<{ items: OwnVacancy[] }>(
      await t.app.inject({ method: 'GET', url: '/api/me/vacancies', headers: employer }),
    )
    expect(items.find((v) => v.id === withTwo.id)).toMatchObject({ state: 'published', applicants: 2 })
    expect(items.find((v) => v.id === withNone.id)).toMatchObject({ state: 'draft', applicants: 0 })
  })

  it('flags excluding wording on a draft before publication, and clears the flag once it is rephrased', async () => {
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/vacancies',
      headers: employer,
      payload: {
        title: 'Администратор гостиницы',
        occupationCode: '4224',
        description: 'Требуются девушки до 30 лет, славянская внешность.',
        wageMin: 200_000,
        wageMax: 260_000,
        employmentType: 'permanent',
        katoCode: '551010000',
        positions: 1,
      },
    })
    expect(created.statusCode).toBe(201)
    const draft = json<VacancyWithChecks>(created)
    expect(draft.state).toBe('draft')
    expect(draft.wordingFlags.map((f) => f.category).sort()).toEqual(['age', 'ethnicity', 'sex'])
    expect(draft.wordingFlags.map((f) => f.phrase)).toContain('до 30 лет')

    const edited = await t.app.inject({
      method: 'PATCH',
      url: `/api/vacancies/${draft.id}`,
      headers: employer,
      payload: { description: 'Встреча гостей, бронирование, работа с кассой.' },
    })
    expect(json<VacancyWithChecks>(edited).wordingFlags).toEqual([])
  })

  it('does not flag the wording of a vacancy of a programme aimed at that group', async () => {
    const created = await createVacancy(t.app, employer, {
      title: 'Молодёжная практика: помощник бухгалтера',
      occupationCode: '4311',
      description: 'Для выпускников до 29 лет по программе молодёжной практики.',
      programCode: 'youth_practice',
    })
    const read = json<VacancyWithChecks>(
      await t.app.inject({
        method: 'PATCH',
        url: `/api/vacancies/${created.id}`,
        headers: employer,
        payload: { positions: 3 },
      }),
    )
    expect(read.wordingFlags).toEqual([])
  })
})

describe("the officer's referral list", () => {
  it('shows only the referrals I made when asked for mine, and the whole region otherwise', async () => {
    const year = referralYear()
    const admin = await loginAs(t.app, 'admin')
    const limit = await t.app.inject({
      method: 'PUT',
      url: `/api/referral-limits/39/${year}`,
      headers: admin,
      payload: { total: 100 },
    })
    expect(limit.statusCode).toBe(200)
    await t.database.db
      .insertInto('identity.accounts')
      .values({
        login: 'officer-b',
        password_hash: await hashPassword('demo'),
        role: 'officer',
        display_name: 'Второй специалист',
        region_code: '39',
      })
      .execute()
    const officer = await loginAs(t.app, 'officer')
    const officerB = await loginAs(t.app, 'officer-b')
    const vacancy = await publishVacancy(t.app, employer, { title: 'Сварщик на трубопровод' })
    const iins = [makeIin('1990-05-05', 'M', 4801) as string, makeIin('1992-08-08', 'F', 4802) as string]
    for (const iin of iins) {
      const person = await t.app.inject({
        method: 'POST',
        url: '/api/people',
        headers: officer,
        payload: { iin, surname: 'Серіков', givenName: 'Ержан', regionCode: '39' },
      })
      expect(person.statusCode).toBe(201)
    }
    for (const [who, iin] of [
      [officer, iins[0]],
      [officerB, iins[1]],
    ] as const) {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/referrals',
        headers: who,
        payload: { vacancyId: vacancy.id, iin },
      })
      expect(res.statusCode).toBe(201)
    }
    const list = async (who: { cookie: string }, query: string) =>
      json<{ items: Referral[] }>(await t.app.inject({ method: 'GET', url: `/api/referrals${query}`, headers: who }))
        .items
    const mine = await list(officerB, '?mine=true')
    expect(mine).toHaveLength(1)
    expect(mine[0]?.seekerIin).toBe(`********${iins[1]?.slice(8)}`)
    expect((await list(officerB, '')).map((r) => r.seekerIin).sort()).toEqual(
      iins.map((iin) => `********${iin.slice(8)}`).sort(),
    )
    expect(await list(officer, '?mine=true')).toHaveLength(1)
  })
})
