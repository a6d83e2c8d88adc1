import { useCallback } from 'react'
import { useTranslation } from 'react-i18next'
import { ApiError } from '../../api/client'
import type { Fair, FairState } from '../../api/fairs'
import { nameOf, useRegions, useStatusCategories } from '../../api/reference'
import type { Account } from '../../api/types'
import { currentLanguage } from '../../i18n'
import { formatDateTime } from '../../i18n/format'

/** Who may run a fair: the API lets officers and administrators organise, and the organiser or an admin decide. */
export const isOrganiserRole = (account: Account | null | undefined) =>
  account?.role === 'officer' || account?.role === 'admin'

/** The server's own words: a refusal names the rule and the facts ("born 1988-03-02: over 35 on 2026-06-24"). */
export function problemText(error: unknown): string {
  if (error instanceof ApiError) return error.message
  return error instanceof Error ? error.message : String(error)
}

export function StateBadge({ state }: { state: FairState }) {
  const { t } = useTranslation()
  const tone = state === 'open' ? 'badge--ok' : state === 'planned' ? 'badge--warning' : 'badge--muted'
  return <span className={`badge ${tone}`}>{t(`fairs.state.${state}`)}</span>
}

export function FairWindow({ fair }: { fair: Pick<Fair, 'startsAt' | 'endsAt'> }) {
  const language = currentLanguage()
  return (
    <>
      <time dateTime={fair.startsAt}>{formatDateTime(fair.startsAt, language)}</time> –{' '}
      <time dateTime={fair.endsAt}>{formatDateTime(fair.endsAt, language)}</time>
    </>
  )
}

/** The fair's target group, rule by rule, in the reader's language. */
export function TargetGroupFacts({ fair }: { fair: Fair }) {
  const { t } = useTranslation()
  const language = currentLanguage()
  const regions = useRegions()
  const statuses = useStatusCategories()
  const group = fair.targetGroup
  const statusNames = group.allowedStatuses.map((code) =>
    code.endsWith('_*')
      ? t('fairs.target.statusGroup', { prefix: code.slice(0, -2) })
      : nameOf(statuses.data, code, language),
  )
  return (
    <dl className="facts fairs-facts">
      <div className="facts__row">
        <dt>{t('fairs.target.age')}</dt>
        <dd>{group.maxAge === null ? t('fairs.target.anyAge') : t('fairs.target.maxAge', { age: group.maxAge })}</dd>
      </div>
      <div className="facts__row">
        <dt>{t('fairs.target.graduation')}</dt>
        <dd>
          {group.graduatedWithinYears === null
            ? t('fairs.target.anyGraduation')
            : t('fairs.target.graduatedWithin', { years: group.graduatedWithinYears })}
        </dd>
      </div>
      <div className="facts__row">
        <dt>{t('fairs.target.status')}</dt>
        <dd>{statusNames.length === 0 ? t('fairs.target.anyStatus') : statusNames.join(', ')}</dd>
      </div>
      <div className="facts__row">
        <dt>{t('fairs.target.regions')}</dt>
        <dd>
          {group.regionCodes.length === 0
            ? t('fairs.target.nationwide')
            : group.regionCodes.map((code) => nameOf(regions.data, code, language)).join(', ')}
        </dd>
      </div>
    </dl>
  )
}

/** A region's name by its two-digit code, or the code while names load. */
export function useRegionName() {
  const regions = useRegions()
  const language = currentLanguage()
  return useCallback(
    (code: string) => (code === 'unknown' ? '—' : nameOf(regions.data, code, language)),
    [regions.data, language],
  )
}
