import { sql } from 'kysely'
import type { Db } from '../../db/client.js'
import * as repo from './programme.repository.js'
import { addMonths, ageOn } from './programme.rules.js'
import { costOn } from './programme.service.js'

const DEMO_REGION = '39'
const DEMO_YEAR = 2026
/** A 2026 plan for Kostanay (demo figures, not the region's real plan). */
const DEMO_PLAN = [
  { programme: 'public_works', places: 40, budget: 10_200_000 },
  { programme: 'youth_practice', places: 25, budget: 19_500_000 },
  { programme: 'short_training', places: 30, budget: 5_200_000 },
  { programme: 'entrepreneurship_grant', places: 10, budget: 17_300_000 },
] as const

/**
 * Demo mode: Kostanay's 2026 plan and two youth-practice proposals of the demo officer waiting for the manager.
 * Idempotent: does nothing once the region has a 2026 plan.
 */
export async function seedProgrammesDemo(db: Db): Promise<{ plans: number; proposals: number }> {
  if ((await repo.findPlan(db, DEMO_REGION, DEMO_YEAR, DEMO_PLAN[0].programme)) !== undefined) {
    return { plans: 0, proposals: 0 }
  }
  // Demo-only shortcut: the demo accounts' ids, read by login (the services take them from the session).
  const { rows: accounts } = await sql<{ login: string; id: number }>`
    SELECT login, id FROM identity.accounts WHERE login IN ('officer', 'manager')`.execute(db)
  const officer = accounts.find((a) => a.login === 'officer')?.id
  const manager = accounts.find((a) => a.login === 'manager')?.id
  if (officer === undefined || manager === undefined) return { plans: 0, proposals: 0 }
  return db.transaction().execute(async (trx) => {
    const plans = new Map<string, number>()
    for (const p of DEMO_PLAN) {
      const row = await repo.insertPlan(trx, {
        region_code: DEMO_REGION,
        year: DEMO_YEAR,
        programme_code: p.programme,
        places: p.places,
        budget: p.budget,
        set_by: manager,
      })
      plans.set(p.programme, row.id)
    }
    const start = `${DEMO_YEAR}-03-01`
    // Young registered job seekers of the region, as the generator made them.
    const { rows: people } = await sql<{ iin: string; birth_date: string; status: string }>`
      SELECT p.iin, p.birth_date::text AS birth_date, c.status
      FROM identity.person_facts p JOIN registry.current_status c ON c.iin = p.iin
      WHERE p.region_code = ${DEMO_REGION} AND c.status LIKE 'unemployed_%'
        AND p.birth_date BETWEEN '1991-03-02' AND '2008-03-01'
      ORDER BY p.iin LIMIT 2`.execute(trx)
    const youth = await repo.findProgramme(trx, 'youth_practice')
    if (youth === undefined) throw new Error('programme youth_practice is missing')
    const { cost, parameters } = await costOn(trx, youth, start)
    for (const person of people) {
      await repo.insertEnrolment(trx, {
        plan_id: plans.get('youth_practice') as number,
        programme_code: 'youth_practice',
        region_code: DEMO_REGION,
        year: DEMO_YEAR,
        iin: person.iin,
        start_date: start,
        end_date: addMonths(start, 6),
        cost,
        parameters: JSON.stringify(parameters),
        eligibility: JSON.stringify({
          reasons: [],
          facts: { age: ageOn(person.birth_date, start), status: person.status, region: DEMO_REGION, flags: [] },
        }),
        purpose: 'demo: youth practice proposal',
        proposed_by: officer,
      })
    }
    return { plans: DEMO_PLAN.length, proposals: people.length }
  })
}
