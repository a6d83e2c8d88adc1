import { useEffect, useState } from 'react'
import type { Language } from '../../i18n'
import { formatNumber } from '../../i18n/format'

/** A monthly wage range in tenge; the exchange never publishes a vacancy without one, so it is always shown. */
export function formatWage(min: number, max: number, language: Language): string {
  if (min === max) return `${formatNumber(min, language)} ₸`
  return `${formatNumber(min, language)} – ${formatNumber(max, language)} ₸`
}

/** The value as it was `delay` ms after it last changed: typeahead asks the server once the typing pauses. */
export function useDebouncedValue<T>(value: T, delay: number): T {
  const [settled, setSettled] = useState(value)
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), delay)
    return () => clearTimeout(timer)
  }, [value, delay])
  return settled
}

/** Whole days from an instant to now, for "sent 3 days ago" (never negative). */
export function daysSince(isoTimestamp: string, now = Date.now()): number {
  return Math.max(0, Math.floor((now - new Date(isoTimestamp).getTime()) / 86_400_000))
}
