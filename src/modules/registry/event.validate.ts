/**
 * Row-level validation of a status event, shared by the live API and daily files. Pure: the caller passes the
 * channel's permissions and today's date; checks that need the database (the person exists, born before the
 * status) run set-wise in the merge.
 */
import { checkIdentifier } from '../../shared/iin.js'

export interface EventInput {
  iin?: unknown
  status?: unknown
  valid_from?: unknown
  valid_to?: unknown
  source_ref?: unknown
}

export interface ValidEvent {
  iin: string
  status: string
  validFrom: string
  validTo: string | null
  sourceRef: string
}

export interface ValidationContext {
  channelCode: string
  knownStatuses: ReadonlySet<string>
  allowedStatuses: ReadonlySet<string>
  /** Today in Kazakhstan (UTC+5), as YYYY-MM-DD: an effective date after it is in the future. */
  today: string
}

export const EVENT_FIELDS = ['iin', 'status', 'valid_from', 'source_ref', 'valid_to'] as const
export const REQUIRED_FIELDS = ['iin', 'status', 'valid_from', 'source_ref'] as const
export const MAX_SOURCE_REF = 200

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/

function isRealDate(value: string): boolean {
  const m = ISO_DATE.exec(value)
  if (m === null) return false
  const year = Number(m[1])
  const month = Number(m[2])
  const day = Number(m[3])
  if (month < 1 || month > 12 || day < 1 || year < 1900) return false
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate()
}

/** Today's date in Kazakhstan, where the law's days begin (UTC+5 since 1 March 2024). */
export function todayInKazakhstan(now = new Date()): string {
  return new Date(now.getTime() + 5 * 3_600_000).toISOString().slice(0, 10)
}

/** Returns the event, or the reason it is rejected, naming the field and the value. */
export function validateEvent(input: EventInput, ctx: ValidationContext): ValidEvent | string {
  for (const field of REQUIRED_FIELDS) {
    const value = input[field]
    if (value === undefined || value === null || value === '') return `${field} is missing`
    if (typeof value !== 'string') return `${field} must be a string, got ${JSON.stringify(value)}`
  }
  const iin = input.iin as string
  const status = input.status as string
  const validFrom = input.valid_from as string
  const sourceRef = input.source_ref as string
  if (sourceRef.length > MAX_SOURCE_REF) return `source_ref is longer than ${MAX_SOURCE_REF} characters`
  const iinCheck = checkIdentifier(iin, 'IIN')
  if (!iinCheck.ok) return iinCheck.reason
  if (!ctx.knownStatuses.has(status)) return `unknown status ${JSON.stringify(status)}`
  if (!ctx.allowedStatuses.has(status)) return `channel ${ctx.channelCode} may not assert status ${status}`
  if (!isRealDate(validFrom)) return `valid_from ${JSON.stringify(validFrom)} is not a date (YYYY-MM-DD)`
  if (validFrom > ctx.today) return `valid_from ${validFrom} is in the future`
  let validTo: string | null = null
  if (input.valid_to !== undefined && input.valid_to !== null && input.valid_to !== '') {
    if (typeof input.valid_to !== 'string' || !isRealDate(input.valid_to)) {
      return `valid_to ${JSON.stringify(input.valid_to)} is not a date (YYYY-MM-DD)`
    }
    if (input.valid_to < validFrom) return `valid_to ${input.valid_to} is before valid_from ${validFrom}`
    validTo = input.valid_to
  }
  return { iin, status, validFrom, validTo, sourceRef }
}
