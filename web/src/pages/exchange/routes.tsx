import type { ReactNode } from 'react'
import { Route } from 'react-router'
import { type Section, sectionPaths } from '../../session/workspaces'
import { AlertsPage } from './alerts-page'
import { ApplicationsPage } from './applications-page'
import { ProfilePage } from './profile-page'
import { SearchPage } from './search-page'
import { SeekerFrame, seekerPaths } from './seeker-frame'
import { VacancyPage } from './vacancy-page'
import './exchange.css'

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
