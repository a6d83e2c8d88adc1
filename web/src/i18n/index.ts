import i18n from 'i18next'
import { initReactI18next } from 'react-i18next'
import coreEn from './en.json'
import exchangeEn from './exchange/en.json'
import exchangeKk from './exchange/kk.json'
import exchangeRu from './exchange/ru.json'
import fairsEn from './fairs/en.json'
import fairsKk from './fairs/kk.json'
import fairsRu from './fairs/ru.json'
import hiringEn from './hiring/en.json'
import hiringKk from './hiring/kk.json'
import hiringRu from './hiring/ru.json'
import coreKk from './kk.json'
import programmesEn from './programmes/en.json'
import programmesKk from './programmes/kk.json'
import programmesRu from './programmes/ru.json'
import projectsEn from './projects/en.json'
import projectsKk from './projects/kk.json'
import projectsRu from './projects/ru.json'
import coreRu from './ru.json'
import socialEn from './social/en.json'
import socialKk from './social/kk.json'
import socialRu from './social/ru.json'

export type Language = 'kk' | 'ru' | 'en'

export const languages: readonly Language[] = ['kk', 'ru', 'en']

// Kazakh is the state language, so a first visit starts in it whatever the browser prefers.
const defaultLanguage: Language = 'kk'
const storageKey = 'jumys.language'

// Each area of the interface keeps its words in its own folder, under a key of its own name, so work on one
// area never touches another's files.
const en = {
  ...coreEn,
  exchange: exchangeEn,
  hiring: hiringEn,
  fairs: fairsEn,
  social: socialEn,
  programmes: programmesEn,
  projects: projectsEn,
}
const kk = {
  ...coreKk,
  exchange: exchangeKk,
  hiring: hiringKk,
  fairs: fairsKk,
  social: socialKk,
  programmes: programmesKk,
  projects: projectsKk,
}
const ru = {
  ...coreRu,
  exchange: exchangeRu,
  hiring: hiringRu,
  fairs: fairsRu,
  social: socialRu,
  programmes: programmesRu,
  projects: projectsRu,
}

// Each file must carry every key of the others; a missing translation fails `tsc`, not a user.
const kkHasAllOf: typeof en & typeof ru = kk
const ruHasAllOf: typeof en & typeof kk = ru
const enHasAllOf: typeof kk & typeof ru = en

declare module 'i18next' {
  interface CustomTypeOptions {
    resources: { translation: typeof en }
  }
}

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (languages as readonly string[]).includes(value)
}

function readStoredLanguage(): Language {
  try {
    const stored = localStorage.getItem(storageKey)
    return isLanguage(stored) ? stored : defaultLanguage
  } catch {
    // Storage can be blocked (privacy modes); the app still works, it just forgets the choice.
    return defaultLanguage
  }
}

/** Switches the interface language and remembers it for the next visit. */
export async function changeLanguage(language: Language): Promise<void> {
  try {
    localStorage.setItem(storageKey, language)
  } catch {
    // See readStoredLanguage.
  }
  await i18n.changeLanguage(language)
}

export function currentLanguage(): Language {
  return isLanguage(i18n.language) ? i18n.language : defaultLanguage
}

i18n.on('languageChanged', (language) => {
  // Screen readers choose their voice from <html lang>, and the browser its hyphenation and quotes.
  document.documentElement.lang = language
})

void i18n.use(initReactI18next).init({
  resources: {
    kk: { translation: kkHasAllOf },
    ru: { translation: ruHasAllOf },
    en: { translation: enHasAllOf },
  },
  lng: readStoredLanguage(),
  fallbackLng: defaultLanguage,
  supportedLngs: [...languages],
  // The resources are bundled, so there is nothing to wait for before the first render.
  initAsync: false,
  interpolation: { escapeValue: false },
})

export default i18n
