import type { Selectable } from 'kysely'
import type { Conn } from '../../db/client.js'
import type { ParameterTable } from '../../db/schema.js'
import { AppError } from '../../shared/errors.js'
import * as repo from './reference.repository.js'

export interface Parameter {
  key: string
  validFrom: string
  value: number | null
  valueJson: unknown
  unit: string
  /** false where the law's value is uncertain (FACTS.md "(check)"): show it as such. */
  isVerified: boolean
  source: string
  note: string | null
}

export function toParameter(row: Selectable<ParameterTable>): Parameter {
  return {
    key: row.key,
    validFrom: row.valid_from,
    value: row.value === null ? null : Number(row.value),
    valueJson: row.value_json,
    unit: row.unit,
    isVerified: row.is_verified,
    source: row.source,
    note: row.note,
  }
}

/** The value of a dated parameter on a date; a calculation keeps the returned row to name what it used. */
export async function getParameterOn(db: Conn, key: string, on: string): Promise<Parameter> {
  const row = await repo.findParameterOn(db, key, on)
  if (row === undefined) throw new AppError('not_found', `parameter ${key} has no value on ${on}`)
  return toParameter(row)
}

export async function listParameters(db: Conn): Promise<Parameter[]> {
  return (await repo.listParameters(db)).map(toParameter)
}
