import type { App } from '../../app.js'
import type { ProfileInput } from './profile.schema.js'

/** Test factories for seeker profiles; they go through the HTTP API, as a real seeker would. */

/** Костанай Г.А. and Алтынсаринский район: level-2 KATO units of region 39; Павлодар Г.А. of region 55. */
export const KOSTANAY_DISTRICT = '391000000'
export const ALTYNSARIN_DISTRICT = '393200000'
export const PAVLODAR_CITY_DISTRICT = '551000000'

/** An electrician in Pavlodar with two jobs behind them: a good match for the exchange's default test vacancy. */
export function profilePayload(overrides: Partial<ProfileInput> = {}): ProfileInput {
  return {
    education: [{ level: 'vocational', field: 'Электроснабжение', institution: 'Павлодарский колледж', year: 2016 }],
    experience: [
      {
        occupationCode: '7411',
        title: 'Электромонтер',
        employerName: 'АО «ПАВЛОДАРЭНЕРГО»',
        from: '2016-09-01',
        to: '2020-06-30',
      },
      { occupationCode: '7412', title: 'Электромеханик', employerName: 'ТОО «Кайнар»', from: '2020-07-01', to: null },
    ],
    skills: ['Электробезопасность', 'Сварка'],
    languages: [
      { lang: 'kk', level: 'native' },
      { lang: 'ru', level: 'fluent' },
    ],
    desiredOccupations: ['7411'],
    desiredWage: 300_000,
    regionCode: '55',
    districtCode: PAVLODAR_CITY_DISTRICT,
    willingToRelocate: false,
    visibility: 'employers',
    ...overrides,
  }
}

export async function saveProfile(app: App, who: { cookie: string }, overrides: Partial<ProfileInput> = {}) {
  const res = await app.inject({
    method: 'PUT',
    url: '/api/me/profile',
    headers: who,
    payload: profilePayload(overrides),
  })
  if (res.statusCode !== 200) throw new Error(`profile not saved: ${res.statusCode} ${res.body}`)
  return res.json() as Record<string, unknown>
}
