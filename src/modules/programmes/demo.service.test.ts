import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestDatabase } from '../../../tests/helpers/db.js'
import type { DatabaseHandle } from '../../db/client.js'
import { seedProgrammesDemo } from './demo.service.js'
import { newPerson } from './programmes.testing.js'

let database: DatabaseHandle
beforeAll(async () => {
  database = await createTestDatabase()
})
afterAll(() => database.close())

describe('the programmes demo', () => {
  it("seeds Kostanay's 2026 plan and two proposals waiting for the manager, once", async () => {
    await newPerson(database, { birthDate: '1999-05-05' })
    await newPerson(database, { birthDate: '2001-07-07' })
    await newPerson(database, { birthDate: '1970-07-07' }) // too old for youth practice: not proposed
    expect(await seedProgrammesDemo(database.db)).toEqual({ plans: 4, proposals: 2 })
    expect(await seedProgrammesDemo(database.db)).toEqual({ plans: 0, proposals: 0 })
    const { rows } = await sql<{ state: string; programme_code: string; n: number }>`
      SELECT state, programme_code, count(*)::int AS n FROM programmes.enrolments GROUP BY 1, 2`.execute(database.db)
    expect(rows).toEqual([{ state: 'proposed', programme_code: 'youth_practice', n: 2 }])
  })
})
