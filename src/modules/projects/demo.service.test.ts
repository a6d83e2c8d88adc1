import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, json, loginAs, type TestApp } from '../../../tests/helpers/app.js'
import { seedExchangeDemo } from '../exchange/index.js'
import { seedPopulation } from '../identity/index.js'
import { listDistrictsByRegion } from '../reference/index.js'
import { seedProjectsDemo } from './demo.service.js'

let t: TestApp
beforeAll(async () => {
  t = await createTestApp()
  await seedPopulation(t.database.pool, {
    people: 300,
    orgs: 0,
    seed: 7,
    districts: await listDistrictsByRegion(t.database.db),
  })
  await seedExchangeDemo(t.database.db)
})
afterAll(() => t.close())

describe('national projects demo data', () => {
  it('seeds a programme with projects in several regions, one in tender, real hires on the map, once', async () => {
    expect(await seedProjectsDemo(t.database.db)).toEqual({ projects: 5, hires: 2 })
    expect(await seedProjectsDemo(t.database.db)).toEqual({ projects: 0, hires: 0 })
    const analyst = await loginAs(t.app, 'analyst')
    const map = json<{ regions: { regionCode: string; projects: number; created: number; vacancies: number }[] }>(
      await t.app.inject({ url: '/api/projects/map', headers: analyst }),
    )
    const withProjects = map.regions.filter((r) => r.projects > 0).map((r) => r.regionCode)
    expect(withProjects).toEqual(['35', '39', '55', '71'])
    expect(map.regions.find((r) => r.regionCode === '55')).toMatchObject({ created: 2 })
    expect(map.regions.find((r) => r.regionCode === '39')?.vacancies).toBeGreaterThan(0)
    const tender = json<{ items: unknown[] }>(
      await t.app.inject({ url: '/api/projects?action=needs_contractor', headers: analyst }),
    )
    expect(tender.items).toHaveLength(2)
  })

  it("puts the linked vacancies in the search filter project, exactly the project's own list", async () => {
    const analyst = await loginAs(t.app, 'analyst')
    const projects = json<{ items: { id: number; vacancies: number }[] }>(
      await t.app.inject({ url: '/api/projects', headers: analyst }),
    ).items.filter((p) => p.vacancies > 0)
    expect(projects.length).toBeGreaterThan(0)
    for (const project of projects) {
      const listed = json<{ items: { vacancyId: number; state: string }[] }>(
        await t.app.inject({ url: `/api/projects/${project.id}/vacancies`, headers: analyst }),
      ).items
      const found = json<{ items: { id: number }[] }>(
        await t.app.inject({ url: `/api/vacancies?project=${project.id}&page_size=100` }),
      ).items
      expect(found.map((v) => v.id).sort((a, b) => a - b)).toEqual(
        listed.filter((v) => v.state === 'published').map((v) => v.vacancyId),
      )
    }
  })
})
