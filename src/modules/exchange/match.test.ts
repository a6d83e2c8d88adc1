import { Value } from '@sinclair/typebox/value'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { MATCH_WEIGHTS, type MatchSeeker, type MatchVacancy, scoreMatch, sharedLevel, yearsOf } from './match.js'
import { Match } from './match.schema.js'

const AS_OF = new Date('2026-03-01T00:00:00Z')

const vacancy = (overrides: Partial<MatchVacancy> = {}): MatchVacancy => ({
  occupationCode: '7411',
  skills: ['Электробезопасность', 'Чтение схем'],
  experienceYears: 3,
  regionCode: '55',
  districtCode: '551000000',
  employmentType: 'permanent',
  wageMin: 250_000,
  wageMax: 350_000,
  ...overrides,
})

const seeker = (overrides: Partial<MatchSeeker> = {}): MatchSeeker => ({
  desiredOccupations: ['7411'],
  experience: [{ occupationCode: '7411', title: 'Электромонтер', from: '2020-03-01', to: null }],
  skills: ['электробезопасность', 'чтение  схем'],
  desiredWage: 300_000,
  regionCode: '55',
  districtCode: '551000000',
  willingToRelocate: false,
  ...overrides,
})

const part = (s: MatchSeeker, v: MatchVacancy, name: string) =>
  scoreMatch(s, v, AS_OF).parts.find((p) => p.part === name)

describe('match score: the whole', () => {
  it('gives 100 to a seeker who fits every part, with five parts in a fixed order', () => {
    const match = scoreMatch(seeker(), vacancy(), AS_OF)
    expect(match.score).toBe(100)
    expect(match.parts.map((p) => [p.part, p.points, p.max, p.reasonCode])).toEqual([
      ['occupation', 35, 35, 'occupation_same'],
      ['skills', 25, 25, 'skills_matched'],
      ['experience', 15, 15, 'experience_related'],
      ['region', 15, 15, 'region_same_district'],
      ['wage', 10, 10, 'wage_within'],
    ])
  })

  it('gives an empty profile only the parts the vacancy does not ask for', () => {
    const empty = seeker({
      desiredOccupations: [],
      experience: [],
      skills: [],
      desiredWage: null,
      regionCode: null,
      districtCode: null,
    })
    const match = scoreMatch(empty, vacancy(), AS_OF)
    expect(match.parts.map((p) => [p.part, p.points, p.reasonCode])).toEqual([
      ['occupation', 0, 'occupation_none'],
      ['skills', 0, 'skills_matched'],
      ['experience', 0, 'experience_none_related'],
      ['region', 0, 'region_elsewhere'],
      ['wage', 10, 'wage_none_stated'],
    ])
    expect(match.score).toBe(10)
  })

  it('weights add up to 100', () => {
    expect(Object.values(MATCH_WEIGHTS).reduce((a, b) => a + b, 0)).toBe(100)
  })

  it('always scores 0–100, as the sum of parts each within its maximum, in the shape the API declares (property)', () => {
    const code = fc.stringMatching(/^\d{1,4}$/)
    const day = fc
      .date({ min: new Date('1980-01-01'), max: new Date('2026-02-01'), noInvalidDate: true })
      .map((d) => d.toISOString().slice(0, 10))
    fc.assert(
      fc.property(
        fc.record({
          desiredOccupations: fc.array(code, { maxLength: 3 }),
          experience: fc.array(
            fc.record({ occupationCode: code, title: fc.constant('x'), from: day, to: fc.option(day, { nil: null }) }),
            { maxLength: 4 },
          ),
          skills: fc.array(fc.string(), { maxLength: 5 }),
          desiredWage: fc.option(fc.integer({ min: 1, max: 5_000_000 }), { nil: null }),
          regionCode: fc.option(fc.constantFrom('55', '39', '75'), { nil: null }),
          districtCode: fc.option(fc.constantFrom('551000000', '391000000'), { nil: null }),
          willingToRelocate: fc.boolean(),
        }),
        fc.record({
          occupationCode: code,
          skills: fc.array(fc.string(), { maxLength: 5 }),
          experienceYears: fc.integer({ min: 0, max: 50 }),
          regionCode: fc.constantFrom('55', '39'),
          districtCode: fc.option(fc.constantFrom('551000000', '391000000'), { nil: null }),
          employmentType: fc.constantFrom('permanent', 'temporary', 'seasonal', 'shift', 'remote' as const),
          wageMin: fc.constant(1),
          wageMax: fc.integer({ min: 1, max: 5_000_000 }),
        }),
        (s, v) => {
          const match = scoreMatch(s, v, AS_OF)
          expect(match.score).toBeGreaterThanOrEqual(0)
          expect(match.score).toBeLessThanOrEqual(100)
          expect(match.score).toBe(match.parts.reduce((sum, p) => sum + p.points, 0))
          // Every code and its parameters are declared in the response schema (a client translates from it).
          expect([...Value.Errors(Match, match)].map((e) => `${e.path}: ${e.message}`)).toEqual([])
          for (const p of match.parts) {
            expect(Number.isInteger(p.points)).toBe(true)
            expect(p.points).toBeGreaterThanOrEqual(0)
            expect(p.points).toBeLessThanOrEqual(p.max)
            expect(p.reason.length).toBeGreaterThan(0)
            // Each code belongs to its part, so a client can word it knowing only the code.
            expect(p.reasonCode.startsWith(`${p.part}_`)).toBe(true)
          }
        },
      ),
    )
  })
})

describe('match score: occupation', () => {
  it.each([
    ['7411', 4],
    ['7412', 3],
    ['7421', 2],
    ['7111', 1],
    ['2512', 0],
    ['74', 4],
    ['741', 4],
  ])('ISCO %s shares level %i with 7411', (code, level) => {
    expect(sharedLevel(code, '7411')).toBe(level)
  })

  const desired = (code: string) => ({ via: 'desired', code, title: null, vacancyOccupation: '7411' })
  it.each([
    ['7411', 35, "desired occupation 7411 is the vacancy's occupation 7411", 'occupation_same', desired('7411')],
    [
      '7412',
      25,
      "desired occupation 7412 is in the same ISCO minor group 741 as the vacancy's 7411",
      'occupation_shared_group',
      { ...desired('7412'), level: 'minor', group: '741' },
    ],
    [
      '7421',
      15,
      "desired occupation 7421 is in the same ISCO sub-major group 74 as the vacancy's 7411",
      'occupation_shared_group',
      { ...desired('7421'), level: 'sub_major', group: '74' },
    ],
    [
      '7111',
      7,
      "desired occupation 7111 is in the same ISCO major group 7 as the vacancy's 7411",
      'occupation_shared_group',
      { ...desired('7111'), level: 'major', group: '7' },
    ],
    [
      '2512',
      0,
      "no desired occupation or experience in ISCO major group 7 of the vacancy's 7411",
      'occupation_other_major',
      { major: '7', vacancyOccupation: '7411' },
    ],
  ])('desired %s scores %i points', (code, points, reason, reasonCode, reasonParams) => {
    expect(part(seeker({ desiredOccupations: [code], experience: [] }), vacancy(), 'occupation')).toEqual({
      part: 'occupation',
      points,
      max: 35,
      reason,
      reasonCode,
      reasonParams,
    })
  })

  it('takes the best of desired occupations and past jobs, naming the job', () => {
    const s = seeker({
      desiredOccupations: ['7111'],
      experience: [{ occupationCode: '7412', title: 'Электромеханик', from: '2019-01-01', to: '2021-01-01' }],
    })
    expect(part(s, vacancy(), 'occupation')).toMatchObject({
      points: 25,
      reason: "experience as Электромеханик (7412) is in the same ISCO minor group 741 as the vacancy's 7411",
      reasonCode: 'occupation_shared_group',
      reasonParams: {
        via: 'experience',
        code: '7412',
        title: 'Электромеханик',
        vacancyOccupation: '7411',
        level: 'minor',
        group: '741',
      },
    })
  })

  it('counts a vacancy inside the seeker’s desired group as the same occupation', () => {
    expect(part(seeker({ desiredOccupations: ['741'], experience: [] }), vacancy(), 'occupation')).toMatchObject({
      points: 35,
      reason: "desired occupation 741 and the vacancy's 7411 are one in the other's ISCO group",
      reasonCode: 'occupation_nested',
      reasonParams: { via: 'desired', code: '741', title: null, vacancyOccupation: '7411' },
    })
  })

  it('says when the profile names no occupation at all', () => {
    expect(part(seeker({ desiredOccupations: [], experience: [] }), vacancy(), 'occupation')).toMatchObject({
      points: 0,
      reason: 'no desired occupation or experience in the profile',
      reasonCode: 'occupation_none',
      reasonParams: {},
    })
  })
})

describe('match score: skills', () => {
  it('matches skills ignoring case, spacing and ё/е, and names the missing ones', () => {
    const s = seeker({ skills: ['  ЭЛЕКТРОБЕЗОПАСНОСТЬ', 'Сварка'] })
    const v = vacancy({ skills: ['Электробезопасность', 'Чтение схем', 'Работа на высоте'] })
    expect(part(s, v, 'skills')).toEqual({
      part: 'skills',
      points: 8,
      max: 25,
      reason: 'has 1 of 3 required skills: Электробезопасность; missing: Чтение схем, Работа на высоте',
      reasonCode: 'skills_matched',
      reasonParams: {
        has: 1,
        required: 3,
        matched: ['Электробезопасность'],
        missing: ['Чтение схем', 'Работа на высоте'],
      },
    })
    expect(
      part(seeker({ skills: ['Ёлочный монтаж'] }), vacancy({ skills: ['елочный монтаж'] }), 'skills'),
    ).toMatchObject({
      points: 25,
    })
  })

  it('gives full points when the vacancy asks for no skills, and counts a repeated skill once', () => {
    expect(part(seeker({ skills: [] }), vacancy({ skills: [] }), 'skills')).toMatchObject({
      points: 25,
      reason: 'the vacancy asks for no particular skills',
      reasonCode: 'skills_none_required',
      reasonParams: {},
    })
    expect(part(seeker({ skills: [] }), vacancy({ skills: ['Сварка', 'сварка '] }), 'skills')).toMatchObject({
      points: 0,
      reason: 'has 0 of 1 required skill; missing: Сварка',
      reasonCode: 'skills_matched',
      reasonParams: { has: 0, required: 1, matched: [], missing: ['Сварка'] },
    })
  })
})

describe('match score: experience', () => {
  it('counts overlapping jobs once and a current job until today', () => {
    expect(
      yearsOf(
        [
          { from: '2020-01-01', to: '2021-12-31' },
          { from: '2021-01-01', to: '2021-12-31' },
        ],
        AS_OF,
      ),
    ).toBeCloseTo(2, 1)
    expect(yearsOf([{ from: '2025-03-01', to: null }], AS_OF)).toBeCloseTo(1, 1)
    expect(yearsOf([], AS_OF)).toBe(0)
  })

  it('scores related years against the years required', () => {
    const s = seeker({ experience: [{ occupationCode: '7413', title: 'Монтажник', from: '2024-09-01', to: null }] })
    expect(part(s, vacancy({ experienceYears: 2 }), 'experience')).toEqual({
      part: 'experience',
      points: 11,
      max: 15,
      reason: '1.5 years in ISCO group 74; 2 years required',
      reasonCode: 'experience_related',
      reasonParams: { years: 1.5, group: '74', requiredYears: 2 },
    })
    expect(part(s, vacancy({ experienceYears: 1 }), 'experience')).toMatchObject({ points: 15 })
  })

  it('ignores experience in an unrelated occupation', () => {
    const cook = seeker({ experience: [{ occupationCode: '5120', title: 'Повар', from: '2010-01-01', to: null }] })
    expect(part(cook, vacancy(), 'experience')).toMatchObject({
      points: 0,
      reason: 'no experience in ISCO group 74; 3 years required',
      reasonCode: 'experience_none_related',
      reasonParams: { group: '74', requiredYears: 3 },
    })
  })

  it('gives full points when no experience is required', () => {
    expect(part(seeker({ experience: [] }), vacancy({ experienceYears: 0 }), 'experience')).toMatchObject({
      points: 15,
      reason: 'no experience required',
      reasonCode: 'experience_none_required',
      reasonParams: {},
    })
  })
})

describe('match score: region', () => {
  const away = { seekerRegion: '39', vacancyRegion: '55' }
  it.each([
    [
      {},
      {},
      15,
      "wants to work in the vacancy's district 551000000",
      'region_same_district',
      { district: '551000000' },
    ],
    [
      { districtCode: null },
      {},
      11,
      "wants to work in the vacancy's region 55",
      'region_same_region',
      { region: '55' },
    ],
    [
      { regionCode: '39', districtCode: '391000000', willingToRelocate: true },
      {},
      7,
      'wants to work in region 39, willing to relocate to region 55',
      'region_relocate',
      away,
    ],
    [
      { regionCode: null, districtCode: null, willingToRelocate: true },
      {},
      7,
      'no region stated, willing to relocate to region 55',
      'region_relocate',
      { seekerRegion: null, vacancyRegion: '55' },
    ],
    [
      { regionCode: '39', districtCode: '391000000' },
      {},
      0,
      'wants to work in region 39, not region 55, and not willing to relocate',
      'region_elsewhere',
      away,
    ],
    [
      { regionCode: null, districtCode: null },
      {},
      0,
      'no region stated, not region 55, and not willing to relocate',
      'region_elsewhere',
      { seekerRegion: null, vacancyRegion: '55' },
    ],
    [
      { regionCode: '39', districtCode: null },
      { employmentType: 'remote' as const },
      15,
      'the job is remote',
      'region_remote',
      {},
    ],
  ])('%j for %j scores %i', (s, v, points, reason, reasonCode, reasonParams) => {
    expect(part(seeker(s), vacancy(v), 'region')).toEqual({
      part: 'region',
      points,
      max: 15,
      reason,
      reasonCode,
      reasonParams,
    })
  })
})

describe('match score: wage', () => {
  const offered = { offeredMin: 250_000, offeredMax: 350_000 }
  it.each([
    [null, 10, 'no wage expectation stated', 'wage_none_stated', {}],
    [
      200_000,
      10,
      'desired 200 000 ₸ is within the offered 250 000 ₸–350 000 ₸',
      'wage_within',
      { desired: 200_000, ...offered },
    ],
    [
      350_000,
      10,
      'desired 350 000 ₸ is within the offered 250 000 ₸–350 000 ₸',
      'wage_within',
      { desired: 350_000, ...offered },
    ],
    [
      420_000,
      6,
      'desired 420 000 ₸ is 20% above the offered 250 000 ₸–350 000 ₸',
      'wage_above',
      { desired: 420_000, ...offered, percent: 20 },
    ],
    [
      525_000,
      0,
      'desired 525 000 ₸ is 50% above the offered 250 000 ₸–350 000 ₸',
      'wage_above',
      { desired: 525_000, ...offered, percent: 50 },
    ],
    [
      1_000_000,
      0,
      'desired 1 000 000 ₸ is 186% above the offered 250 000 ₸–350 000 ₸',
      'wage_above',
      { desired: 1_000_000, ...offered, percent: 186 },
    ],
  ])('desired %s scores %i', (desiredWage, points, reason, reasonCode, reasonParams) => {
    expect(part(seeker({ desiredWage }), vacancy(), 'wage')).toEqual({
      part: 'wage',
      points,
      max: 10,
      reason,
      reasonCode,
      reasonParams,
    })
  })
})
