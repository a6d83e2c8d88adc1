import { lazy, type ReactNode } from 'react'
import { Route } from 'react-router'
import { type Section, sectionPaths } from '../../session/workspaces'
import './exchange.css'
import { seekerPaths } from './seeker-paths'

// The pages come in two chunks with the area's words (the app shell shows a loading state meanwhile): the public
// search and vacancy page that anyone may open, and the seeker's cabinet that only signed-in seekers need.
const publicPages = () => import('./public-pages')
const SearchPage = lazy(async () => ({ default: (await publicPages()).SearchPage }))
const VacancyPage = lazy(async () => ({ default: (await publicPages()).VacancyPage }))
const pages = () => import('./pages')
const AlertsPage = lazy(async () => ({ default: (await pages()).AlertsPage }))
const ApplicationsPage = lazy(async () => ({ default: (await pages()).ApplicationsPage }))
const ProfilePage = lazy(async () => ({ default: (await pages()).ProfilePage }))
const SeekerFrame = lazy(async () => ({ default: (await pages()).SeekerFrame }))

/**
 * Routes anyone may open, signed in or not. `/vacancies/:id` is first answered by the server with the vacancy's
 * JSON-LD in the HTML (vacancy-page.routes.ts); the app then starts on that same address and renders it here.
 */
export const exchangePublicRoutes: ReactNode = (
  <>
    <Route path={sectionPaths.vacancies} element={<SearchPage />} />
    <Route path={`${sectionPaths.vacancies}/:id`} element={<VacancyPage />} />
  </>
)

/**
 * The seeker's cabinet under the menu's "applications": applications with their timelines, the profile, saved
 * searches and notifications, joined by the cabinet's own sub-menu.
 */
export const exchangeSessionRoutes: ReactNode = (
  <>
    <Route path={seekerPaths.applications} element={<ApplicationsPage />} />
    <Route
      path={seekerPaths.profile}
      element={
        <SeekerFrame>
          <ProfilePage />
        </SeekerFrame>
      }
    />
    <Route
      path={seekerPaths.alerts}
      element={
        <SeekerFrame>
          <AlertsPage />
        </SeekerFrame>
      }
    />
  </>
)

/** The menu sections these routes build, so the app stops showing them as "being built". */
export const exchangeSections: readonly Section[] = ['vacancies', 'applications']
