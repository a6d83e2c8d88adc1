import type { Db } from '../../db/client.js'
import type { Principal } from '../../shared/auth.js'
import { listOwnVacancies } from '../exchange/index.js'
import { DEMO_EMPLOYER_BIN, findAccountByLogin, getOrganisation } from '../identity/index.js'
import { almatyDay } from './eligibility.rules.js'
import * as repo from './fair.repository.js'

export const DEMO_FAIR_TITLE = 'Жастар жәрмеңкесі / Ярмарка вакансий для молодёжи'
const DAY_MS = 86_400_000
const SLOT_MINUTES = 30
/** Interview hours, Almaty time (UTC+5): 10:00–12:00 and 15:00–17:00, four slots each. */
const SLOT_STARTS_UTC = ['05:00', '05:30', '06:00', '06:30', '10:00', '10:30', '11:00', '11:30']

/**
 * A fair open now, in demo mode: for graduates and people up to 35 from every region, organised by the demo
 * officer, with the demo employer's (Pavlodar, 55) approved booth, its Pavlodar vacancies and interview slots on
 * each remaining day. Idempotent: while a demo fair is open nothing is added; once it has closed, the next start
 * opens a new one, so a demo always has a fair to visit.
 */
export async function seedFairsDemo(db: Db, now = new Date()): Promise<{ fairId: number | null; slots: number }> {
  const open = (await repo.listFairs(db, undefined)).find(
    (f) => f.title === DEMO_FAIR_TITLE && new Date(f.ends_at) > now && new Date(f.starts_at) <= now,
  )
  if (open !== undefined) return { fairId: null, slots: 0 }
  const officer = await findAccountByLogin(db, 'officer')
  if (officer === undefined) return { fairId: null, slots: 0 }
  const organisation = await getOrganisation(db, DEMO_EMPLOYER_BIN)
  const employer: Principal = {
    accountId: 0,
    login: 'fairs-demo',
    role: 'employer',
    displayName: organisation.name,
    regionCode: null,
    districtCode: null,
    iin: null,
    bin: DEMO_EMPLOYER_BIN,
    channelCode: null,
  }
  const vacancies = (await listOwnVacancies(db, employer)).filter(
    (v) => v.regionCode === '55' && v.state === 'published' && v.fairId === null,
  )
  if (vacancies.length === 0) return { fairId: null, slots: 0 }

  // From the start of today to the end of the sixth day after, in Kazakhstan.
  const today = almatyDay(now)
  const startsAt = new Date(`${today}T00:00:00+05:00`)
  const endsAt = new Date(startsAt.getTime() + 7 * DAY_MS)
  return db.transaction().execute(async (trx) => {
    const fair = await repo.insertFair(trx, {
      title: DEMO_FAIR_TITLE,
      description:
        'Бір апта бойы онлайн: түлектер мен 35 жасқа дейінгі жастар үшін, барлық өңірлерден. ' +
        'Неделя онлайн: для выпускников и молодёжи до 35 лет из всех регионов. ' +
        'A week online for graduates and young people up to 35 from every region.',
      organiser_account_id: officer.id,
      organiser_name: officer.display_name,
      starts_at: startsAt,
      ends_at: endsAt,
      state: 'open',
      recurrence: 'none',
      max_age: 35,
      graduated_within_years: 3,
      allowed_statuses: [],
      region_codes: [],
    })
    const booth = await repo.insertBooth(trx, {
      fair_id: fair.id,
      employer_bin: DEMO_EMPLOYER_BIN,
      employer_name: organisation.name,
    })
    if (booth === undefined) throw new Error(`demo fair ${fair.id} already has the demo employer's booth`)
    await repo.decideBooth(trx, booth.id, 'approved', null)
    await repo.insertBoothVacancies(
      trx,
      vacancies.map((v) => ({
        fair_id: fair.id,
        vacancy_id: v.id,
        booth_id: booth.id,
        title: v.title,
        region_code: v.regionCode,
      })),
    )
    let slots = 0
    for (let day = 0; day < 7; day++) {
      const date = new Date(startsAt.getTime() + day * DAY_MS + 5 * 3_600_000).toISOString().slice(0, 10)
      for (const time of SLOT_STARTS_UTC) {
        const starts = new Date(`${date}T${time}:00Z`)
        if (starts <= now) continue
        await repo.insertSlot(trx, {
          fair_id: fair.id,
          booth_id: booth.id,
          starts_at: starts,
          ends_at: new Date(starts.getTime() + SLOT_MINUTES * 60_000),
          meeting_link: `https://meet.jumys.kz/demo-fair-${fair.id}/booth-${booth.id}/${date}-${time.replace(':', '')}`,
        })
        slots++
      }
    }
    return { fairId: fair.id, slots }
  })
}
