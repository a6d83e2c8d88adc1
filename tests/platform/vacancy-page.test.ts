import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, type TestApp } from '../helpers/app.js'

let t: TestApp
beforeAll(async () => {
  t = await createTestApp()
})
afterAll(() => t.close())

describe('the public vacancy page in the assembled app', () => {
  it('is served outside /api, and an unknown vacancy is a 404 page search engines skip', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/vacancies/999999' })
    expect(res.statusCode).toBe(404)
    expect(res.headers['content-type']).toContain('text/html')
    expect(res.body).toContain('noindex')
  })
})
