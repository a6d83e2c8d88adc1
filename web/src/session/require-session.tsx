import { Navigate, Outlet, useLocation, useOutletContext } from 'react-router'
import { useSession } from '../api/auth'
import type { Account } from '../api/types'
import { ErrorPanel, LoadingPanel } from '../layout/status-panels'

export interface LoginState {
  from?: string
}

/** Renders its child routes only for a signed-in account; anyone else is sent to the login page and back. */
export function RequireSession() {
  const session = useSession()
  const location = useLocation()

  if (session.isPending) return <LoadingPanel />
  if (session.isError) return <ErrorPanel error={session.error} onRetry={() => void session.refetch()} />
  if (!session.data) {
    const state: LoginState = { from: location.pathname + location.search }
    return <Navigate to="/login" replace state={state} />
  }
  return <Outlet context={session.data} />
}

/** The signed-in account, for pages rendered under RequireSession. */
export function useAccount(): Account {
  return useOutletContext<Account>()
}
