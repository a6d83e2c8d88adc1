import type { ReactNode } from 'react'
import { Route } from 'react-router'
import type { Section } from '../../session/workspaces'
import { sectionPaths } from '../../session/workspaces'
import { CandidatePage } from './candidate-page'
import { CandidatesPage } from './candidates-page'
import { RoleGate } from './hiring-shared'
import { ReferralLimitsPage } from './referral-limits-page'
import { ReferralStatisticsPage } from './referral-statistics-page'
import { ReferralsPage } from './referrals-page'
import { VacanciesPage } from './vacancies-page'
import { VacancyFormPage } from './vacancy-form-page'
import './hiring.css'

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
