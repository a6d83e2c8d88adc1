import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, json, loginAs, type TestApp } from '../../../tests/helpers/app.js'
import { makeIin } from '../../shared/iin.js'
import { DEMO_CITIZEN_IIN, hashPassword } from '../identity/index.js'
import { createCitizenAccount, publishVacancy } from './exchange.testing.js'
import type { Referral } from './referral.schema.js'
import { referralYear } from './referral.service.js'

let t: TestApp
let officer: { cookie: string } // Kostanay (39)
let officer2: { cookie: string } // Pavlodar (55)
let admin: { cookie: string }
let vacancyId: number
const year = referralYear()
const kostanaySeekers: string[] = []
const pavlodarSeeker = makeIin('1988-11-02', 'M', 4501) as string

beforeAll(async () => {
  t = await createTestApp()
  officer = await loginAs(t.app, 'officer')
  officer2 = await loginAs(t.app, 'officer2')
  admin = await loginAs(t.app, 'admin')
  vacancyId = (await publishVacancy(t.app, await loginAs(t.app, 'employer'), { positions: 5 })).id
  for (let i = 0; i < 6; i++) {
    const iin = makeIin('1993-07-10', i % 2 === 0 ? 'F' : 'M', 4400 + i) as string
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/people',
      headers: officer,
      payload: { iin, surname: `Иванова${i}`, givenName: 'Тест', regionCode: '39' },
    })
    expect(res.statusCode).toBe(201)
    kostanaySeekers.push(iin)
  }
  await createCitizenAccount(t.app, t.database.db, {
    login: 'pavlodar-seeker',
    iin: pavlodarSeeker,
    surname: 'Петров',
    givenName: 'Олег',
    regionCode: '55',
  })
})
afterAll(() => t.close())

const setLimit = (region: string, total: number) =>
  t.app.inject({ method: 'PUT', url: `/api/referral-limits/${region}/${year}`, headers: admin, payload: { total } })
const refer = (who: { cookie: string }, iin: string, vacancy = vacancyId) =>
  t.app.inject({ method: 'POST', url: '/api/referrals', headers: who, payload: { vacancyId: vacancy, iin } })
const limitOf = async (who: { cookie: string }) =>
  json<{ items: { regionCode: string; total: number; used: number; remaining: number }[] }>(
    await t.app.inject({ method: 'GET', url: '/api/referral-limits', headers: who }),
  ).items

describe('referrals under the regional limit', () => {
  it('refers a seeker of the officer’s region and spends one unit of the limit', async () => {
    expect((await setLimit('39', 10)).statusCode).toBe(200)
    const res = await refer(officer, DEMO_CITIZEN_IIN)
    expect(res.statusCode).toBe(201)
    expect(json(res)).toMatchObject({ vacancyId, seekerIin: DEMO_CITIZEN_IIN, regionCode: '39', year, outcome: null })
    expect(await limitOf(officer)).toEqual([{ regionCode: '39', year, total: 10, used: 1, remaining: 9 }])
  })

  it('audits the read of the seeker’s record with the referral as its purpose', async () => {
    const { rows } = await sql<{ action: string; purpose: string }>`
      SELECT action, purpose FROM audit.log WHERE subject_iin = ${DEMO_CITIZEN_IIN} ORDER BY seq DESC LIMIT 1`.execute(
      t.database.db,
    )
    expect(rows[0]).toEqual({ action: 'person.read', purpose: `referral to vacancy ${vacancyId}` })
  })

  it('refuses a seeker of another region with 403, spending nothing', async () => {
    const res = await refer(officer, pavlodarSeeker)
    expect(res.statusCode).toBe(403)
    expect(json(res)).toMatchObject({
      error: { message: `person ${pavlodarSeeker} is outside your scope (region 39)` },
    })
    expect((await limitOf(officer))[0]?.used).toBe(1)
  })

  it('refuses referring the same seeker to the same vacancy twice, spending nothing', async () => {
    const res = await refer(officer, DEMO_CITIZEN_IIN)
    expect(res.statusCode).toBe(409)
    expect(json(res)).toMatchObject({
      error: { message: `seeker ${DEMO_CITIZEN_IIN} is already referred to vacancy ${vacancyId}` },
    })
    expect((await limitOf(officer))[0]?.used).toBe(1)
  })

  it('refuses a referral to a closed vacancy', async () => {
    const employer = await loginAs(t.app, 'employer')
    const { id } = await publishVacancy(t.app, employer)
    await t.app.inject({ method: 'POST', url: `/api/vacancies/${id}/close`, headers: employer })
    const res = await refer(officer, kostanaySeekers[5] as string, id)
    expect(res.statusCode).toBe(409)
    expect(json(res)).toMatchObject({
      error: { message: `vacancy ${id} is closed; only an open vacancy takes referrals` },
    })
  })

  it('gives the last unit to exactly one of many concurrent referrals', async () => {
    const used = (await limitOf(officer))[0]?.used as number
    expect((await setLimit('39', used + 1)).statusCode).toBe(200)
    const results = await Promise.all(kostanaySeekers.slice(0, 5).map((iin) => refer(officer, iin)))
    expect(results.map((r) => r.statusCode).sort()).toEqual([201, 409, 409, 409, 409])
    for (const refused of results.filter((r) => r.statusCode === 409)) {
      expect(json(refused)).toMatchObject({
        error: { code: 'conflict', message: `referral limit for region 39 in ${year} is spent` },
      })
    }
    expect(await limitOf(officer)).toEqual([{ regionCode: '39', year, total: used + 1, used: used + 1, remaining: 0 }])
    const { rows } = await sql<{ n: number }>`
      SELECT count(*)::int AS n FROM exchange.referrals WHERE region_code = '39' AND year = ${year}`.execute(
      t.database.db,
    )
    expect(rows[0]?.n).toBe(used + 1)
  })

  it('answers 409 when the region has no limit for the year', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/referrals',
      headers: officer2,
      payload: { vacancyId, iin: pavlodarSeeker },
    })
    expect(res.statusCode).toBe(409)
    expect(json(res)).toMatchObject({ error: { message: `region 55 has no referral limit for ${year}` } })
  })

  it('does not let a limit be set below what is used, naming the field and the used count', async () => {
    const used = (await limitOf(officer))[0]?.used as number
    expect(used).toBeGreaterThan(0)
    const res = await setLimit('39', used - 1)
    expect(res.statusCode).toBe(409)
    expect(json(res)).toMatchObject({
      error: {
        code: 'conflict',
        message: `total ${used - 1} is below the ${used} referrals region 39 has already used in ${year}`,
        details: { field: 'total', used },
      },
    })
    expect((await limitOf(officer))[0]).toMatchObject({ total: used, used })
    expect(json(await setLimit('39', used))).toMatchObject({ regionCode: '39', total: used, used, remaining: 0 })
  })

  it('lets only officers refer, and only admins set limits', async () => {
    for (const login of ['manager', 'analyst', 'citizen', 'employer']) {
      expect((await refer(await loginAs(t.app, login), DEMO_CITIZEN_IIN)).statusCode).toBe(403)
    }
    expect(
      (
        await t.app.inject({
          method: 'PUT',
          url: `/api/referral-limits/39/${year}`,
          headers: officer,
          payload: { total: 1e5 },
        })
      ).statusCode,
    ).toBe(403)
  })
})

describe('referral outcomes and statistics', () => {
  it('records an outcome once, requiring a reason unless hired, and counts it by region', async () => {
    const list = json<{ items: Referral[] }>(
      await t.app.inject({ method: 'GET', url: '/api/referrals', headers: officer }),
    )
    const [first, second] = list.items
    expect(first?.seekerIin).toMatch(/^\*{8}\d{4}$/)
    const outcome = (id: number, payload: object, who = officer) =>
      t.app.inject({ method: 'POST', url: `/api/referrals/${id}/outcome`, headers: who, payload })

    expect(json(await outcome(first?.id as number, { outcome: 'not_hired' }))).toMatchObject({
      error: { message: 'outcome not_hired needs a reason', details: { field: 'reason' } },
    })
    expect((await outcome(first?.id as number, { outcome: 'hired' }, officer2)).statusCode).toBe(403)
    expect(json(await outcome(first?.id as number, { outcome: 'hired' }))).toMatchObject({ outcome: 'hired' })
    expect((await outcome(first?.id as number, { outcome: 'no_show', reason: 'не пришёл' })).statusCode).toBe(409)
    await outcome(second?.id as number, { outcome: 'not_hired', reason: 'нет допуска к работам на высоте' })

    const stats = json<{
      items: { regionCode: string; referrals: number; hired: number; notHired: number; pending: number }[]
    }>(await t.app.inject({ method: 'GET', url: '/api/referrals/stats', headers: await loginAs(t.app, 'analyst') }))
    expect(stats.items.find((s) => s.regionCode === '39')).toMatchObject({ hired: 1, notHired: 1 })
    const row = stats.items.find((s) => s.regionCode === '39')
    expect(row?.pending).toBe((row?.referrals ?? 0) - 2)
  })

  it('refuses a reason shorter than three characters, naming the field', async () => {
    const [first] = json<{ items: Referral[] }>(
      await t.app.inject({ method: 'GET', url: '/api/referrals', headers: officer }),
    ).items
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/referrals/${first?.id}/outcome`,
      headers: officer,
      payload: { outcome: 'not_hired', reason: 'no' },
    })
    expect(res.statusCode).toBe(400)
    expect(json(res)).toMatchObject({ error: { details: [{ field: 'body/reason' }] } })
  })

  it('lets any officer of the referral’s region record its outcome, not only the one who referred', async () => {
    await t.database.db
      .insertInto('identity.accounts' as never)
      .values({
        login: 'officer-39b',
        password_hash: await hashPassword('demo'),
        role: 'officer',
        display_name: 'Второй специалист',
        region_code: '39',
      } as never)
      .execute()
    const used = (await limitOf(officer))[0]?.used as number
    expect((await setLimit('39', used + 1)).statusCode).toBe(200)
    const referred = json<Referral>(await refer(officer, kostanaySeekers[5] as string))
    const colleague = await loginAs(t.app, 'officer-39b')
    // The colleague's own list does not have it, the region's does.
    const own = json<{ items: Referral[] }>(
      await t.app.inject({ method: 'GET', url: '/api/referrals?mine=true', headers: colleague }),
    )
    expect(own.items).toEqual([])
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/referrals/${referred.id}/outcome`,
      headers: colleague,
      payload: { outcome: 'no_show', reason: '  не пришёл на собеседование  ' },
    })
    expect(res.statusCode).toBe(200)
    expect(json(res)).toMatchObject({
      id: referred.id,
      outcome: 'no_show',
      outcomeReason: 'не пришёл на собеседование',
      // Masked as in the list: the colleague never read this person's record.
      seekerIin: `********${(kostanaySeekers[5] as string).slice(8)}`,
    })
  })

  it('counts each region’s referrals and outcomes beside its limit, used and left', async () => {
    expect((await setLimit('55', 7)).statusCode).toBe(200)
    const stats = json<{ year: number; items: Record<string, number | string>[] }>(
      await t.app.inject({ method: 'GET', url: '/api/referrals/stats', headers: await loginAs(t.app, 'analyst') }),
    )
    expect(stats.year).toBe(year)
    expect(stats.items.find((s) => s.regionCode === '55')).toEqual({
      regionCode: '55',
      limit: 7,
      used: 0,
      remaining: 7,
      referrals: 0,
      hired: 0,
      notHired: 0,
      noShow: 0,
      pending: 0,
    })
    const kostanay = stats.items.find((s) => s.regionCode === '39') as Record<string, number>
    expect(kostanay).toMatchObject({ hired: 1, notHired: 1, noShow: 1, pending: 0 })
    expect(kostanay.used).toBe(kostanay.referrals)
    expect(kostanay.remaining).toBe((kostanay.limit as number) - (kostanay.used as number))
    const earlier = json<{ items: unknown[] }>(
      await t.app.inject({ method: 'GET', url: '/api/referrals/stats?year=2001', headers: admin }),
    )
    expect(earlier.items).toEqual([])
  })

  it('shows officers and managers their own region only, analysts and admins every region', async () => {
    const regionsSeenBy = async (login: string) =>
      json<{ items: { regionCode: string }[] }>(
        await t.app.inject({ method: 'GET', url: '/api/referrals/stats', headers: await loginAs(t.app, login) }),
      ).items.map((s) => s.regionCode)
    expect(await regionsSeenBy('officer')).toEqual(['39'])
    expect(await regionsSeenBy('manager')).toEqual(['39'])
    expect(await regionsSeenBy('officer2')).toEqual(['55'])
    expect(await regionsSeenBy('analyst')).toEqual(['39', '55'])
    expect(await regionsSeenBy('admin')).toEqual(['39', '55'])
    for (const login of ['citizen', 'employer']) {
      const res = await t.app.inject({
        method: 'GET',
        url: '/api/referrals/stats',
        headers: await loginAs(t.app, login),
      })
      expect(res.statusCode).toBe(403)
    }
  })

  it('downloads the statistics as CSV and XLSX, and refuses another format', async () => {
    const csv = await t.app.inject({ method: 'GET', url: '/api/referrals/stats?format=csv', headers: officer })
    expect(csv.statusCode).toBe(200)
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8')
    expect(csv.headers['content-disposition']).toBe(`attachment; filename="referral-statistics-39-${year}.csv"`)
    const [header, ...lines] = csv.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n')
    expect(header).toBe('Region,Referrals,Hired,Not hired,Did not come,Outcome pending,Limit,Used,Left')
    const kostanay = json<{ items: Record<string, number>[] }>(
      await t.app.inject({ method: 'GET', url: '/api/referrals/stats', headers: officer }),
    ).items[0] as Record<string, number>
    expect(lines).toEqual([
      ['39', kostanay.referrals, 1, 1, 1, 0, kostanay.limit, kostanay.used, kostanay.remaining].join(','),
    ])

    const xlsx = await t.app.inject({
      method: 'GET',
      url: `/api/referrals/stats?format=xlsx&year=${year}`,
      headers: await loginAs(t.app, 'analyst'),
    })
    expect(xlsx.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
    expect(xlsx.headers['content-disposition']).toBe(`attachment; filename="referral-statistics-all-${year}.xlsx"`)
    expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe('PK')

    const pdf = await t.app.inject({ method: 'GET', url: '/api/referrals/stats?format=pdf', headers: officer })
    expect(pdf.statusCode).toBe(400)
  })
})
