/**
 * Wording that excludes people by age, sex or ethnicity. The Labour Code (art. 6) forbids such discrimination
 * in hiring; ads like "девушки до 30 лет" are the commonest complaint. The lists are deliberately narrow
 * (a phrase, not a word), so that "женская одежда" or "опыт до 10 лет" pass.
 */
export type WordingCategory = 'age' | 'sex' | 'ethnicity'
export interface WordingFlag {
  phrase: string
  category: WordingCategory
  lang: 'kk' | 'ru' | 'en'
}

interface Rule {
  category: WordingCategory
  lang: WordingFlag['lang']
  pattern: RegExp
}

// No \b: it only knows ASCII letters. A phrase must start at a word start.
const start = '(?<![\\p{L}\\p{N}])'
const age = '(?:1[4-9]|[2-7]\\d)'
const rule = (category: WordingCategory, lang: WordingFlag['lang'], source: string): Rule => ({
  category,
  lang,
  pattern: new RegExp(`${start}${source}`, 'giu'),
})

const RULES: readonly Rule[] = [
  // Russian
  rule('age', 'ru', `(?<!(?:опыт|стаж)[\\p{L}\\s]{0,20})(?:от\\s*${age}\\s*)?до\\s*${age}\\s*(?:лет|года?)`),
  rule('age', 'ru', `(?:не\\s+)?(?:старше|моложе)\\s*${age}(?:\\s*(?:лет|года?))?`),
  rule(
    'age',
    'ru',
    `возраст[\\p{L}]*\\s*(?:[:\\-–—]\\s*)?(?:от|до|не\\s+более|не\\s+старше|не\\s+моложе)?\\s*${age}(?:\\s*(?:-|–|до)\\s*${age})?(?:\\s*(?:лет|года?))?`,
  ),
  rule('age', 'ru', 'молод(?:ая|ой|ые|ых|ую)\\s+(?:девушк|парн|женщин|мужчин|человек)[\\p{L}]*'),
  rule('sex', 'ru', 'только\\s+(?:для\\s+)?(?:мужчин|женщин|девушек|девушки|парни|парней|юношей|юноши)[\\p{L}]*'),
  rule('sex', 'ru', '(?:мужчины|женщины|девушки|парни|юноши)\\s+только'),
  rule('sex', 'ru', 'требу(?:ется|ются)\\s+(?:девушк|парн|мужчин|женщин|юнош)[\\p{L}]*'),
  rule('sex', 'ru', '(?:лиц[ао]?\\s+)?(?:мужского|женского)\\s+пола'),
  rule('sex', 'ru', 'пол\\s*[:\\-–—]\\s*(?:мужской|женский|муж|жен)[\\p{L}.]*'),
  rule('ethnicity', 'ru', '(?:славянск|европейск|азиатск|кавказск|русск)[\\p{L}]*\\s+внешност[\\p{L}]*'),
  rule('ethnicity', 'ru', 'национальност[\\p{L}]*\\s*[:\\-–—]\\s*[\\p{L}]+'),
  rule('ethnicity', 'ru', 'только\\s+(?:русск|казах|казашк|славян|узбек|уйгур|корейц|татар)[\\p{L}]*'),
  rule(
    'ethnicity',
    'ru',
    '(?:кроме|без)\\s+(?:лиц\\s+)?(?:кавказск|азиатск|среднеазиатск|неславянск)[\\p{L}]*(?:\\s+национальност[\\p{L}]*)?',
  ),
  // Kazakh
  rule('age', 'kk', `${age}\\s*жас(?:қа|ка)\\s*дейін(?:гі)?`),
  rule('age', 'kk', `${age}\\s*жастан\\s*(?:аспаған|асп|жоғары|төмен|кіші|үлкен)[\\p{L}]*`),
  rule('age', 'kk', `жасы\\s*(?:[:\\-–—]\\s*)?${age}`),
  rule('sex', 'kk', '(?:жігіттер|ерлер|әйелдер|қыздар|ер\\s+адамдар|ер\\s+азаматтар)\\s+ғана'),
  rule('sex', 'kk', 'тек\\s+(?:жігіттер|ерлер|әйелдер|қыздар|ер\\s+адамдар|ер\\s+азаматтар)[\\p{L}]*'),
  rule('sex', 'kk', 'жынысы\\s*[:\\-–—]?\\s*(?:ер|әйел)(?![\\p{L}])'),
  rule('ethnicity', 'kk', 'ұлты\\s*[:\\-–—]?\\s*[\\p{L}]+'),
  rule('ethnicity', 'kk', '(?:қазақтар|орыстар|славяндар)\\s+ғана'),
  rule('ethnicity', 'kk', 'тек\\s+(?:қазақтар|орыстар|славяндар)[\\p{L}]*'),
  // English
  rule(
    'age',
    'en',
    `(?:under|below|younger\\s+than|not\\s+older\\s+than|no\\s+older\\s+than|over)\\s+(?:the\\s+age\\s+of\\s+)?${age}(?![\\p{N}])`,
  ),
  rule('age', 'en', `aged?\\s+(?:between\\s+)?${age}\\s*(?:-|–|to|and)\\s*${age}`),
  rule('age', 'en', `${age}\\s*(?:-|–|to)\\s*${age}\\s+years?\\s+old`),
  rule('age', 'en', '(?:max(?:imum)?|upper)\\s+age(?:\\s+limit)?'),
  rule('age', 'en', 'young\\s+(?:man|woman|men|women|girls?|boys?|lady|ladies)'),
  rule('sex', 'en', '(?:males?|females?|men|women|man|woman|girls|boys|ladies)\\s+only'),
  rule('sex', 'en', 'only\\s+(?:males?|females?|men|women|girls|boys|ladies)(?![\\p{L}])'),
  rule('sex', 'en', '(?:gender|sex)\\s*:\\s*(?:male|female|m|f)(?![\\p{L}])'),
  rule(
    'ethnicity',
    'en',
    '(?:slavic|european|asian|caucasian|white)\\s+(?:appearance|looking|only|candidates?\\s+only)',
  ),
  rule('ethnicity', 'en', '(?:nationality|ethnicity|race)\\s*:\\s*[\\p{L}]+'),
]

/** Every phrase in the texts that excludes people by age, sex or ethnicity, in order of appearance, each once. */
export function findExcludingWording(...texts: readonly string[]): WordingFlag[] {
  const matches: (WordingFlag & { text: number; from: number; to: number })[] = []
  texts.forEach((text, textIndex) => {
    for (const { category, lang, pattern } of RULES) {
      for (const match of text.matchAll(pattern)) {
        const phrase = match[0].replace(/\s+/g, ' ').trim()
        matches.push({ phrase, category, lang, text: textIndex, from: match.index, to: match.index + match[0].length })
      }
    }
  })
  // Two rules may match overlapping text ("от 25 до 35 лет" and "до 35 лет"): the longer phrase wins.
  matches.sort((a, b) => a.text - b.text || a.from - b.from || b.to - a.to)
  const flags: WordingFlag[] = []
  const seen = new Set<string>()
  let last: { text: number; to: number } | undefined
  for (const m of matches) {
    if (last !== undefined && last.text === m.text && m.from < last.to) continue
    last = m
    if (seen.has(m.phrase.toLowerCase())) continue
    seen.add(m.phrase.toLowerCase())
    flags.push({ phrase: m.phrase, category: m.category, lang: m.lang })
  }
  return flags
}
