import { lazy, type ReactNode, Suspense } from 'react'
import { Route } from 'react-router'
import type { Role } from '../../api/types'
import { LoadingPanel } from '../../layout/status-panels'
import { useAccount } from '../../session/require-session'
import { type Section, sectionPaths } from '../../session/workspaces'
import { NotFoundPage } from '../not-found-page'
import './social.css'

// The pages come in two chunks with the area's words (the app shell shows a loading state meanwhile): the public
// hotline form and follow-up, and the signed-in pages.
const publicPages = () => import('./public-pages')
const HotlineFollowPage = lazy(async () => ({ default: (await publicPages()).HotlineFollowPage }))
const HotlineReportPage = lazy(async () => ({ default: (await publicPages()).HotlineReportPage }))
const pages = () => import('./pages')
const BenefitLookupPage = lazy(async () => ({ default: (await pages()).BenefitLookupPage }))
const HotlineCallPage = lazy(async () => ({ default: (await pages()).HotlineCallPage }))
const HotlineCasePage = lazy(async () => ({ default: (await pages()).HotlineCasePage }))
const HotlineQueuePage = lazy(async () => ({ default: (await pages()).HotlineQueuePage }))
const MySocialPage = lazy(async () => ({ default: (await pages()).MySocialPage }))
const PlatformIncomesPage = lazy(async () => ({ default: (await pages()).PlatformIncomesPage }))

// The charts library is most of the statistics page's weight; only those who open it download it.
const HotlineStatisticsPage = lazy(async () => {
  const [page] = await Promise.all([import('./hotline-statistics-page'), import('../../i18n/social')])
  return { default: page.HotlineStatisticsPage }
})

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
