import { lazy, type ReactNode, Suspense } from 'react'
import { Route, Routes } from 'react-router'
import { AppLayout } from './layout/app-layout'
import { LoadingPanel } from './layout/status-panels'
import { HomePage } from './pages/home-page'
import { LoginPage } from './pages/login-page'
import { NotFoundPage } from './pages/not-found-page'
import { BatchUploadPage } from './pages/registry/batch-upload-page'
import { PersonLookupPage } from './pages/registry/person-lookup-page'
import { PointOfServicePage } from './pages/registry/point-of-service-page'
import { RegistryFrame } from './pages/registry/registry-frame'
import { SectionPage } from './pages/section-page'
import { RequireSession } from './session/require-session'
import { builtSections, type RegistryPage, registryPages, type Section, sectionPaths } from './session/workspaces'

const plannedSections = (Object.entries(sectionPaths) as [Section, string][]).filter(
  ([section]) => !builtSections.has(section),
)

// The charts library is most of the dashboard's weight; only those who open the dashboard download it.
const FormalisationPage = lazy(async () => ({
  default: (await import('./pages/registry/formalisation-page')).FormalisationPage,
}))

const registryElements: Record<RegistryPage, ReactNode> = {
  lookup: <PersonLookupPage />,
  batches: <BatchUploadPage />,
  formalisation: (
    <Suspense fallback={<LoadingPanel />}>
      <FormalisationPage />
    </Suspense>
  ),
  check: <PointOfServicePage />,
  channelBatches: <BatchUploadPage />,
}
const registryPageList = Object.keys(registryPages) as RegistryPage[]

export function App() {
  return (
    <Routes>
      <Route element={<AppLayout />}>
        <Route path="/login" element={<LoginPage />} />
        <Route element={<RequireSession />}>
          <Route index element={<HomePage />} />
          {plannedSections.map(([section, path]) => (
            <Route key={section} path={path} element={<SectionPage section={section} />} />
          ))}
          {registryPageList.map((page) => (
            <Route
              key={page}
              path={registryPages[page].path}
              element={<RegistryFrame page={page}>{registryElements[page]}</RegistryFrame>}
            />
          ))}
        </Route>
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  )
}
