import { describe, expect, it } from 'vitest'
import {
  buildJobPosting,
  escapeHtml,
  injectHead,
  localityOf,
  type PostingInput,
  renderNotFoundPage,
  renderVacancyPage,
  schemaEmploymentTypes,
  scriptSafeJson,
  summarise,
} from './vacancy-page.js'

const SHELL = `<!doctype html>
<html lang="kk">
  <head>
    <meta charset="UTF-8" />
    <meta name="description" content="Jumys — платформа" />
    <title>Jumys</title>
    <script type="module" crossorigin src="/assets/index.js"></script>
  </head>
  <body><div id="root"></div></body>
</html>`

const posting = (overrides: Partial<PostingInput> = {}): PostingInput => ({
  id: 42,
  title: 'Электромонтер',
  description: 'Ремонт оборудования подстанций.',
  employerName: 'ТОО «Павлодар Энерго Сервис»',
  employmentType: 'permanent',
  schedule: 'full_day',
  wageMin: 250_000,
  wageMax: 350_000,
  publishedAt: new Date('2026-03-01T04:00:00Z'),
  expiresAt: new Date('2026-03-31T04:00:00Z'),
  occupationCode: '7411',
  regionName: 'Павлодарская область',
  localityName: 'г.Павлодар',
  ...overrides,
})

const ldOf = (html: string) => {
  const match = /<script type="application\/ld\+json">([\s\S]*?)<\/script>/.exec(html)
  return match === null ? undefined : (JSON.parse(match[1] as string) as Record<string, unknown>)
}

describe('JobPosting JSON-LD', () => {
  it('carries the fields search engines read', () => {
    expect(buildJobPosting(posting())).toEqual({
      '@context': 'https://schema.org/',
      '@type': 'JobPosting',
      title: 'Электромонтер',
      description: 'Ремонт оборудования подстанций.',
      identifier: { '@type': 'PropertyValue', name: 'Jumys', value: '42' },
      datePosted: '2026-03-01T04:00:00.000Z',
      validThrough: '2026-03-31T04:00:00.000Z',
      employmentType: ['FULL_TIME'],
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

  it.each([
    ['permanent', 'full_day', ['FULL_TIME']],
    ['permanent', 'part_time', ['PART_TIME']],
    ['temporary', 'full_day', ['TEMPORARY']],
    ['seasonal', 'part_time', ['TEMPORARY', 'PART_TIME']],
    ['shift', 'rotation', ['FULL_TIME']],
    ['remote', 'flexible', ['FULL_TIME']],
  ] as const)('maps %s / %s to %j', (type, schedule, expected) => {
    expect(schemaEmploymentTypes(type, schedule)).toEqual(expected)
  })

  it('marks a remote job as telecommute and leaves out an unknown locality', () => {
    const ld = buildJobPosting(posting({ employmentType: 'remote', localityName: null }))
    expect(ld.jobLocationType).toBe('TELECOMMUTE')
    expect(ld.jobLocation).toEqual({
      '@type': 'Place',
      address: { '@type': 'PostalAddress', addressRegion: 'Павлодарская область', addressCountry: 'KZ' },
    })
  })

  it.each([
    ['г.Павлодар', 'Павлодар'],
    ['с.Убаганское', 'Убаганское'],
    ['Алтынсаринский район', 'Алтынсаринский район'],
  ])('names the locality %s as %s', (kato, locality) => {
    expect(localityOf(kato)).toBe(locality)
  })
})

describe('escaping', () => {
  it('writes no <, > or & into script JSON, yet parses back to the same value', () => {
    const nasty = '</script><script>alert(1)</script><!-- & --> \u2028'
    const json = scriptSafeJson({ d: nasty })
    expect(json).not.toMatch(/[<>&\u2028]/)
    expect(json.toLowerCase()).not.toContain('</script')
    expect(json).not.toContain('<!--')
    expect(JSON.parse(json)).toEqual({ d: nasty })
  })

  it('escapes text for HTML', () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&#60;a href=&#34;x&#34;&#62;&#39;&#38;&#39;&#60;/a&#62;')
  })

  it('summarises long text at a word, collapsing whitespace', () => {
    expect(summarise('  короткий\n\nтекст ')).toBe('короткий текст')
    const long = summarise('слово '.repeat(60))
    expect(long.length).toBeLessThanOrEqual(160)
    expect(long.endsWith('слово…')).toBe(true)
  })
})

describe('the page', () => {
  it('puts title, description and JSON-LD after <meta charset>, before the first script, each once', () => {
    const html = renderVacancyPage(SHELL, posting())
    expect(html.indexOf('application/ld+json')).toBeLessThan(html.indexOf('<script type="module"'))
    expect(html.indexOf('<title>')).toBeGreaterThan(html.indexOf('<meta charset="UTF-8" />'))
    expect(html.match(/<title>/g)).toHaveLength(1)
    expect(html.match(/name="description"/g)).toHaveLength(1)
    expect(html).toContain('<title>Электромонтер — ТОО «Павлодар Энерго Сервис» | Jumys</title>')
    expect(html).toContain('<meta name="description" content="Ремонт оборудования подстанций." />')
    expect(ldOf(html)).toMatchObject({ '@type': 'JobPosting', title: 'Электромонтер' })
  })

  it('keeps the split build module preloads and stylesheet, and puts the JSON-LD before its entry script', () => {
    // Vite writes the entry chunk's static imports as <link rel="modulepreload"> after the entry script.
    const split = SHELL.replace(
      /(<script type="module"[^>]*><\/script>)/,
      '$1\n    <link rel="modulepreload" crossorigin href="/assets/i18n-Bxy.js">\n    <link rel="stylesheet" crossorigin href="/assets/index-C.css">',
    )
    expect(split).toContain('modulepreload')
    const html = renderVacancyPage(split, posting())
    expect(html.indexOf('application/ld+json')).toBeLessThan(html.indexOf('<script type="module"'))
    expect(html).toContain('<link rel="modulepreload" crossorigin href="/assets/i18n-Bxy.js">')
    expect(html).toContain('<link rel="stylesheet" crossorigin href="/assets/index-C.css">')
    expect(html.match(/<script/g)).toHaveLength(2)
    expect(ldOf(html)).toMatchObject({ '@type': 'JobPosting', title: 'Электромонтер' })
  })

  it('keeps a description with a script and a comment opener inside the JSON-LD, as text', () => {
    const description = 'Жду вас! </script><script>alert("x")</script><!-- $& $1 -->'
    const html = renderVacancyPage(SHELL, posting({ title: '<b>Title</b>', description }))
    expect(html.match(/<script/g)).toHaveLength(2)
    expect(html).not.toContain('<script>alert')
    expect(html).not.toContain('<!-- $&')
    expect(html).toContain('<title>&#60;b&#62;Title&#60;/b&#62; — ')
    expect(ldOf(html)).toMatchObject({ description, title: '<b>Title</b>' })
  })

  it('serves a not-found page without JSON-LD, kept out of search indexes', () => {
    const html = renderNotFoundPage(SHELL)
    expect(html).toContain('<meta name="robots" content="noindex" />')
    expect(html).not.toContain('application/ld+json')
    expect(html).toContain('<script type="module" crossorigin src="/assets/index.js"></script>')
  })

  it('injects into a shell whose <head> has attributes', () => {
    expect(injectHead('<html><head lang="kk"><script></script></head></html>', '<title>x</title>')).toBe(
      '<html><head lang="kk">\n    <title>x</title><script></script></head></html>',
    )
  })
})
