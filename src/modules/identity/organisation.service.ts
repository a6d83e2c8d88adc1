import { Type } from '@sinclair/typebox'
import type { Db } from '../../db/client.js'
import type { Principal } from '../../shared/auth.js'
import { AppError } from '../../shared/errors.js'
import { requireBin } from '../../shared/identifiers.js'
import { findRegion } from '../reference/index.js'

// Organisations are public registry facts (BIN, name, region): no personal data, no audit.

export const Organisation = Type.Object({
  bin: Type.String(),
  name: Type.String(),
  regionCode: Type.String(),
  katoCode: Type.Union([Type.String(), Type.Null()]),
})
export const NewOrganisation = Type.Object({
  bin: Type.String({ description: '12 digits with a valid check digit' }),
  name: Type.String({ minLength: 1, maxLength: 300 }),
  regionCode: Type.String({ pattern: '^\\d{2}$' }),
  katoCode: Type.Optional(Type.String({ pattern: '^\\d{9}$' })),
})

export async function getOrganisation(db: Db, binInput: string) {
  const bin = requireBin(binInput)
  const row = await db.selectFrom('identity.organisations').selectAll().where('bin', '=', bin).executeTakeFirst()
  if (row === undefined) throw new AppError('not_found', `no organisation with BIN ${bin}`)
  return { bin: row.bin, name: row.name, regionCode: row.region_code, katoCode: row.kato_code }
}

export async function createOrganisation(
  db: Db,
  _staff: Principal,
  input: { bin: string; name: string; regionCode: string; katoCode?: string | undefined },
) {
  const bin = requireBin(input.bin)
  if ((await findRegion(db, input.regionCode)) === undefined) {
    throw new AppError('invalid', `region ${input.regionCode} is not known`, { field: 'regionCode' })
  }
  const row = await db
    .insertInto('identity.organisations')
    .values({ bin, name: input.name, region_code: input.regionCode, kato_code: input.katoCode ?? null })
    .onConflict((oc) => oc.column('bin').doNothing())
    .returningAll()
    .executeTakeFirst()
  if (row === undefined) throw new AppError('conflict', `an organisation with BIN ${bin} is already registered`)
  return { bin: row.bin, name: row.name, regionCode: row.region_code, katoCode: row.kato_code }
}
