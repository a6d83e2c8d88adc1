/**
 * IIN and BIN: 12-digit identifiers (Government Decree No. 406 of 22 May 2007).
 * The check digit is the hard check; the date and sex digits of an IIN are only hints,
 * because since 2013 they may legally disagree with the person's real data.
 */

/** The check digit for the first 11 digits, or `undefined` when no digit works (such numbers are never issued). */
export function computeCheckDigit(first11: string): number | undefined {
  // A plain loop over char codes: this runs for every generated and every ingested IIN (millions a day).
  let first = 0
  let second = 0
  for (let i = 0; i < 11; i++) {
    const digit = first11.charCodeAt(i) - 48
    first += digit * (i + 1)
    second += digit * (i < 9 ? i + 3 : i - 8)
  }
  first %= 11
  if (first !== 10) return first
  second %= 11
  return second === 10 ? undefined : second
}

export type IdCheck = { ok: true } | { ok: false; reason: string }

/** Why a 12-digit identifier is malformed, or ok. `kind` names it in the reason ("IIN" or "BIN"). */
export function checkIdentifier(value: unknown, kind: 'IIN' | 'BIN'): IdCheck {
  if (typeof value !== 'string') return { ok: false, reason: `${kind} must be a string of 12 digits` }
  if (!/^\d{12}$/.test(value)) {
    return { ok: false, reason: `${kind} ${JSON.stringify(value)} must be exactly 12 digits` }
  }
  const expected = computeCheckDigit(value.slice(0, 11))
  if (expected === undefined)
    return { ok: false, reason: `${kind} ${value} is never issued: no check digit exists for it` }
  if (expected !== Number(value[11])) return { ok: false, reason: `${kind} ${value} fails its checksum` }
  return { ok: true }
}

export const isValidIin = (value: unknown): value is string => checkIdentifier(value, 'IIN').ok
export const isValidBin = (value: unknown): value is string => checkIdentifier(value, 'BIN').ok

export type Sex = 'M' | 'F'
export interface IinHints {
  /** ISO date decoded from digits 1–7, or undefined when the digits do not form a real date. */
  birthDate?: string
  sex?: Sex
}

/** Decodes birth date and sex from an IIN. Hints only: never reject a person because they disagree. */
export function decodeIin(iin: string): IinHints {
  const centuryDigit = Number(iin[6])
  if (centuryDigit < 1 || centuryDigit > 6) return {}
  const century = 1800 + Math.floor((centuryDigit - 1) / 2) * 100
  const sex: Sex = centuryDigit % 2 === 1 ? 'M' : 'F'
  const year = century + Number(iin.slice(0, 2))
  const month = Number(iin.slice(2, 4))
  const day = Number(iin.slice(4, 6))
  const date = new Date(Date.UTC(year, month - 1, day))
  const isReal = date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day
  return isReal ? { birthDate: date.toISOString().slice(0, 10), sex } : { sex }
}

/** Builds a valid IIN for a birth date, sex and 4-digit serial; `undefined` when that serial has no check digit. */
export function makeIin(birthDate: string, sex: Sex, serial: number): string | undefined {
  const [y, m, d] = birthDate.split('-')
  const year = Number(y)
  const centuryIndex = Math.floor((year - 1800) / 100)
  const centuryDigit = centuryIndex * 2 + (sex === 'M' ? 1 : 2)
  const first11 = `${y?.slice(2)}${m}${d}${centuryDigit}${String(serial).padStart(4, '0')}`
  const check = computeCheckDigit(first11)
  return check === undefined ? undefined : `${first11}${check}`
}

/** Builds a valid BIN: registration YYMM, entity type digit, office type digit, 5-digit serial. */
export function makeBin(yymm: string, entityType: number, officeType: number, serial: number): string | undefined {
  const first11 = `${yymm}${entityType}${officeType}${String(serial).padStart(5, '0')}`
  const check = computeCheckDigit(first11)
  return check === undefined ? undefined : `${first11}${check}`
}

/** Masks every 12-digit run (IINs, BINs) in a text so that logs carry no identifiers: `********0123`. */
export function maskIdentifiers(text: string): string {
  return text.replace(/(?<!\d)\d{8}(\d{4})(?!\d)/g, '********$1')
}
