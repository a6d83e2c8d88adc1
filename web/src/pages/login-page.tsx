import { type FormEvent, useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Navigate, useLocation } from 'react-router'
import { useLogin, useSession } from '../api/auth'
import { ApiError } from '../api/client'
import { PageHeading } from '../layout/page-heading'
import { useDocumentTitle } from '../layout/use-document-title'
import type { LoginState } from '../session/require-session'

export function LoginPage() {
  const { t } = useTranslation()
  const location = useLocation()
  const session = useSession()
  const login = useLogin()
  const [loginName, setLoginName] = useState('')
  const [password, setPassword] = useState('')
  const [isMissingFields, setIsMissingFields] = useState(false)
  const errorRef = useRef<HTMLDivElement>(null)
  useDocumentTitle(t('login.title'))

  const errorMessage = isMissingFields ? t('login.missingFields') : login.isError ? describeError(login.error) : null

  useEffect(() => {
    // Moving focus to the error reads it out and puts the keyboard right above the fields to fix.
    if (errorMessage) errorRef.current?.focus()
  }, [errorMessage])

  if (session.data) {
    const from = (location.state as LoginState | null)?.from
    return <Navigate to={from && from !== '/login' ? from : '/'} replace />
  }

  function describeError(error: Error): string {
    // The server words the reason (wrong password, too many attempts); only a failed connection is ours to explain.
    return error instanceof ApiError ? error.message : t('login.networkError')
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    login.reset()
    const trimmedLogin = loginName.trim()
    if (!trimmedLogin || !password) {
      setIsMissingFields(true)
      return
    }
    setIsMissingFields(false)
    login.mutate({ login: trimmedLogin, password })
  }

  return (
    <div className="login">
      <PageHeading lead={t('login.intro')}>{t('login.title')}</PageHeading>

      {errorMessage && (
        <div className="notice notice--error" role="alert" tabIndex={-1} ref={errorRef}>
          <h2 className="notice__title">{t('login.failed')}</h2>
          <p className="notice__message">{errorMessage}</p>
        </div>
      )}

      <form className="form" onSubmit={submit} noValidate>
        <div className="field">
          <label className="field__label" htmlFor="login">
            {t('login.login')}
          </label>
          <input
            id="login"
            name="login"
            className="field__input"
            type="text"
            autoComplete="username"
            autoCapitalize="none"
            spellCheck={false}
            aria-invalid={isMissingFields && !loginName.trim()}
            value={loginName}
            onChange={(event) => setLoginName(event.target.value)}
          />
        </div>
        <div className="field">
          <label className="field__label" htmlFor="password">
            {t('login.password')}
          </label>
          <input
            id="password"
            name="password"
            className="field__input"
            type="password"
            autoComplete="current-password"
            aria-invalid={isMissingFields && !password}
            value={password}
            onChange={(event) => setPassword(event.target.value)}
          />
        </div>
        <button type="submit" className="button" disabled={login.isPending}>
          {login.isPending ? t('login.submitting') : t('login.submit')}
        </button>
      </form>
    </div>
  )
}
