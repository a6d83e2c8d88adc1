import { existsSync } from 'node:fs'
import { type Browser, chromium, type Page } from 'playwright-core'
import { expect } from 'vitest'

// Debian's chromium rather than a Playwright download: the machine already has it and it is patched by apt.
export const chromiumPath = '/usr/bin/chromium'
export const hasChromium = existsSync(chromiumPath)
if (!hasChromium) {
  console.warn('chromium not found at /usr/bin/chromium: browser tests skipped; install with apt-get install chromium')
}

/** Headless Debian chromium with the switches the journeys run under (no sandbox as root, nothing from the network). */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  })
}

/** Signs a demo account in through the Kazakh login page and waits for its home page. */
export async function signIn(page: Page, login: string): Promise<void> {
  await page.goto('/login')
  await page.getByLabel('Логин').fill(login)
  await page.getByLabel('Құпиясөз').fill('demo')
  await page.getByRole('button', { name: 'Кіру', exact: true }).click()
  await page.waitForURL((url) => url.pathname === '/')
}

/** Signs a demo account in through the API and returns its session cookie (`name=value`). */
export async function loginCookieAt(baseUrl: string, login: string): Promise<string> {
  const response = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ login, password: 'demo' }),
  })
  expect(response.status).toBe(200)
  return (response.headers.get('set-cookie') ?? '').split(';')[0] ?? ''
}
