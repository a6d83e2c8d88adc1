import { describe, expect, it } from 'vitest'
import { parseQuery, stripKazakhEndings } from './search.query.js'

describe('turning a typed query into search terms', () => {
  it('keeps letters and digits only, lower-cased, so nothing reaches tsquery syntax', () => {
    expect(parseQuery("Водитель & !(такси) | 'x':*").map((t) => t.word)).toEqual(['водитель', 'такси'])
  })

  it('drops one- and two-letter words unless they carry a digit or are all there is', () => {
    expect(parseQuery('повар и кондитер в кафе').map((t) => t.word)).toEqual(['повар', 'кондитер', 'кафе'])
    expect(parseQuery('бухгалтер 1С').map((t) => t.word)).toEqual(['бухгалтер', '1с'])
    expect(parseQuery('IT')).toEqual([{ word: 'it', isPrefix: false }])
  })

  it('matches words of three letters or more as prefixes', () => {
    expect(parseQuery('java').map((t) => t.isPrefix)).toEqual([true])
  })

  it('takes Kazakh plural and case endings off, keeping a stem of at least four letters', () => {
    expect(stripKazakhEndings('жүргізушілерге')).toBe('жүргізуші')
    expect(stripKazakhEndings('мұғалімдер')).toBe('мұғалім')
    expect(stripKazakhEndings('дәрігерлердің')).toBe('дәрігер')
    expect(stripKazakhEndings('нан')).toBe('нан')
    expect(parseQuery('жүргізушілерге')).toEqual([{ word: 'жүргізушілерге', isPrefix: true, kazakhStem: 'жүргізуші' }])
  })

  it('caps a query at eight terms and removes repeats', () => {
    expect(parseQuery('a1 b2 c3 d4 e5 f6 g7 h8 i9 j10 a1')).toHaveLength(8)
    expect(parseQuery('повар повар Повар')).toHaveLength(1)
  })
})
