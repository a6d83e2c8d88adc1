import { existsSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, type TestApp } from '../tests/helpers/app.js'
import { loadConfig } from './config.js'

let t: TestApp
beforeAll(async () => {
  t = await createTestApp()
})
afterAll(() => t?.close())

describe.skipIf(!existsSync(loadConfig().webDist))('the web app shell and missing files', () => {
  it('answers a client-side route with the app shell', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/fairs/12/booths/3' })
    expect(res.statusCode).toBe(200)
    expect(res.headers['content-type']).toMatch(/text\/html/)
  })

  it('answers a missing built file with 404, not the shell, so an old chunk fails to load as it should', async () => {
    for (const url of ['/assets/fairs-pages-0ld0ld.js', '/assets/old.css', '/no-such.js?v=2']) {
      const res = await t.app.inject({ method: 'GET', url })
      expect(res.statusCode, url).toBe(404)
      expect(res.headers['content-type'], url).toMatch(/application\/json/)
    }
  })

  it('answers an unknown API route with 404 naming it', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/no-such-thing?x=1' })
    expect(res.statusCode).toBe(404)
    expect(res.json()).toEqual({ error: { code: 'not_found', message: 'no route GET /api/no-such-thing' } })
  })
})
