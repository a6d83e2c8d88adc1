import { type FormEvent, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { ApiError, type UploadProgress } from '../../api/client'
import {
  type IncomeBatch,
  type Regime,
  type RegistryAnswer,
  useIncomeRejections,
  usePlatformWorkers,
  useRegisterPlatform,
  useRegisterWorker,
  useUploadIncomes,
} from '../../api/social'
import { currentLanguage } from '../../i18n'
import { formatNumber } from '../../i18n/format'
import { PageHeading } from '../../layout/page-heading'
import { ErrorPanel, LoadingPanel } from '../../layout/status-panels'
import { useDocumentTitle } from '../../layout/use-document-title'
import { useAccount } from '../../session/require-session'

/** A platform operator (an employer account) reports its workers' monthly incomes as a file. */
export function PlatformIncomesPage() {
  const { t } = useTranslation()
  useDocumentTitle(t('social.platform.title'))
  const { bin } = useAccount()
  const workers = usePlatformWorkers(bin)
  const register = useRegisterPlatform()
  const notRegistered = workers.error instanceof ApiError && workers.error.status === 404

  return (
    <div className="social">
      <PageHeading lead={t('social.platform.lead')}>{t('social.platform.title')}</PageHeading>
      {bin === null ? (
        <p className="notice notice--error">{t('social.platform.noBin')}</p>
      ) : workers.isPending ? (
        <LoadingPanel />
      ) : notRegistered ? (
        <section className="card" aria-labelledby="register-heading">
          <h2 id="register-heading">{t('social.platform.notRegisteredHeading')}</h2>
          <p>{t('social.platform.notRegisteredBody', { bin })}</p>
          {register.isError && <p className="notice notice--error">{register.error.message}</p>}
          <button type="button" className="button" disabled={register.isPending} onClick={() => register.mutate(bin)}>
            {t('social.platform.register')}
          </button>
        </section>
      ) : workers.isError ? (
        <ErrorPanel error={workers.error} onRetry={() => void workers.refetch()} />
      ) : (
        <>
          <UploadIncomes />
          <Workers bin={bin} count={workers.data.length} />
        </>
      )}
    </div>
  )
}

function Workers({ bin, count }: { bin: string; count: number }) {
  const { t } = useTranslation()
  const [iin, setIin] = useState('')
  const [regime, setRegime] = useState<Regime>('platform_4pct')
  const registerWorker = useRegisterWorker(bin)

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    registerWorker.mutate({ iin: iin.replace(/\s+/g, ''), regime })
  }

  return (
    <section aria-labelledby="workers-heading">
      <h2 id="workers-heading">{t('social.platform.workersHeading')}</h2>
      <p className="hint">{t('social.platform.workersCount', { count })}</p>
      <form className="form form--row" onSubmit={submit} aria-label={t('social.platform.registerWorker')}>
        <div className="field">
          <label className="field__label" htmlFor="worker-iin">
            {t('social.iin')}
          </label>
          <input
            id="worker-iin"
            className="field__input"
            inputMode="numeric"
            autoComplete="off"
            maxLength={20}
            value={iin}
            onChange={(event) => setIin(event.target.value)}
          />
        </div>
        <div className="field">
          <label className="field__label" htmlFor="worker-regime">
            {t('social.platform.regime')}
          </label>
          <select
            id="worker-regime"
            className="field__select"
            value={regime}
            onChange={(event) => setRegime(event.target.value as Regime)}
          >
            <option value="platform_4pct">{t('social.regime.platform_4pct')}</option>
            <option value="standard">{t('social.regime.standard')}</option>
          </select>
        </div>
        <div className="form__actions">
          <button type="submit" className="button button--secondary" disabled={registerWorker.isPending}>
            {t('social.platform.registerWorker')}
          </button>
        </div>
      </form>
      {registerWorker.isError && (
        <p className="notice notice--error" role="alert">
          {registerWorker.error.message}
        </p>
      )}
      {registerWorker.isSuccess && (
        <p className="notice notice--success" role="status">
          {t('social.platform.workerRegistered', { iin: registerWorker.data.iin })}
        </p>
      )}
    </section>
  )
}

function UploadIncomes() {
  const { t } = useTranslation()
  const [file, setFile] = useState<File | null>(null)
  const [progress, setProgress] = useState<UploadProgress | null>(null)
  const [missingFile, setMissingFile] = useState(false)
  const upload = useUploadIncomes()

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    setMissingFile(file === null)
    if (file === null) return
    setProgress(null)
    upload.mutate({ file, onProgress: setProgress })
  }

  return (
    <section aria-labelledby="upload-heading">
      <h2 id="upload-heading">{t('social.platform.uploadHeading')}</h2>
      <p className="hint">{t('social.platform.uploadHint')}</p>
      <form className="form upload__form" onSubmit={submit} noValidate>
        <div className="field">
          <label className="field__label" htmlFor="income-file">
            {t('social.platform.file')}
          </label>
          {missingFile && (
            <p className="field__hint" id="income-file-error" role="alert">
              {t('social.platform.chooseFile')}
            </p>
          )}
          {/* The browser's own file button speaks the browser's language; this label is the input's second one. */}
          <div className="file-picker">
            <input
              id="income-file"
              className="file-picker__input"
              type="file"
              accept=".csv,text/csv"
              aria-invalid={missingFile}
              aria-describedby="income-file-name"
              onChange={(event) => setFile(event.target.files?.[0] ?? null)}
            />
            <label htmlFor="income-file" className="button button--secondary file-picker__button">
              {t('social.platform.chooseFileButton')}
            </label>
            <span id="income-file-name" className="file-picker__name">
              {file ? file.name : t('social.platform.noFile')}
            </span>
          </div>
        </div>
        <div className="form__actions">
          <button type="submit" className="button" disabled={upload.isPending}>
            {upload.isPending ? t('social.platform.uploading') : t('social.platform.upload')}
          </button>
        </div>
      </form>
      {upload.isPending && progress && (
        <p role="status">
          <progress className="progress" max={progress.total} value={progress.loaded} />{' '}
          {t('social.platform.sent', { percent: Math.round((100 * progress.loaded) / Math.max(progress.total, 1)) })}
        </p>
      )}
      {upload.isError && (
        <div className="notice notice--error" role="alert">
          <h3 className="notice__title">{t('social.platform.uploadFailed')}</h3>
          <p className="notice__message">{upload.error.message}</p>
        </div>
      )}
      {upload.isSuccess && <IncomeReconciliation batch={upload.data.batch} registry={upload.data.registry} />}
    </section>
  )
}

function IncomeReconciliation({ batch, registry }: { batch: IncomeBatch; registry: RegistryAnswer }) {
  const { t } = useTranslation()
  const language = currentLanguage()
  const { received, accepted, duplicate, rejected } = batch.counts
  const holds = received === accepted + duplicate + rejected
  const rejections = useIncomeRejections(batch.id, rejected > 0)
  const n = (value: number) => formatNumber(value, language)

  return (
    <section className="reconciliation" aria-labelledby="income-reconciliation-heading">
      <h3 id="income-reconciliation-heading">{t('social.platform.reconciliationHeading', { id: batch.id })}</h3>
      <p className="equation" data-testid="income-reconciliation">
        <Term label={t('social.counts.received')} value={n(received)} />
        <span className="equation__operator">=</span>
        <Term label={t('social.counts.accepted')} value={n(accepted)} />
        <span className="equation__operator">+</span>
        <Term label={t('social.counts.duplicate')} value={n(duplicate)} />
        <span className="equation__operator">+</span>
        <Term label={t('social.counts.rejected')} value={n(rejected)} />
      </p>
      <p className={`reconciliation__verdict reconciliation__verdict--${holds ? 'ok' : 'bad'}`}>
        <span className="reconciliation__mark" aria-hidden="true">
          {holds ? '✓' : '✗'}
        </span>
        {holds ? t('social.platform.reconciled') : t('social.platform.notReconciled')}
      </p>
      <p>
        {t('social.platform.registryAnswer', {
          events: n(registry.events),
          applied: n(registry.applied),
          duplicate: n(registry.duplicate + registry.superseded),
        })}
        {registry.error && <span className="notice__message"> {registry.error}</span>}
      </p>
      {rejected > 0 && rejections.data && (
        <div className="table-wrap">
          <table className="table">
            <caption>{t('social.platform.rejectionsCaption', { count: rejected })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('social.platform.line')}</th>
                <th scope="col">{t('social.platform.reason')}</th>
                <th scope="col">{t('social.platform.raw')}</th>
              </tr>
            </thead>
            <tbody>
              {rejections.data.map((r) => (
                <tr key={r.line}>
                  <td>{r.line}</td>
                  <td>{r.reason}</td>
                  <td>
                    <code>{r.raw}</code>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  )
}

function Term({ label, value }: { label: string; value: string }) {
  return (
    <span className="equation__term">
      <span className="equation__value">{value}</span> <span className="equation__label">{label}</span>
    </span>
  )
}
