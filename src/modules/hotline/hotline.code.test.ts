import { describe, expect, it } from 'vitest'
import { FOLLOW_CODE_LENGTH, hashFollowCode, newFollowCode, normaliseFollowCode } from './hotline.code.js'

describe('follow-up codes', () => {
  it('are 28 Crockford base-32 characters in groups of four, different every time', () => {
    const codes = new Set(Array.from({ length: 1000 }, () => newFollowCode()))
    expect(codes.size).toBe(1000)
    for (const code of codes) expect(code).toMatch(/^([0-9A-HJKMNP-TV-Z]{4}-){6}[0-9A-HJKMNP-TV-Z]{4}$/)
  })

  it('carry at least 128 random bits: every one of the 140 bits can be set', () => {
    // All ones in the random input → the top digit is the largest the 140 bits allow, the others all Z.
    expect(newFollowCode(Buffer.alloc(18, 0xff)).replace(/-/g, '')).toBe('Z'.repeat(FOLLOW_CODE_LENGTH))
    expect(newFollowCode(Buffer.alloc(18, 0)).replace(/-/g, '')).toBe('0'.repeat(FOLLOW_CODE_LENGTH))
    expect(5 * FOLLOW_CODE_LENGTH).toBeGreaterThanOrEqual(128)
  })

  it('are read back whatever the case, spacing and O/0, I/L/1 confusions', () => {
    const code = newFollowCode(Buffer.from('00112233445566778899aabbccddeeff0011', 'hex'))
    const canonical = code.replace(/-/g, '')
    expect(normaliseFollowCode(code.toLowerCase())).toBe(canonical)
    expect(normaliseFollowCode(` ${canonical.match(/.{1,7}/g)?.join(' ')} `)).toBe(canonical)
    expect(normaliseFollowCode(canonical.replace(/0/g, 'O').replace(/1/g, 'l'))).toBe(canonical)
    expect(hashFollowCode(code.toLowerCase()).equals(hashFollowCode(canonical))).toBe(true)
  })

  it('refuses what cannot be a code', () => {
    expect(normaliseFollowCode('')).toBeNull()
    expect(normaliseFollowCode('ABCD')).toBeNull()
    expect(normaliseFollowCode('U'.repeat(FOLLOW_CODE_LENGTH))).toBeNull()
    expect(normaliseFollowCode('0'.repeat(FOLLOW_CODE_LENGTH + 1))).toBeNull()
  })
})
