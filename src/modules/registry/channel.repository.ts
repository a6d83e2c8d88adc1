import type { Conn } from '../../db/client.js'
import type { RegistryTables } from './registry.tables.js'

const t = (db: Conn) => db.withTables<RegistryTables>()

export function listChannels(db: Conn) {
  return t(db).selectFrom('registry.channels').selectAll().orderBy('code').execute()
}

export function findChannel(db: Conn, code: string) {
  return t(db).selectFrom('registry.channels').selectAll().where('code', '=', code).executeTakeFirst()
}
