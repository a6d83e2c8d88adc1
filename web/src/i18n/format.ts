import type { Language } from '.'

// Kazakh is formatted with the conventions of Russian as written in Kazakhstan, which are the same (space
// between thousands, decimal comma, dates as 12.04.2026): several browsers, Debian's Chromium among them,
// ship no Kazakh locale data and would fall back to "2025 M09 1" and "274,646". English readers here write
// the day before the month; en-GB does that, en-US does not.
const locales: Record<Language, string> = { kk: 'ru-KZ', ru: 'ru-RU', en: 'en-GB' }
const dateStyles: Record<Language, Intl.DateTimeFormatOptions> = {
  kk: { day: '2-digit', month: '2-digit', year: 'numeric' },
  ru: { dateStyle: 'medium' },
  en: { dateStyle: 'medium' },
}
const dateTimeStyles: Record<Language, Intl.DateTimeFormatOptions> = {
  kk: { day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit' },
  ru: { dateStyle: 'medium', timeStyle: 'short' },
  en: { dateStyle: 'medium', timeStyle: 'short' },
}

/** A calendar date (YYYY-MM-DD) as the reader writes it; it is a day, not an instant, so no time zone applies. */
export function formatDate(isoDate: string, language: Language): string {
  const [year, month, day] = isoDate.slice(0, 10).split('-').map(Number)
  if (year === undefined || month === undefined || day === undefined) return isoDate
  const date = new Date(Date.UTC(year, month - 1, day))
  if (Number.isNaN(date.getTime())) return isoDate
  return new Intl.DateTimeFormat(locales[language], { ...dateStyles[language], timeZone: 'UTC' }).format(date)
}

/** An instant (ISO timestamp) in the reader's own time zone. */
export function formatDateTime(isoTimestamp: string, language: Language): string {
  const date = new Date(isoTimestamp)
  if (Number.isNaN(date.getTime())) return isoTimestamp
  return new Intl.DateTimeFormat(locales[language], dateTimeStyles[language]).format(date)
}

export function formatNumber(value: number, language: Language): string {
  return new Intl.NumberFormat(locales[language]).format(value)
}

/** A share as a percentage, with one decimal unless told; `share` is a fraction (0.25 → 25,0 %). */
export function formatPercent(share: number, language: Language, fractionDigits = 1): string {
  return new Intl.NumberFormat(locales[language], {
    style: 'percent',
    minimumFractionDigits: fractionDigits,
    maximumFractionDigits: fractionDigits,
  }).format(share)
}

/** Today's date in the reader's time zone as YYYY-MM-DD, the value an <input type="date"> expects. */
export function todayIsoDate(): string {
  const now = new Date()
  const local = new Date(now.getTime() - now.getTimezoneOffset() * 60_000)
  return local.toISOString().slice(0, 10)
}
