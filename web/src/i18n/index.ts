import i18n from 'i18next'
import { initReactI18next } from 'react-i18next'
import coreEn from './en.json'
import type exchangeEn from './exchange/en.json'
import type fairsEn from './fairs/en.json'
import type hiringEn from './hiring/en.json'
import coreKk from './kk.json'
import type programmesEn from './programmes/en.json'
import type projectsEn from './projects/en.json'
import coreRu from './ru.json'
import type socialEn from './social/en.json'

export type Language = 'kk' | 'ru' | 'en'

export const languages: readonly Language[] = ['kk', 'ru', 'en']

// Kazakh is the state language, so a first visit starts in it whatever the browser prefers.
const defaultLanguage: Language = 'kk'
const storageKey = 'jumys.language'

// Each area of the interface keeps its words in its own folder, under a key of its own name, so work on one
// area never touches another's files. Only the core words are in the first download; an area's words come with
// its pages' chunk (i18n/<area>/index.ts, imported by pages/<area>/pages.ts), which adds them before any of
// its pages renders. The types still know every area's keys, so `t('fairs.…')` is checked everywhere.
interface AreaWords {
  exchange: typeof exchangeEn
  hiring: typeof hiringEn
  fairs: typeof fairsEn
  social: typeof socialEn
  programmes: typeof programmesEn
  projects: typeof projectsEn
}
export type Area = keyof AreaWords
type Words = typeof coreEn & AreaWords

// Each file must carry every key of the others; a missing translation fails `tsc`, not a user.
const kkHasAllOf: typeof coreEn & typeof coreRu = coreKk
const ruHasAllOf: typeof coreEn & typeof coreKk = coreRu
const enHasAllOf: typeof coreKk & typeof coreRu = coreEn

declare module 'i18next' {
  interface CustomTypeOptions {
    resources: { translation: Words }
  }
}

/** Adds an area's words in every language; called once by the area's words module when its chunk loads. */
export function addAreaWords<A extends Area>(area: A, words: Record<Language, AreaWords[A]>): void {
  for (const language of languages) {
    i18n.addResourceBundle(language, 'translation', { [area]: words[language] }, true, true)
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
  // The core words are bundled, so there is nothing to wait for before the first render.
  initAsync: false,
  interpolation: { escapeValue: false },
})

export default i18n
