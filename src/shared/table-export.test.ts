import { unzipSync } from 'fflate'
import { describe, expect, it } from 'vitest'
import { type ExportTable, parseTableFormat, tableToCsv, tableToXlsx } from './table-export.js'

interface Row {
  region: string
  places: number
  note: string | null
}

const table: ExportTable<Row> = {
  name: 'plan-39',
  columns: [
    { header: 'Region', value: (row) => row.region },
    { header: 'Places', value: (row) => row.places },
    { header: 'Note', value: (row) => row.note },
  ],
  rows: [
    { region: 'Қостанай облысы', places: 120, note: 'says "ok", then; more' },
    { region: 'Павлодар', places: 0, note: null },
  ],
}

describe('table export', () => {
  it('writes CSV with a BOM, a header row, quoted commas and quotes, empty cells for missing values', () => {
    const csv = tableToCsv(table)
    expect(csv.startsWith('\uFEFF')).toBe(true)
    expect(csv.slice(1).split('\r\n')).toEqual([
      'Region,Places,Note',
      'Қостанай облысы,120,"says ""ok"", then; more"',
      'Павлодар,0,',
      '',
    ])
  })

  it('writes an XLSX workbook whose sheet holds the header, the text and the numbers as numbers', async () => {
    const files = unzipSync(new Uint8Array(await tableToXlsx(table)))
    const sheet = new TextDecoder().decode(files['xl/worksheets/sheet1.xml'])
    const strings = new TextDecoder().decode(files['xl/sharedStrings.xml'] ?? new Uint8Array())
    const text = sheet + strings
    expect(text).toContain('Қостанай облысы')
    expect(text).toContain('Places')
    expect(sheet).toMatch(/<v>120<\/v>/)
    expect(new TextDecoder().decode(files['xl/workbook.xml'])).toContain('plan-39')
  })

  it('accepts json, csv and xlsx and names the field otherwise', () => {
    expect(parseTableFormat(undefined)).toBe('json')
    expect(parseTableFormat('xlsx')).toBe('xlsx')
    expect(() => parseTableFormat('pdf')).toThrow(/format must be one of json, csv, xlsx/)
  })
})
