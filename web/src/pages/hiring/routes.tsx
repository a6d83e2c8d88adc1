import { lazy, type ReactNode } from 'react'
import { Route } from 'react-router'
import type { Section } from '../../session/workspaces'
import { sectionPaths } from '../../session/workspaces'
import { RoleGate } from './hiring-shared'
import './hiring.css'

// The pages come in one chunk with the area's words; the app shell shows a loading state meanwhile.
const pages = () => import('./pages')
const CandidatePage = lazy(async () => ({ default: (await pages()).CandidatePage }))
const CandidatesPage = lazy(async () => ({ default: (await pages()).CandidatesPage }))
const ReferralLimitsPage = lazy(async () => ({ default: (await pages()).ReferralLimitsPage }))
const ReferralStatisticsPage = lazy(async () => ({ default: (await pages()).ReferralStatisticsPage }))
const ReferralsPage = lazy(async () => ({ default: (await pages()).ReferralsPage }))
const VacanciesPage = lazy(async () => ({ default: (await pages()).VacanciesPage }))
const VacancyFormPage = lazy(async () => ({ default: (await pages()).VacancyFormPage }))

/** Routes anyone may open, signed in or not (a fragment of <Route> elements). */
export const hiringPublicRoutes: ReactNode = null

const employer = ['employer'] as const
const officer = ['officer'] as const
// Whoever GET /api/referrals/stats answers: officers and managers for their region, analysts and admins nationally.
const statisticsReaders = ['officer', 'manager', 'analyst', 'admin'] as const
// PUT /api/referral-limits is the administrator's alone.
const admin = ['admin'] as const

/**
 * Routes for signed-in accounts: the employer cabinet, the officer's referral page, the referral statistics and
 * the administrator's referral limits.
 */
export const hiringSessionRoutes: ReactNode = (
  <>
    <Route
      path={sectionPaths.employerVacancies}
      element={
        <RoleGate roles={employer}>
          <VacanciesPage />
        </RoleGate>
      }
    />
    <Route
      path={`${sectionPaths.employerVacancies}/new`}
      element={
        <RoleGate roles={employer}>
          <VacancyFormPage />
        </RoleGate>
      }
    />
    <Route
      path={`${sectionPaths.employerVacancies}/:id`}
      element={
        <RoleGate roles={employer}>
          <VacancyFormPage />
        </RoleGate>
      }
    />
    <Route
      path={sectionPaths.candidates}
      element={
        <RoleGate roles={employer}>
          <CandidatesPage />
        </RoleGate>
      }
    />
    <Route
      path={`${sectionPaths.candidates}/:id`}
      element={
        <RoleGate roles={employer}>
          <CandidatePage />
        </RoleGate>
      }
    />
    <Route
      path={sectionPaths.referrals}
      element={
        <RoleGate roles={officer}>
          <ReferralsPage />
        </RoleGate>
      }
    />
    <Route
      path={sectionPaths.referralStatistics}
      element={
        <RoleGate roles={statisticsReaders}>
          <ReferralStatisticsPage />
        </RoleGate>
      }
    />
    <Route
      path={sectionPaths.referralLimits}
      element={
        <RoleGate roles={admin}>
          <ReferralLimitsPage />
        </RoleGate>
      }
    />
  </>
)

/** The menu sections these routes build, so the app stops showing them as "being built". */
export const hiringSections: readonly Section[] = [
  'employerVacancies',
  'candidates',
  'referrals',
  'referralStatistics',
  'referralLimits',
]
