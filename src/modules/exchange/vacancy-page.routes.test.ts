import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import Fastify, { type FastifyInstance } from 'fastify'
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, loginAs, type TestApp } from '../../../tests/helpers/app.js'
import { createVacancy, publishVacancy } from './exchange.testing.js'
import { vacancyPageRoutes } from './vacancy-page.routes.js'

const SHELL = `<!doctype html>
<html lang="kk">
  <head>
    <meta charset="UTF-8" />
    <meta name="description" content="Jumys" />
    <title>Jumys</title>
    <script type="module" crossorigin src="/assets/index-abc.js"></script>
  </head>
  <body><div id="root"></div></body>
</html>
`

let t: TestApp
let employer: { cookie: string }
let web: string
// The page lives outside /api, so it is registered at the root (see the exchange index); here on its own
// Fastify over the same database, with a built web app's shell.
let pages: FastifyInstance

beforeAll(async () => {
  t = await createTestApp()
  employer = await loginAs(t.app, 'employer')
  web = await mkdtemp(path.join(tmpdir(), 'jumys-web-'))
  await writeFile(path.join(web, 'index.html'), SHELL)
  pages = Fastify()
  await pages.register(vacancyPageRoutes, { db: t.database.db, webDist: web })
  await pages.ready()
})
afterAll(async () => {
  await pages.close()
  await t.close()
  await rm(web, { recursive: true, force: true })
})

const page = (id: number | string) => pages.inject({ method: 'GET', url: `/vacancies/${id}` })
const ldOf = (html: string) => {
  const all = [...html.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)]
  expect(all).toHaveLength(1)
  return JSON.parse(all[0]?.[1] as string) as Record<string, unknown>
}

describe('the public vacancy page', () => {
  it('serves the web app with the JobPosting JSON-LD, title and description in the HTML, before any script', async () => {
    const { id } = await publishVacancy(t.app, employer, {
      title: 'Электромонтер по ремонту подстанций',
      employmentType: 'seasonal',
      schedule: 'part_time',
    })
    const res = await page(id)
    expect(res.statusCode).toBe(200)
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8')
    const html = res.body
    expect(html.indexOf('application/ld+json')).toBeLessThan(html.indexOf('<script type="module"'))
    expect(html).toContain('<title>Электромонтер по ремонту подстанций — ТОО «Павлодар Энерго Сервис» | Jumys</title>')
    expect(html).toContain(
      '<meta name="description" content="Ремонт и обслуживание электрооборудования подстанций. Полный соцпакет." />',
    )
    const { rows } = await sql<{ published_at: Date; expires_at: Date }>`
      SELECT published_at, expires_at FROM exchange.vacancies WHERE id = ${id}`.execute(t.database.db)
    expect(ldOf(html)).toEqual({
      '@context': 'https://schema.org/',
      '@type': 'JobPosting',
      title: 'Электромонтер по ремонту подстанций',
      description: 'Ремонт и обслуживание электрооборудования подстанций. Полный соцпакет.',
      identifier: { '@type': 'PropertyValue', name: 'Jumys', value: String(id) },
      datePosted: rows[0]?.published_at.toISOString(),
      validThrough: rows[0]?.expires_at.toISOString(),
      employmentType: ['TEMPORARY', 'PART_TIME'],
      hiringOrganization: { '@type': 'Organization', name: 'ТОО «Павлодар Энерго Сервис»' },
      jobLocation: {
        '@type': 'Place',
        address: {
          '@type': 'PostalAddress',
          addressLocality: 'Павлодар',
          addressRegion: 'Павлодарская область',
          addressCountry: 'KZ',
        },
      },
      baseSalary: {
        '@type': 'MonetaryAmount',
        currency: 'KZT',
        value: { '@type': 'QuantitativeValue', minValue: 250_000, maxValue: 350_000, unitText: 'MONTH' },
      },
      occupationalCategory: '7411',
    })
  })

  it('keeps a <script> in the description from breaking out of the JSON-LD', async () => {
    const description = 'Условия: </script><script>alert(document.cookie)</script><!-- <script>'
    const { id } = await publishVacancy(t.app, employer, { description })
    const html = (await page(id)).body
    // Only the JSON-LD and the app's own module script open a script element.
    expect(html.match(/<script/gi)).toHaveLength(2)
    expect(html).not.toContain('alert(document.cookie)</script>')
    expect(html).not.toContain('<!-- <script>')
    expect(ldOf(html).description).toBe(description)
    expect(html).toContain('content="Условия: &#60;/script&#62;&#60;script&#62;alert(document.cookie)')
  })

  it('answers 404 with the shell, marked noindex, for unknown, draft, closed and malformed ids', async () => {
    const draft = await createVacancy(t.app, employer)
    const closed = await publishVacancy(t.app, employer)
    await t.app.inject({ method: 'POST', url: `/api/vacancies/${closed.id}/close`, headers: employer })
    for (const id of [999_999, draft.id, closed.id, 'abc']) {
      const res = await page(id)
      expect(res.statusCode).toBe(404)
      expect(res.headers['content-type']).toBe('text/html; charset=utf-8')
      expect(res.body).toContain('<meta name="robots" content="noindex" />')
      expect(res.body).not.toContain('application/ld+json')
      expect(res.body).toContain('<div id="root"></div>')
    }
  })

  it('still serves the JSON-LD when the web app is not built', async () => {
    const bare = Fastify()
    await bare.register(vacancyPageRoutes, { db: t.database.db, webDist: path.join(web, 'missing') })
    const { id } = await publishVacancy(t.app, employer)
    const res = await bare.inject({ method: 'GET', url: `/vacancies/${id}` })
    expect(res.statusCode).toBe(200)
    expect(ldOf(res.body)).toMatchObject({ '@type': 'JobPosting', identifier: { value: String(id) } })
    await bare.close()
  })
})
