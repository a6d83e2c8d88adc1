import { useTranslation } from 'react-i18next'

export function LoadingPanel() {
  const { t } = useTranslation()
  return (
    <p className="loading" role="status">
      {t('app.loading')}
    </p>
  )
}

export function ErrorPanel({ error, onRetry }: { error: Error; onRetry?: () => void }) {
  const { t } = useTranslation()
  return (
    <div className="notice notice--error" role="alert">
      <h2 className="notice__title">{t('error.title')}</h2>
      <p>{t('error.body', { message: error.message })}</p>
      {onRetry && (
        <button type="button" className="button button--secondary" onClick={onRetry}>
          {t('error.retry')}
        </button>
      )}
    </div>
  )
}
