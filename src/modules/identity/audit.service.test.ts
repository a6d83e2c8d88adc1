import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestDatabase } from '../../../tests/helpers/db.js'
import type { DatabaseHandle } from '../../db/client.js'
import type { Principal } from '../../shared/auth.js'
import { appendAudit, verifyAuditChain } from './audit.service.js'

const officer: Principal = {
  accountId: 3,
  login: 'officer',
  role: 'officer',
  displayName: 'Officer',
  regionCode: '39',
  districtCode: null,
  iin: null,
  bin: null,
  channelCode: null,
}

let database: DatabaseHandle
beforeAll(async () => {
  database = await createTestDatabase()
})
afterAll(() => database.close())

/** Runs a tampering statement as the superuser would, past the append-only trigger, then undoes nothing. */
async function tamper(statement: ReturnType<typeof sql>) {
  await database.db.transaction().execute(async (trx) => {
    await sql`ALTER TABLE audit.log DISABLE TRIGGER log_append_only`.execute(trx)
    await statement.execute(trx)
    await sql`ALTER TABLE audit.log ENABLE TRIGGER log_append_only`.execute(trx)
  })
}

async function freshChain(n: number) {
  await tamper(sql`DELETE FROM audit.log`)
  for (let i = 0; i < n; i++) {
    await appendAudit(database.db, officer, {
      action: 'person.read',
      subjectIin: '980412601238',
      purpose: `check ${i}`,
      details: { i },
    })
  }
}

describe('the audit log', () => {
  it('refuses UPDATE and DELETE', async () => {
    await freshChain(1)
    await expect(sql`UPDATE audit.log SET purpose = 'x'`.execute(database.db)).rejects.toThrow(/append-only/)
    await expect(sql`DELETE FROM audit.log`.execute(database.db)).rejects.toThrow(/append-only/)
  })

  it('verifies an intact chain', async () => {
    await freshChain(25)
    expect(await verifyAuditChain(database.db, 10)).toEqual({ ok: true, entries: 25 })
  })

  it('keeps the chain intact under concurrent writers', async () => {
    await freshChain(0)
    await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        appendAudit(database.db, officer, { action: 'person.read', purpose: `p${i}` }),
      ),
    )
    expect(await verifyAuditChain(database.db)).toEqual({ ok: true, entries: 40 })
  })

  it('names the first edited entry', async () => {
    await freshChain(10)
    await tamper(sql`UPDATE audit.log SET purpose = 'nothing to see' WHERE seq = 4`)
    expect(await verifyAuditChain(database.db)).toMatchObject({
      ok: false,
      brokenSeq: 4,
      reason: expect.stringContaining('edited'),
    })
  })

  it('detects an edited time, actor or detail', async () => {
    await freshChain(5)
    await tamper(sql`UPDATE audit.log SET details = '{"i": 99}' WHERE seq = 2`)
    expect(await verifyAuditChain(database.db)).toMatchObject({ ok: false, brokenSeq: 2 })
    await freshChain(5)
    await tamper(sql`UPDATE audit.log SET at = at + interval '1 second' WHERE seq = 3`)
    expect(await verifyAuditChain(database.db)).toMatchObject({ ok: false, brokenSeq: 3 })
  })

  it('names a deleted entry', async () => {
    await freshChain(10)
    await tamper(sql`DELETE FROM audit.log WHERE seq = 6`)
    expect(await verifyAuditChain(database.db)).toMatchObject({
      ok: false,
      brokenSeq: 6,
      reason: expect.stringContaining('missing'),
    })
  })

  it('detects reordered entries even when their sequence numbers are swapped back into place', async () => {
    await freshChain(10)
    await tamper(sql`UPDATE audit.log SET seq = -seq WHERE seq IN (3, 4)`)
    await tamper(sql`UPDATE audit.log SET seq = CASE seq WHEN -3 THEN 4 ELSE 3 END WHERE seq IN (-3, -4)`)
    expect(await verifyAuditChain(database.db)).toMatchObject({ ok: false, brokenSeq: 3 })
  })
})
