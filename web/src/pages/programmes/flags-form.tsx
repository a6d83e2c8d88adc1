import { type FormEvent, useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { ApiError } from '../../api/client'
import { FLAGS, type Flag, useRecordFlag } from '../../api/programmes'

const minPurposeLength = 3
type Field = 'iin' | 'purpose'

/** The field an API refusal names (`details.field`), when it is one of this form's. */
function fieldOf(error: Error | null): Field | null {
  if (!(error instanceof ApiError)) return null
  const field = (error.details as { field?: unknown } | undefined)?.field
  return field === 'iin' || field === 'purpose' ? field : null
}

/**
 * An officer records (or removes) a target-group flag — disability, large family, single parent, pre-retirement —
 * seen on a document, with the purpose written to the audit log. The flags open programmes such as social workplaces.
 */
export function FlagsForm() {
  const { t } = useTranslation()
  const record = useRecordFlag()
  const [iin, setIin] = useState('')
  const [flag, setFlag] = useState<Flag>('disability')
  const [note, setNote] = useState('')
  const [purpose, setPurpose] = useState('')
  const [problems, setProblems] = useState<Field[]>([])
  const problemRef = useRef<HTMLDivElement>(null)

  useEffect(() => {
    if (problems.length > 0) problemRef.current?.focus()
  }, [problems])

  function send(remove: boolean) {
    const cleanIin = iin.replace(/\s+/g, '')
    const cleanPurpose = purpose.trim()
    const found: Field[] = []
    // Only the shape is checked here; the checksum, the person and the scope are the server's to judge.
    if (!/^\d{12}$/.test(cleanIin)) found.push('iin')
    if (cleanPurpose.length < minPurposeLength) found.push('purpose')
    setProblems(found)
    record.reset()
    if (found.length > 0) return
    record.mutate({
      iin: cleanIin,
      flag,
      purpose: cleanPurpose,
      ...(note.trim() === '' ? {} : { note: note.trim() }),
      ...(remove ? { remove: true } : {}),
    })
  }
  function submit(event: FormEvent) {
    event.preventDefault()
    send(false)
  }

  const serverField = fieldOf(record.error)
  const invalid = (field: Field) => problems.includes(field) || serverField === field
  const flagName = (f: string) => t(`programmes.flags.names.${f}`, { defaultValue: f })

  return (
    <section aria-labelledby="flags-heading" className="card">
      <h2 id="flags-heading">{t('programmes.flags.heading')}</h2>
      <p className="hint">{t('programmes.flags.hint')}</p>
      {problems.length > 0 && (
        <div className="notice notice--error" role="alert" tabIndex={-1} ref={problemRef}>
          <h3 className="notice__title">{t('programmes.flags.fixFields')}</h3>
          <ul className="notice__list">
            {problems.map((problem) => (
              <li key={problem}>
                <a href={`#flag-${problem}`}>
                  {problem === 'iin'
                    ? t('programmes.flags.iinInvalid')
                    : t('programmes.flags.purposeTooShort', { min: minPurposeLength })}
                </a>
              </li>
            ))}
          </ul>
        </div>
      )}
      <form className="form" onSubmit={submit} noValidate aria-label={t('programmes.flags.form')}>
        <div className="field">
          <label className="field__label" htmlFor="flag-iin">
            {t('programmes.iin')}
          </label>
          <input
            id="flag-iin"
            className="field__input"
            inputMode="numeric"
            maxLength={20}
            value={iin}
            aria-invalid={invalid('iin')}
            onChange={(e) => setIin(e.target.value)}
          />
        </div>
        <div className="field">
          <label className="field__label" htmlFor="flag-flag">
            {t('programmes.flags.flag')}
          </label>
          <select
            id="flag-flag"
            className="field__select"
            value={flag}
            onChange={(e) => setFlag(e.target.value as Flag)}
          >
            {FLAGS.map((f) => (
              <option key={f} value={f}>
                {flagName(f)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label className="field__label" htmlFor="flag-note">
            {t('programmes.flags.note')}
          </label>
          <p className="field__hint" id="flag-note-hint">
            {t('programmes.flags.noteHint')}
          </p>
          <input
            id="flag-note"
            className="field__input"
            maxLength={500}
            aria-describedby="flag-note-hint"
            value={note}
            onChange={(e) => setNote(e.target.value)}
          />
        </div>
        <div className="field">
          <label className="field__label" htmlFor="flag-purpose">
            {t('programmes.propose.purpose')}
          </label>
          <p className="field__hint" id="flag-purpose-hint">
            {t('programmes.flags.purposeHint')}
          </p>
          <input
            id="flag-purpose"
            className="field__input"
            maxLength={500}
            aria-describedby="flag-purpose-hint"
            aria-invalid={invalid('purpose')}
            value={purpose}
            onChange={(e) => setPurpose(e.target.value)}
          />
        </div>
        <div className="form__actions">
          <button type="submit" className="button" disabled={record.isPending}>
            {t('programmes.flags.record')}
          </button>
          <button
            type="button"
            className="button button--secondary"
            disabled={record.isPending}
            onClick={() => send(true)}
          >
            {t('programmes.flags.remove')}
          </button>
        </div>
      </form>
      {record.isError && (
        <div className="notice notice--error" role="alert">
          <p className="notice__message">{record.error.message}</p>
        </div>
      )}
      {record.data && (
        <div className="notice notice--success" role="status">
          {t('programmes.flags.now', {
            iin: record.data.iin,
            flags:
              record.data.flags.length === 0 ? t('programmes.flags.none') : record.data.flags.map(flagName).join(', '),
          })}
        </div>
      )}
    </section>
  )
}
