import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestDatabase } from '../../../tests/helpers/db.js'
import type { DatabaseHandle } from '../../db/client.js'
import { DEMO_CITIZEN_IIN, DEMO_EMPLOYER_BIN } from '../identity/index.js'
import { calculateBenefit } from './benefit.service.js'

let database: DatabaseHandle

beforeAll(async () => {
  database = await createTestDatabase()
  const db = database.db
  await sql`INSERT INTO social.platforms (bin, name) VALUES (${DEMO_EMPLOYER_BIN}, 'P')`.execute(db)
  await sql`INSERT INTO social.income_batches (platform_bin, format) VALUES (${DEMO_EMPLOYER_BIN}, 'api')`.execute(db)
  // 200,000 ₸ a month from December 2020 to December 2022, social base = income.
  await sql`INSERT INTO social.contributions (platform_bin, iin, month, report_id, batch_id, regime, income, pension_base,
      social_base, pension, employer_pension, social, health_employee, health_employer, total, parameters)
    SELECT ${DEMO_EMPLOYER_BIN}, ${DEMO_CITIZEN_IIN}, m::date, 'r-' || m::date, 1, 'standard', 200000, 200000, 200000,
           20000, 0, 7000, 4000, 6000, 37000, '[]'
    FROM generate_series('2020-12-01'::date, '2022-12-01'::date, interval '1 month') m`.execute(db)
})
afterAll(() => database.close())

describe('benefit calculator on the ledger and the dated parameters', () => {
  it('applies 40% to a job lost in December 2022 and 45% in January 2023', async () => {
    // window avg 200,000; 24 months → 0.85; 200,000 × 0.40 × 0.85 = 68,000 and × 0.45 × 0.85 = 76,500
    const before = await calculateBenefit(database.db, DEMO_CITIZEN_IIN, 'job_loss', '2022-12-15')
    const after = await calculateBenefit(database.db, DEMO_CITIZEN_IIN, 'job_loss', '2023-01-10')
    expect(before.monthlyAmount).toBe(68_000)
    expect(after.monthlyAmount).toBe(76_500)
    expect(after.parameters).toContainEqual(
      expect.objectContaining({ key: 'job_loss_replacement_rate', validFrom: '2023-01-01', value: 0.45 }),
    )
    // The duration ladder is ours and uncertain: the result says so.
    expect(after.parameters).toContainEqual(
      expect.objectContaining({ key: 'job_loss_duration_ladder', isVerified: false, value: 3 }),
    )
  })

  it('refuses a date that is not a date', async () => {
    await expect(calculateBenefit(database.db, DEMO_CITIZEN_IIN, 'job_loss', '2023-13-45')).rejects.toThrow(
      'is not a date',
    )
  })
})
