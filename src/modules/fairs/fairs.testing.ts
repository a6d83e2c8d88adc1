import { sql } from 'kysely'
import { loginAs } from '../../../tests/helpers/app.js'
import type { App } from '../../app.js'
import type { Db } from '../../db/client.js'
import { makeBin, makeIin, type Sex } from '../../shared/iin.js'
import { hashPassword } from '../identity/index.js'

/** Test factories for fairs: people, employers and vacancies as the other modules would hold them. */

export type Session = { cookie: string }
const HOUR = 3_600_000
export const inHours = (h: number) => new Date(Date.now() + h * HOUR).toISOString()

let passwordHash: string | undefined
async function demoHash() {
  passwordHash ??= await hashPassword('demo')
  return passwordHash
}

let serial = 4000
/** A citizen with a recorded birth date, region and (optionally) current registry status; password "demo". */
export async function newSeeker(
  app: App,
  db: Db,
  input: { birthDate: string; regionCode?: string; status?: string | null; sex?: Sex; login?: string },
): Promise<Session & { iin: string; login: string }> {
  let iin: string | undefined
  while (iin === undefined) iin = makeIin(input.birthDate, input.sex ?? 'M', serial++)
  const login = input.login ?? `seeker-${iin}`
  await db
    .insertInto('identity.people')
    .values({
      iin,
      surname: 'Тестов',
      given_name: `Сейткали ${serial}`,
      birth_date: input.birthDate,
      sex: input.sex ?? 'M',
      region_code: input.regionCode ?? '39',
    })
    .execute()
  await db
    .insertInto('identity.accounts')
    .values({
      login,
      password_hash: await demoHash(),
      role: 'citizen',
      display_name: `Сейткали ${serial} Тестов`,
      iin,
    })
    .execute()
  const status = input.status === undefined ? 'unemployed_registered' : input.status
  if (status !== null) await setStatus(db, iin, status)
  return { ...(await loginAs(app, login)), iin, login }
}

/** Sets a person's current registry status directly (the registry's merge is tested in its own module). */
export async function setStatus(db: Db, iin: string, status: string) {
  await sql`
    INSERT INTO registry.current_status (iin, status, status_group, valid_from, channel_code, rank, event_id, confirmed_at, fresh_until)
    SELECT ${iin}, code, status_group, current_date, 'egov', 50, 0, now(), now() + interval '90 days'
    FROM reference.status_categories WHERE code = ${status}
    ON CONFLICT (iin) DO UPDATE SET status = EXCLUDED.status, status_group = EXCLUDED.status_group`.execute(db)
}

let binSerial = 500
/** An employer organisation and account (password "demo"). */
export async function newEmployer(
  app: App,
  db: Db,
  name: string,
  regionCode = '55',
): Promise<Session & { bin: string }> {
  let bin: string | undefined
  while (bin === undefined) bin = makeBin('2001', 4, 0, binSerial++)
  await db.insertInto('identity.organisations').values({ bin, name, region_code: regionCode }).execute()
  const login = `employer-${bin}`
  await db
    .insertInto('identity.accounts')
    .values({ login, password_hash: await demoHash(), role: 'employer', display_name: name, bin })
    .execute()
  return { ...(await loginAs(app, login)), bin }
}

let vacancySerial = 0
/** A published vacancy of the employer, optionally fair-only. */
export async function newVacancy(app: App, employer: Session, overrides: Record<string, unknown> = {}) {
  vacancySerial++
  const created = await app.inject({
    method: 'POST',
    url: '/api/vacancies',
    headers: employer,
    payload: {
      title: `Инженер-электрик смены ${vacancySerial}`,
      occupationCode: '7411',
      description: 'Обслуживание подстанций.',
      wageMin: 300_000,
      wageMax: 400_000,
      employmentType: 'permanent',
      katoCode: '551010000',
      positions: 3,
      ...overrides,
    },
  })
  if (created.statusCode !== 201) throw new Error(`vacancy not created: ${created.body}`)
  const { id } = created.json() as { id: number }
  const published = await app.inject({ method: 'POST', url: `/api/vacancies/${id}/publish`, headers: employer })
  if (published.statusCode !== 200) throw new Error(`vacancy not published: ${published.body}`)
  return published.json() as { id: number; title: string }
}

/** An open fair (window from an hour ago to a week ahead) organised by the demo officer. */
export async function newFair(app: App, organiser: Session, overrides: Record<string, unknown> = {}) {
  const res = await app.inject({
    method: 'POST',
    url: '/api/fairs',
    headers: organiser,
    payload: { title: 'Ярмарка вакансий: молодёжь', startsAt: inHours(-1), endsAt: inHours(24 * 7), ...overrides },
  })
  if (res.statusCode !== 201) throw new Error(`fair not created: ${res.body}`)
  return res.json() as { id: number; state: string }
}

/** An approved booth of the employer with the given vacancies. */
export async function approvedBooth(
  app: App,
  fairId: number,
  employer: Session,
  organiser: Session,
  vacancyIds: number[],
) {
  const joined = await app.inject({
    method: 'POST',
    url: `/api/fairs/${fairId}/booths`,
    headers: employer,
    payload: { vacancyIds },
  })
  if (joined.statusCode !== 201) throw new Error(`booth not joined: ${joined.body}`)
  const { id } = joined.json() as { id: number }
  const approved = await app.inject({
    method: 'POST',
    url: `/api/fairs/${fairId}/booths/${id}/decision`,
    headers: organiser,
    payload: { state: 'approved' },
  })
  if (approved.statusCode !== 200) throw new Error(`booth not approved: ${approved.body}`)
  return id
}
