import type { Readable } from 'node:stream'
import { parse } from 'csv-parse'
import { AppError } from '../../shared/errors.js'
import { checkIdentifier } from '../../shared/iin.js'

/** One income report row as sent: the platform's report id (its idempotency key), the worker, the month, the income. */
export interface IncomeInput {
  report_id?: unknown
  iin?: unknown
  month?: unknown
  income?: unknown
}
export const INCOME_FIELDS = ['report_id', 'iin', 'month', 'income'] as const

export type ParsedIncome =
  | { line: number; input: IncomeInput; raw: string }
  | { line: number; error: string; raw: string }

export interface ValidIncome {
  reportId: string
  iin: string
  month: string
  /** Income in tenge with two decimals, as text: the idempotency content compares it exactly. */
  income: string
}

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/

/** The current month in Kazakhstan (UTC+5): income may be reported for it and any month before. */
export function currentMonth(now = new Date()): string {
  return new Date(now.getTime() + 5 * 3_600_000).toISOString().slice(0, 7)
}

/** Validates one row on its own; returns the reason it is refused, or the clean row. */
export function validateIncome(input: IncomeInput, thisMonth: string): ValidIncome | string {
  const reportId = typeof input.report_id === 'number' ? String(input.report_id) : input.report_id
  if (typeof reportId !== 'string' || reportId.trim() === '') return 'report_id is required'
  if (reportId.length > 200) return 'report_id is longer than 200 characters'
  const iin = checkIdentifier(input.iin, 'IIN')
  if (!iin.ok) return iin.reason
  if (typeof input.month !== 'string' || !MONTH.test(input.month)) {
    return `month ${JSON.stringify(input.month ?? null)} is not a month YYYY-MM`
  }
  if (input.month > thisMonth)
    return `month ${input.month} is in the future; income is reported for ${thisMonth} or earlier`
  const text = typeof input.income === 'number' ? String(input.income) : input.income
  if (typeof text !== 'string' || !/^-?\d+(\.\d{1,2})?$/.test(text.trim())) {
    return `income ${JSON.stringify(input.income ?? null)} is not an amount in tenge (up to 2 decimals)`
  }
  const income = Number(text)
  if (income < 0) return `income ${text} is negative`
  if (income >= 1e12) return `income ${text} is too large`
  return { reportId: reportId.trim(), iin: input.iin as string, month: input.month, income: income.toFixed(2) }
}

/** Streams a CSV file with the header report_id,iin,month,income; a malformed row is rejected with its line. */
export async function* parseIncomeCsv(input: Readable): AsyncGenerator<ParsedIncome> {
  input.setEncoding('utf8')
  const skipped: ParsedIncome[] = []
  const parser = input.pipe(
    parse({
      bom: true,
      info: true,
      raw: true,
      relax_column_count: true,
      skip_empty_lines: true,
      skip_records_with_error: true,
    }),
  )
  input.on('error', (error) => parser.destroy(error))
  parser.on('skip', (error: Error & { lines?: number; raw?: string }) => {
    skipped.push({ line: error.lines ?? 0, error: `malformed CSV: ${error.message}`, raw: String(error.raw ?? '') })
  })
  let header: Map<string, number> | undefined
  for await (const item of parser as AsyncIterable<{ record: string[]; info: { lines: number }; raw: string }>) {
    while (skipped.length > 0) yield skipped.shift() as ParsedIncome
    const raw = item.raw.replace(/\r?\n$/, '')
    if (header === undefined) {
      const names = item.record.map((c) => c.trim().toLowerCase())
      const missing = INCOME_FIELDS.filter((f) => !names.includes(f))
      if (missing.length > 0) {
        throw new AppError(
          'invalid',
          `line 1: the header lacks ${missing.join(', ')}; expected ${INCOME_FIELDS.join(',')}`,
        )
      }
      header = new Map(names.map((n, i) => [n, i]))
      continue
    }
    if (item.record.length !== header.size) {
      yield { line: item.info.lines, error: `expected ${header.size} columns, found ${item.record.length}`, raw }
      continue
    }
    const field = (name: string) => item.record[header?.get(name) as number]?.trim()
    yield {
      line: item.info.lines,
      raw,
      input: { report_id: field('report_id'), iin: field('iin'), month: field('month'), income: field('income') },
    }
  }
  while (skipped.length > 0) yield skipped.shift() as ParsedIncome
  if (header === undefined)
    throw new AppError('invalid', `the file is empty: expected a header ${INCOME_FIELDS.join(',')}`)
}
