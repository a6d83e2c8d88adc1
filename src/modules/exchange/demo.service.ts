import type { Db } from '../../db/client.js'
import { DEMO_EMPLOYER_BIN, getOrganisation } from '../identity/index.js'
import * as referrals from './referral.repository.js'
import { referralYear } from './referral.service.js'
import * as vacancies from './vacancy.repository.js'

/** The national yearly referral limit (FACTS.md: 350,000 a year). */
export const NATIONAL_REFERRAL_LIMIT = 350_000

/**
 * Approximate population by region, thousands, early 2024 (Bureau of National Statistics, rounded) — demo data
 * only (check): the real split is set by the ministry each year through PUT /api/referral-limits.
 */
export const POPULATION_THOUSANDS: Readonly<Record<string, number>> = {
  '10': 603,
  '11': 785,
  '15': 927,
  '19': 1530,
  '23': 700,
  '27': 690,
  '31': 1220,
  '33': 700,
  '35': 1130,
  '39': 830,
  '43': 840,
  '47': 790,
  '55': 750,
  '59': 530,
  '61': 2160,
  '62': 220,
  '63': 725,
  '71': 1420,
  '75': 2270,
  '79': 1240,
}

/** Splits a national total by population share; largest remainders get the leftover units, so the sum is exact. */
export function splitByPopulation(total: number, population: Readonly<Record<string, number>>): Map<string, number> {
  const sum = Object.values(population).reduce((a, b) => a + b, 0)
  const shares = Object.entries(population).map(([code, people]) => {
    const exact = (total * people) / sum
    return { code, units: Math.floor(exact), remainder: exact - Math.floor(exact) }
  })
  let left = total - shares.reduce((a, s) => a + s.units, 0)
  for (const s of [...shares].sort((a, b) => b.remainder - a.remainder || a.code.localeCompare(b.code))) {
    if (left-- <= 0) break
    s.units++
  }
  return new Map(shares.map((s) => [s.code, s.units]))
}

const DAY_MS = 86_400_000

/** A few published vacancies of the demo employer, in Pavlodar and Kostanay, so that search has something. */
const DEMO_VACANCIES = [
  {
    title: 'Электромонтер по ремонту оборудования',
    occupation: '7411',
    kato: '551010000',
    type: 'permanent',
    wage: [280_000, 380_000],
    exp: 1,
    text: 'Ремонт и обслуживание электрооборудования подстанций 6–110 кВ. Полный соцпакет, спецодежда.',
  },
  {
    title: 'Водитель категории С',
    occupation: '8322',
    kato: '551010000',
    type: 'shift',
    wage: [300_000, 420_000],
    exp: 2,
    text: 'Перевозка оборудования по Павлодарской области. Вахта 15/15, проживание за счёт компании.',
  },
  {
    title: 'Инженер-программист (1С)',
    occupation: '2512',
    kato: '551010000',
    type: 'permanent',
    wage: [450_000, 650_000],
    exp: 2,
    text: 'Сопровождение и доработка 1С: Бухгалтерия, обмены с банком. Возможна частичная удалённая работа.',
  },
  {
    title: 'Бухгалтер',
    occupation: '3313',
    kato: '551010000',
    type: 'permanent',
    wage: [250_000, 320_000],
    exp: 1,
    text: 'Первичная документация, расчёт заработной платы, сдача налоговой отчётности.',
  },
  {
    title: 'Повар',
    occupation: '5120',
    kato: '391010000',
    type: 'permanent',
    wage: [180_000, 240_000],
    exp: 0,
    text: 'Столовая для сотрудников. Обучение на месте, питание бесплатно.',
  },
  {
    title: 'Жүргізуші (Водитель)',
    occupation: '8322',
    kato: '391010000',
    type: 'seasonal',
    wage: [220_000, 280_000],
    exp: 0,
    text: 'Егін жинау маусымына жүргізушілер керек. Требуются водители на уборочную кампанию.',
  },
  {
    title: 'Продавец-консультант',
    occupation: '5223',
    kato: '391010000',
    type: 'temporary',
    wage: [150_000, 200_000],
    exp: 0,
    text: 'Консультирование покупателей, выкладка товара. График 2/2.',
  },
  {
    title: 'Software developer (TypeScript)',
    occupation: '2512',
    kato: '551010000',
    type: 'remote',
    wage: [600_000, 900_000],
    exp: 3,
    text: 'Remote work on the national employment platform: TypeScript, PostgreSQL, React.',
  },
] as const

/**
 * Demo data of the exchange: this year's referral limits for every region (350,000 split by population share)
 * and a few published vacancies of the demo employer. Idempotent: existing limits and vacancies are kept.
 */
export async function seedExchangeDemo(db: Db): Promise<{ limits: number; vacancies: number }> {
  const year = referralYear()
  const split = splitByPopulation(NATIONAL_REFERRAL_LIMIT, POPULATION_THOUSANDS)
  await referrals.insertReferralLimits(
    db,
    [...split].map(([region_code, total]) => ({ region_code, year, total })),
  )
  const existing = await vacancies.listEmployerVacancies(db, DEMO_EMPLOYER_BIN)
  if (existing.length > 0) return { limits: split.size, vacancies: 0 }
  const organisation = await getOrganisation(db, DEMO_EMPLOYER_BIN)
  const now = Date.now()
  await db.transaction().execute(async (trx) => {
    for (const [i, v] of DEMO_VACANCIES.entries()) {
      await vacancies.insertVacancy(trx, {
        employer_bin: DEMO_EMPLOYER_BIN,
        employer_name: organisation.name,
        title: v.title,
        occupation_code: v.occupation,
        description: v.text,
        experience_years: v.exp,
        wage_min: v.wage[0],
        wage_max: v.wage[1],
        employment_type: v.type,
        kato_code: v.kato,
        region_code: v.kato.slice(0, 2),
        district_code: `${v.kato.slice(0, 4)}00000`,
        positions: 1 + (i % 3),
        state: 'published',
        published_at: new Date(now - i * DAY_MS),
        expires_at: new Date(now + (30 - i) * DAY_MS),
      })
    }
  })
  return { limits: split.size, vacancies: DEMO_VACANCIES.length }
}
