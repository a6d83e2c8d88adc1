import type { Conn } from '../../db/client.js'
import type { SocialTables } from './social.tables.js'

const t = (db: Conn) => db.withTables<SocialTables>()

/**
 * A person's monthly history across all platforms up to (not including) `beforeMonth`: the income social
 * contributions were paid on (summed over platforms) and whether any social contribution was paid.
 */
export async function listMonthlyHistory(db: Conn, iin: string, beforeMonth: string) {
  const rows = await t(db)
    .selectFrom('social.contributions')
    .select((eb) => [
      eb.fn<string>('to_char', ['month', eb.val('YYYY-MM')]).as('month'),
      eb.fn.sum<string>('social_base').as('social_base'),
      eb.fn.sum<string>('social').as('social'),
    ])
    .where('iin', '=', iin)
    .where('month', '<', `${beforeMonth}-01`)
    .groupBy('month')
    .orderBy('month')
    .execute()
  return rows.map((r) => ({ month: r.month, income: Number(r.social_base), social: Number(r.social) }))
}
