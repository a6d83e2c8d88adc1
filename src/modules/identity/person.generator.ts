/**
 * Synthetic people and organisations for `jumys seed`: pure, deterministic (same seed, same rows, byte for byte)
 * and fast enough for tens of millions of rows. No database, no clock, no global state; the tables it draws from
 * are in generator-data.ts.
 */

import { invalid } from '../../shared/errors.js'
import { makeBin, makeIin, type Sex } from '../../shared/iin.js'
import {
  AGE_BANDS,
  FOREIGN_COMPANY_ROOTS,
  FOREIGN_COMPANY_SUFFIXES,
  KAZAKH_PATRONYMIC_SHARE,
  KAZAKH_ULY_SURNAME_SHARE,
  MAX_AGE,
  MIN_AGE,
  NAMES,
  type NameGroup,
  type NameSet,
  NO_PATRONYMIC_SHARE,
  ORG_FIRST_YEAR,
  ORG_LAST_YEAR,
  ORG_NAME_ROOTS,
  ORG_NAME_SECTORS,
  ORG_YEAR_GROWTH,
  ORGANISATION_KINDS,
  type OrganisationKind,
  REGIONS,
  STATUS_BANDS,
  type StatusCode,
} from './generator-data.js'

export type { StatusCode } from './generator-data.js'

export interface PersonRow {
  iin: string
  surname: string
  givenName: string
  patronymic: string | null
  birthDate: string
  sex: Sex
  regionCode: string
  katoCode: string
  statusHint: StatusCode
}

export interface OrganisationRow {
  bin: string
  name: string
  regionCode: string
  katoCode: string
}

/** Region code → the KATO codes of its level-2 units (districts, towns of regional significance, city districts). */
export type DistrictMap = ReadonlyMap<string, readonly string[]>

export interface PeopleOptions {
  count: number
  seed: number
  districts: DistrictMap
  /** The day ages are counted on (ISO date); fixed by default so that output never depends on the clock. */
  today?: string
}

export interface OrganisationOptions {
  count: number
  seed: number
  districts: DistrictMap
}

export const DEFAULT_TODAY = '2026-01-01'
/** Far above the ~20 million residents and far below the ~470 million IINs the 16–80 age window holds. */
export const MAX_PEOPLE = 50_000_000
/** Each (month, entity type, office type) holds 100,000 BIN serials; 10 million stays far from any limit. */
export const MAX_ORGANISATIONS = 10_000_000

const IIN_MAX_SERIAL = 9_999
const BIN_MAX_SERIAL = 99_999
/** A draw that lands on a full (date, sex) or (month, type) counter is redrawn; this many misses means a bug. */
const MAX_REDRAWS = 1_000

// ---------------------------------------------------------------------------------------------------------------
// Public API

/** People aged 16–80 with valid IINs unique within the run, spread over regions, ages, names and statuses. */
export function generatePeople(options: PeopleOptions): Generator<PersonRow> {
  // Plan eagerly so that bad options fail at the call, not at the first next().
  const plan = planPeople(options)
  return drawPeople(plan, options.count)
}

/** Employers with valid BINs unique within the run: mostly ТОО head offices, some АО, branches, ИП and farms. */
export function generateOrganisations(options: OrganisationOptions): Generator<OrganisationRow> {
  const plan = planOrganisations(options)
  return drawOrganisations(plan, options.count)
}

// ---------------------------------------------------------------------------------------------------------------
// Randomness

export type Random = () => number

/**
 * sfc32 (Chris Doty-Humphrey's Small Fast Chaotic generator, from PractRand): 128 bits of state, passes BigCrush
 * and costs a handful of integer operations a draw. The state is filled by splitmix32 so that neighbouring seeds
 * (1, 2, 3…) give unrelated streams; `stream` separates the people and organisation sequences of one seed.
 */
export function createRandom(seed: number, stream = 0): Random {
  let mix = (seed >>> 0) ^ Math.imul(Math.floor(seed / 2 ** 32) >>> 0, 0x27d4eb2d) ^ Math.imul(stream + 1, 0x165667b1)
  const splitmix32 = () => {
    mix = (mix + 0x9e3779b9) | 0
    let z = mix
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b)
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35)
    return (z ^ (z >>> 16)) | 0
  }
  let a = splitmix32()
  let b = splitmix32()
  let c = splitmix32()
  let d = splitmix32()
  return () => {
    const t = (((a + b) | 0) + d) | 0
    d = (d + 1) | 0
    a = b ^ (b >>> 9)
    b = (c + (c << 3)) | 0
    c = (c << 21) | (c >>> 11)
    c = (c + t) | 0
    return (t >>> 0) / 4_294_967_296
  }
}

/** Running sums of the weights, scaled to end at 1, for `pickIndex`. */
function cumulative(weights: readonly number[]): Float64Array {
  const total = weights.reduce((sum, w) => sum + w, 0)
  if (!(total > 0)) throw new Error('generator data: weights must add up to more than zero')
  const cdf = new Float64Array(weights.length)
  let running = 0
  weights.forEach((weight, i) => {
    running += weight
    cdf[i] = running / total
  })
  cdf[cdf.length - 1] = 1
  return cdf
}

/** The first index whose cumulative share exceeds `r` (0 ≤ r < 1): a weighted draw in O(log n). */
function pickIndex(cdf: Float64Array, r: number): number {
  let low = 0
  let high = cdf.length - 1
  while (low < high) {
    const mid = (low + high) >>> 1
    if (r < (cdf[mid] ?? 1)) high = mid
    else low = mid + 1
  }
  return low
}

/** `array[index]` for an index the caller has bounded; a miss is a bug in this file, never bad input. */
function itemAt<T>(array: readonly T[], index: number): T {
  const item = array[index]
  if (item === undefined) throw new Error(`generator bug: index ${index} outside 0..${array.length - 1}`)
  return item
}

function pickUniform<T>(random: Random, array: readonly T[]): T {
  return itemAt(array, Math.floor(random() * array.length))
}

// ---------------------------------------------------------------------------------------------------------------
// Options

function checkCount(count: number, max: number, what: string): void {
  if (!Number.isInteger(count) || count < 0 || count > max) {
    throw invalid(`${what} count ${count} must be a whole number from 0 to ${max}`)
  }
}

function checkSeed(seed: number): void {
  if (!Number.isSafeInteger(seed)) throw invalid(`seed ${seed} must be a whole number`)
}

interface RegionTable {
  readonly codes: readonly string[]
  readonly cdf: Float64Array
  readonly districts: readonly (readonly string[])[]
  readonly centres: readonly string[]
  /** Per region: cumulative shares of the name groups in NAME_GROUPS order. */
  readonly nameCdfs: readonly Float64Array[]
}

const NAME_GROUPS: readonly NameGroup[] = ['kazakh', 'russian', 'other']

/**
 * Region shares and their districts; every region must have at least one district to place people in. The lists
 * are sorted so that the rows depend on which districts exist, not on the order a query returned them in.
 */
function buildRegionTable(districts: DistrictMap): RegionTable {
  const lists = REGIONS.map((region) => {
    const list = districts.get(region.code)
    if (list === undefined || list.length === 0) {
      throw invalid(`districts: region ${region.code} has no level-2 KATO codes to place people in`)
    }
    return [...list].sort()
  })
  return {
    codes: REGIONS.map((region) => region.code),
    cdf: cumulative(REGIONS.map((region) => region.thousands)),
    districts: lists,
    centres: REGIONS.map((region) => region.centreRu),
    nameCdfs: REGIONS.map((region) => cumulative(NAME_GROUPS.map((group) => region.names[group]))),
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Calendar and IINs

interface Calendar {
  /** Every birth date that gives an age of MIN_AGE..MAX_AGE today, oldest first, as ISO strings. */
  readonly dates: readonly string[]
  /** Per age (index age - MIN_AGE): the first index into `dates` and how many dates give that age. */
  readonly firstDay: Int32Array
  readonly dayCount: Int32Array
  /** Per age: cumulative population share, and the share of men. */
  readonly ageCdf: Float64Array
  readonly maleShare: Float64Array
}

const DAY_MS = 86_400_000

function parseToday(today: string): { year: number; month: number; day: number } {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(today)
  const [year, month, day] = [Number(match?.[1]), Number(match?.[2]), Number(match?.[3])]
  const date = new Date(Date.UTC(year, month - 1, day))
  if (!match || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day || year < 1900 || year > 2090) {
    throw invalid(`today ${JSON.stringify(today)} must be a real ISO date (YYYY-MM-DD) between 1900 and 2090`)
  }
  return { year, month, day }
}

/** Age in whole years on `today`: the birthday counts from its day (29 February from 1 March in other years). */
export function ageOn(birthDate: string, today: string): number {
  const years = Number(today.slice(0, 4)) - Number(birthDate.slice(0, 4))
  return birthDate.slice(5) > today.slice(5) ? years - 1 : years
}

/** Day tables built once per run, so the hot loop never touches Date. */
function buildCalendar(today: string): Calendar {
  const { year } = parseToday(today)
  const dates: string[] = []
  const ages: number[] = []
  for (let ms = Date.UTC(year - MAX_AGE - 2, 0, 1); ms < Date.UTC(year - MIN_AGE + 1, 0, 1); ms += DAY_MS) {
    const date = new Date(ms).toISOString().slice(0, 10)
    const age = ageOn(date, today)
    if (age >= MIN_AGE && age <= MAX_AGE) {
      dates.push(date)
      ages.push(age)
    }
  }
  const ageSpan = MAX_AGE - MIN_AGE + 1
  const firstDay = new Int32Array(ageSpan).fill(-1)
  const dayCount = new Int32Array(ageSpan)
  ages.forEach((age, i) => {
    const k = age - MIN_AGE
    if (firstDay[k] === -1) firstDay[k] = i
    dayCount[k] = (dayCount[k] ?? 0) + 1
  })
  const { weights, maleShare } = expandAgeBands()
  return { dates, firstDay, dayCount, ageCdf: cumulative(weights), maleShare }
}

/** Spreads each five-year band evenly over its single years; the bands must cover MIN_AGE..MAX_AGE exactly once. */
function expandAgeBands(): { weights: number[]; maleShare: Float64Array } {
  const weights: number[] = []
  const maleShare = new Float64Array(MAX_AGE - MIN_AGE + 1)
  for (let age = MIN_AGE; age <= MAX_AGE; age++) {
    const bands = AGE_BANDS.filter((band) => band.minAge <= age && age <= band.maxAge)
    const band = bands[0]
    if (band === undefined || bands.length > 1)
      throw new Error(`generator data: age ${age} is in ${bands.length} bands`)
    weights.push(band.thousands / (band.maxAge - band.minAge + 1))
    maleShare[age - MIN_AGE] = band.maleShare
  }
  return { weights, maleShare }
}

export type IinAllocator = (dayIndex: number, sex: Sex) => string | undefined

const IIN_SERIALS = IIN_MAX_SERIAL + 1

/**
 * Hands out IINs per (birth date, sex). Each (date, sex) walks its 10,000 serials once, in order, from a start
 * that `salt` scatters (so serials do not all look like 0001), skipping serials with no check digit (about 1 in
 * 121). Two IINs of a run can only be equal if date, sex and serial are, and a walk never revisits a serial, so
 * every IIN is new without remembering any: 2 bytes per date and sex (~95 KB for ages 16–80).
 * Returns undefined once that date and sex have used all their serials.
 */
export function createIinAllocator(dates: readonly string[], salt = 0): IinAllocator {
  const used = new Uint16Array(dates.length * 2)
  return (dayIndex, sex) => {
    const slot = dayIndex * 2 + (sex === 'M' ? 0 : 1)
    const date = itemAt(dates, dayIndex)
    const start = scatter(slot, salt) % IIN_SERIALS
    let count = used[slot] ?? IIN_SERIALS
    let iin: string | undefined
    while (iin === undefined && count < IIN_SERIALS) {
      iin = makeIin(date, sex, (start + count) % IIN_SERIALS)
      count += 1
    }
    used[slot] = count
    return iin
  }
}

/** A 32-bit integer hash (the murmur3 finaliser) of a counter slot and a salt. */
function scatter(slot: number, salt: number): number {
  let h = Math.imul(slot ^ salt, 0x9e3779b1)
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b)
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35)
  return (h ^ (h >>> 16)) >>> 0
}

// ---------------------------------------------------------------------------------------------------------------
// Names

const KAZAKH_TO_RUSSIAN: Readonly<Record<string, string>> = {
  ә: 'а',
  ғ: 'г',
  қ: 'к',
  ң: 'н',
  ө: 'о',
  ұ: 'у',
  ү: 'у',
  һ: 'х',
  і: 'и',
  Ә: 'А',
  Ғ: 'Г',
  Қ: 'К',
  Ң: 'Н',
  Ө: 'О',
  Ұ: 'У',
  Ү: 'У',
  Һ: 'Х',
  І: 'И',
}

/** Patronymics that do not follow the stem rules below: [masculine, feminine]. */
const IRREGULAR_PATRONYMICS: Readonly<Record<string, readonly [string, string]>> = {
  Илья: ['Ильич', 'Ильинична'],
  Никита: ['Никитич', 'Никитична'],
  Лев: ['Львович', 'Львовна'],
  Павел: ['Павлович', 'Павловна'],
  Пётр: ['Петрович', 'Петровна'],
  Михаил: ['Михайлович', 'Михайловна'],
  Яков: ['Яковлевич', 'Яковлевна'],
  Дмитрий: ['Дмитриевич', 'Дмитриевна'],
  Георгий: ['Георгиевич', 'Георгиевна'],
}

/**
 * The Russian-style patronymic ("Серикович", "Сергеевна"). Kazakh letters are written the Russian way first,
 * as Soviet-era documents did: Серік → Серикович. The stem takes -ев after soft or hissing endings and vowels
 * (Сергей → Сергеевич, Қуаныш → Куанышевич, Мұса → Мусаевич), -ьев after -ий (Юрий → Юрьевич), else -ов.
 */
export function russianPatronymic(fatherName: string, sex: Sex): string {
  const irregular = IRREGULAR_PATRONYMICS[fatherName]
  if (irregular !== undefined) return sex === 'M' ? irregular[0] : irregular[1]
  const name = Array.from(fatherName, (ch) => KAZAKH_TO_RUSSIAN[ch] ?? ch).join('')
  let stem: string
  if (name.endsWith('ий')) stem = `${name.slice(0, -2)}ьев`
  else if (/[йь]$/.test(name)) stem = `${name.slice(0, -1)}ев`
  else if (/[жшчщцаеиоуыэюя]$/.test(name)) stem = `${name}ев`
  else stem = `${name}ов`
  return sex === 'M' ? `${stem}ич` : `${stem}на`
}

/** The Kazakh patronymic, written as one word: Серік → Серікұлы (son), Серікқызы (daughter). */
export function kazakhPatronymic(fatherName: string, sex: Sex): string {
  return `${fatherName}${sex === 'M' ? 'ұлы' : 'қызы'}`
}

/** A woman's form of a surname: Иванов → Иванова, Ковальский → Ковальская; Ким, Шевченко, Миллер do not change. */
export function feminineSurname(surname: string): string {
  if (/(ов|ев|ёв|ин|ын)$/.test(surname)) return `${surname}а`
  if (/[сц]кий$/.test(surname)) return `${surname.slice(0, -2)}ая`
  return surname
}

interface NameTable {
  readonly given: Readonly<Record<Sex, readonly string[]>>
  readonly surnames: Readonly<Record<Sex, readonly string[]>>
  /** Indexed like NameSet.male, which also serves as the list of fathers. */
  readonly russianPatronymics: Readonly<Record<Sex, readonly string[]>>
  readonly kazakhPatronymics: Readonly<Record<Sex, readonly string[]>>
  readonly noPatronymicShare: number
}

/** Every derived form computed once, so drawing a name is only indexing. */
function buildNameTable(set: NameSet, group: NameGroup): NameTable {
  const bySex = (derive: (name: string, sex: Sex) => string) => ({
    M: set.male.map((name) => derive(name, 'M')),
    F: set.male.map((name) => derive(name, 'F')),
  })
  return {
    given: { M: set.male, F: set.female },
    surnames: { M: set.surnames, F: set.surnames.map(feminineSurname) },
    russianPatronymics: bySex(russianPatronymic),
    kazakhPatronymics: bySex(kazakhPatronymic),
    noPatronymicShare: NO_PATRONYMIC_SHARE[group],
  }
}

/** Per age (index age - MIN_AGE): the share of Kazakh-group people with a Kazakh-form patronymic. */
function buildKazakhPatronymicShares(): Float64Array {
  const shares = new Float64Array(MAX_AGE - MIN_AGE + 1)
  for (let age = MIN_AGE; age <= MAX_AGE; age++) {
    const step = KAZAKH_PATRONYMIC_SHARE.find((s) => age <= s.maxAge)
    shares[age - MIN_AGE] = step?.share ?? 0
  }
  return shares
}

// ---------------------------------------------------------------------------------------------------------------
// Status

interface StatusTable {
  /** Per sex and age (index sexIndex * 81 + age): the band to draw from, -1 outside MIN_AGE..MAX_AGE. */
  readonly bandOf: Int16Array
  readonly codes: readonly (readonly StatusCode[])[]
  readonly cdfs: readonly Float64Array[]
}

const sexIndex = (sex: Sex) => (sex === 'M' ? 0 : 1)

/** The status bands indexed by sex and age; the bands must cover MIN_AGE..MAX_AGE of each sex exactly once. */
function buildStatusTable(): StatusTable {
  const bandOf = new Int16Array(2 * (MAX_AGE + 1)).fill(-1)
  for (const sex of ['M', 'F'] as const) {
    for (let age = MIN_AGE; age <= MAX_AGE; age++) {
      const matches = STATUS_BANDS.flatMap((band, i) =>
        band.sex === sex && band.minAge <= age && age <= band.maxAge ? [i] : [],
      )
      const [only] = matches
      if (only === undefined || matches.length > 1) {
        throw new Error(`generator data: ${sex} aged ${age} is in ${matches.length} status bands`)
      }
      bandOf[sexIndex(sex) * (MAX_AGE + 1) + age] = only
    }
  }
  const entries = STATUS_BANDS.map((band) => Object.entries(band.weights) as [StatusCode, number][])
  return {
    bandOf,
    codes: entries.map((list) => list.map(([code]) => code)),
    cdfs: entries.map((list) => cumulative(list.map(([, weight]) => weight))),
  }
}

// ---------------------------------------------------------------------------------------------------------------
// People

interface PeoplePlan {
  readonly random: Random
  readonly regions: RegionTable
  readonly calendar: Calendar
  readonly allocateIin: IinAllocator
  readonly names: readonly NameTable[]
  readonly kazakhPatronymicShare: Float64Array
  readonly status: StatusTable
}

function planPeople(options: PeopleOptions): PeoplePlan {
  checkCount(options.count, MAX_PEOPLE, 'people')
  checkSeed(options.seed)
  const calendar = buildCalendar(options.today ?? DEFAULT_TODAY)
  const random = createRandom(options.seed, 1)
  return {
    random,
    regions: buildRegionTable(options.districts),
    calendar,
    allocateIin: createIinAllocator(calendar.dates, Math.floor(random() * 2 ** 32)),
    names: NAME_GROUPS.map((group) => buildNameTable(NAMES[group], group)),
    kazakhPatronymicShare: buildKazakhPatronymicShares(),
    status: buildStatusTable(),
  }
}

function* drawPeople(plan: PeoplePlan, count: number): Generator<PersonRow> {
  for (let i = 0; i < count; i++) yield drawPerson(plan)
}

/**
 * Fills the row's IIN, birth date and sex (age by the pyramid, a day within that age, sex by the age's sex ratio,
 * then the next free IIN for that date and sex) and returns the age.
 */
function drawBirth(plan: PeoplePlan, row: PersonRow): number {
  const { random, calendar } = plan
  for (let redraw = 0; redraw < MAX_REDRAWS; redraw++) {
    const k = pickIndex(calendar.ageCdf, random())
    const dayIndex = (calendar.firstDay[k] ?? 0) + Math.floor(random() * (calendar.dayCount[k] ?? 0))
    const sex: Sex = random() < (calendar.maleShare[k] ?? 0.5) ? 'M' : 'F'
    const iin = plan.allocateIin(dayIndex, sex)
    if (iin !== undefined) {
      row.iin = iin
      row.birthDate = itemAt(calendar.dates, dayIndex)
      row.sex = sex
      return MIN_AGE + k
    }
  }
  throw new Error(`IIN serials exhausted after ${MAX_REDRAWS} redraws: too many people for the age window`)
}

/** Fills the row's names from a name group drawn by the region's mix. */
function drawName(plan: PeoplePlan, row: PersonRow, region: number, age: number): void {
  const { random } = plan
  const { sex } = row
  const groupIndex = pickIndex(itemAt(plan.regions.nameCdfs, region), random())
  const table = itemAt(plan.names, groupIndex)
  row.givenName = pickUniform(random, table.given[sex])
  const father = Math.floor(random() * table.given.M.length)
  const isKazakh = groupIndex === 0
  if (isKazakh && random() < KAZAKH_ULY_SURNAME_SHARE) {
    // "Асқар Серікұлы": the father's name with -ұлы/-қызы is the surname, and no patronymic follows it.
    row.surname = itemAt(table.kazakhPatronymics[sex], father)
    return
  }
  row.surname = pickUniform(random, table.surnames[sex])
  if (random() < table.noPatronymicShare) return
  const isKazakhForm = isKazakh && random() < (plan.kazakhPatronymicShare[age - MIN_AGE] ?? 0)
  const patronymics = isKazakhForm ? table.kazakhPatronymics : table.russianPatronymics
  row.patronymic = itemAt(patronymics[sex], father)
}

function drawStatus(plan: PeoplePlan, age: number, sex: Sex): StatusCode {
  const band = plan.status.bandOf[sexIndex(sex) * (MAX_AGE + 1) + age] ?? -1
  const index = pickIndex(itemAt(plan.status.cdfs, band), plan.random())
  return itemAt(itemAt(plan.status.codes, band), index)
}

/** One person; the row is the only object made per person (the draws fill it in place). */
function drawPerson(plan: PeoplePlan): PersonRow {
  const { random, regions } = plan
  const region = pickIndex(regions.cdf, random())
  const row: PersonRow = {
    iin: '',
    surname: '',
    givenName: '',
    patronymic: null,
    birthDate: '',
    sex: 'M',
    regionCode: itemAt(regions.codes, region),
    katoCode: pickUniform(random, itemAt(regions.districts, region)),
    statusHint: 'employed_contract',
  }
  const age = drawBirth(plan, row)
  drawName(plan, row, region, age)
  row.statusHint = drawStatus(plan, age, row.sex)
  return row
}

// ---------------------------------------------------------------------------------------------------------------
// Organisations

interface OrganisationPlan {
  readonly random: Random
  readonly regions: RegionTable
  readonly months: readonly string[]
  readonly monthCdf: Float64Array
  readonly kindCdf: Float64Array
  /** Per kind: index of its (entity type, office type) pair, whose serials it shares with kinds of the same pair. */
  readonly pairOfKind: readonly number[]
  readonly pairCount: number
  /** Next serial per (month, pair): index month * pairCount + pair. */
  readonly nextSerial: Uint32Array
  readonly names: readonly NameTable[]
}

/** Registration months YYMM from ORG_FIRST_YEAR-01 to ORG_LAST_YEAR-12, recent years weighted up. */
function buildMonths(): { months: string[]; weights: number[] } {
  const months: string[] = []
  const weights: number[] = []
  for (let year = ORG_FIRST_YEAR; year <= ORG_LAST_YEAR; year++) {
    for (let month = 1; month <= 12; month++) {
      months.push(`${String(year % 100).padStart(2, '0')}${String(month).padStart(2, '0')}`)
      weights.push(ORG_YEAR_GROWTH ** (year - ORG_FIRST_YEAR))
    }
  }
  return { months, weights }
}

function planOrganisations(options: OrganisationOptions): OrganisationPlan {
  checkCount(options.count, MAX_ORGANISATIONS, 'organisation')
  checkSeed(options.seed)
  const { months, weights } = buildMonths()
  const pairs = [...new Set(ORGANISATION_KINDS.map((kind) => `${kind.entityType}${kind.officeType}`))]
  return {
    random: createRandom(options.seed, 2),
    regions: buildRegionTable(options.districts),
    months,
    monthCdf: cumulative(weights),
    kindCdf: cumulative(ORGANISATION_KINDS.map((kind) => kind.share)),
    pairOfKind: ORGANISATION_KINDS.map((kind) => pairs.indexOf(`${kind.entityType}${kind.officeType}`)),
    pairCount: pairs.length,
    nextSerial: new Uint32Array(months.length * pairs.length),
    names: NAME_GROUPS.map((group) => buildNameTable(NAMES[group], group)),
  }
}

function* drawOrganisations(plan: OrganisationPlan, count: number): Generator<OrganisationRow> {
  for (let i = 0; i < count; i++) yield drawOrganisation(plan)
}

/**
 * The next free BIN of a kind, in a month drawn by registration year. Like IINs, serials count up per
 * (month, entity type, office type) and never repeat, so BINs are unique without a set.
 */
function drawBin(plan: OrganisationPlan, kindIndex: number): string {
  const kind = itemAt(ORGANISATION_KINDS, kindIndex)
  const pair = itemAt(plan.pairOfKind, kindIndex)
  for (let redraw = 0; redraw < MAX_REDRAWS; redraw++) {
    const month = pickIndex(plan.monthCdf, plan.random())
    const slot = month * plan.pairCount + pair
    let serial = plan.nextSerial[slot] ?? BIN_MAX_SERIAL + 1
    let bin: string | undefined
    while (bin === undefined && serial <= BIN_MAX_SERIAL) {
      bin = makeBin(itemAt(plan.months, month), kind.entityType, kind.officeType, serial)
      serial += 1
    }
    plan.nextSerial[slot] = serial
    if (bin !== undefined) return bin
  }
  throw new Error(`BIN serials exhausted after ${MAX_REDRAWS} redraws: too many organisations`)
}

/** A trading name: «Береке Агро», «Алтын-Строй», «НұрТрейд», «Сапа-Караганда» or just «Береке». */
function drawBrand(random: Random, centre: string): string {
  const root = pickUniform(random, ORG_NAME_ROOTS)
  const sector = pickUniform(random, ORG_NAME_SECTORS)
  const style = random()
  if (style < 0.4) return `${root} ${sector}`
  if (style < 0.6) return `${root}-${sector}`
  if (style < 0.75) return root.includes(' ') || sector.includes(' ') ? `${root} ${sector}` : `${root}${sector}`
  if (style < 0.85) return `${root}-${centre}`
  return root
}

function drawForeignCompany(random: Random): string {
  return `${pickUniform(random, FOREIGN_COMPANY_ROOTS)} ${pickUniform(random, FOREIGN_COMPANY_SUFFIXES)}`
}

/** "ИП Сериков Н.Б.": an entrepreneur trading under their own name, named like the region's people. */
function drawEntrepreneurName(plan: OrganisationPlan, region: number): string {
  const { random } = plan
  const table = itemAt(plan.names, pickIndex(itemAt(plan.regions.nameCdfs, region), random()))
  const sex: Sex = random() < 0.55 ? 'M' : 'F'
  const surname = pickUniform(random, table.surnames[sex])
  const given = pickUniform(random, table.given[sex])
  const father = pickUniform(random, table.given.M)
  return `${surname} ${given.charAt(0)}.${father.charAt(0)}.`
}

function drawOrganisationName(plan: OrganisationPlan, kind: OrganisationKind, region: number): string {
  const { random } = plan
  const centre = itemAt(plan.regions.centres, region)
  switch (kind) {
    case 'llp':
      return `ТОО «${drawBrand(random, centre)}»`
    case 'jsc':
      return `АО «${drawBrand(random, centre)}»`
    case 'llp_branch':
      return `Филиал ТОО «${drawBrand(random, centre)}» в г. ${centre}`
    case 'foreign_branch':
      return `Филиал компании «${drawForeignCompany(random)}» в г. ${centre}`
    case 'foreign_office':
      return `Представительство компании «${drawForeignCompany(random)}» в Республике Казахстан`
    case 'ie':
      return random() < 0.5 ? `ИП ${drawEntrepreneurName(plan, region)}` : `ИП «${drawBrand(random, centre)}»`
    case 'farm':
      return `КХ «${pickUniform(random, ORG_NAME_ROOTS)}»`
  }
}

function drawOrganisation(plan: OrganisationPlan): OrganisationRow {
  const { random, regions } = plan
  const region = pickIndex(regions.cdf, random())
  const katoCode = pickUniform(random, itemAt(regions.districts, region))
  const kindIndex = pickIndex(plan.kindCdf, random())
  const kind = itemAt(ORGANISATION_KINDS, kindIndex).kind
  return {
    bin: drawBin(plan, kindIndex),
    name: drawOrganisationName(plan, kind, region),
    regionCode: itemAt(regions.codes, region),
    katoCode,
  }
}
