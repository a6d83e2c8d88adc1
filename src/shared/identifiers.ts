import { AppError } from './errors.js'
import { checkIdentifier } from './iin.js'

/** Returns the IIN or throws a 400 that names the field and the reason ("IIN 900101300124 fails its checksum"). */
export function requireIin(value: unknown, field = 'iin'): string {
  const check = checkIdentifier(value, 'IIN')
  if (!check.ok) throw new AppError('invalid', check.reason, { field, reason: check.reason })
  return value as string
}

export function requireBin(value: unknown, field = 'bin'): string {
  const check = checkIdentifier(value, 'BIN')
  if (!check.ok) throw new AppError('invalid', check.reason, { field, reason: check.reason })
  return value as string
}
