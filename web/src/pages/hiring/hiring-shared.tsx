import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import type { ApplicationState, VacancyState } from '../../api/hiring'
import type { Role } from '../../api/types'
import type { Language } from '../../i18n'
import { formatNumber } from '../../i18n/format'
import { useAccount } from '../../session/require-session'
import { NotFoundPage } from '../not-found-page'

/** A page for some roles only: anyone else gets "not found" (the API refuses them anyway). */
export function RoleGate({ roles, children }: { roles: readonly Role[]; children: ReactNode }) {
  const { role } = useAccount()
  return roles.includes(role) ? children : <NotFoundPage />
}

export function formatTenge(value: number, language: Language): string {
  return `${formatNumber(value, language)}\u00a0₸`
}

export function wageRange(min: number, max: number, language: Language): string {
  return min === max ? formatTenge(min, language) : `${formatNumber(min, language)}–${formatTenge(max, language)}`
}

const vacancyBadge: Record<VacancyState, string> = {
  draft: 'badge--muted',
  published: 'badge--ok',
  closed: 'badge--muted',
  filled: 'badge--ok',
  expired: 'badge--warning',
}

export function VacancyStateBadge({ state }: { state: VacancyState }) {
  const { t } = useTranslation()
  return <span className={`badge ${vacancyBadge[state]}`}>{t(`hiring.vacancyState.${state}`)}</span>
}

const applicationBadge: Record<ApplicationState, string> = {
  submitted: 'badge--muted',
  viewed: 'badge--muted',
  shortlisted: 'badge--state-applying',
  interview: 'badge--state-applying',
  offer: 'badge--state-applying',
  hired: 'badge--ok',
  rejected: 'badge--state-failed',
  withdrawn: 'badge--warning',
}

export function ApplicationStateBadge({ state }: { state: ApplicationState }) {
  const { t } = useTranslation()
  return <span className={`badge ${applicationBadge[state]}`}>{t(`hiring.applicationState.${state}`)}</span>
}

/** The server's own words for a refusal, shown beside our explanation. */
export function ServerSays({ message }: { message: string }) {
  const { t } = useTranslation()
  return (
    <p className="notice__message">
      <span className="notice__label">{t('hiring.serverSays')}</span> {message}
    </p>
  )
}
