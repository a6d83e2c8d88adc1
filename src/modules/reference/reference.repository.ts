import type { Conn } from '../../db/client.js'

export function listRegions(db: Conn) {
  return db.selectFrom('reference.regions').selectAll().orderBy('code').execute()
}

export function findRegion(db: Conn, code: string) {
  return db.selectFrom('reference.regions').selectAll().where('code', '=', code).executeTakeFirst()
}

export function listKatoChildren(db: Conn, parentCode: string) {
  return db
    .selectFrom('reference.kato')
    .select(['code', 'parent_code', 'region_code', 'level', 'type', 'name_ru', 'name_kk', 'valid_from', 'valid_to'])
    .where('parent_code', '=', parentCode)
    .orderBy('code')
    .execute()
}

export function findKato(db: Conn, code: string) {
  return db.selectFrom('reference.kato').selectAll().where('code', '=', code).executeTakeFirst()
}

/** Level-2 units (districts, city administrations, city districts) by region, for scope checks and generators. */
export async function listDistrictsByRegion(db: Conn): Promise<Map<string, string[]>> {
  const rows = await db
    .selectFrom('reference.kato')
    .select(['code', 'region_code'])
    .where('level', '=', 2)
    .orderBy('code')
    .execute()
  const byRegion = new Map<string, string[]>()
  for (const row of rows) byRegion.set(row.region_code, [...(byRegion.get(row.region_code) ?? []), row.code])
  return byRegion
}

export function listOccupations(db: Conn, filter: { q?: string; level?: number; parent?: string; limit: number }) {
  let query = db.selectFrom('reference.occupations').selectAll()
  if (filter.level !== undefined) query = query.where('level', '=', filter.level)
  if (filter.parent !== undefined) query = query.where('parent_code', '=', filter.parent)
  if (filter.q !== undefined) {
    const like = `%${filter.q.replaceAll(/[%_\\]/g, (c) => `\\${c}`)}%`
    query = query.where((eb) => eb.or([eb('title_en', 'ilike', like), eb('code', 'like', `${filter.q}%`)]))
  }
  return query.orderBy('code').limit(filter.limit).execute()
}

export function findOccupation(db: Conn, code: string) {
  return db.selectFrom('reference.occupations').selectAll().where('code', '=', code).executeTakeFirst()
}

export function listStatusCategories(db: Conn) {
  return db.selectFrom('reference.status_categories').selectAll().orderBy('sort_order').execute()
}

export function listParameters(db: Conn) {
  return db.selectFrom('reference.parameters').selectAll().orderBy('key').orderBy('valid_from').execute()
}

/** The row in force on a date: the latest `valid_from` not after it. */
export function findParameterOn(db: Conn, key: string, on: string) {
  return db
    .selectFrom('reference.parameters')
    .selectAll()
    .where('key', '=', key)
    .where('valid_from', '<=', on)
    .orderBy('valid_from', 'desc')
    .limit(1)
    .executeTakeFirst()
}
