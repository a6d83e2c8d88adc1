import { createInterface } from 'node:readline'
import type { Readable } from 'node:stream'
import { parse } from 'csv-parse'
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

/**
 * Streams a CSV file row by row in constant memory. A malformed row (wrong column count, a broken quote,
 * non-UTF-8 bytes) becomes a rejected row with its line number; the file goes on.
 */
export async function* parseCsv(input: Readable): AsyncGenerator<ParsedRow> {
  input.setEncoding('utf8')
  const skipped: ParsedRow[] = []
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
  // An error of the source (a dropped upload, a size limit) must end the parse, not leave it waiting.
  input.on('error', (error) => parser.destroy(error))
  parser.on('skip', (error: Error & { lines?: number; raw?: string }) => {
    skipped.push({ line: error.lines ?? 0, error: `malformed CSV: ${error.message}`, raw: String(error.raw ?? '') })
  })
  let header: Map<string, number> | undefined
  let width = 0
  for await (const item of parser as AsyncIterable<{ record: string[]; info: { lines: number }; raw: string }>) {
    while (skipped.length > 0) yield skipped.shift() as ParsedRow
    const line = item.info.lines
    const raw = item.raw.replace(/\r?\n$/, '')
    if (header === undefined) {
      if (raw.includes(REPLACEMENT)) throw new AppError('invalid', 'line 1: the header is not valid UTF-8')
      header = readHeader(item.record)
      width = item.record.length
      continue
    }
    if (raw.includes(REPLACEMENT)) {
      yield { line, error: NOT_UTF8, raw }
    } else if (item.record.length !== width) {
      yield { line, error: `expected ${width} columns, found ${item.record.length}`, raw }
    } else {
      const record = item.record
      const field = (name: string) => {
        const at = header?.get(name)
        return at === undefined ? undefined : record[at]?.trim()
      }
      yield {
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
  }
  while (skipped.length > 0) yield skipped.shift() as ParsedRow
  if (header === undefined)
    throw new AppError('invalid', 'the file is empty: expected a header row iin,status,valid_from,source_ref')
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
