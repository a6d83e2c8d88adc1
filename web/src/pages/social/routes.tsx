import { lazy, type ReactNode, Suspense } from 'react'
import { Route } from 'react-router'
import type { Role } from '../../api/types'
import { LoadingPanel } from '../../layout/status-panels'
import { useAccount } from '../../session/require-session'
import { type Section, sectionPaths } from '../../session/workspaces'
import { NotFoundPage } from '../not-found-page'
import { BenefitLookupPage } from './benefit-lookup-page'
import { HotlineCallPage } from './hotline-call-page'
import { HotlineCasePage } from './hotline-case-page'
import { HotlineFollowPage } from './hotline-follow-page'
import { HotlineQueuePage } from './hotline-queue-page'
import { HotlineReportPage } from './hotline-report-page'
import { MySocialPage } from './my-social-page'
import { PlatformIncomesPage } from './platform-incomes-page'
import './social.css'

// The charts library is most of the statistics page's weight; only those who open it download it.
const HotlineStatisticsPage = lazy(async () => ({
  default: (await import('./hotline-statistics-page')).HotlineStatisticsPage,
}))

/** The public hotline form's address: no sign-in needed. */
export const hotlineReportPath = '/hotline/report'
/** Where a reporter follows a report with its number and code: no sign-in needed. */
export const hotlineFollowPath = '/hotline/follow'

/** A page for some roles only: others get "not found" (the API refuses them anyway). */
function ForRoles({ roles, children }: { roles: readonly Role[]; children: ReactNode }) {
  const { role } = useAccount()
  return roles.includes(role) ? children : <NotFoundPage />
}

/** Routes anyone may open, signed in or not (a fragment of <Route> elements). */
export const socialPublicRoutes: ReactNode = (
  <>
    <Route path={hotlineReportPath} element={<HotlineReportPage />} />
    <Route path={hotlineFollowPath} element={<HotlineFollowPage />} />
  </>
)

/** Routes for signed-in accounts (a fragment of <Route> elements). */
export const socialSessionRoutes: ReactNode = (
  <>
    <Route
      path={sectionPaths.social}
      element={
        <ForRoles roles={['citizen']}>
          <MySocialPage />
        </ForRoles>
      }
    />
    <Route
      path={sectionPaths.platformIncomes}
      element={
        <ForRoles roles={['employer', 'admin']}>
          <PlatformIncomesPage />
        </ForRoles>
      }
    />
    <Route
      path={sectionPaths.benefits}
      element={
        <ForRoles roles={['officer', 'admin']}>
          <BenefitLookupPage />
        </ForRoles>
      }
    />
    <Route
      path={sectionPaths.hotline}
      element={
        <ForRoles roles={['officer', 'analyst', 'admin']}>
          <HotlineQueuePage />
        </ForRoles>
      }
    />
    <Route
      path={sectionPaths.hotlineCall}
      element={
        <ForRoles roles={['officer', 'channel']}>
          <HotlineCallPage />
        </ForRoles>
      }
    />
    <Route
      path={sectionPaths.hotlineStatistics}
      element={
        <ForRoles roles={['officer', 'analyst', 'admin']}>
          <Suspense fallback={<LoadingPanel />}>
            <HotlineStatisticsPage />
          </Suspense>
        </ForRoles>
      }
    />
    <Route
      path="/hotline/reports/:id"
      element={
        <ForRoles roles={['officer', 'analyst', 'admin']}>
          <HotlineCasePage />
        </ForRoles>
      }
    />
  </>
)

/** The menu sections these routes build, so the app stops showing them as "being built". */
export const socialSections: readonly Section[] = [
  'social',
  'platformIncomes',
  'benefits',
  'hotline',
  'hotlineStatistics',
  'hotlineCall',
]
