import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { ApiError, requestJson } from './client'
import type { Account } from './types'

const meKey = ['auth', 'me'] as const

/** The signed-in account, or null when there is no valid session. */
export function useSession() {
  return useQuery({
    queryKey: meKey,
    queryFn: async (): Promise<Account | null> => {
      try {
        const { account } = await requestJson<{ account: Account }>('/api/auth/me')
        return account
      } catch (error) {
        // 401 is the ordinary answer for a visitor who has not signed in, not a failure.
        if (error instanceof ApiError && error.status === 401) return null
        throw error
      }
    },
    staleTime: 5 * 60_000,
    retry: false,
  })
}

export function useLogin() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (credentials: { login: string; password: string }) =>
      requestJson<{ account: Account }>('/api/auth/login', { method: 'POST', body: credentials }),
    onSuccess: ({ account }) => {
      queryClient.setQueryData(meKey, account)
    },
  })
}

export function useLogout() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: async () => {
      try {
        await requestJson<void>('/api/auth/logout', { method: 'POST' })
      } catch (error) {
        // An expired session is already signed out; anything else leaves the cookie alive, so we say so.
        if (!(error instanceof ApiError && error.status === 401)) throw error
      }
    },
    onSuccess: () => {
      // Nothing cached for this account may be shown to whoever uses the browser next; public reference
      // data is the same for everyone and may stay.
      queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== 'reference' })
      queryClient.setQueryData(meKey, null)
    },
  })
}
