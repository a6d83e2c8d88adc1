import type pg from 'pg'
import { copyRows } from '../../db/copy.js'
import { generateOrganisations, generatePeople } from './person.generator.js'

export interface SeedOptions {
  people: number
  orgs: number
  seed: number
  districts: ReadonlyMap<string, readonly string[]>
  onProgress?: (what: 'people' | 'orgs', done: number) => void
}

/**
 * Loads generated people and organisations: COPY into a temporary table, then one set-based insert that skips
 * IINs already present, so seeding twice with the same seed adds nothing.
 */
export async function seedPopulation(pool: pg.Pool, options: SeedOptions): Promise<{ people: number; orgs: number }> {
  const client = await pool.connect()
  try {
    await client.query('BEGIN')
    await client.query(`CREATE TEMP TABLE seed_people (LIKE identity.people INCLUDING DEFAULTS) ON COMMIT DROP`)
    await copyRows(
      client,
      'seed_people',
      ['iin', 'surname', 'given_name', 'patronymic', 'birth_date', 'sex', 'region_code', 'kato_code'],
      generatePeople({ count: options.people, seed: options.seed, districts: options.districts }),
      (p) => [p.iin, p.surname, p.givenName, p.patronymic, p.birthDate, p.sex, p.regionCode, p.katoCode],
      (n) => options.onProgress?.('people', n),
    )
    const people = await client.query(
      `INSERT INTO identity.people (iin, surname, given_name, patronymic, birth_date, sex, region_code, kato_code)
       SELECT iin, surname, given_name, patronymic, birth_date, sex, region_code, kato_code FROM seed_people
       ON CONFLICT (iin) DO NOTHING`,
    )
    await client.query(`CREATE TEMP TABLE seed_orgs (LIKE identity.organisations INCLUDING DEFAULTS) ON COMMIT DROP`)
    await copyRows(
      client,
      'seed_orgs',
      ['bin', 'name', 'region_code', 'kato_code'],
      generateOrganisations({ count: options.orgs, seed: options.seed, districts: options.districts }),
      (o) => [o.bin, o.name, o.regionCode, o.katoCode],
      (n) => options.onProgress?.('orgs', n),
    )
    const orgs = await client.query(
      `INSERT INTO identity.organisations (bin, name, region_code, kato_code)
       SELECT bin, name, region_code, kato_code FROM seed_orgs ON CONFLICT (bin) DO NOTHING`,
    )
    await client.query('COMMIT')
    return { people: people.rowCount ?? 0, orgs: orgs.rowCount ?? 0 }
  } catch (error) {
    await client.query('ROLLBACK')
    throw error
  } finally {
    client.release()
  }
}
