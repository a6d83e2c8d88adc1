/**
 * Tables behind the synthetic population of `jumys seed`: who lives where, how old they are, what they are
 * called and what they do. Figures are rounded approximations of public statistics, good enough to make the
 * demo data look like Kazakhstan; they are not official numbers and nothing but the generator reads them.
 */

import type { Sex } from '../../shared/iin.js'

/** Long word lists stay readable (and out of the formatter's one-item-a-line layout) as comma-separated text. */
function list(text: string): readonly string[] {
  return text
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item.length > 0)
}

/** The status vocabulary of FACTS.md ("Status categories named in the sources"), in its order. */
export const STATUS_CODES = [
  'employed_contract',
  'domestic_worker',
  'foreign_employer',
  'temporarily_employed',
  'entrepreneur',
  'self_employed',
  'platform_worker',
  'subsidiary_farm',
  'home_worker_no_contract',
  'unemployed_registered',
  'unemployed_unregistered',
  'student',
  'schoolchild',
  'in_training',
  'housewife',
  'childcare_under3',
  'pregnant',
  'pensioner',
  'social_payment_recipient',
  'targeted_assistance_recipient',
  'labour_migrant',
  'departed',
] as const

export type StatusCode = (typeof STATUS_CODES)[number]

export type StatusGroup = 'employed' | 'self-employed' | 'informal' | 'unemployed' | 'inactive' | 'away'

/** The group column of the FACTS.md status table. */
export const STATUS_GROUP: Readonly<Record<StatusCode, StatusGroup>> = {
  employed_contract: 'employed',
  domestic_worker: 'employed',
  foreign_employer: 'employed',
  temporarily_employed: 'employed',
  entrepreneur: 'self-employed',
  self_employed: 'self-employed',
  platform_worker: 'self-employed',
  subsidiary_farm: 'self-employed',
  home_worker_no_contract: 'informal',
  unemployed_registered: 'unemployed',
  unemployed_unregistered: 'unemployed',
  student: 'inactive',
  schoolchild: 'inactive',
  in_training: 'inactive',
  housewife: 'inactive',
  childcare_under3: 'inactive',
  pregnant: 'inactive',
  pensioner: 'inactive',
  social_payment_recipient: 'inactive',
  targeted_assistance_recipient: 'inactive',
  labour_migrant: 'away',
  departed: 'away',
}

// ---------------------------------------------------------------------------------------------------------------
// Regions

export type NameGroup = 'kazakh' | 'russian' | 'other'

export interface RegionShare {
  /** Two-digit region code (ISO 3166-2:KZ = KATO prefix), FACTS.md. */
  readonly code: string
  /** Where branch offices say they are ("Филиал … в г. Семей"). */
  readonly centreRu: string
  /** Residents at the start of 2024, thousands (BNS, rounded). */
  readonly thousands: number
  /**
   * Shares (percent) of people whose names follow Kazakh, Russian or other (Uzbek, Uyghur, Tatar, Azerbaijani…)
   * patterns. After the ethnic composition of the 2021 census by region; the Russian group also holds the
   * Ukrainians, Germans, Belarusians and Koreans who mostly carry Russian given names and patronymics.
   */
  readonly names: Readonly<Record<NameGroup, number>>
}

/** The 17 regions and 3 cities since 8 June 2022; populations per the BNS estimate for 1 January 2024. */
export const REGIONS: readonly RegionShare[] = [
  { code: '10', centreRu: 'Семей', thousands: 600, names: { kazakh: 76, russian: 21, other: 3 } },
  { code: '11', centreRu: 'Кокшетау', thousands: 790, names: { kazakh: 52, russian: 43, other: 5 } },
  { code: '15', centreRu: 'Актобе', thousands: 930, names: { kazakh: 87, russian: 11, other: 2 } },
  { code: '19', centreRu: 'Конаев', thousands: 1500, names: { kazakh: 66, russian: 18, other: 16 } },
  { code: '23', centreRu: 'Атырау', thousands: 700, names: { kazakh: 93, russian: 6, other: 1 } },
  { code: '27', centreRu: 'Уральск', thousands: 690, names: { kazakh: 80, russian: 18, other: 2 } },
  { code: '31', centreRu: 'Тараз', thousands: 1200, names: { kazakh: 77, russian: 12, other: 11 } },
  { code: '33', centreRu: 'Талдыкорган', thousands: 700, names: { kazakh: 74, russian: 21, other: 5 } },
  { code: '35', centreRu: 'Караганда', thousands: 1100, names: { kazakh: 58, russian: 38, other: 4 } },
  { code: '39', centreRu: 'Костанай', thousands: 830, names: { kazakh: 43, russian: 53, other: 4 } },
  { code: '43', centreRu: 'Кызылорда', thousands: 830, names: { kazakh: 96, russian: 3, other: 1 } },
  { code: '47', centreRu: 'Актау', thousands: 770, names: { kazakh: 92, russian: 6, other: 2 } },
  { code: '55', centreRu: 'Павлодар', thousands: 750, names: { kazakh: 53, russian: 43, other: 4 } },
  { code: '59', centreRu: 'Петропавловск', thousands: 530, names: { kazakh: 38, russian: 58, other: 4 } },
  { code: '61', centreRu: 'Туркестан', thousands: 2100, names: { kazakh: 80, russian: 3, other: 17 } },
  { code: '62', centreRu: 'Жезказган', thousands: 220, names: { kazakh: 82, russian: 15, other: 3 } },
  { code: '63', centreRu: 'Усть-Каменогорск', thousands: 700, names: { kazakh: 51, russian: 46, other: 3 } },
  { code: '71', centreRu: 'Астана', thousands: 1400, names: { kazakh: 79, russian: 18, other: 3 } },
  { code: '75', centreRu: 'Алматы', thousands: 2200, names: { kazakh: 61, russian: 31, other: 8 } },
  { code: '79', centreRu: 'Шымкент', thousands: 1200, names: { kazakh: 66, russian: 10, other: 24 } },
]

// ---------------------------------------------------------------------------------------------------------------
// Ages

export interface AgeBand {
  readonly minAge: number
  readonly maxAge: number
  /** Residents of these ages, thousands. */
  readonly thousands: number
  /** Share of men: women outlive men by about nine years in Kazakhstan, so the old are mostly women. */
  readonly maleShare: number
}

/** The adults a seed produces; IINs of people outside these ages are never generated. */
export const MIN_AGE = 16
export const MAX_AGE = 80

/**
 * Adults 16–80 by five-year group, after the BNS age structure at the start of 2024 ("Численность населения
 * Республики Казахстан по полу и отдельным возрастным группам"), rounded. The bulge at 30–39 is the birth peak of
 * the late 1980s; the dip at 20–24 the birth trough around 2000; 75+ were born during and after the war.
 * 16–19 is four fifths of the 15–19 group, 80 one fifth of 80–84.
 */
export const AGE_BANDS: readonly AgeBand[] = [
  { minAge: 16, maxAge: 19, thousands: 1200, maleShare: 0.51 },
  { minAge: 20, maxAge: 24, thousands: 1200, maleShare: 0.51 },
  { minAge: 25, maxAge: 29, thousands: 1350, maleShare: 0.505 },
  { minAge: 30, maxAge: 34, thousands: 1600, maleShare: 0.5 },
  { minAge: 35, maxAge: 39, thousands: 1550, maleShare: 0.495 },
  { minAge: 40, maxAge: 44, thousands: 1350, maleShare: 0.49 },
  { minAge: 45, maxAge: 49, thousands: 1200, maleShare: 0.48 },
  { minAge: 50, maxAge: 54, thousands: 1100, maleShare: 0.47 },
  { minAge: 55, maxAge: 59, thousands: 1050, maleShare: 0.45 },
  { minAge: 60, maxAge: 64, thousands: 930, maleShare: 0.43 },
  { minAge: 65, maxAge: 69, thousands: 720, maleShare: 0.4 },
  { minAge: 70, maxAge: 74, thousands: 450, maleShare: 0.36 },
  { minAge: 75, maxAge: 79, thousands: 230, maleShare: 0.32 },
  { minAge: 80, maxAge: 80, thousands: 30, maleShare: 0.3 },
]

/**
 * Age pension: 63 for men; for women the rise from 58 towards 63 (half a year a year from 2018) was paused at 61
 * until 2028 (Social Code of the Republic of Kazakhstan, 2023 — check when the pause ends). Early pensions
 * (mothers of large families, hazardous work, the Semipalatinsk test site) are left out: below these ages the
 * generator never says `pensioner`.
 */
export const RETIREMENT_AGE: Readonly<Record<Sex, number>> = { M: 63, F: 61 }

// ---------------------------------------------------------------------------------------------------------------
// Employment status

export interface StatusBand {
  readonly sex: Sex
  readonly minAge: number
  readonly maxAge: number
  /** Relative weights, percent of the band. */
  readonly weights: Readonly<Partial<Record<StatusCode, number>>>
}

/**
 * Status by sex and age. Tuned so that people of working age (16 to the pension age) come out at about 55% employed,
 * 15% self-employed, 5% unemployed and the rest inactive or away, which matches the BNS labour force survey of 2024
 * in shape (9.2 million employed of whom 2.2 million self-employed, unemployment 4.7%), and so that rules hold:
 * schoolchildren are 16–17 (women up to 19), students mostly 16–24, `pregnant` and `childcare_under3` are women
 * of 20–40, `pensioner` starts at RETIREMENT_AGE. Every age 16–80 of each sex falls in exactly one band.
 */
export const STATUS_BANDS: readonly StatusBand[] = [
  {
    sex: 'M',
    minAge: 16,
    maxAge: 17,
    weights: {
      schoolchild: 60,
      student: 30,
      employed_contract: 3,
      temporarily_employed: 2,
      platform_worker: 1,
      home_worker_no_contract: 1,
      in_training: 1,
      unemployed_unregistered: 2,
    },
  },
  {
    sex: 'M',
    minAge: 18,
    maxAge: 22,
    weights: {
      student: 43,
      employed_contract: 26,
      foreign_employer: 1,
      temporarily_employed: 4,
      entrepreneur: 1,
      self_employed: 5,
      platform_worker: 6,
      subsidiary_farm: 2,
      home_worker_no_contract: 1,
      unemployed_registered: 3,
      unemployed_unregistered: 4,
      in_training: 2,
      labour_migrant: 2,
    },
  },
  {
    sex: 'M',
    minAge: 23,
    maxAge: 29,
    weights: {
      employed_contract: 57.5,
      foreign_employer: 2,
      temporarily_employed: 2,
      domestic_worker: 0.5,
      entrepreneur: 5,
      self_employed: 7,
      platform_worker: 5,
      subsidiary_farm: 3,
      home_worker_no_contract: 1.5,
      unemployed_registered: 3,
      unemployed_unregistered: 3,
      student: 5,
      in_training: 2,
      labour_migrant: 2,
      departed: 0.5,
      social_payment_recipient: 0.5,
      targeted_assistance_recipient: 0.5,
    },
  },
  {
    sex: 'M',
    minAge: 30,
    maxAge: 49,
    weights: {
      employed_contract: 62,
      foreign_employer: 2,
      temporarily_employed: 1,
      domestic_worker: 0.5,
      entrepreneur: 7,
      self_employed: 7,
      platform_worker: 3,
      subsidiary_farm: 4,
      home_worker_no_contract: 1.5,
      unemployed_registered: 2.5,
      unemployed_unregistered: 2.5,
      in_training: 1,
      housewife: 0.5,
      labour_migrant: 2,
      departed: 0.5,
      social_payment_recipient: 1.5,
      targeted_assistance_recipient: 1.5,
    },
  },
  {
    sex: 'M',
    minAge: 50,
    maxAge: 62,
    weights: {
      employed_contract: 56,
      foreign_employer: 1,
      temporarily_employed: 1,
      domestic_worker: 0.5,
      entrepreneur: 7,
      self_employed: 7,
      platform_worker: 1,
      subsidiary_farm: 6,
      home_worker_no_contract: 1.5,
      unemployed_registered: 3,
      unemployed_unregistered: 3,
      in_training: 0.5,
      housewife: 1,
      labour_migrant: 1,
      departed: 0.5,
      // Disability and survivor's benefits from the State Social Insurance Fund.
      social_payment_recipient: 8,
      targeted_assistance_recipient: 2,
    },
  },
  {
    sex: 'M',
    minAge: 63,
    maxAge: 69,
    weights: {
      pensioner: 75,
      employed_contract: 12,
      self_employed: 4,
      subsidiary_farm: 5,
      entrepreneur: 2.5,
      social_payment_recipient: 1,
      departed: 0.5,
    },
  },
  {
    sex: 'M',
    minAge: 70,
    maxAge: 80,
    weights: { pensioner: 95, subsidiary_farm: 3, self_employed: 1, employed_contract: 0.5, departed: 0.5 },
  },
  {
    sex: 'F',
    minAge: 16,
    maxAge: 17,
    weights: {
      schoolchild: 60,
      student: 32,
      employed_contract: 2,
      temporarily_employed: 2,
      home_worker_no_contract: 1,
      in_training: 1,
      unemployed_unregistered: 2,
    },
  },
  {
    sex: 'F',
    minAge: 18,
    maxAge: 19,
    weights: {
      student: 50,
      schoolchild: 1,
      employed_contract: 18,
      foreign_employer: 1,
      temporarily_employed: 4,
      entrepreneur: 1,
      self_employed: 4,
      platform_worker: 3,
      subsidiary_farm: 1,
      home_worker_no_contract: 2,
      unemployed_registered: 3,
      unemployed_unregistered: 4,
      in_training: 3,
      housewife: 4,
      labour_migrant: 1,
    },
  },
  {
    sex: 'F',
    minAge: 20,
    maxAge: 24,
    weights: {
      student: 27,
      employed_contract: 33,
      temporarily_employed: 3,
      domestic_worker: 1,
      entrepreneur: 2,
      self_employed: 5,
      platform_worker: 3,
      subsidiary_farm: 1,
      home_worker_no_contract: 1,
      unemployed_registered: 3,
      unemployed_unregistered: 4,
      in_training: 2,
      housewife: 4,
      pregnant: 3,
      childcare_under3: 7,
      labour_migrant: 1,
    },
  },
  {
    sex: 'F',
    minAge: 25,
    maxAge: 34,
    weights: {
      employed_contract: 46,
      foreign_employer: 1.5,
      temporarily_employed: 1.5,
      domestic_worker: 1,
      entrepreneur: 5,
      self_employed: 6,
      platform_worker: 2,
      subsidiary_farm: 2,
      home_worker_no_contract: 2,
      unemployed_registered: 3,
      unemployed_unregistered: 3,
      student: 2,
      in_training: 1,
      housewife: 6,
      pregnant: 4,
      childcare_under3: 11,
      labour_migrant: 1,
      departed: 0.5,
      social_payment_recipient: 0.5,
      targeted_assistance_recipient: 1,
    },
  },
  {
    sex: 'F',
    minAge: 35,
    maxAge: 40,
    weights: {
      employed_contract: 57,
      foreign_employer: 1.5,
      temporarily_employed: 1,
      domestic_worker: 1.5,
      entrepreneur: 6,
      self_employed: 6,
      platform_worker: 1,
      subsidiary_farm: 3,
      home_worker_no_contract: 2,
      unemployed_registered: 3,
      unemployed_unregistered: 2.5,
      in_training: 1.5,
      housewife: 6,
      pregnant: 1.5,
      childcare_under3: 4,
      labour_migrant: 0.5,
      departed: 0.5,
      social_payment_recipient: 0.5,
      targeted_assistance_recipient: 1,
    },
  },
  {
    sex: 'F',
    minAge: 41,
    maxAge: 49,
    weights: {
      employed_contract: 62,
      foreign_employer: 1,
      temporarily_employed: 1,
      domestic_worker: 2,
      entrepreneur: 6,
      self_employed: 6,
      platform_worker: 0.5,
      subsidiary_farm: 3.5,
      home_worker_no_contract: 2,
      unemployed_registered: 3,
      unemployed_unregistered: 2,
      in_training: 1,
      housewife: 6,
      labour_migrant: 0.5,
      departed: 0.5,
      social_payment_recipient: 1.5,
      targeted_assistance_recipient: 1.5,
    },
  },
  {
    sex: 'F',
    minAge: 50,
    maxAge: 60,
    weights: {
      employed_contract: 57,
      foreign_employer: 0.5,
      temporarily_employed: 1,
      domestic_worker: 2,
      entrepreneur: 6,
      self_employed: 6,
      subsidiary_farm: 4,
      home_worker_no_contract: 2,
      unemployed_registered: 3,
      unemployed_unregistered: 2,
      in_training: 0.5,
      housewife: 8,
      departed: 0.5,
      social_payment_recipient: 5.5,
      targeted_assistance_recipient: 2,
    },
  },
  {
    sex: 'F',
    minAge: 61,
    maxAge: 69,
    weights: {
      pensioner: 80,
      employed_contract: 10,
      self_employed: 3,
      subsidiary_farm: 4,
      entrepreneur: 1.5,
      housewife: 1,
      departed: 0.5,
    },
  },
  {
    sex: 'F',
    minAge: 70,
    maxAge: 80,
    weights: { pensioner: 96, subsidiary_farm: 2, self_employed: 1, employed_contract: 0.5, departed: 0.5 },
  },
]

// ---------------------------------------------------------------------------------------------------------------
// Names

/**
 * Share of Kazakh-group people whose patronymic is written the Kazakh way ("Серікұлы", "Серікқызы") rather than
 * the Soviet way ("Серикович", "Сериковна"), by age: the Kazakh form spread after independence, so the young
 * carry it far more often.
 */
export const KAZAKH_PATRONYMIC_SHARE: readonly { readonly maxAge: number; readonly share: number }[] = [
  { maxAge: 29, share: 0.55 },
  { maxAge: 49, share: 0.3 },
  { maxAge: MAX_AGE, share: 0.12 },
]

/** Kazakh-group people whose surname is itself "<father>ұлы"/"<father>қызы" (and who then have no patronymic). */
export const KAZAKH_ULY_SURNAME_SHARE = 0.03

/** People recorded without a patronymic, by name group (it is optional in Kazakh documents since 2000s). */
export const NO_PATRONYMIC_SHARE: Readonly<Record<NameGroup, number>> = { kazakh: 0.02, russian: 0.005, other: 0.05 }

export interface NameSet {
  readonly male: readonly string[]
  readonly female: readonly string[]
  /** Masculine forms; the generator derives feminine ones (-ов → -ова, -ский → -ская, Ким stays Ким). */
  readonly surnames: readonly string[]
}

const KAZAKH: NameSet = {
  male: list(`
    Нұрлан, Серік, Ерлан, Болат, Ержан, Дәурен, Мұрат, Қайрат, Бауыржан, Нұрсұлтан, Ерболат, Жандос, Әлихан,
    Дархан, Ернар, Санжар, Темірлан, Айбек, Арман, Асқар, Алмас, Асылбек, Бекзат, Бақытжан, Ғалым, Дамир,
    Дәулет, Ерік, Есен, Жанболат, Жасұлан, Қанат, Қуаныш, Мағжан, Мейрам, Мұхтар, Нұржан, Олжас, Рүстем,
    Руслан, Самат, Сұлтан, Талғат, Тимур, Ұлан, Шыңғыс, Ақжол, Әділет, Әлібек, Батыр, Біржан, Дастан, Ерасыл,
    Еркебұлан, Жомарт, Ілияс, Қасым, Мирас, Нұрбол, Айдос, Азамат, Бағдат, Ғабит, Елдос, Ерназар, Жәнібек,
    Мақсат, Нұрасыл, Рахат, Сырым, Тоқтар, Әмір, Абай, Бейбіт, Ерғали, Мұса
  `),
  female: list(`
    Айгүл, Айгерім, Айжан, Айнұр, Ақбота, Ақмарал, Ақерке, Әлия, Аружан, Әсел, Әсем, Ботагөз, Гүлназ, Гүлмира,
    Гүлнар, Гүлжан, Дана, Дариға, Динара, Жанар, Жанна, Жұлдыз, Зарина, Зере, Индира, Інжу, Қарлығаш, Камила,
    Ләззат, Мадина, Мақпал, Малика, Меруерт, Мөлдір, Назерке, Назым, Нұргүл, Нұрсұлу, Раушан, Роза, Салтанат,
    Сандуғаш, Сәуле, Сымбат, Толқын, Томирис, Ұлжан, Ұлпан, Шолпан, Күнсұлу, Балжан, Гауһар, Ақнұр, Анар, Айым,
    Баян, Дильназ, Жансая, Жібек, Камшат, Құралай, Ләйлә, Перизат, Райхан, Сабина, Торғын, Эльмира, Аяулым,
    Аққу, Гүлсим
  `),
  surnames: list(`
    Ахметов, Омаров, Серікбаев, Жұмабаев, Нұрпейісов, Қасымов, Оспанов, Абдрахманов, Байжанов, Бекмағанбетов,
    Дәулетов, Ергалиев, Есенов, Жақсыбеков, Иманбаев, Кәрімов, Қожахметов, Мұқанов, Мұхамеджанов,
    Нұрмағамбетов, Оразов, Сағынтаев, Сатыбалдиев, Сәрсенбаев, Сүлейменов, Төлеуов, Уәлиханов, Шәріпов, Әбенов,
    Әлиев, Әбдіқадыров, Айтбаев, Айтжанов, Ақылбеков, Алпысбаев, Амангелдиев, Асанов, Әшімов, Байбосынов,
    Байтұрсынов, Бейсенов, Бекенов, Болатов, Дүйсенбаев, Дүйсенов, Ералиев, Ермеков, Есімов, Жақыпов,
    Жаманқұлов, Жанұзақов, Жексенбаев, Жолдасбеков, Жұмағұлов, Зейнуллин, Исмағұлов, Кенжебаев, Көшербаев,
    Құдайбергенов, Құлмағамбетов, Қуанышев, Мамыров, Мақсұтов, Мұратов, Мырзахметов, Назарбеков, Нұрланов,
    Нысанбаев, Өтегенов, Рысқұлов, Сағадиев, Сапаров, Сейітов, Смағұлов, Сұлтанов, Тәжібаев, Тілеубердиев,
    Тұрсынов, Темірбеков, Төлегенов, Ұзақов, Шәкенов, Ыбыраев, Әмірханов, Бердібеков, Жүнісов, Қалиев, Мусин,
    Шәймерденов, Байменов, Нұрғалиев, Қайыржанов, Иманғалиев, Жақсылықов, Мамбетов, Әубәкіров, Есімбеков,
    Қаражанов, Касымов, Ахмедиев, Сейтқали, Абдулла
  `),
}

const RUSSIAN: NameSet = {
  male: list(`
    Александр, Алексей, Анатолий, Андрей, Антон, Аркадий, Артём, Борис, Вадим, Валентин, Валерий, Василий,
    Виктор, Виталий, Владимир, Владислав, Вячеслав, Геннадий, Георгий, Глеб, Григорий, Даниил, Денис, Дмитрий,
    Евгений, Егор, Иван, Игорь, Илья, Кирилл, Константин, Леонид, Максим, Марк, Матвей, Михаил, Никита,
    Николай, Олег, Павел, Пётр, Роман, Руслан, Семён, Сергей, Станислав, Степан, Тимофей, Фёдор, Юрий, Ярослав,
    Эдуард, Арсений, Лев, Макар, Богдан, Захар, Ростислав, Святослав, Тарас, Филипп, Яков, Герман, Эрик
  `),
  female: list(`
    Александра, Алёна, Алина, Алла, Анастасия, Ангелина, Анна, Антонина, Валентина, Валерия, Вера, Вероника,
    Виктория, Галина, Дарья, Диана, Ева, Евгения, Екатерина, Елена, Елизавета, Жанна, Зинаида, Зоя, Инна,
    Ирина, Карина, Кира, Кристина, Ксения, Лариса, Лидия, Любовь, Людмила, Маргарита, Марина, Мария, Милана,
    Надежда, Наталья, Нина, Оксана, Олеся, Ольга, Полина, Раиса, Светлана, София, Тамара, Татьяна, Ульяна,
    Юлия, Яна, Варвара, Василиса, Влада, Арина, Злата, Лилия, Нелли, Снежана, Таисия, Эвелина, Регина, Лада
  `),
  surnames: list(`
    Иванов, Смирнов, Кузнецов, Попов, Васильев, Петров, Соколов, Михайлов, Новиков, Фёдоров, Морозов, Волков,
    Алексеев, Лебедев, Семёнов, Егоров, Павлов, Козлов, Степанов, Николаев, Орлов, Андреев, Макаров, Никитин,
    Захаров, Зайцев, Соловьёв, Борисов, Яковлев, Григорьев, Романов, Воробьёв, Сергеев, Кузьмин, Фролов,
    Александров, Дмитриев, Королёв, Гусев, Киселёв, Ильин, Максимов, Поляков, Сорокин, Виноградов, Ковалёв,
    Белов, Медведев, Антонов, Тарасов, Жуков, Баранов, Филиппов, Комаров, Давыдов, Беляев, Герасимов, Богданов,
    Осипов, Сидоров, Матвеев, Титов, Марков, Миронов, Крылов, Куликов, Карпов, Власов, Мельников, Денисов,
    Гаврилов, Тихонов, Казаков, Афанасьев, Данилов, Савельев, Тимофеев, Фомин, Чернов, Абрамов, Мартынов,
    Ефимов, Щербаков, Назаров, Калинин, Быков, Маслов, Лазарев, Голубев, Прохоров, Колесников, Гончаров,
    Кириллов, Белоусов, Шевченко, Бондаренко, Коваленко, Ткаченко, Кравченко, Савченко, Лысенко, Ковальчук,
    Мельничук, Ковальский, Новицкий, Миллер, Шмидт, Вагнер, Беккер, Шнайдер, Фишер, Вебер, Майер, Рихтер,
    Гофман, Ким, Пак, Цой, Ли, Тен, Хван, Когай, Югай
  `),
}

const OTHER: NameSet = {
  male: list(`
    Алишер, Бахтиёр, Бахром, Жасур, Улугбек, Шерзод, Фаррух, Азиз, Дильшод, Отабек, Ойбек, Шухрат, Рустам,
    Равшан, Зафар, Абдулла, Анвар, Фарход, Икром, Жахонгир, Камол, Мансур, Нодир, Одил, Сардор, Тохир, Умид,
    Хуршид, Шахзод, Ильхам, Абдурешит, Дильмурат, Махмут, Пархат, Эркин, Ахметжан, Ринат, Ильдар, Айдар,
    Ильнур, Рамиль, Радик, Фарит, Шамиль, Эльдар, Рашид, Тагир, Орхан, Вугар, Джавид, Рауф, Ибрагим, Исмаил,
    Мехмет, Ахмет, Юсуф, Хасан, Хусейн, Муслим, Арслан, Марат, Тимур, Рафаэль, Камиль
  `),
  female: list(`
    Дилноза, Гулнора, Нигора, Мадина, Феруза, Зарина, Шахноза, Малика, Севара, Дилфуза, Нилуфар, Мохира,
    Камола, Дилором, Зульфия, Гулчехра, Мунира, Нодира, Саодат, Умида, Хилола, Шахло, Юлдуз, Лола, Наргиза,
    Гулшан, Патигуль, Назугум, Рейхан, Гулбахор, Зухра, Гульнара, Эльвира, Алсу, Лейсан, Резеда, Гузель,
    Айсылу, Альбина, Венера, Рамиля, Эльмира, Лейла, Айнур, Гюльнар, Севиндж, Нармин, Айтен, Фатима, Зейнаб,
    Амина, Хадижа, Марьям, Асия, Диляра, Ильмира, Камилла, Рената, Сабина, Лиана, Ясмина, Гульшат
  `),
  surnames: list(`
    Юсупов, Каримов, Рахимов, Абдуллаев, Мамедов, Алиев, Хасанов, Турсунов, Исмаилов, Нурмухамедов, Сабиров,
    Усманов, Мирзаев, Эргашев, Юлдашев, Рашидов, Холматов, Ахмедов, Расулов, Хамидов, Шарипов, Умаров, Закиров,
    Валиев, Гафуров, Бакиров, Хакимов, Файзуллаев, Абдурахманов, Камалов, Мусаев, Гасанов, Гусейнов, Гулиев,
    Велиев, Керимов, Джафаров, Мехтиев, Сулейманов, Ибрагимов, Галиев, Хабибуллин, Гарипов, Зарипов, Сафин,
    Шайхутдинов, Нуриев, Хайруллин, Ахметзянов, Ганиев, Садыков, Латыпов, Файзуллин, Миннуллин, Сагдиев,
    Юнусов, Исламов, Мамутов, Розахунов, Масимов, Насыров, Ниязов, Хабибов, Мухамедов, Вахидов, Азизов,
    Фазылов, Шакиров, Кадыров, Мансуров, Эминов, Рзаев, Аскеров, Ширинов, Дадашев, Якубов, Давлетов, Кахаров,
    Ибадуллаев, Турдыев, Сатаров, Вахитов
  `),
}

export const NAMES: Readonly<Record<NameGroup, NameSet>> = { kazakh: KAZAKH, russian: RUSSIAN, other: OTHER }

// ---------------------------------------------------------------------------------------------------------------
// Organisations

export type OrganisationKind = 'llp' | 'jsc' | 'llp_branch' | 'foreign_branch' | 'foreign_office' | 'ie' | 'farm'

export interface OrganisationKindShare {
  readonly kind: OrganisationKind
  /** Percent of generated organisations. */
  readonly share: number
  /** BIN digit 5: 4 resident legal entity, 5 non-resident, 6 individual entrepreneur in joint entrepreneurship. */
  readonly entityType: 4 | 5 | 6
  /** BIN digit 6: 0 head office, 1 branch, 2 representative office, 3 peasant farm. */
  readonly officeType: 0 | 1 | 2 | 3
}

/** ТОО (LLPs) are the great majority of Kazakh employers; АО and foreign offices are few. Rounded guesses. */
export const ORGANISATION_KINDS: readonly OrganisationKindShare[] = [
  { kind: 'llp', share: 80, entityType: 4, officeType: 0 },
  { kind: 'jsc', share: 3, entityType: 4, officeType: 0 },
  { kind: 'llp_branch', share: 6, entityType: 4, officeType: 1 },
  { kind: 'foreign_branch', share: 1.5, entityType: 5, officeType: 1 },
  { kind: 'foreign_office', share: 1.5, entityType: 5, officeType: 2 },
  { kind: 'ie', share: 5, entityType: 6, officeType: 0 },
  { kind: 'farm', share: 3, entityType: 6, officeType: 3 },
]

/** BIN registration months run from 2000-01 (YYMM 0001) to 2025-12 (2512). */
export const ORG_FIRST_YEAR = 2000
export const ORG_LAST_YEAR = 2025

/** Registration years of organisations alive today lean recent: many old ones have closed. Weight grows 8% a year. */
export const ORG_YEAR_GROWTH = 1.08

/** Kazakh and Russian words that company names are made of: «Береке Агро», «Алтын-Строй», «НұрТрейд». */
export const ORG_NAME_ROOTS: readonly string[] = list(`
  Алтын, Береке, Нұр, Дала, Көктем, Самал, Сұңқар, Ақ Жол, Еуразия, Сарыарқа, Жетісу, Каспий, Алатау, Тұлпар,
  Бәйтерек, Шаңырақ, Атамекен, Қайнар, Достық, Болашақ, Мерей, Ырыс, Шуақ, Ақ Орда, Бірлік, Көкше, Ертіс, Есіл,
  Жайық, Арай, Қыран, Жұлдыз, Самұрық, Ұлы Дала, Орда, Керуен, Сапа, Алтай, Іле, Сырдария, Отырар, Барыс,
  Восток, Север, Степь, Гранит, Меридиан, Вектор, Импульс, Альянс, Прогресс, Стандарт, Партнёр, Союз, Лидер,
  Континент, Горизонт, Орион, Сфера, Магистраль, Профи, Эталон, Фаворит, Ресурс, Капитал, Феникс, Альфа,
  Кристалл, Иртыш, Гарант
`)

export const ORG_NAME_SECTORS: readonly string[] = list(`
  Строй, Строй Сервис, Трейд, Агро, Сервис, Логистик, Групп, Инвест, Пром, Энерго, Транс, Мед, Фарм,
  Консалтинг, Тех, Ойл, Маш, Снаб, Монтаж, Проект, Дорстрой, Агрохолдинг, Құрылыс, Сауда, Азық, Компани,
  Холдинг, Электро, Авто, Қызмет, Маркет, Принт, Медиа, Софт, Экспресс, Терминал, Металл, Минерал, Текстиль,
  Фуд, Милк, Нан, Ет Өнімдері, Мебель, Стиль, Тур, Секьюрити, Клининг
`)

/** How foreign companies' names end when written in Cyrillic in the state register. */
export const FOREIGN_COMPANY_SUFFIXES: readonly string[] = list('Лимитед, ГмбХ, Корпорейшн, Инк., Б.В., АГ, С.А.')

export const FOREIGN_COMPANY_ROOTS: readonly string[] = list(`
  Евротек, Нордик Трейдинг, Глобал Ойлфилд, Атлантик, Синоэнерджи, Анатолия Иншаат, Континентал Майнинг,
  Пасифик Логистикс, Балтик Фуд, Альпина Инжиниринг, Оушен Шиппинг, Гранд Агри, Стилворкс, Медитек
`)
