import type { Selectable } from 'kysely'
import type { Db } from '../../db/client.js'
import type { PersonTable } from '../../db/schema.js'
import type { Principal } from '../../shared/auth.js'
import { AppError } from '../../shared/errors.js'
import { requireIin } from '../../shared/identifiers.js'
import { decodeIin } from '../../shared/iin.js'
import { findKato, findRegion } from '../reference/index.js'
import { appendAudit } from './audit.service.js'
import * as repo from './person.repository.js'
import type { NewPerson, Person } from './person.schema.js'

export function toPerson(row: Selectable<PersonTable>): Person {
  return {
    iin: row.iin,
    surname: row.surname,
    givenName: row.given_name,
    patronymic: row.patronymic,
    birthDate: row.birth_date,
    sex: row.sex,
    regionCode: row.region_code,
    katoCode: row.kato_code,
  }
}

/** A staff member's scope; national roles see the whole country. */
export function scopeOf(staff: Principal): repo.Scope {
  const isNational = staff.role === 'analyst' || staff.role === 'admin'
  return isNational
    ? { regionCode: null, districtCode: null }
    : { regionCode: staff.regionCode, districtCode: staff.districtCode }
}

/**
 * A staff read of a person: scoped in the query and written to the audit log in the same transaction.
 * A refused read is audited too: attempts outside one's region are exactly what an auditor looks for.
 */
export function readPersonAsStaff(db: Db, staff: Principal, iinInput: string, purpose: string): Promise<Person> {
  return authorizeStaffRead(db, staff, iinInput, purpose, 'person.read')
}

/**
 * The gate for any module's staff read of a person's data: checks the IIN, the person's existence and the
 * staff member's scope, and writes the audit entry (`action`, e.g. 'registry.status.read'). Returns the person.
 */
export async function authorizeStaffRead(
  db: Db,
  staff: Principal,
  iinInput: string,
  purpose: string,
  action: string,
): Promise<Person> {
  const iin = requireIin(iinInput)
  const outcome = await db.transaction().execute(async (trx) => {
    const row = await repo.findPersonInScope(trx, iin, scopeOf(staff))
    if (row !== undefined) {
      await appendAudit(trx, staff, { action, subjectIin: iin, purpose })
      return toPerson(row)
    }
    if (!(await repo.personExists(trx, iin))) return 'missing' as const
    // Committed, not rolled back with an error: the refusal must stay on record.
    await appendAudit(trx, staff, { action: `${action}.denied`, subjectIin: iin, purpose })
    return 'denied' as const
  })
  if (outcome === 'missing') throw new AppError('not_found', `no person with IIN ${iin}`)
  if (outcome === 'denied') {
    throw new AppError('forbidden', `person ${iin} is outside your scope (region ${staff.regionCode ?? 'national'})`)
  }
  return outcome
}

export async function createPerson(db: Db, staff: Principal, input: NewPerson): Promise<Person> {
  const iin = requireIin(input.iin)
  if (staff.role === 'officer' && input.regionCode !== staff.regionCode) {
    throw new AppError(
      'forbidden',
      `an officer of region ${staff.regionCode} cannot register people in region ${input.regionCode}`,
    )
  }
  if ((await findRegion(db, input.regionCode)) === undefined) {
    throw new AppError('invalid', `region ${input.regionCode} is not known`, { field: 'regionCode' })
  }
  if (input.katoCode !== undefined) {
    const kato = await findKato(db, input.katoCode)
    if (kato === undefined)
      throw new AppError('invalid', `KATO code ${input.katoCode} is not known`, { field: 'katoCode' })
    if (kato.region_code !== input.regionCode) {
      throw new AppError('invalid', `KATO code ${input.katoCode} is not in region ${input.regionCode}`, {
        field: 'katoCode',
      })
    }
  }
  // The IIN's digits are only a hint: they fill gaps but never override what the caller states.
  const hints = decodeIin(iin)
  return db.transaction().execute(async (trx) => {
    const row = await repo.insertPerson(trx, {
      iin,
      surname: input.surname,
      given_name: input.givenName,
      patronymic: input.patronymic ?? null,
      birth_date: input.birthDate ?? hints.birthDate ?? null,
      sex: input.sex ?? hints.sex ?? null,
      region_code: input.regionCode,
      kato_code: input.katoCode ?? null,
    })
    if (row === undefined) throw new AppError('conflict', `a person with IIN ${iin} is already registered`)
    await appendAudit(trx, staff, { action: 'person.create', subjectIin: iin, purpose: 'registration' })
    return toPerson(row)
  })
}

/** A citizen's own record: no audit entry, the person is reading about themselves. */
export async function readOwnPerson(db: Db, citizen: Principal): Promise<Person> {
  const row = citizen.iin === null ? undefined : await repo.findPerson(db, citizen.iin)
  if (row === undefined) throw new AppError('not_found', 'your account is not linked to a person record')
  return toPerson(row)
}
