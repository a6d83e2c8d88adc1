import { describe, expect, it } from 'vitest'
import { findExcludingWording } from './wording.js'

const phrases = (...texts: string[]) => findExcludingWording(...texts).map((f) => f.phrase)

describe('wording that excludes people by age, sex or ethnicity', () => {
  it.each([
    ['Требуется продавец, до 35 лет', 'до 35 лет', 'age'],
    ['Возраст от 25 до 40 лет, опыт обязателен', 'Возраст от 25 до 40 лет', 'age'],
    ['Кандидаты не старше 45 лет', 'не старше 45 лет', 'age'],
    ['Ищем молодую девушку на ресепшн', 'молодую девушку', 'age'],
    ['Водитель. Только мужчины', 'Только мужчины', 'sex'],
    ['Требуется девушка-администратор', 'Требуется девушка', 'sex'],
    ['Лица мужского пола', 'Лица мужского пола', 'sex'],
    ['Пол: женский', 'Пол: женский', 'sex'],
    ['Официантка славянской внешности', 'славянской внешности', 'ethnicity'],
    ['Национальность: казах', 'Национальность: казах', 'ethnicity'],
    ['Жүргізуші, жігіттер ғана', 'жігіттер ғана', 'sex'],
    ['Тек әйелдер қабылданады', 'Тек әйелдер', 'sex'],
    ['Сатушы 30 жасқа дейін', '30 жасқа дейін', 'age'],
    ['Ұлты: қазақ', 'Ұлты: қазақ', 'ethnicity'],
    ['Driver wanted, male only', 'male only', 'sex'],
    ['Candidates under 30 preferred', 'under 30', 'age'],
    ['Applicants aged 20-35', 'aged 20-35', 'age'],
    ['Waitress of Slavic appearance', 'Slavic appearance', 'ethnicity'],
  ])('flags %j as %j (%s)', (text, phrase, category) => {
    const flags = findExcludingWording(text)
    expect(flags).toHaveLength(1)
    expect(flags[0]).toMatchObject({ phrase, category })
  })

  it.each([
    'Опыт работы до 10 лет в продажах приветствуется',
    'Заработная плата до 350 000 тенге',
    'Магазин женской одежды ищет продавца-консультанта',
    'Работа с детьми до 6 лет в детском саду',
    'Мужская и женская раздевалки, бесплатное питание',
    'Жас мамандар мен студенттер қарастырылады',
    'We welcome women and men of all ages; 5/2 schedule, 40 hours a week',
  ])('lets neutral wording pass: %j', (text) => {
    expect(phrases(text)).toEqual([])
  })

  it('lists each phrase once, in order of appearance across title and description', () => {
    expect(
      phrases('Бармен (только мужчины)', 'Только мужчины до 30 лет, славянской внешности. Только мужчины!'),
    ).toEqual(['только мужчины', 'до 30 лет', 'славянской внешности'])
  })
})
