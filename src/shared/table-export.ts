import { stringify } from 'csv-stringify/sync'
import type { FastifyReply } from 'fastify'
import writeXlsxFile, { type SheetData } from 'write-excel-file/node'
import { invalid } from './errors.js'

/** The formats every table view can be downloaded in. */
export const TABLE_FORMATS = ['json', 'csv', 'xlsx'] as const
export type TableFormat = (typeof TABLE_FORMATS)[number]

export type Cell = string | number | boolean | null | undefined

/** One column of an exported table: its heading and how to read its value from a row. */
export interface ExportColumn<Row> {
  header: string
  value: (row: Row) => Cell
}

export interface ExportTable<Row> {
  /** The download's name without extension, for example `plan-vs-fact-39-2026`. Letters, digits, - and _. */
  name: string
  columns: readonly ExportColumn<Row>[]
  rows: readonly Row[]
}

export function parseTableFormat(value: unknown): TableFormat {
  if (value === undefined || value === '') return 'json'
  if (typeof value === 'string' && (TABLE_FORMATS as readonly string[]).includes(value)) return value as TableFormat
  throw invalid(`format must be one of ${TABLE_FORMATS.join(', ')}`, { field: 'format', value })
}

/** The table as CSV: UTF-8 with a byte-order mark (so Excel reads Kazakh and Russian letters), header row first. */
export function tableToCsv<Row>(table: ExportTable<Row>): string {
  const records = [
    table.columns.map((column) => column.header),
    ...table.rows.map((row) => table.columns.map((column) => csvCell(column.value(row)))),
  ]
  return `\uFEFF${stringify(records, { record_delimiter: '\r\n' })}`
}

function csvCell(value: Cell): string {
  if (value === null || value === undefined) return ''
  return String(value)
}

/** The table as an XLSX workbook with one sheet; numbers stay numbers so they can be summed. */
export async function tableToXlsx<Row>(table: ExportTable<Row>): Promise<Buffer> {
  const sheet: SheetData = [
    table.columns.map((column) => ({ value: column.header, fontWeight: 'bold' as const })),
    ...table.rows.map((row) => table.columns.map((column) => xlsxCell(column.value(row)))),
  ]
  return writeXlsxFile(sheet, { sheet: table.name.slice(0, 31) }).toBuffer()
}

function xlsxCell(value: Cell) {
  if (value === null || value === undefined) return null
  return { value }
}

/**
 * Sends a table view as the requested download (`csv` or `xlsx`) with a file name; returns false for `json`,
 * so the route answers with its usual JSON body.
 */
export async function sendTableDownload<Row>(
  reply: FastifyReply,
  format: TableFormat,
  table: ExportTable<Row>,
): Promise<boolean> {
  if (!/^[\w-]+$/.test(table.name)) throw new Error(`export name ${table.name} must be letters, digits, - and _`)
  if (format === 'json') return false
  if (format === 'csv') {
    await reply
      .header('content-type', 'text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="${table.name}.csv"`)
      .send(tableToCsv(table))
    return true
  }
  await reply
    .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
    .header('content-disposition', `attachment; filename="${table.name}.xlsx"`)
    .send(await tableToXlsx(table))
  return true
}
