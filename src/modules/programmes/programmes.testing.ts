import type { DatabaseHandle } from '../../db/client.js'
import { makeIin } from '../../shared/iin.js'
import { submitEvents } from '../registry/index.js'

/** Test factories for programmes: people as identity and the registry hold them. */

let serial = 6100
/** A person of a region with a recorded birth date and (unless null) a registry status from the e-gov channel. */
export async function newPerson(
  database: DatabaseHandle,
  input: { birthDate: string; regionCode?: string; status?: string | null; statusFrom?: string },
): Promise<string> {
  let iin: string | undefined
  while (iin === undefined) iin = makeIin(input.birthDate, 'F', serial++)
  await database.db
    .insertInto('identity.people')
    .values({
      iin,
      surname: 'Бағдарламова',
      given_name: `Айгерим ${serial}`,
      birth_date: input.birthDate,
      sex: 'F',
      region_code: input.regionCode ?? '39',
    })
    .execute()
  const status = input.status === undefined ? 'unemployed_registered' : input.status
  if (status !== null) {
    await submitEvents(
      database,
      'egov',
      [{ iin, status, valid_from: input.statusFrom ?? '2025-12-01', source_ref: `test-${iin}-${status}` }],
      null,
    )
  }
  return iin
}

export const PURPOSE = 'programme enrolment interview'
