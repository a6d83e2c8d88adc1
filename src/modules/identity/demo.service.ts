import { sql } from 'kysely'
import type { Db } from '../../db/client.js'
import type { Role } from '../../db/schema.js'
import { makeBin, makeIin } from '../../shared/iin.js'
import { listDistrictsByRegion } from '../reference/index.js'
import { hashPassword, sha256 } from './auth.service.js'

/** The demo citizen's IIN (valid checksum), also used by tests and the README. */
export const DEMO_CITIZEN_IIN = makeIin('1998-04-12', 'F', 1234) as string
export const DEMO_EMPLOYER_BIN = makeBin('1805', 4, 0, 12_345) as string
export const DEMO_PASSWORD = 'demo'

interface DemoAccount {
  login: string
  role: Role
  displayName: string
  regionCode: string | null
  iin?: string
  bin?: string
}

// Kostanay (39) is the demo officer's region; officer2 works in Pavlodar (55) to show region scope.
export const DEMO_ACCOUNTS: readonly DemoAccount[] = [
  { login: 'citizen', role: 'citizen', displayName: 'Айгерім Нұрланова', regionCode: null, iin: DEMO_CITIZEN_IIN },
  {
    login: 'employer',
    role: 'employer',
    displayName: 'ТОО «Павлодар Энерго Сервис»',
    regionCode: null,
    bin: DEMO_EMPLOYER_BIN,
  },
  { login: 'officer', role: 'officer', displayName: 'Ерлан Жақсылықов', regionCode: '39' },
  { login: 'officer2', role: 'officer', displayName: 'Марина Ковалева', regionCode: '55' },
  { login: 'manager', role: 'manager', displayName: 'Динара Сапарова', regionCode: '39' },
  { login: 'analyst', role: 'analyst', displayName: 'Асхат Бекмұратов', regionCode: null },
  { login: 'admin', role: 'admin', displayName: 'Jumys administrator', regionCode: null },
]

/**
 * Creates the demo organisation, the demo citizen and one account per role (password "demo") when they
 * are missing. Demo accounts are marked `is_demo`, and login refuses them in production.
 */
export async function seedDemoAccounts(db: Db): Promise<{ created: number }> {
  const districts = await listDistrictsByRegion(db)
  // One hash for all demo accounts: they share the password, and start-up stays fast.
  const passwordHash = await hashPassword(DEMO_PASSWORD)
  return db.transaction().execute(async (trx) => {
    await trx
      .insertInto('identity.people')
      .values({
        iin: DEMO_CITIZEN_IIN,
        surname: 'Нұрланова',
        given_name: 'Айгерім',
        patronymic: 'Серікқызы',
        birth_date: '1998-04-12',
        sex: 'F',
        region_code: '39',
        kato_code: districts.get('39')?.[0] ?? null,
      })
      .onConflict((oc) => oc.doNothing())
      .execute()
    await trx
      .insertInto('identity.organisations')
      .values({
        bin: DEMO_EMPLOYER_BIN,
        name: 'ТОО «Павлодар Энерго Сервис»',
        region_code: '55',
        kato_code: districts.get('55')?.[0] ?? null,
      })
      .onConflict((oc) => oc.doNothing())
      .execute()
    const inserted = await trx
      .insertInto('identity.accounts')
      .values(
        DEMO_ACCOUNTS.map((a) => ({
          login: a.login,
          password_hash: passwordHash,
          role: a.role,
          display_name: a.displayName,
          region_code: a.regionCode,
          iin: a.iin ?? null,
          bin: a.bin ?? null,
          is_demo: true,
        })),
      )
      .onConflict((oc) => oc.expression(sql`lower(login)`).doNothing())
      .returning('id')
      .execute()
    return { created: inserted.length }
  })
}

/**
 * One demo account per channel (login `channel-<code>`, password "demo") with the API key `demo-<code>`,
 * for the point-of-service pages and for trying the registry API. Demo only, like the other demo accounts.
 */
export async function seedDemoChannelAccounts(
  db: Db,
  channels: readonly { code: string; name: string }[],
): Promise<number> {
  const passwordHash = await hashPassword(DEMO_PASSWORD)
  let created = 0
  for (const channel of channels) {
    const account = await db
      .insertInto('identity.accounts')
      .values({
        login: `channel-${channel.code}`,
        password_hash: passwordHash,
        role: 'channel',
        channel_code: channel.code,
        display_name: channel.name,
        is_demo: true,
      })
      .onConflict((oc) => oc.expression(sql`lower(login)`).doNothing())
      .returning('id')
      .executeTakeFirst()
    if (account === undefined) continue
    await db
      .insertInto('identity.api_keys')
      .values({ account_id: account.id, key_hash: sha256(`demo-${channel.code}`), label: 'demo key' })
      .execute()
    created++
  }
  return created
}
