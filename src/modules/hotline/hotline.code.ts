import { createHash, randomBytes } from 'node:crypto'

/**
 * The reporter's follow-up code: 140 random bits written as 28 Crockford base-32 characters in groups of four
 * (`7K3M-…`), shown once when the report is filed. Only its sha256 is stored, so neither a database copy nor an
 * inspector can reveal it. Crockford's alphabet has no I, L, O or U, so a code read over the phone survives
 * the usual confusions (O → 0, I/L → 1 are folded back on input).
 */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ'
export const FOLLOW_CODE_LENGTH = 28
const BITS = 5n * BigInt(FOLLOW_CODE_LENGTH) // 140 ≥ 128

/** A new code; `random` is for tests (18 bytes = 144 bits, of which the low 140 are used: still uniform). */
export function newFollowCode(random: Buffer = randomBytes(18)): string {
  let n = BigInt(`0x${random.toString('hex')}`) & ((1n << BITS) - 1n)
  const digits: string[] = []
  for (let i = 0; i < FOLLOW_CODE_LENGTH; i++) {
    digits.push(ALPHABET[Number(n & 31n)] as string)
    n >>= 5n
  }
  return groupFollowCode(digits.reverse().join(''))
}

/** `ABCD-EFGH-…`: easier to read aloud and to copy by hand. */
function groupFollowCode(code: string): string {
  return (code.match(/.{1,4}/g) ?? []).join('-')
}

/** The code as typed (any case, spaces or dashes, O for 0, I or L for 1) in its canonical form, or null. */
export function normaliseFollowCode(input: string): string | null {
  const code = input
    .toUpperCase()
    .replace(/[\s-]+/g, '')
    .replace(/O/g, '0')
    .replace(/[IL]/g, '1')
  return code.length === FOLLOW_CODE_LENGTH && [...code].every((c) => ALPHABET.includes(c)) ? code : null
}

/** What is stored: sha256 of the canonical code. */
export function hashFollowCode(code: string): Buffer {
  const canonical = normaliseFollowCode(code)
  if (canonical === null) throw new Error('not a follow-up code')
  return createHash('sha256').update(canonical).digest()
}
