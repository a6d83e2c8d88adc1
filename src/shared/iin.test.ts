import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  checkIdentifier,
  computeCheckDigit,
  decodeIin,
  isValidBin,
  isValidIin,
  makeBin,
  makeIin,
  maskIdentifiers,
} from './iin.js'

const birthDate = fc
  .date({ min: new Date('1900-01-01'), max: new Date('2099-12-31'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10))
const sex = fc.constantFrom('M' as const, 'F' as const)
const serial = fc.integer({ min: 0, max: 9999 })
const generatedIin = fc
  .tuple(birthDate, sex, serial)
  .map(([d, s, n]) => makeIin(d, s, n))
  .filter((v) => v !== undefined)

describe('IIN checksum', () => {
  it('accepts known valid numbers computed by hand', () => {
    // 98041 2 6 0123 → Σ aᵢ·i = 9+16+0+16+5+12+42+0+9+16+15 = 140, 140 mod 11 = 8
    expect(computeCheckDigit('98041260123')).toBe(8)
    expect(isValidIin('980412601238')).toBe(true)
  })

  it('falls back to the second weights when the first sum gives 10', () => {
    // 00000000001: first sum = 11·1 = 11 → 0; 00000000010: 10·1 = 10 → second weights: 1·1 = 1
    expect(computeCheckDigit('00000000010')).toBe(1)
  })

  it('rejects a number whose both sums give 10 as never issued', () => {
    const never = Array.from({ length: 100_000 }, (_, i) => String(i).padStart(11, '0')).find(
      (d) => computeCheckDigit(d) === undefined,
    )
    expect(never).toBeDefined()
    expect(checkIdentifier(`${never}0`, 'IIN')).toEqual({
      ok: false,
      reason: `IIN ${never}0 is never issued: no check digit exists for it`,
    })
  })

  it('names the reason for malformed input', () => {
    expect(checkIdentifier('980412601239', 'IIN')).toEqual({ ok: false, reason: 'IIN 980412601239 fails its checksum' })
    expect(checkIdentifier('98041260123', 'IIN')).toEqual({
      ok: false,
      reason: 'IIN "98041260123" must be exactly 12 digits',
    })
    expect(checkIdentifier('98041260123a', 'BIN')).toEqual({
      ok: false,
      reason: 'BIN "98041260123a" must be exactly 12 digits',
    })
    expect(checkIdentifier(980412601238, 'IIN')).toEqual({ ok: false, reason: 'IIN must be a string of 12 digits' })
  })

  it('every generated IIN is valid and decodes back to its date and sex', () => {
    fc.assert(
      fc.property(birthDate, sex, serial, (d, s, n) => {
        const iin = makeIin(d, s, n)
        fc.pre(iin !== undefined)
        expect(isValidIin(iin)).toBe(true)
        expect(decodeIin(iin as string)).toEqual({ birthDate: d, sex: s })
      }),
      { numRuns: 2000 },
    )
  })

  it('a changed check digit is always caught', () => {
    fc.assert(
      fc.property(generatedIin, fc.integer({ min: 1, max: 9 }), (iin, delta) => {
        const changed = `${(iin as string).slice(0, 11)}${(Number((iin as string)[11]) + delta) % 10}`
        expect(isValidIin(changed)).toBe(false)
      }),
      { numRuns: 2000 },
    )
  })

  it('a changed digit among the first ten is caught unless the fallback weights happen to match', () => {
    // Weights 1..10 are invertible mod 11, so the first sum always moves; only when either number's first sum is 10
    // does the second weighting decide. (Digit 11 has weight 11 ≡ 0 mod 11: the algorithm itself cannot see it change.)
    const firstSum = (digits: number[]) => digits.slice(0, 11).reduce((acc, d, i) => acc + d * (i + 1), 0) % 11
    fc.assert(
      fc.property(generatedIin, fc.integer({ min: 0, max: 9 }), fc.integer({ min: 1, max: 9 }), (iin, pos, delta) => {
        const digits = Array.from(iin as string, Number)
        const before = firstSum(digits)
        digits[pos] = ((digits[pos] ?? 0) + delta) % 10
        if (before !== 10 && firstSum(digits) !== 10) expect(isValidIin(digits.join(''))).toBe(false)
      }),
      { numRuns: 5000 },
    )
  })

  it('treats the date digits as a hint: a valid checksum with an impossible date is still a valid IIN', () => {
    const first11 = '99023130012' // 31 February 1999, male
    const iin = `${first11}${computeCheckDigit(first11)}`
    fc.pre(computeCheckDigit(first11) !== undefined)
    expect(isValidIin(iin)).toBe(true)
    expect(decodeIin(iin)).toEqual({ sex: 'M' })
  })
})

describe('BIN', () => {
  it('uses the same check digit algorithm', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 99_999 }), (n) => {
        const bin = makeBin('1805', 4, 0, n)
        fc.pre(bin !== undefined)
        expect(isValidBin(bin)).toBe(true)
        expect(isValidBin(`${bin?.slice(0, 11)}${(Number(bin?.[11]) + 1) % 10}`)).toBe(false)
      }),
    )
  })
})

describe('maskIdentifiers', () => {
  it('masks every 12-digit run but keeps the last four digits', () => {
    expect(maskIdentifiers('GET /api/people/980412601238?purpose=x')).toBe('GET /api/people/********1238?purpose=x')
    expect(maskIdentifiers('a 980412601238 b 180540123455')).toBe('a ********1238 b ********3455')
  })
  it('leaves shorter and longer digit runs alone', () => {
    expect(maskIdentifiers('12345678901 1234567890123')).toBe('12345678901 1234567890123')
  })
})
