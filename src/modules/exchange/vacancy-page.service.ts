import { readFile } from 'node:fs/promises'
import path from 'node:path'
import type { Db } from '../../db/client.js'
import { findKato, findRegion } from '../reference/index.js'
import * as vacancies from './vacancy.repository.js'
import { isOpen } from './vacancy.service.js'
import { FALLBACK_SHELL, type PostingInput, renderNotFoundPage, renderVacancyPage } from './vacancy-page.js'

/** The open vacancy with its place named from the reference data; undefined when it is not public. */
export async function findPosting(db: Db, id: number): Promise<PostingInput | undefined> {
  const row = await vacancies.findVacancy(db, id)
  if (row === undefined || !isOpen(row)) return undefined
  const [region, place] = await Promise.all([findRegion(db, row.region_code), findKato(db, row.kato_code)])
  return {
    id: row.id,
    title: row.title,
    description: row.description,
    employerName: row.employer_name,
    employmentType: row.employment_type,
    schedule: row.schedule,
    wageMin: row.wage_min,
    wageMax: row.wage_max,
    publishedAt: new Date(row.published_at as Date),
    expiresAt: new Date(row.expires_at as Date),
    occupationCode: row.occupation_code,
    regionName: region?.name_ru ?? null,
    // A vacancy placed at a whole region has no locality of its own.
    localityName: place === undefined || place.level < 2 ? null : place.name_ru,
  }
}

/** The built web app's index.html, read per request so a rebuilt web app is served without a restart. */
async function readShell(webDist: string): Promise<string> {
  try {
    return await readFile(path.join(webDist, 'index.html'), 'utf8')
  } catch {
    return FALLBACK_SHELL
  }
}

export async function renderPage(
  db: Db,
  webDist: string,
  idParam: string,
): Promise<{ status: 200 | 404; html: string }> {
  const shell = await readShell(webDist)
  const id = /^\d{1,15}$/.test(idParam) ? Number(idParam) : undefined
  const posting = id === undefined ? undefined : await findPosting(db, id)
  if (posting === undefined) return { status: 404, html: renderNotFoundPage(shell) }
  return { status: 200, html: renderVacancyPage(shell, posting) }
}
