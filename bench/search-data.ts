/**
 * Vacancy generator and query set for the search benchmark (bench/search.bench.ts). Deterministic for a seed.
 * Titles: Russian and Kazakh job titles with their ISCO-08 codes, and English ISCO-08 unit-group titles; descriptions
 * of several sentences in the title's language (Russian for English titles, as on real Kazakh boards), each naming
 * a generated company (so rare words exist), skills and conditions; regions by population share.
 */

import { POPULATION_THOUSANDS } from '../src/modules/exchange/index.js'

export function createRandom(seed: number) {
  let s = seed >>> 0 || 1
  const next = () => {
    // xorshift32
    s ^= s << 13
    s >>>= 0
    s ^= s >>> 17
    s ^= s << 5
    s >>>= 0
    return s / 4294967296
  }
  return {
    next,
    int: (n: number) => Math.floor(next() * n),
    pick: <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)] as T,
    weighted: <T>(xs: readonly (readonly [T, number])[]): T => {
      const total = xs.reduce((a, [, w]) => a + w, 0)
      let r = next() * total
      for (const [x, w] of xs) {
        r -= w
        if (r < 0) return x
      }
      return (xs[xs.length - 1] as readonly [T, number])[0]
    },
  }
}
export type Random = ReturnType<typeof createRandom>

/** Population by region, thousands: the exchange demo data's table, so the two cannot drift apart. */
export const POPULATION = POPULATION_THOUSANDS

// [title, ISCO-08 unit group, weight]
const RU_TITLES: readonly (readonly [string, string, number])[] = [
  ['Водитель', '8322', 30],
  ['Водитель категории С', '8332', 15],
  ['Водитель такси', '8322', 10],
  ['Водитель автобуса', '8331', 6],
  ['Продавец', '5223', 30],
  ['Продавец-консультант', '5223', 20],
  ['Повар', '5120', 20],
  ['Повар горячего цеха', '5120', 6],
  ['Повар-кондитер', '7512', 5],
  ['Бухгалтер', '3313', 18],
  ['Главный бухгалтер', '2411', 6],
  ['Менеджер по продажам', '3322', 20],
  ['Менеджер по работе с клиентами', '3322', 8],
  ['Оператор call-центра', '4222', 10],
  ['Кассир', '5230', 14],
  ['Охранник', '5414', 12],
  ['Уборщица', '9112', 14],
  ['Грузчик', '9333', 12],
  ['Разнорабочий', '9313', 10],
  ['Сварщик', '7212', 10],
  ['Электромонтер', '7411', 8],
  ['Электрик', '7411', 8],
  ['Слесарь-ремонтник', '7233', 8],
  ['Инженер-механик', '2144', 5],
  ['Инженер-электрик', '2151', 5],
  ['Инженер-строитель', '2142', 5],
  ['Программист 1С', '2512', 5],
  ['Программист Java', '2512', 3],
  ['Системный администратор', '2522', 4],
  ['Учитель начальных классов', '2341', 8],
  ['Учитель математики', '2330', 6],
  ['Воспитатель детского сада', '5311', 8],
  ['Медицинская сестра', '3221', 10],
  ['Врач-терапевт', '2211', 5],
  ['Фармацевт', '2262', 4],
  ['Официант', '5131', 10],
  ['Бармен', '5132', 4],
  ['Администратор', '4226', 8],
  ['Секретарь', '4120', 5],
  ['Юрист', '2611', 5],
  ['Экономист', '2631', 4],
  ['Агроном', '2132', 3],
  ['Тракторист', '8341', 5],
  ['Машинист экскаватора', '8342', 3],
  ['Каменщик', '7112', 4],
  ['Маляр-штукатур', '7131', 4],
  ['Швея', '7533', 5],
  ['Парикмахер', '5141', 4],
  ['Горнорабочий', '8111', 3],
  ['Оператор АЗС', '5245', 4],
  ['Кладовщик', '4321', 6],
  ['Логист', '3331', 3],
  ['Сомелье', '5132', 0.05],
  ['Геодезист', '3112', 0.5],
  ['Таксидермист', '7549', 0.02],
]
const KK_TITLES: readonly (readonly [string, string, number])[] = [
  ['Жүргізуші', '8322', 20],
  ['Сатушы', '5223', 15],
  ['Сатушы-кеңесші', '5223', 8],
  ['Аспаз', '5120', 12],
  ['Бухгалтер', '3313', 8],
  ['Мұғалім', '2341', 12],
  ['Бастауыш сынып мұғалімі', '2341', 5],
  ['Тәрбиеші', '5311', 8],
  ['Мейірбике', '3221', 8],
  ['Дәрігер', '2211', 6],
  ['Күзетші', '5414', 8],
  ['Дәнекерлеуші', '7212', 5],
  ['Электрик', '7411', 5],
  ['Жүк тиеуші', '9333', 5],
  ['Тазалаушы', '9112', 6],
  ['Есепші', '3313', 3],
  ['Малшы', '9212', 3],
  ['Тракторшы', '8341', 3],
]
const TITLE_SUFFIXES_RU = ['', '', '', '', ' (вахта)', ' на склад', ' в магазин', ' в ТОО', ' срочно', ' без опыта']
const CITIES = [
  'Астана',
  'Алматы',
  'Шымкент',
  'Караганда',
  'Актобе',
  'Тараз',
  'Павлодар',
  'Усть-Каменогорск',
  'Семей',
  'Атырау',
  'Костанай',
  'Кызылорда',
  'Уральск',
  'Петропавловск',
  'Актау',
  'Туркестан',
  'Кокшетау',
  'Талдыкорган',
  'Экибастуз',
  'Жезказган',
]
const SKILLS = [
  '1С:Бухгалтерия',
  'Excel',
  'AutoCAD',
  'SAP',
  'kaspi.kz',
  'ККМ',
  'кассовый аппарат',
  'погрузчик',
  'категории B и C',
  'техника безопасности',
  'санитарные нормы',
  'казахский язык',
  'английский язык',
  'Revit',
  'Java',
  'SQL',
  'PostgreSQL',
  'Kubernetes',
  'ArchiCAD',
  'MS Office',
]
const RU_SENTENCES = [
  'Компания «{company}» приглашает на работу в городе {city}.',
  'Требуется {title} с опытом работы от {years} лет.',
  'Официальное трудоустройство, полный социальный пакет, оплачиваемый отпуск.',
  'Заработная плата выплачивается два раза в месяц без задержек.',
  'Обязанности: выполнение работ по профилю, соблюдение техники безопасности.',
  'Требования: ответственность, пунктуальность, знание {skill}.',
  'График работы 5/2, с 9:00 до 18:00.',
  'Сменный график 2/2, предоставляется служебный транспорт и питание.',
  'Работа вахтовым методом 15/15, проживание за счёт работодателя.',
  'Обучение за счёт компании, возможен карьерный рост.',
  'Рассмотрим кандидатов без опыта, обучим на месте.',
  'Приветствуется знание {skill} и {skill2}.',
  'Стабильная работа в дружном коллективе.',
  'Оплата проезда и медицинская страховка.',
  'Наш магазин находится в центре города, рядом с остановкой.',
  'Мы крупный производитель строительных материалов.',
  'Продажи, консультирование покупателей, выкладка товара.',
  'Ведение первичной документации и отчётности.',
  'Перевозка грузов по городу и области.',
  'Приготовление блюд казахской и европейской кухни.',
]
const KK_SENTENCES = [
  '«{company}» компаниясы {city} қаласында жұмысқа шақырады.',
  'Тұрақты жалақы, әлеуметтік пакет, ақылы демалыс.',
  'Жалақы айына екі рет кідіріссіз төленеді.',
  'Жұмыс тәжірибесі {years} жылдан кем емес.',
  'Тәжірибесі жоқ үміткерлерді де қарастырамыз, орнында үйретеміз.',
  'Жұмыс кестесі 5/2, сағат 9:00-ден 18:00-ге дейін.',
  'Ауысымды кесте, қызметтік көлік және тамақ беріледі.',
  'Вахталық әдіспен жұмыс, тұру жұмыс берушінің есебінен.',
  'Жауапкершілік, ұқыптылық, {skill} білу талап етіледі.',
  'Жүргізушілерге және жүк тиеушілерге арнайы киім беріледі.',
  'Мұғалімдер мен тәрбиешілерге әдістемелік қолдау көрсетіледі.',
  'Аспаздар мен даяшыларға тегін тамақ.',
  'Сатушыларға сатылымнан пайыз төленеді.',
]
const SYLLABLES = [
  'ал',
  'тын',
  'сай',
  'ка',
  'зах',
  'нур',
  'бек',
  'жол',
  'тас',
  'ар',
  'ман',
  'ин',
  'вест',
  'строй',
  'сер',
  'вис',
  'тау',
  'көл',
  'дала',
  'ен',
  'мұнай',
  'газ',
  'агро',
  'тех',
  'трейд',
  'снаб',
]
export const EMPLOYMENT_TYPES = [
  ['permanent', 70],
  ['temporary', 8],
  ['seasonal', 6],
  ['shift', 12],
  ['remote', 4],
] as const
const SCHEDULES = ['full_day', 'part_time', 'flexible', 'shift_work', 'rotation'] as const

export interface Geography {
  /** region → its level-2 KATO codes (districts and cities) */
  districts: Map<string, string[]>
  /** ISCO-08 unit-group codes and English titles */
  occupations: { code: string; title: string }[]
}

export function companyName(r: Random): string {
  const n = 2 + r.int(2)
  let s = ''
  for (let i = 0; i < n; i++) s += r.pick(SYLLABLES)
  return s.charAt(0).toUpperCase() + s.slice(1)
}

const DAY = 86_400_000

/** One COPY line per vacancy (tab-separated, in COPY_COLUMNS order). */
export const COPY_COLUMNS = [
  'employer_bin',
  'employer_name',
  'title',
  'occupation_code',
  'description',
  'experience_years',
  'wage_min',
  'wage_max',
  'employment_type',
  'schedule',
  'kato_code',
  'region_code',
  'district_code',
  'positions',
  'project_id',
  'fair_id',
  'state',
  'published_at',
  'expires_at',
  'updated_at',
] as const

const esc = (s: string) => s.replaceAll('\\', '\\\\').replaceAll('\t', ' ').replaceAll('\n', ' ')

export function* vacancyLines(
  geo: Geography,
  count: number,
  seed: number,
  now: number,
  companies: string[],
): Generator<string> {
  const r = createRandom(seed)
  const regions = Object.entries(POPULATION).map(([code, p]) => [code, p] as const)
  const ru = RU_TITLES.map(([t, c, w]) => [[t, c], w] as const)
  const kk = KK_TITLES.map(([t, c, w]) => [[t, c], w] as const)
  for (let i = 0; i < count; i++) {
    const lang = r.weighted([
      ['ru', 60],
      ['kk', 15],
      ['en', 25],
    ] as const)
    let title: string
    let code: string
    if (lang === 'en') {
      const o = r.pick(geo.occupations)
      title = o.title
      code = o.code
    } else {
      ;[title, code] = r.weighted(lang === 'ru' ? ru : kk) as [string, string]
      if (lang === 'ru') title += r.pick(TITLE_SUFFIXES_RU)
    }
    const region = r.weighted(regions)
    const district = r.pick(geo.districts.get(region) ?? [])
    const company = r.pick(companies)
    const years = r.weighted([
      [0, 35],
      [1, 30],
      [2, 15],
      [3, 12],
      [5, 8],
    ] as const)
    const pool = lang === 'kk' && r.next() < 0.85 ? KK_SENTENCES : RU_SENTENCES
    const n = 3 + r.int(4)
    const sentences: string[] = []
    for (let k = 0; k < n; k++) {
      const s = k === 0 ? (pool[0] as string) : r.pick(pool)
      sentences.push(
        s
          .replace('{company}', company)
          .replace('{city}', r.pick(CITIES))
          .replace('{title}', title.toLowerCase())
          .replace('{years}', String(Math.max(1, years)))
          .replace('{skill}', r.pick(SKILLS))
          .replace('{skill2}', r.pick(SKILLS)),
      )
    }
    const wageMin = 85_000 + r.int(60) * 10_000
    const wageMax = wageMin + r.int(40) * 10_000
    const type = r.weighted(EMPLOYMENT_TYPES)
    // Published within the last 60 days, whole seconds; open for 30–90 days from publication.
    const published = now - r.int(60 * 86_400) * 1000
    const expires = Math.max(published + (30 + r.int(60)) * DAY, now + DAY)
    const line = [
      String(100_000_000_000 + (i % 50_000)),
      `ТОО «${company}»`,
      esc(title),
      code,
      esc(sentences.join(' ')),
      String(years),
      String(wageMin),
      String(wageMax),
      type,
      type === 'shift' ? 'shift_work' : r.pick(SCHEDULES),
      district,
      region,
      district,
      String(1 + r.int(5)),
      r.next() < 0.03 ? String(1 + r.int(40)) : '\\N',
      r.next() < 0.02 ? String(1 + r.int(20)) : '\\N',
      'published',
      new Date(published).toISOString(),
      new Date(expires).toISOString(),
      new Date(published).toISOString(),
    ]
    yield `${line.join('\t')}\n`
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Queries

export type QueryType = 'landing' | 'common' | 'rare' | 'inflection' | 'kazakh' | 'two-word' | 'typo'
export interface BenchQuery {
  type: QueryType
  filtered: boolean
  params: Record<string, string | string[]>
}

const WORDS: Record<Exclude<QueryType, 'landing'>, string[]> = {
  common: ['водитель', 'продавец', 'менеджер', 'повар', 'бухгалтер', 'работа', 'опыт', 'кассир', 'manager', 'оператор'],
  rare: ['сомелье', 'таксидермист', 'геодезист', 'glaziers', 'astronomers', 'trappers', 'геодезисты', 'сомелье'],
  inflection: [
    'повара',
    'водителем',
    'бухгалтеру',
    'продавцов',
    'инженеров',
    'учителя',
    'менеджеры',
    'сварщика',
    'водителей',
    'кассиров',
  ],
  kazakh: [
    'жүргізуші',
    'аспаз',
    'мұғалім',
    'сатушы',
    'жүргізушілерге',
    'мұғалімдер',
    'дәрігер',
    'тәрбиеші',
    'аспаздар',
    'күзетші',
  ],
  'two-word': [
    'водитель такси',
    'менеджер продаж',
    'повар кондитер',
    'software developers',
    'инженер электрик',
    'главный бухгалтер',
    'учитель математики',
    'сатушы кеңесші',
    'вахтовым методом',
    'медицинская сестра',
  ],
  typo: [
    'вадитель',
    'бугалтер',
    'праграммист',
    'менеджр',
    'кансультант',
    'электромантер',
    'сварщек',
    'официянт',
    'охраник',
    'парикмахир',
  ],
}

function filters(r: Random): Record<string, string | string[]> {
  const p: Record<string, string | string[]> = {}
  const regions = Object.keys(POPULATION)
  const kinds = r.int(3) + 1
  for (let k = 0; k < kinds; k++) {
    const f = r.weighted([
      ['region', 40],
      ['employment_type', 15],
      ['wage_min', 15],
      ['occupation', 10],
      ['no_experience', 8],
      ['posted_since', 8],
      ['remote', 4],
    ] as const)
    if (f === 'region') p.region = r.next() < 0.8 ? [r.pick(regions)] : [r.pick(regions), r.pick(regions)]
    else if (f === 'employment_type') p.employment_type = [r.pick(EMPLOYMENT_TYPES)[0]]
    else if (f === 'wage_min') p.wage_min = String(200_000 + r.int(30) * 10_000)
    else if (f === 'occupation') p.occupation = [String(1 + r.int(9))]
    else if (f === 'no_experience') p.no_experience = 'true'
    else if (f === 'remote') p.remote = 'true'
    else p.posted_since = new Date(Date.now() - (1 + r.int(14)) * DAY).toISOString().slice(0, 10)
  }
  return p
}

/** `count` queries: seven types, each half with filters; some sorted by date or wage, some on page 2 or 3. */
export function benchQueries(count: number, seed: number): BenchQuery[] {
  const r = createRandom(seed)
  const types: QueryType[] = ['landing', 'common', 'rare', 'inflection', 'kazakh', 'two-word', 'typo']
  const out: BenchQuery[] = []
  for (let i = 0; i < count; i++) {
    const type = types[i % types.length] as QueryType
    const filtered = Math.floor(i / types.length) % 2 === 1
    const params: Record<string, string | string[]> = filtered ? filters(r) : {}
    if (type !== 'landing') params.q = r.pick(WORDS[type])
    const sort = r.weighted([
      ['', 80],
      ['date', 12],
      ['wage', 8],
    ] as const)
    if (sort !== '') params.sort = sort
    const page = r.weighted([
      [1, 85],
      [2, 10],
      [3, 5],
    ] as const)
    if (page > 1) params.page = String(page)
    out.push({ type, filtered, params })
  }
  return out
}

export function queryString(params: Record<string, string | string[]>): string {
  const u = new URLSearchParams()
  for (const [k, v] of Object.entries(params)) for (const x of Array.isArray(v) ? v : [v]) u.append(k, x)
  return u.toString()
}
