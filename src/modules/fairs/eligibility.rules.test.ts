import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { makeIin } from '../../shared/iin.js'
import {
  addYears,
  ageOn,
  almatyDay,
  checkEligibility,
  type SeekerFacts,
  statusMatches,
  type TargetGroup,
} from './eligibility.rules.js'

const anyone: TargetGroup = { maxAge: null, graduatedWithinYears: null, allowedStatuses: [], regionCodes: [] }
const youth: TargetGroup = {
  maxAge: 35,
  graduatedWithinYears: null,
  allowedStatuses: ['unemployed_*', 'student'],
  regionCodes: [],
}
const seeker = (overrides: Partial<SeekerFacts> = {}): SeekerFacts => ({
  iin: makeIin('2002-01-15', 'F', 1001) as string,
  birthDate: '2002-01-15',
  regionCode: '39',
  statusCode: 'unemployed_registered',
  graduationDate: null,
  ...overrides,
})

describe('ageOn', () => {
  it('counts full years, the birthday itself included', () => {
    expect(ageOn('1991-06-24', '2026-06-23')).toBe(34)
    expect(ageOn('1991-06-24', '2026-06-24')).toBe(35)
    expect(ageOn('1991-06-24', '2026-06-25')).toBe(35)
  })
  it('counts a 29 February birthday from 1 March in a common year', () => {
    expect(ageOn('2000-02-29', '2026-02-28')).toBe(25)
    expect(ageOn('2000-02-29', '2026-03-01')).toBe(26)
    expect(ageOn('2000-02-29', '2028-02-29')).toBe(28)
  })
  it('never decreases as the day moves on (property)', () => {
    const day = fc
      .date({ min: new Date('1950-01-01'), max: new Date('2100-01-01'), noInvalidDate: true })
      .map((d) => d.toISOString().slice(0, 10))
    fc.assert(
      fc.property(day, day, day, (birth, a, b) => {
        const [first, second] = a <= b ? [a, b] : [b, a]
        return ageOn(birth, first) <= ageOn(birth, second)
      }),
    )
  })
  it('is exactly n on the n-th anniversary (property)', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('1950-01-01'), max: new Date('2050-01-01'), noInvalidDate: true }),
        fc.integer({ min: 0, max: 60 }),
        (d, n) => {
          const birth = d.toISOString().slice(0, 10)
          if (birth.endsWith('02-29')) return true
          return ageOn(birth, addYears(birth, n)) === n
        },
      ),
    )
  })
})

describe('addYears and almatyDay', () => {
  it('lands 29 February on 28 February of a common year', () => {
    expect(addYears('2024-02-29', 1)).toBe('2025-02-28')
    expect(addYears('2024-02-29', 4)).toBe('2028-02-29')
    expect(addYears('2023-06-30', 3)).toBe('2026-06-30')
  })
  it("takes the fair's first day in Kazakhstan's time, not UTC", () => {
    // 20:00 UTC on 23 June is 01:00 on 24 June in Almaty (UTC+5).
    expect(almatyDay(new Date('2026-06-23T20:00:00Z'))).toBe('2026-06-24')
    expect(almatyDay(new Date('2026-06-24T04:00:00Z'))).toBe('2026-06-24')
  })
})

describe('statusMatches', () => {
  it('matches exact codes and _* prefixes only', () => {
    expect(statusMatches('unemployed_registered', ['unemployed_*'])).toBe(true)
    expect(statusMatches('unemployed_unregistered', ['unemployed_*'])).toBe(true)
    expect(statusMatches('student', ['unemployed_*', 'student'])).toBe(true)
    expect(statusMatches('students_union', ['student'])).toBe(false)
    expect(statusMatches('employed_contract', ['unemployed_*'])).toBe(false)
  })
})

describe('checkEligibility', () => {
  it('admits everyone when the fair has no rules', () => {
    expect(
      checkEligibility(anyone, seeker({ birthDate: null, regionCode: null, statusCode: null }), '2026-06-24'),
    ).toEqual({ isEligible: true, unchecked: [] })
  })

  it('refuses a seeker over the maximum age with the exact reason', () => {
    const result = checkEligibility(youth, seeker({ birthDate: '1988-03-02' }), '2026-06-24')
    expect(result).toEqual({ isEligible: false, reasons: ['born 1988-03-02: over 35 on 2026-06-24'], unchecked: [] })
  })

  it('admits a seeker who turns 36 the day after the fair starts, and refuses one who turned 36 that day', () => {
    expect(checkEligibility(youth, seeker({ birthDate: '1990-06-25' }), '2026-06-24').isEligible).toBe(true)
    expect(checkEligibility(youth, seeker({ birthDate: '1990-06-24' }), '2026-06-24')).toMatchObject({
      isEligible: false,
      reasons: ['born 1990-06-24: over 35 on 2026-06-24'],
    })
  })

  it('admits exactly 35 on the first day', () => {
    expect(checkEligibility(youth, seeker({ birthDate: '1991-06-24' }), '2026-06-24').isEligible).toBe(true)
  })

  it("prefers the recorded birth date over the IIN's hint", () => {
    const iin = makeIin('1980-01-01', 'M', 2002) as string
    expect(checkEligibility(youth, seeker({ iin, birthDate: '2000-01-01' }), '2026-06-24').isEligible).toBe(true)
  })

  it("falls back to the IIN's birth date when none is recorded", () => {
    const iin = makeIin('1980-01-01', 'M', 2002) as string
    expect(checkEligibility(youth, seeker({ iin, birthDate: null }), '2026-06-24')).toMatchObject({
      isEligible: false,
      reasons: ['born 1980-01-01: over 35 on 2026-06-24'],
    })
  })

  it('refuses when no birth date is known at all and the fair has an age limit', () => {
    const iin = '990230300000' // 30 February: the IIN encodes no real date
    const result = checkEligibility(youth, seeker({ iin, birthDate: null }), '2026-06-24')
    expect(result).toMatchObject({ isEligible: false })
    expect(result.isEligible === false && result.reasons[0]).toMatch(/no birth date is recorded/)
  })

  it('refuses a status outside the allowed ones, naming both', () => {
    expect(checkEligibility(youth, seeker({ statusCode: 'employed_contract' }), '2026-06-24')).toEqual({
      isEligible: false,
      reasons: ['registry status employed_contract: the fair is for unemployed_*, student'],
      unchecked: [],
    })
  })

  it('refuses a seeker with no known status when statuses are required', () => {
    expect(checkEligibility(youth, seeker({ statusCode: null }), '2026-06-24')).toMatchObject({
      isEligible: false,
      reasons: ['no current registry status is known: the fair is for unemployed_*, student'],
    })
  })

  it('admits students and any unemployed status', () => {
    for (const statusCode of ['student', 'unemployed_registered', 'unemployed_unregistered']) {
      expect(checkEligibility(youth, seeker({ statusCode }), '2026-06-24').isEligible).toBe(true)
    }
  })

  it('limits regions when the fair names them; nationwide otherwise', () => {
    const regional = { ...anyone, regionCodes: ['55', '39'] }
    expect(checkEligibility(regional, seeker({ regionCode: '39' }), '2026-06-24').isEligible).toBe(true)
    expect(checkEligibility(regional, seeker({ regionCode: '75' }), '2026-06-24')).toMatchObject({
      isEligible: false,
      reasons: ['lives in region 75: the fair is for regions 55, 39'],
    })
    expect(checkEligibility(regional, seeker({ regionCode: null }), '2026-06-24').isEligible).toBe(false)
  })

  it('reports graduation as unchecked when no graduation date is recorded', () => {
    const graduates = { ...anyone, graduatedWithinYears: 3 }
    expect(checkEligibility(graduates, seeker(), '2026-06-24')).toEqual({
      isEligible: true,
      unchecked: ['graduation within 3 years: no graduation date is recorded'],
    })
  })

  it('checks graduation within N years when a date is recorded', () => {
    const graduates = { ...anyone, graduatedWithinYears: 3 }
    expect(checkEligibility(graduates, seeker({ graduationDate: '2023-06-24' }), '2026-06-24').isEligible).toBe(true)
    expect(checkEligibility(graduates, seeker({ graduationDate: '2023-06-23' }), '2026-06-24')).toMatchObject({
      isEligible: false,
      reasons: ['graduated 2023-06-23: more than 3 years before 2026-06-24'],
    })
  })

  it('gives every reason at once', () => {
    const result = checkEligibility(
      { ...youth, regionCodes: ['55'] },
      seeker({ birthDate: '1980-05-05', statusCode: 'pensioner', regionCode: '39' }),
      '2026-06-24',
    )
    expect(result.isEligible === false && result.reasons).toEqual([
      'born 1980-05-05: over 35 on 2026-06-24',
      'registry status pensioner: the fair is for unemployed_*, student',
      'lives in region 39: the fair is for regions 55',
    ])
  })

  it('agrees with ageOn for every birth date (property)', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('1940-01-01'), max: new Date('2012-12-31'), noInvalidDate: true }),
        fc.integer({ min: 14, max: 70 }),
        (d, maxAge) => {
          const birthDate = d.toISOString().slice(0, 10)
          const result = checkEligibility({ ...anyone, maxAge }, seeker({ birthDate }), '2026-06-24')
          return result.isEligible === ageOn(birthDate, '2026-06-24') <= maxAge
        },
      ),
    )
  })
})
