import type { Conn } from '../../db/client.js'
import type { Regime } from './contribution.rules.js'
import type { SocialTables } from './social.tables.js'

const t = (db: Conn) => db.withTables<SocialTables>()

export function findPlatform(db: Conn, bin: string) {
  return t(db).selectFrom('social.platforms').selectAll().where('bin', '=', bin).executeTakeFirst()
}

export function insertPlatform(db: Conn, input: { bin: string; name: string; registeredBy: number }) {
  return t(db)
    .insertInto('social.platforms')
    .values({ bin: input.bin, name: input.name, registered_by: input.registeredBy })
    .onConflict((oc) => oc.column('bin').doNothing())
    .returningAll()
    .executeTakeFirst()
}

export function listPlatforms(db: Conn) {
  return t(db).selectFrom('social.platforms').selectAll().orderBy('name').execute()
}

export async function personExists(db: Conn, iin: string): Promise<boolean> {
  const row = await t(db).selectFrom('identity.person_facts').select('iin').where('iin', '=', iin).executeTakeFirst()
  return row !== undefined
}

export function upsertWorker(db: Conn, input: { platformBin: string; iin: string; regime: Regime }) {
  return t(db)
    .insertInto('social.platform_workers')
    .values({ platform_bin: input.platformBin, iin: input.iin, regime: input.regime })
    .onConflict((oc) =>
      oc
        .columns(['platform_bin', 'iin'])
        .doUpdateSet((eb) => ({ regime: eb.ref('excluded.regime'), updated_at: new Date() })),
    )
    .returningAll()
    .executeTakeFirstOrThrow()
}

export function listWorkers(db: Conn, platformBin: string, limit: number, offset: number) {
  return t(db)
    .selectFrom('social.platform_workers')
    .selectAll()
    .where('platform_bin', '=', platformBin)
    .orderBy('iin')
    .limit(limit)
    .offset(offset)
    .execute()
}

export function listWorkerPlatforms(db: Conn, iin: string) {
  return t(db)
    .selectFrom('social.platform_workers as w')
    .innerJoin('social.platforms as p', 'p.bin', 'w.platform_bin')
    .select(['w.platform_bin', 'p.name', 'w.regime', 'w.registered_at'])
    .where('w.iin', '=', iin)
    .orderBy('p.name')
    .execute()
}
