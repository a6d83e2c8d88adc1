import { Readable } from 'node:stream'
import { parse as parseSync } from 'csv-parse/sync'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { type ParsedRow, parseCsv } from './event.parser.js'

const HEADER = 'iin,status,valid_from,source_ref'

/** Feeds the text in chunks of the given size, so records and characters are cut at every possible place. */
async function parseText(text: string, chunkSize = 64 * 1024): Promise<ParsedRow[]> {
  const bytes = Buffer.from(text)
  const chunks: Buffer[] = []
  for (let at = 0; at < bytes.length; at += chunkSize) chunks.push(bytes.subarray(at, at + chunkSize))
  const rows: ParsedRow[] = []
  for await (const row of parseCsv(Readable.from(chunks))) rows.push(row)
  return rows
}

const fieldsOf = (row: ParsedRow) =>
  'error' in row ? row.error : [row.input.iin, row.input.status, row.input.valid_from, row.input.source_ref]

describe('parseCsv', () => {
  it('reads plain and quoted records, with physical line numbers, whatever the chunk size', async () => {
    const text = [
      HEADER,
      '900101300125,student,2025-01-01,a',
      '',
      '"900101300125",student,2025-01-01,"b,1"',
      '900101300125,student,2025-01-01,"multi',
      'line ""ref"""',
      '900101300125,student,2025-01-01,c',
    ].join('\r\n')
    for (const size of [1, 2, 3, 7, 1024]) {
      const rows = await parseText(text, size)
      expect(rows.map((row) => row.line)).toEqual([2, 4, 5, 7])
      expect(rows.map(fieldsOf)).toEqual([
        ['900101300125', 'student', '2025-01-01', 'a'],
        ['900101300125', 'student', '2025-01-01', 'b,1'],
        ['900101300125', 'student', '2025-01-01', 'multi\r\nline "ref"'],
        ['900101300125', 'student', '2025-01-01', 'c'],
      ])
    }
  })

  it('names a row whose quote never closes, and one with a stray quote, and goes on', async () => {
    const rows = await parseText(
      [HEADER, '1,student,2025-01-01,x"y"z', '900101300125,student,2025-01-01,"open', '2,3'].join('\n'),
    )
    expect(rows.map((row) => row.line)).toEqual([2, 3])
    expect(rows[0]).toMatchObject({ error: expect.stringMatching(/^malformed CSV: /) })
    expect(rows[1]).toMatchObject({ error: 'malformed CSV: a quote opened here is never closed' })
  })

  it('names the column count and keeps the raw text', async () => {
    const rows = await parseText(`${HEADER}\n1,2,3\n`)
    expect(rows).toEqual([{ line: 2, error: 'expected 4 columns, found 3', raw: '1,2,3' }])
  })

  it('agrees with csv-parse on every well-formed file', async () => {
    const field = fc.oneof(
      fc.stringMatching(/^[a-z0-9 ]{0,6}$/),
      fc.string({ maxLength: 6, unit: fc.constantFrom('a', ',', '"', '\n', ' ', 'ә') }),
    )
    const record = fc.array(field, { minLength: 4, maxLength: 4 })
    await fc.assert(
      fc.asyncProperty(
        fc.array(record, { minLength: 1, maxLength: 12 }),
        fc.integer({ min: 1, max: 40 }),
        async (records, size) => {
          const quote = (value: string) => (/[",\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value)
          const text = `${HEADER}\n${records.map((r) => r.map(quote).join(',')).join('\n')}\n`
          const expected = (parseSync(text, { skip_empty_lines: true }) as string[][]).slice(1)
          const rows = await parseText(text, size)
          expect(rows.map((row) => ('error' in row ? row.error : Object.values(row.input).slice(0, 5)))).toEqual(
            expected.map((r) => [r[0]?.trim(), r[1]?.trim(), r[2]?.trim(), undefined, r[3]?.trim()]),
          )
        },
      ),
      { numRuns: 300 },
    )
  })
})
