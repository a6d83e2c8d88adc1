import { createInterface } from 'node:readline'
import type { Readable } from 'node:stream'
import { parse as parseSync } from 'csv-parse/sync'
import { AppError } from '../../shared/errors.js'
import { EVENT_FIELDS, type EventInput, REQUIRED_FIELDS } from './event.validate.js'

/** One data row of a file: its line number (the header is line 1) and either the fields or why it cannot be read. */
export type ParsedRow = { line: number; input: EventInput; raw: string } | { line: number; error: string; raw: string }

// Node decodes invalid UTF-8 as U+FFFD; a row that carries one had bytes that were not UTF-8.
const REPLACEMENT = '\uFFFD'
const NOT_UTF8 = 'the row is not valid UTF-8'

/** Checks a header row and returns the position of each known column, or throws a 400 naming the problem. */
function readHeader(columns: string[]): Map<string, number> {
  const names = columns.map((c) => c.trim().toLowerCase())
  const unknown = names.filter((n) => !(EVENT_FIELDS as readonly string[]).includes(n))
  const missing = REQUIRED_FIELDS.filter((f) => !names.includes(f))
  if (unknown.length > 0 || missing.length > 0) {
    const parts = [
      missing.length > 0 ? `missing column${missing.length > 1 ? 's' : ''} ${missing.join(', ')}` : '',
      unknown.length > 0 ? `unknown column${unknown.length > 1 ? 's' : ''} ${unknown.join(', ')}` : '',
    ].filter(Boolean)
    throw new AppError('invalid', `line 1: the header ${parts.join(' and ')}; expected ${EVENT_FIELDS.join(',')}`, {
      line: 1,
      expected: EVENT_FIELDS,
    })
  }
  return new Map(names.map((n, i) => [n, i]))
}

/** The fields of a data row by the header's positions (trimmed), or the reason the row cannot be read. */
function toRow(header: Map<string, number>, width: number, line: number, raw: string, record: string[]): ParsedRow {
  if (raw.includes(REPLACEMENT)) return { line, error: NOT_UTF8, raw }
  if (record.length !== width) return { line, error: `expected ${width} columns, found ${record.length}`, raw }
  const field = (name: string) => {
    const at = header.get(name)
    return at === undefined ? undefined : record[at]?.trim()
  }
  return {
    line,
    raw,
    input: {
      iin: field('iin'),
      status: field('status'),
      valid_from: field('valid_from'),
      valid_to: field('valid_to'),
      source_ref: field('source_ref'),
    },
  }
}

/** Parses one complete CSV record that uses quotes (possibly over several lines) with csv-parse. */
function parseQuoted(text: string): string[] | string {
  try {
    const records = parseSync(text, { relax_column_count: true }) as string[][]
    if (records.length !== 1) return `malformed CSV: expected one record, found ${records.length}`
    return records[0] as string[]
  } catch (error) {
    return `malformed CSV: ${(error as Error).message}`
  }
}

function countQuotes(text: string): number {
  let count = 0
  for (let at = text.indexOf('"'); at !== -1; at = text.indexOf('"', at + 1)) count++
  return count
}

/**
 * Streams a CSV file in constant memory, handing rows on in one array per chunk read. A malformed row (wrong column count, a broken quote,
 * non-UTF-8 bytes) becomes a rejected row with its line number; the file goes on.
 *
 * Daily files are almost all plain lines without quotes, and csv-parse's per-character state machine took 80 % of
 * the staging time (bench/registry.bench.ts): a line without a quote is split on commas here, and a record that
 * uses quotes — gathered over as many lines as its quotes span — is handed to csv-parse, which stays the one
 * judge of quoting. Line numbers are physical lines (the header is line 1); a record over several lines has its first.
 */
export async function* parseCsvBatches(input: Readable): AsyncGenerator<ParsedRow[]> {
  input.setEncoding('utf8')
  let header: Map<string, number> | undefined
  let width = 0
  let lineNumber = 0
  let carry = ''
  // A quoted record still open at the end of a line: its first line and its text so far.
  let open: { line: number; text: string } | undefined

  /** Takes one physical line; returns the row it completes, if any. */
  const take = (text: string): ParsedRow | undefined => {
    lineNumber++
    // A line end inside quotes belongs to the field, so an open record keeps its \r; a complete line loses it.
    const whole = lineNumber === 1 && text.startsWith('\uFEFF') ? text.slice(1) : text
    const line = whole.endsWith('\r') ? whole.slice(0, -1) : whole
    let first = lineNumber
    let raw = line
    let record: string[] | string
    if (open !== undefined) {
      open.text += `\n${whole}`
      if (countQuotes(open.text) % 2 === 1) return undefined
      first = open.line
      raw = open.text.endsWith('\r') ? open.text.slice(0, -1) : open.text
      open = undefined
      record = parseQuoted(raw)
    } else if (line === '') {
      return undefined
    } else if (!line.includes('"')) {
      record = line.split(',')
    } else if (countQuotes(line) % 2 === 1) {
      open = { line: lineNumber, text: whole }
      return undefined
    } else {
      record = parseQuoted(line)
    }
    if (header === undefined) {
      if (raw.includes(REPLACEMENT)) throw new AppError('invalid', 'line 1: the header is not valid UTF-8')
      if (typeof record === 'string') throw new AppError('invalid', `line ${first}: the header is ${record}`)
      header = readHeader(record)
      width = record.length
      return undefined
    }
    if (typeof record === 'string') return { line: first, error: record, raw }
    return toRow(header, width, first, raw, record)
  }

  for await (const chunk of input as AsyncIterable<string>) {
    const lines = (carry + chunk).split('\n')
    carry = lines.pop() ?? ''
    const rows: ParsedRow[] = []
    for (const text of lines) {
      const row = take(text)
      if (row !== undefined) rows.push(row)
    }
    if (rows.length > 0) yield rows
  }
  if (carry !== '') {
    const row = take(carry)
    if (row !== undefined) yield [row]
  }
  if (open !== undefined) {
    const unclosed = open
    open = undefined
    if (header === undefined) throw new AppError('invalid', `line ${unclosed.line}: the header has an unclosed quote`)
    yield [{ line: unclosed.line, error: 'malformed CSV: a quote opened here is never closed', raw: unclosed.text }]
  }
  if (header === undefined)
    throw new AppError('invalid', 'the file is empty: expected a header row iin,status,valid_from,source_ref')
}

/** parseCsvBatches one row at a time, for callers that want rows. */
export async function* parseCsv(input: Readable): AsyncGenerator<ParsedRow> {
  for await (const rows of parseCsvBatches(input)) yield* rows
}

/** Streams a JSON Lines file: one JSON object per line; blank lines are skipped but keep their numbers. */
export async function* parseJsonl(input: Readable): AsyncGenerator<ParsedRow> {
  input.setEncoding('utf8')
  let line = 0
  let rows = 0
  const lines = createInterface({ input, crlfDelay: Number.POSITIVE_INFINITY })
  let failure: Error | undefined
  input.on('error', (error) => {
    failure = error
    lines.close()
  })
  for await (const text of lines) {
    line++
    const raw = line === 1 ? text.replace(/^\uFEFF/, '') : text
    if (raw.trim() === '') continue
    rows++
    if (raw.includes(REPLACEMENT)) {
      yield { line, error: NOT_UTF8, raw }
      continue
    }
    let value: unknown
    try {
      value = JSON.parse(raw)
    } catch (error) {
      yield { line, error: `malformed JSON: ${(error as Error).message}`, raw }
      continue
    }
    if (value === null || typeof value !== 'object' || Array.isArray(value)) {
      yield { line, error: 'expected a JSON object', raw }
      continue
    }
    yield { line, input: value as EventInput, raw }
  }
  if (failure !== undefined) throw failure
  if (rows === 0) throw new AppError('invalid', 'the file is empty: expected one JSON object per line')
}
