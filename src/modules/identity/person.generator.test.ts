import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { AppError } from '../../shared/errors.js'
import { decodeIin, isValidBin, isValidIin, type Sex } from '../../shared/iin.js'
import {
  AGE_BANDS,
  MAX_AGE,
  MIN_AGE,
  NAMES,
  REGIONS,
  RETIREMENT_AGE,
  STATUS_CODES,
  STATUS_GROUP,
  type StatusGroup,
} from './generator-data.js'
import {
  ageOn,
  createIinAllocator,
  DEFAULT_TODAY,
  feminineSurname,
  generateOrganisations,
  generatePeople,
  kazakhPatronymic,
  type OrganisationRow,
  type PersonRow,
  russianPatronymic,
} from './person.generator.js'

/** Region code → level-2 KATO codes, from the reference file (checked below to have no quoted fields). */
function readDistricts(): Map<string, string[]> {
  const text = readFileSync(new URL('../../../refdata/kato-districts.csv', import.meta.url), 'utf8')
  expect(text).not.toContain('"')
  const [header, ...lines] = text.trim().split(/\r?\n/)
  expect(header).toBe('code,parent_code,region_code,level,type,name_ru')
  const districts = new Map<string, string[]>()
  for (const line of lines) {
    const cells = line.split(',')
    expect(cells).toHaveLength(6)
    const [code, , region, level] = cells
    if (level === '2' && code !== undefined && region !== undefined) {
      districts.set(region, [...(districts.get(region) ?? []), code])
    }
  }
  return districts
}

const districts = readDistricts()
const SAMPLE_SIZE = 200_000

let peopleSample: PersonRow[] | undefined
/** One large run shared by the statistical tests; generated on first use. */
function people(): PersonRow[] {
  peopleSample ??= [...generatePeople({ count: SAMPLE_SIZE, seed: 2026, districts })]
  return peopleSample
}

let organisationSample: OrganisationRow[] | undefined
function organisations(): OrganisationRow[] {
  organisationSample ??= [...generateOrganisations({ count: SAMPLE_SIZE, seed: 2026, districts })]
  return organisationSample
}

const share = (part: number, whole: number) => (whole === 0 ? 0 : part / whole)

function countBy<T>(rows: readonly T[], key: (row: T) => string): Map<string, number> {
  const counts = new Map<string, number>()
  for (const row of rows) counts.set(key(row), (counts.get(key(row)) ?? 0) + 1)
  return counts
}

const ageOf = (person: PersonRow) => ageOn(person.birthDate, DEFAULT_TODAY)

/** [min, max] without spreading 200,000 arguments into Math.min. */
const range = (values: readonly number[]): [number, number] =>
  values.reduce<[number, number]>(([low, high], v) => [Math.min(low, v), Math.max(high, v)], [Infinity, -Infinity])

describe('the reference districts', () => {
  it('give every one of the 20 regions at least one district', () => {
    expect(REGIONS).toHaveLength(20)
    for (const region of REGIONS) expect(districts.get(region.code)?.length ?? 0).toBeGreaterThan(0)
  })
})

describe('generatePeople', () => {
  it('gives the same rows, byte for byte, for the same seed', () => {
    const first = [...generatePeople({ count: 5_000, seed: 7, districts })]
    const second = [...generatePeople({ count: 5_000, seed: 7, districts })]
    expect(JSON.stringify(second)).toBe(JSON.stringify(first))
  })

  it('gives different people for a different seed', () => {
    const a = [...generatePeople({ count: 1_000, seed: 7, districts })]
    const b = [...generatePeople({ count: 1_000, seed: 8, districts })]
    const sameRows = a.filter((row, i) => JSON.stringify(row) === JSON.stringify(b[i])).length
    expect(sameRows).toBe(0)
    const iinsOfA = new Set(a.map((row) => row.iin))
    expect(b.filter((row) => iinsOfA.has(row.iin)).length).toBeLessThan(10)
  })

  it('does not depend on the order of the district lists', () => {
    const reversed = new Map([...districts].map(([region, codes]) => [region, [...codes].reverse()]))
    const a = [...generatePeople({ count: 1_000, seed: 9, districts })]
    const b = [...generatePeople({ count: 1_000, seed: 9, districts: reversed })]
    expect(b).toEqual(a)
  })

  it('yields exactly the requested number of rows, including none', () => {
    expect([...generatePeople({ count: 0, seed: 1, districts })]).toEqual([])
    expect([...generatePeople({ count: 123, seed: 1, districts })]).toHaveLength(123)
  })

  it('gives every person a valid IIN, unique across 200,000 people', () => {
    const rows = people()
    expect(rows.filter((row) => !isValidIin(row.iin)).map((row) => row.iin)).toEqual([])
    expect(new Set(rows.map((row) => row.iin)).size).toBe(rows.length)
  })

  it('encodes birth date and sex in the IIN', () => {
    const mismatches = people().filter((row) => {
      const decoded = decodeIin(row.iin)
      return decoded.birthDate !== row.birthDate || decoded.sex !== row.sex
    })
    expect(mismatches).toEqual([])
  })

  it('keeps everyone aged 16 to 80 on the given day', () => {
    expect(range(people().map(ageOf))).toEqual([MIN_AGE, MAX_AGE])
    const later = [...generatePeople({ count: 20_000, seed: 3, districts, today: '2030-06-15' })]
    expect(range(later.map((row) => ageOn(row.birthDate, '2030-06-15')))).toEqual([MIN_AGE, MAX_AGE])
  })

  it('follows the age pyramid within one percentage point per five-year band', () => {
    const rows = people()
    const total = AGE_BANDS.reduce((sum, band) => sum + band.thousands, 0)
    for (const band of AGE_BANDS) {
      const inBand = rows.filter((row) => ageOf(row) >= band.minAge && ageOf(row) <= band.maxAge).length
      expect(Math.abs(share(inBand, rows.length) - band.thousands / total)).toBeLessThan(0.01)
    }
    const old = rows.filter((row) => ageOf(row) >= 70)
    expect(share(old.filter((row) => row.sex === 'F').length, old.length)).toBeGreaterThan(0.6)
  })

  it('places people by regional population within one percentage point, in their own region', () => {
    const rows = people()
    const total = REGIONS.reduce((sum, region) => sum + region.thousands, 0)
    const counts = countBy(rows, (row) => row.regionCode)
    for (const region of REGIONS) {
      const actual = share(counts.get(region.code) ?? 0, rows.length)
      expect(Math.abs(actual - region.thousands / total), `region ${region.code}`).toBeLessThan(0.01)
    }
    const misplaced = rows.filter((row) => !(districts.get(row.regionCode) ?? []).includes(row.katoCode))
    expect(misplaced).toEqual([])
  })

  it('spreads people over all districts of a region', () => {
    const almaty = people().filter((row) => row.regionCode === '75')
    expect(new Set(almaty.map((row) => row.katoCode)).size).toBe(districts.get('75')?.length)
  })

  it('writes names in Cyrillic with the forms of the person’s sex', () => {
    const cyrillic = /^[А-ЯЁӘҒҚҢӨҰҮҺІа-яёәғқңөұүһі-]+$/
    for (const row of people().slice(0, 20_000)) {
      expect(row.surname).toMatch(cyrillic)
      expect(row.givenName).toMatch(cyrillic)
      if (row.patronymic !== null) {
        expect(row.patronymic).toMatch(cyrillic)
        expect(row.patronymic).toMatch(row.sex === 'M' ? /(ич|ұлы)$/ : /(на|қызы)$/)
      }
      if (row.sex === 'F') expect(row.surname).not.toMatch(/(ов|ев|ёв|ин|ский|ұлы)$/)
      else expect(row.surname).not.toMatch(/(ова|ева|ина|ская|қызы)$/)
    }
  })

  it('uses mostly Kazakh names, with more Russian names in the north than in the south', () => {
    const rows = people()
    const kazakhGiven = new Set([...NAMES.kazakh.male, ...NAMES.kazakh.female])
    expect(share(rows.filter((row) => kazakhGiven.has(row.givenName)).length, rows.length)).toBeGreaterThan(0.6)
    const russianSurnames = new Set([...NAMES.russian.surnames, ...NAMES.russian.surnames.map(feminineSurname)])
    const russianShare = (region: string) => {
      const inRegion = rows.filter((row) => row.regionCode === region)
      return share(inRegion.filter((row) => russianSurnames.has(row.surname)).length, inRegion.length)
    }
    expect(russianShare('59')).toBeGreaterThan(0.45)
    expect(russianShare('43')).toBeLessThan(0.06)
  })

  it('gives Kazakh-form patronymics mostly to the young', () => {
    const kazakhFormShare = (rows: PersonRow[]) =>
      share(rows.filter((row) => /(ұлы|қызы)$/.test(row.patronymic ?? '')).length, rows.length)
    const rows = people()
    expect(kazakhFormShare(rows.filter((row) => ageOf(row) < 30))).toBeGreaterThan(
      2 * kazakhFormShare(rows.filter((row) => ageOf(row) >= 50)),
    )
  })
})

describe('generatePeople statuses', () => {
  it('only uses the status codes of FACTS.md', () => {
    const known = new Set<string>(STATUS_CODES)
    expect(people().filter((row) => !known.has(row.statusHint))).toEqual([])
  })

  it('makes pensioners only at the pension age, and most people above it pensioners', () => {
    const rows = people()
    const early = rows.filter((row) => row.statusHint === 'pensioner' && ageOf(row) < RETIREMENT_AGE[row.sex])
    expect(early).toEqual([])
    const over70 = rows.filter((row) => ageOf(row) >= 70)
    expect(share(over70.filter((row) => row.statusHint === 'pensioner').length, over70.length)).toBeGreaterThan(0.9)
  })

  it('gives pregnancy and childcare under three only to women of 20–40', () => {
    const wrong = people().filter(
      (row) =>
        (row.statusHint === 'pregnant' || row.statusHint === 'childcare_under3') &&
        (row.sex !== 'F' || ageOf(row) < 20 || ageOf(row) > 40),
    )
    expect(wrong).toEqual([])
  })

  it('keeps schoolchildren under 20 and most students at 16–24', () => {
    const rows = people()
    expect(rows.filter((row) => row.statusHint === 'schoolchild' && ageOf(row) > 19)).toEqual([])
    const students = rows.filter((row) => row.statusHint === 'student')
    expect(share(students.filter((row) => ageOf(row) <= 24).length, students.length)).toBeGreaterThan(0.85)
  })

  it('matches the national mix for working ages: ~55% employed, ~15% self-employed, ~5% unemployed', () => {
    const working = people().filter((row) => ageOf(row) < RETIREMENT_AGE[row.sex])
    const groups = countBy(working, (row) => STATUS_GROUP[row.statusHint])
    const groupShare = (group: StatusGroup) => share(groups.get(group) ?? 0, working.length)
    expect(groupShare('employed')).toBeGreaterThan(0.5)
    expect(groupShare('employed')).toBeLessThan(0.6)
    expect(groupShare('self-employed')).toBeGreaterThan(0.12)
    expect(groupShare('self-employed')).toBeLessThan(0.19)
    expect(groupShare('unemployed')).toBeGreaterThan(0.03)
    expect(groupShare('unemployed')).toBeLessThan(0.07)
  })
})

describe('generatePeople options', () => {
  const expectInvalid = (run: () => unknown) => {
    expect(run).toThrow(AppError)
    try {
      run()
    } catch (error) {
      expect((error as AppError).code).toBe('invalid')
    }
  }

  it('refuses a districts map without a region, before yielding anything', () => {
    const partial = new Map(districts)
    partial.delete('62')
    expectInvalid(() => generatePeople({ count: 10, seed: 1, districts: partial }))
    expectInvalid(() => generateOrganisations({ count: 10, seed: 1, districts: partial }))
  })

  it('refuses negative or fractional counts, unsafe seeds and impossible dates', () => {
    expectInvalid(() => generatePeople({ count: -1, seed: 1, districts }))
    expectInvalid(() => generatePeople({ count: 1.5, seed: 1, districts }))
    expectInvalid(() => generatePeople({ count: 1, seed: Number.NaN, districts }))
    expectInvalid(() => generatePeople({ count: 1, seed: 1, districts, today: '2026-02-30' }))
  })
})

describe('createIinAllocator', () => {
  it('hands out every valid serial of a date and sex once, then nothing', () => {
    const allocate = createIinAllocator(['1990-05-17'], 12345)
    const iins: string[] = []
    for (let iin = allocate(0, 'F'); iin !== undefined; iin = allocate(0, 'F')) iins.push(iin)
    // About 1 serial in 121 has no check digit under FACTS.md's two-pass rule.
    expect(iins.length).toBeGreaterThan(9_850)
    expect(iins.length).toBeLessThan(10_000)
    expect(new Set(iins).size).toBe(iins.length)
    expect(iins.every((iin) => isValidIin(iin) && iin.startsWith('9005174'))).toBe(true)
    expect(allocate(0, 'F')).toBeUndefined()
    expect(allocate(0, 'M')).toMatch(/^9005173\d{5}$/)
  })
})

describe('name forms', () => {
  it.each([
    ['Серік', 'M', 'Серикович'],
    ['Серік', 'F', 'Сериковна'],
    ['Қуаныш', 'M', 'Куанышевич'],
    ['Мұса', 'F', 'Мусаевна'],
    ['Абай', 'M', 'Абаевич'],
    ['Сергей', 'M', 'Сергеевич'],
    ['Николай', 'F', 'Николаевна'],
    ['Юрий', 'M', 'Юрьевич'],
    ['Дмитрий', 'F', 'Дмитриевна'],
    ['Игорь', 'M', 'Игоревич'],
    ['Илья', 'F', 'Ильинична'],
    ['Никита', 'M', 'Никитич'],
    ['Пётр', 'M', 'Петрович'],
    ['Павел', 'F', 'Павловна'],
    ['Иван', 'M', 'Иванович'],
    ['Абдулла', 'M', 'Абдуллаевич'],
  ] as [string, Sex, string][])('derives the Russian-style patronymic of %s (%s): %s', (father, sex, expected) => {
    expect(russianPatronymic(father, sex)).toBe(expected)
  })

  it('writes the Kazakh patronymic as one word', () => {
    expect(kazakhPatronymic('Серік', 'M')).toBe('Серікұлы')
    expect(kazakhPatronymic('Серік', 'F')).toBe('Серікқызы')
  })

  it.each([
    ['Иванов', 'Иванова'],
    ['Соловьёв', 'Соловьёва'],
    ['Мусин', 'Мусина'],
    ['Ковальский', 'Ковальская'],
    ['Новицкий', 'Новицкая'],
    ['Ким', 'Ким'],
    ['Шевченко', 'Шевченко'],
    ['Миллер', 'Миллер'],
    ['Сейтқали', 'Сейтқали'],
  ])('gives %s the feminine form %s', (surname, expected) => {
    expect(feminineSurname(surname)).toBe(expected)
  })

  it('has 60+ given names per sex and 80+ surnames in every group, none twice', () => {
    for (const set of Object.values(NAMES)) {
      expect(set.male.length).toBeGreaterThanOrEqual(60)
      expect(set.female.length).toBeGreaterThanOrEqual(60)
      expect(set.surnames.length).toBeGreaterThanOrEqual(80)
      for (const list of [set.male, set.female, set.surnames]) expect(new Set(list).size).toBe(list.length)
    }
  })
})

describe('generateOrganisations', () => {
  it('gives the same rows for the same seed and different rows for another', () => {
    const first = [...generateOrganisations({ count: 2_000, seed: 5, districts })]
    expect(JSON.stringify([...generateOrganisations({ count: 2_000, seed: 5, districts })])).toBe(JSON.stringify(first))
    const other = [...generateOrganisations({ count: 2_000, seed: 6, districts })]
    expect(other.filter((row, i) => row.bin === first[i]?.bin).length).toBeLessThan(20)
  })

  it('gives every organisation a valid BIN, unique across 200,000', () => {
    const rows = organisations()
    expect(rows.filter((row) => !isValidBin(row.bin)).map((row) => row.bin)).toEqual([])
    expect(new Set(rows.map((row) => row.bin)).size).toBe(rows.length)
  })

  it('registers them between 2000-01 and 2025-12, mostly as resident head offices', () => {
    const rows = organisations()
    const badMonths = rows.filter((row) => {
      const month = Number(row.bin.slice(2, 4))
      return Number(row.bin.slice(0, 2)) > 25 || month < 1 || month > 12
    })
    expect(badMonths).toEqual([])
    expect(rows.every((row) => ['4', '5', '6'].includes(row.bin.charAt(4)))).toBe(true)
    expect(share(rows.filter((row) => row.bin.charAt(4) === '4').length, rows.length)).toBeGreaterThan(0.85)
    expect(share(rows.filter((row) => row.bin.charAt(5) === '0').length, rows.length)).toBeGreaterThan(0.85)
  })

  it('names them with a legal form', () => {
    const forms = /^(ТОО «|АО «|ИП |Филиал ТОО «|Филиал компании «|Представительство компании «|КХ «)/
    expect(organisations().filter((row) => !forms.test(row.name))).toEqual([])
  })

  it('places them by regional population within one percentage point, in their own region', () => {
    const rows = organisations()
    const total = REGIONS.reduce((sum, region) => sum + region.thousands, 0)
    const counts = countBy(rows, (row) => row.regionCode)
    for (const region of REGIONS) {
      const actual = share(counts.get(region.code) ?? 0, rows.length)
      expect(Math.abs(actual - region.thousands / total), `region ${region.code}`).toBeLessThan(0.01)
    }
    expect(rows.filter((row) => !(districts.get(row.regionCode) ?? []).includes(row.katoCode))).toEqual([])
  })
})
