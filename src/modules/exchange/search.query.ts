/**
 * Turning what a person typed into search terms. PostgreSQL stems Russian and English but ships no Kazakh
 * stemmer, and Kazakh is agglutinative ("жүргізушілерге" = to the drivers): each term is therefore matched as
 * an exact-word prefix (simple config), as a Russian and an English stem, and for Cyrillic words also as a
 * prefix of the word with its Kazakh plural and case endings taken off.
 */
export interface SearchTerm {
  /** The word as typed, lower-cased: matched as a prefix (simple) and stemmed (russian, english). */
  word: string
  /** The word without Kazakh plural/case endings, matched as a prefix; undefined when nothing was taken off. */
  kazakhStem?: string
  /** Short words are matched exactly, not as prefixes ("по" would match half the dictionary). */
  isPrefix: boolean
}

const MAX_TERMS = 8
const MIN_STEM = 4

// Longest first, so "дарға" goes before "ға". Plural, possessive and case endings in both vowel harmonies.
const KAZAKH_ENDINGS = [
  'лардың',
  'лердің',
  'дардың',
  'дердің',
  'тардың',
  'тердің',
  'ларға',
  'лерге',
  'дарға',
  'дерге',
  'тарға',
  'терге',
  'лары',
  'лері',
  'дары',
  'дері',
  'тары',
  'тері',
  'ның',
  'нің',
  'дың',
  'дің',
  'тың',
  'тің',
  'лар',
  'лер',
  'дар',
  'дер',
  'тар',
  'тер',
  'ға',
  'ге',
  'қа',
  'ке',
  'на',
  'не',
  'да',
  'де',
  'та',
  'те',
  'дан',
  'ден',
  'тан',
  'тен',
  'нан',
  'нен',
  'ды',
  'ді',
  'ты',
  'ті',
  'ны',
  'ні',
  'мен',
  'бен',
  'пен',
].sort((a, b) => b.length - a.length)

/** Takes Kazakh plural and case endings off a word, keeping at least four letters of stem. */
export function stripKazakhEndings(word: string): string {
  let stem = word
  for (let round = 0; round < 2; round++) {
    const ending = KAZAKH_ENDINGS.find((e) => stem.endsWith(e) && stem.length - e.length >= MIN_STEM)
    if (ending === undefined) break
    stem = stem.slice(0, -ending.length)
  }
  return stem
}

/** The terms of a query: letters and digits only (so nothing reaches to_tsquery's syntax), at most eight. */
export function parseQuery(q: string): SearchTerm[] {
  const words = [...new Set(q.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [])]
  // Drop one- and two-letter words ("и", "в", "на") unless they are all there is or carry a digit ("1с").
  const meaningful = words.filter((w) => w.length >= 3 || /\p{N}/u.test(w))
  const kept = (meaningful.length > 0 ? meaningful : words).slice(0, MAX_TERMS)
  return kept.map((word) => {
    const isCyrillic = /\p{Script=Cyrillic}/u.test(word)
    const stem = isCyrillic && word.length >= 6 ? stripKazakhEndings(word) : word
    return { word, isPrefix: word.length >= 3, ...(stem !== word && { kazakhStem: stem }) }
  })
}
