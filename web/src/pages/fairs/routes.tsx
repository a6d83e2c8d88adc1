import { lazy, type ReactNode, Suspense } from 'react'
import { Route } from 'react-router'
import { LoadingPanel } from '../../layout/status-panels'
import type { Section } from '../../session/workspaces'
import './fairs.css'

// The pages come in one chunk with the area's words; the app shell shows a loading state meanwhile.
const pages = () => import('./pages')
const words = () => import('../../i18n/fairs')
const BoothPage = lazy(async () => ({ default: (await pages()).BoothPage }))
const FairListPage = lazy(async () => ({ default: (await pages()).FairListPage }))
const FairPage = lazy(async () => ({ default: (await pages()).FairPage }))

// The charts library is most of the funnel's weight; only those who open a funnel download it.
const FunnelPage = lazy(async () => {
  const [page] = await Promise.all([import('./funnel-page'), words()])
  return { default: page.FunnelPage }
})

/** Routes anyone may open, signed in or not (a fragment of <Route> elements). Fairs are public; each page adapts
 * to who is signed in (seeker, employer, organiser). */
export const fairsPublicRoutes: ReactNode = (
  <>
    <Route path="/fairs" element={<FairListPage />} />
    <Route path="/fairs/:fairId" element={<FairPage />} />
    <Route path="/fairs/:fairId/booths/:boothId" element={<BoothPage />} />
    <Route
      path="/fairs/:fairId/funnel"
      element={
        <Suspense fallback={<LoadingPanel />}>
          <FunnelPage />
        </Suspense>
      }
    />
  </>
)

/** Routes for signed-in accounts (a fragment of <Route> elements). */
export const fairsSessionRoutes: ReactNode = null

/** The menu sections these routes build, so the app stops showing them as "being built". */
export const fairsSections: readonly Section[] = ['fairs']
