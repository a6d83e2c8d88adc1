import type { Db } from '../../db/client.js'
import type { Principal } from '../../shared/auth.js'
import { AppError } from '../../shared/errors.js'
import { readExchangeFunnel } from '../exchange/index.js'
import { readFairsOverview } from '../fairs/index.js'
import { readProgrammesOverview } from '../programmes/index.js'
import { listFormalisationPlans, summariseFormalisation } from '../registry/index.js'
import * as balanceRepo from './balance.repository.js'
import * as projectRepo from './project.repository.js'
import { seekersPerPosition, YOUTH_AGE_LIMIT } from './project.rules.js'
import { readJobMap, thisYear } from './project.service.js'

function requireAnalyst(who: Principal): void {
  if (who.role !== 'analyst' && who.role !== 'admin') {
    throw new AppError('forbidden', `role ${who.role} cannot read the national overview; analysts and admins do`)
  }
}

const sumOf = <T>(rows: readonly T[], key: keyof T) => rows.reduce((n, r) => n + Number(r[key]), 0)

/**
 * The analysts' national overview. Each panel is read through its own module's index function, never from
 * another module's tables:
 *   registry  → summariseFormalisation, listFormalisationPlans
 *   exchange  → readExchangeFunnel
 *   fairs     → readFairsOverview
 *   programmes → readProgrammesOverview (plan vs fact of the state support programmes by region)
 *   projects  → readJobMap (this module)
 * No panel is ever filled with placeholder figures.
 */
export async function readOverview(db: Db, who: Principal, year = thisYear()) {
  requireAnalyst(who)
  const [people, plans, exchange, fairs, programmes, projects] = await Promise.all([
    summariseFormalisation(db, who, undefined),
    listFormalisationPlans(db, who, year, undefined),
    readExchangeFunnel(db, year),
    readFairsOverview(db, year),
    readProgrammesOverview(db, year),
    readJobMap(db, who, year),
  ])
  const registryRegions = people.map((r) => ({
    regionCode: r.regionCode,
    people: r.people,
    known: r.known,
    unknown: r.unknown,
    stale: r.stale,
  }))
  const planRows = plans.filter((p) => p.districtCode === null)
  return {
    year,
    registry: {
      regions: registryRegions,
      total: {
        people: sumOf(registryRegions, 'people'),
        known: sumOf(registryRegions, 'known'),
        unknown: sumOf(registryRegions, 'unknown'),
        stale: sumOf(registryRegions, 'stale'),
      },
      plans: planRows.map((p) => ({
        regionCode: p.regionCode,
        category: p.category,
        target: p.target,
        done: p.done,
        percent: p.percent,
      })),
    },
    exchange: {
      regions: exchange,
      total: {
        vacancies: sumOf(exchange, 'vacancies'),
        positions: sumOf(exchange, 'positions'),
        applications: sumOf(exchange, 'applications'),
        hires: sumOf(exchange, 'hires'),
        seekers: sumOf(exchange, 'seekers'),
      },
    },
    fairs,
    programmes,
    projects,
  }
}

export type Overview = Awaited<ReturnType<typeof readOverview>>

/** One row per region joining the panels that are by region, for the CSV/XLSX download of the overview. */
export function overviewTable(overview: Overview) {
  const byRegion = new Map<string, Record<string, number | string>>()
  const row = (code: string) => {
    const existing = byRegion.get(code)
    if (existing !== undefined) return existing
    const fresh: Record<string, number | string> = { regionCode: code }
    byRegion.set(code, fresh)
    return fresh
  }
  for (const r of overview.registry.regions) Object.assign(row(r.regionCode), r)
  for (const r of overview.exchange.regions) Object.assign(row(r.regionCode), r)
  for (const r of overview.projects.regions) {
    Object.assign(row(r.regionCode), {
      projects: r.projects,
      plannedJobs: r.planned,
      createdJobs: r.created,
      projectHires: r.hires,
    })
  }
  return [...byRegion.values()].sort((a, b) => String(a.regionCode).localeCompare(String(b.regionCode)))
}

export interface BalanceItem {
  regionCode: string
  occupationCode: string
  title: { en: string | null; ru: string | null; kk: string | null }
  vacancies: number
  openPositions: number
  seekers: number
  youthSeekers: number
  /** seekers − open positions: below zero the occupation is scarce, above zero oversupplied */
  gap: number
  youthGap: number
  seekersPerPosition: number | null
}

const TOP = 5

/**
 * The labour-market balance: vacancies against seekers by ISCO-08 unit group and region, the scarcest (most open
 * positions beyond the seekers) and most oversupplied (most seekers beyond the positions) occupations per region,
 * with youth (under 35) counted apart.
 */
export async function readBalance(db: Db, who: Principal, regionCode: string | undefined) {
  requireAnalyst(who)
  const [rows, countedAt] = await Promise.all([
    balanceRepo.readBalance(db, regionCode ?? null),
    projectRepo.countedAt(db, 'balance'),
  ])
  const items: BalanceItem[] = rows.map((r) => ({
    regionCode: r.region_code,
    occupationCode: r.occupation_code,
    title: { en: r.title_en, ru: r.title_ru, kk: r.title_kk },
    vacancies: r.vacancies,
    openPositions: r.open_positions,
    seekers: r.seekers,
    youthSeekers: r.youth_seekers,
    gap: r.seekers - r.open_positions,
    youthGap: r.youth_seekers - r.open_positions,
    seekersPerPosition: seekersPerPosition(r.seekers, r.open_positions),
  }))
  const regions = new Map<string, BalanceItem[]>()
  for (const item of items) regions.set(item.regionCode, [...(regions.get(item.regionCode) ?? []), item])
  const byRegion = [...regions].map(([code, list]) => ({
    regionCode: code,
    openPositions: sumOf(list, 'openPositions'),
    seekers: sumOf(list, 'seekers'),
    youthSeekers: sumOf(list, 'youthSeekers'),
    scarcest: list
      .filter((i) => i.gap < 0)
      .sort((a, b) => a.gap - b.gap || a.occupationCode.localeCompare(b.occupationCode))
      .slice(0, TOP),
    oversupplied: list
      .filter((i) => i.gap > 0)
      .sort((a, b) => b.gap - a.gap || a.occupationCode.localeCompare(b.occupationCode))
      .slice(0, TOP),
    youthOversupplied: list
      .filter((i) => i.youthGap > 0)
      .sort((a, b) => b.youthGap - a.youthGap || a.occupationCode.localeCompare(b.occupationCode))
      .slice(0, TOP),
  }))
  return {
    source: 'exchange seeker profiles (desired ISCO-08 unit groups) against open positions of published vacancies',
    youthAgeLimit: YOUTH_AGE_LIMIT,
    countedAt: countedAt === null ? null : countedAt.toISOString(),
    total: {
      openPositions: sumOf(items, 'openPositions'),
      seekers: sumOf(items, 'seekers'),
      youthSeekers: sumOf(items, 'youthSeekers'),
    },
    regions: byRegion,
    items,
  }
}

/**
 * The job `projects-balance`: recounts the labour-market balance from the exchange's published views and
 * identity's person facts (seconds at 200,000 profiles and 1,000,000 people, so every five minutes, not per read).
 */
export function recountLabourBalance(db: Db): Promise<number> {
  return db.transaction().execute((trx) => balanceRepo.recountBalance(trx, YOUTH_AGE_LIMIT))
}
