import { type FormEvent, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useNavigate } from 'react-router'
import { ApiError } from '../../api/client'
import { useCreateFair } from '../../api/fairs'
import { localName, useRegions } from '../../api/reference'
import { currentLanguage } from '../../i18n'
import { problemText } from './fair-parts'

type Field = 'title' | 'startsAt' | 'endsAt' | 'maxAge' | 'graduatedWithinYears' | 'allowedStatuses'

/** The field a refusal names: our AppError's details.field, or the path in a schema message ("body/endsAt …"). */
function fieldOf(error: unknown): string | null {
  if (!(error instanceof ApiError)) return null
  const details = error.details as { field?: unknown } | undefined
  if (typeof details?.field === 'string') return details.field
  const match = /body\/(\w+)/.exec(error.message)
  return match?.[1] ?? null
}

const optionalInt = (value: string) => (value.trim() === '' ? null : Number(value))

/** The organiser's form for a new fair: window, optional monthly recurrence, target group. */
export function NewFairForm() {
  const { t } = useTranslation()
  const language = currentLanguage()
  const navigate = useNavigate()
  const regions = useRegions()
  const create = useCreateFair()
  const [title, setTitle] = useState('')
  const [description, setDescription] = useState('')
  const [startsAt, setStartsAt] = useState('')
  const [endsAt, setEndsAt] = useState('')
  const [isMonthly, setIsMonthly] = useState(false)
  const [maxAge, setMaxAge] = useState('35')
  const [graduated, setGraduated] = useState('')
  const [statuses, setStatuses] = useState('')
  const [regionCodes, setRegionCodes] = useState<string[]>([])
  const [missing, setMissing] = useState<Field[]>([])
  const problemField = create.isError ? fieldOf(create.error) : null

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    const found: Field[] = []
    if (title.trim().length < 3) found.push('title')
    if (startsAt === '') found.push('startsAt')
    if (endsAt === '') found.push('endsAt')
    setMissing(found)
    if (found.length > 0) return
    create.mutate(
      {
        title: title.trim(),
        description: description.trim(),
        startsAt: new Date(startsAt).toISOString(),
        endsAt: new Date(endsAt).toISOString(),
        recurrence: isMonthly ? 'monthly' : 'none',
        targetGroup: {
          maxAge: optionalInt(maxAge),
          graduatedWithinYears: optionalInt(graduated),
          allowedStatuses: statuses
            .split(',')
            .map((s) => s.trim())
            .filter((s) => s !== ''),
          regionCodes,
        },
      },
      { onSuccess: (fair) => void navigate(`/fairs/${fair.id}`) },
    )
  }

  const invalid = (field: Field) => missing.includes(field) || problemField === field
  const fieldProps = (field: Field) => ({
    id: `fair-${field}`,
    className: 'field__input',
    'aria-invalid': invalid(field) || undefined,
    'aria-describedby': invalid(field) ? `fair-${field}-error` : undefined,
  })
  const fieldError = (field: Field, text: string) =>
    invalid(field) && (
      <p className="field__hint fairs-field-error" id={`fair-${field}-error`}>
        {text}
      </p>
    )
  const serverText = create.isError ? problemText(create.error) : ''

  return (
    <form className="form card fairs-panel" onSubmit={submit} noValidate aria-labelledby="new-fair">
      <h2 id="new-fair">{t('fairs.new.title')}</h2>
      {create.isError && (
        <p className="notice notice--error" role="alert">
          {serverText}
        </p>
      )}
      <div className="field">
        <label className="field__label" htmlFor="fair-title">
          {t('fairs.new.name')}
        </label>
        <input {...fieldProps('title')} value={title} onChange={(e) => setTitle(e.target.value)} />
        {fieldError('title', missing.includes('title') ? t('fairs.new.nameMissing') : serverText)}
      </div>
      <div className="field">
        <label className="field__label" htmlFor="fair-description">
          {t('fairs.new.description')}
        </label>
        <textarea
          id="fair-description"
          className="field__input"
          rows={3}
          value={description}
          onChange={(e) => setDescription(e.target.value)}
        />
      </div>
      <div className="form--row">
        <div className="field">
          <label className="field__label" htmlFor="fair-startsAt">
            {t('fairs.slots.startsAt')}
          </label>
          <input
            {...fieldProps('startsAt')}
            type="datetime-local"
            value={startsAt}
            onChange={(e) => setStartsAt(e.target.value)}
          />
          {fieldError('startsAt', missing.includes('startsAt') ? t('fairs.new.dateMissing') : serverText)}
        </div>
        <div className="field">
          <label className="field__label" htmlFor="fair-endsAt">
            {t('fairs.slots.endsAt')}
          </label>
          <input
            {...fieldProps('endsAt')}
            type="datetime-local"
            value={endsAt}
            onChange={(e) => setEndsAt(e.target.value)}
          />
          {fieldError('endsAt', missing.includes('endsAt') ? t('fairs.new.dateMissing') : serverText)}
        </div>
      </div>
      <label className="choice__option">
        <input type="checkbox" checked={isMonthly} onChange={(e) => setIsMonthly(e.target.checked)} />
        {t('fairs.new.monthly')}
      </label>
      <fieldset className="fairs-choices">
        <legend>{t('fairs.target.title')}</legend>
        <div className="form--row">
          <div className="field">
            <label className="field__label" htmlFor="fair-maxAge">
              {t('fairs.new.maxAge')}
            </label>
            <input
              {...fieldProps('maxAge')}
              inputMode="numeric"
              value={maxAge}
              onChange={(e) => setMaxAge(e.target.value)}
            />
            {fieldError('maxAge', serverText)}
          </div>
          <div className="field">
            <label className="field__label" htmlFor="fair-graduatedWithinYears">
              {t('fairs.new.graduated')}
            </label>
            <input
              {...fieldProps('graduatedWithinYears')}
              inputMode="numeric"
              value={graduated}
              onChange={(e) => setGraduated(e.target.value)}
            />
            {fieldError('graduatedWithinYears', serverText)}
          </div>
        </div>
        <div className="field">
          <label className="field__label" htmlFor="fair-allowedStatuses">
            {t('fairs.new.statuses')}
          </label>
          <input {...fieldProps('allowedStatuses')} value={statuses} onChange={(e) => setStatuses(e.target.value)} />
          <p className="field__hint">{t('fairs.new.statusesHint')}</p>
          {fieldError('allowedStatuses', serverText)}
        </div>
        <details>
          <summary>{t('fairs.new.regions')}</summary>
          <div className="fairs-regions">
            {(regions.data ?? []).map((region) => (
              <label key={region.code} className="choice__option">
                <input
                  type="checkbox"
                  checked={regionCodes.includes(region.code)}
                  onChange={(e) =>
                    setRegionCodes((old) =>
                      e.target.checked ? [...old, region.code] : old.filter((code) => code !== region.code),
                    )
                  }
                />
                {localName(region, language)}
              </label>
            ))}
          </div>
        </details>
      </fieldset>
      <div className="form__actions">
        <button type="submit" className="button" disabled={create.isPending}>
          {t('fairs.new.submit')}
        </button>
      </div>
    </form>
  )
}
