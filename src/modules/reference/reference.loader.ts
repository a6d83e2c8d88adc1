import { createReadStream } from 'node:fs'
import path from 'node:path'
import { parse } from 'csv-parse'
import { sql } from 'kysely'
import type { Conn } from '../../db/client.js'

/** Reads a reference CSV as records keyed by its header; every value stays a string (codes have leading zeros). */
export async function readCsv(file: string): Promise<Record<string, string>[]> {
  const rows: Record<string, string>[] = []
  const parser = createReadStream(file).pipe(parse({ columns: true, bom: true, skip_empty_lines: true }))
  for await (const row of parser) rows.push(row as Record<string, string>)
  return rows
}

const col = (rows: Record<string, string>[], name: string) => rows.map((r) => r[name] || null)

/**
 * Loads regions, the KATO tree and ISCO-08 from refdata/ (see refdata/README.md for sources and licences).
 * Idempotent: rows already present are kept, so it runs safely at every start.
 */
export async function loadReferenceData(
  db: Conn,
  dir: string,
): Promise<{ regions: number; kato: number; occupations: number }> {
  const regions = await readCsv(path.join(dir, 'kz-regions.csv'))
  await sql`
    INSERT INTO reference.regions (code, iso, kato, type, name_kk, name_ru, name_en, center_en, center_kk, center_ru)
    SELECT * FROM unnest(${col(regions, 'code')}::text[], ${col(regions, 'iso')}::text[], ${col(regions, 'kato')}::text[],
      ${col(regions, 'type')}::text[], ${col(regions, 'name_kk')}::text[], ${col(regions, 'name_ru')}::text[],
      ${col(regions, 'name_en')}::text[], ${col(regions, 'center')}::text[], ${col(regions, 'center_kk')}::text[],
      ${col(regions, 'center_ru')}::text[])
    ON CONFLICT (code) DO NOTHING`.execute(db)

  const kato = await readCsv(path.join(dir, 'kato-2022-10-17-ru.csv'))
  const typeByCode = new Map((await readCsv(path.join(dir, 'kato-districts.csv'))).map((r) => [r.code, r.type]))
  // Parents are checked at the end of the statement, so one INSERT takes the whole tree in any order.
  await sql`
    INSERT INTO reference.kato (code, parent_code, region_code, level, type, name_ru)
    SELECT code, parent, left(code, 2), level, type, name FROM unnest(${col(kato, 'code')}::text[],
      ${col(kato, 'parent_code')}::text[], ${kato.map((r) => Number(r.level))}::smallint[],
      ${kato.map((r) => typeByCode.get(r.code as string) ?? null)}::text[], ${col(kato, 'name_ru')}::text[])
      AS t(code, parent, level, type, name)
    ON CONFLICT (code) DO NOTHING`.execute(db)

  const isco = await readCsv(path.join(dir, 'isco08.csv'))
  await sql`
    INSERT INTO reference.occupations (code, level, parent_code, title_en)
    SELECT code, level, nullif(left(code, length(code) - 1), ''), title FROM unnest(${col(isco, 'code')}::text[],
      ${isco.map((r) => Number(r.level))}::smallint[], ${col(isco, 'title_en')}::text[]) AS t(code, level, title)
    ON CONFLICT (code) DO NOTHING`.execute(db)

  return { regions: regions.length, kato: kato.length, occupations: isco.length }
}
