import { sql } from 'kysely'
import type { Db } from '../../db/client.js'
import { findAccountByLogin } from '../identity/index.js'
import { getParameterOn } from '../reference/index.js'
import * as repo from './hotline.repository.js'
import { addWorkingDays, type ReportCategory, type ReportStatus } from './hotline.rules.js'
import { todayInKazakhstan } from './hotline.service.js'

const DAY_MS = 86_400_000
const HOUR_MS = 3_600_000

interface DemoReport {
  region: '39' | '55'
  category: ReportCategory
  employerName: string
  description: string
  daysAgo: number
  status: ReportStatus
  /** Entered by the region's officer answering its hotline, for a caller who gave a name. */
  callerName?: string
  outcome?: { contracts: number; recovered: number; note: string; reply: string }
}

/**
 * The demo's hotline reports: Kostanay (39, the demo officer) and Pavlodar (55, officer2), in every state, one
 * Kostanay report past its deadline. Pavlodar gets no envelope-wages or no-contract reports, so a report a
 * visitor files there is the only one of its kind in the region's statistics.
 */
export const DEMO_HOTLINE_REPORTS: readonly DemoReport[] = [
  {
    region: '55',
    category: 'unpaid_pension',
    employerName: 'ТОО «Ертіс Құрылыс Монтаж»',
    description: 'Полгода не перечисляют пенсионные взносы, в ЕНПФ за 2026 год поступлений нет (демо-обращение)',
    daysAgo: 1,
    status: 'new',
  },
  {
    region: '55',
    category: 'unpaid_pension',
    employerName: 'ТОО «Ертіс Құрылыс Монтаж»',
    description: 'Зейнетақы жарналары үш ай бойы аударылмаған, бухгалтерия жауап бермейді (демо-хабарлама)',
    daysAgo: 4,
    status: 'assigned',
    callerName: 'Айгүл',
  },
  {
    region: '55',
    category: 'other',
    employerName: 'ИП «Павлодар Логистик»',
    description: 'Водителей заставляют работать по 14 часов без оплаты сверхурочных (демо-обращение)',
    daysAgo: 8,
    status: 'inspecting',
  },
  {
    region: '39',
    category: 'envelope_wages',
    employerName: 'ТОО «Тобыл Агро Трейд»',
    description: 'Официально оформлены на минимальную зарплату, остальное выдают в конвертах (демо-обращение)',
    daysAgo: 20,
    status: 'new',
  },
  {
    region: '39',
    category: 'no_contract',
    employerName: 'ИП «Қостанай Маркет»',
    description: 'Дүкенде бес сатушы еңбек шартынсыз жұмыс істейді (демо-хабарлама)',
    daysAgo: 3,
    status: 'assigned',
  },
  {
    region: '39',
    category: 'envelope_wages',
    employerName: 'ТОО «Тобыл Агро Трейд»',
    description: 'На складе зарплату платят наличными без ведомости, взносы не удерживаются (демо-обращение)',
    daysAgo: 15,
    status: 'resolved',
    outcome: {
      contracts: 2,
      recovered: 480_000,
      note: 'Проверка подтвердила выплаты в конвертах; заключены трудовые договоры, взносы доначислены.',
      reply: 'Проверка проведена, нарушения устранены. Спасибо за обращение.',
    },
  },
  {
    region: '39',
    category: 'unpaid_pension',
    employerName: 'ТОО «Арқалық Жол»',
    description: 'Жарналар аударылмайды деп хабарланды, бірақ тексеру кезінде қарыз табылмады (демо-хабарлама)',
    daysAgo: 12,
    status: 'unfounded',
    outcome: { contracts: 0, recovered: 0, note: 'Задолженности по взносам нет, выписка ЕНПФ приложена.', reply: '' },
  },
]

const STEPS: readonly ReportStatus[] = ['new', 'assigned', 'inspecting']

/**
 * Hotline reports in demo mode, so an inspector trying the demo has a queue: Kostanay's for `officer`, Pavlodar's
 * for `officer2`, each report with the history of its state. Idempotent: a report whose description is already
 * there is not added again. Returns how many were added.
 */
export async function seedHotlineDemo(db: Db, now = new Date()): Promise<{ reports: number }> {
  const inspectors = {
    '39': await findAccountByLogin(db, 'officer'),
    '55': await findAccountByLogin(db, 'officer2'),
  }
  if (inspectors['39'] === undefined || inspectors['55'] === undefined) return { reports: 0 }
  return db.transaction().execute(async (trx) => {
    // Two processes starting at once take turns, so neither adds a report the other just added.
    await sql`SELECT pg_advisory_xact_lock(hashtext('hotline-demo'))`.execute(trx)
    const existing = await repo.findDescriptions(
      trx,
      DEMO_HOTLINE_REPORTS.map((r) => r.description),
    )
    let added = 0
    for (const demo of DEMO_HOTLINE_REPORTS) {
      if (existing.has(demo.description)) continue
      const inspector = inspectors[demo.region]?.id as number
      const receivedAt = new Date(now.getTime() - demo.daysAgo * DAY_MS)
      const received = todayInKazakhstan(receivedAt)
      const sla = await getParameterOn(trx, 'hotline_sla_working_days', received)
      const isClosed = demo.status === 'resolved' || demo.status === 'unfounded'
      const closedAt = new Date(receivedAt.getTime() + 5 * DAY_MS)
      const isCall = demo.callerName !== undefined
      const row = await repo.insertReport(trx, {
        category: demo.category,
        employer_bin: null,
        employer_name: demo.employerName,
        region_code: demo.region,
        description: demo.description,
        is_anonymous: !isCall,
        reporter_name: demo.callerName ?? null,
        entered_by: isCall ? inspector : null,
        source: isCall ? 'contact_centre' : 'web',
        status: demo.status,
        assigned_to: demo.status === 'new' ? null : inspector,
        due_date: addWorkingDays(received, sla.value ?? 10),
        created_at: receivedAt,
        ...(isClosed && {
          contracts_concluded: demo.outcome?.contracts ?? 0,
          contributions_recovered: demo.outcome?.recovered ?? 0,
          resolution_note: demo.outcome?.note ?? null,
          reply_to_reporter: demo.outcome?.reply || null,
          closed_at: closedAt,
        }),
      })
      const reached = isClosed ? STEPS.length : STEPS.indexOf(demo.status) + 1
      for (const [i, step] of STEPS.slice(0, reached).entries()) {
        const actor = step === 'new' ? (isCall ? inspector : null) : inspector
        await repo.insertEvent(trx, row.id, actor, step, null, new Date(receivedAt.getTime() + i * 2 * HOUR_MS))
      }
      if (isClosed) await repo.insertEvent(trx, row.id, inspector, demo.status, demo.outcome?.note ?? null, closedAt)
      added++
    }
    return { reports: added }
  })
}
