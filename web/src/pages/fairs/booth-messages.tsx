import { type FormEvent, useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { type Booth, type Fair, messageMaxLength, useMessages, useSendMessage, useThreads } from '../../api/fairs'
import { currentLanguage } from '../../i18n'
import { formatDateTime } from '../../i18n/format'
import { ErrorPanel, LoadingPanel } from '../../layout/status-panels'
import { problemText } from './fair-parts'

/** A registered seeker's conversation with the booth's employer. */
export function SeekerMessages({ fair, booth }: { fair: Fair; booth: Booth }) {
  const { t } = useTranslation()
  return (
    <section className="card fairs-panel" aria-labelledby="booth-messages">
      <h2 id="booth-messages">{t('fairs.messages.title')}</h2>
      <p className="hint">{t('fairs.messages.seekerLead', { employer: booth.employerName })}</p>
      <Conversation
        fair={fair}
        boothId={booth.id}
        registrationId={null}
        ownName={t('fairs.messages.you')}
        otherName={booth.employerName}
        mySide="seeker"
      />
    </section>
  )
}

/** The employer's side: every seeker who wrote (by name), and one conversation open at a time. */
export function BoothMessages({ fair, booth }: { fair: Fair; booth: Booth }) {
  const { t } = useTranslation()
  const language = currentLanguage()
  const threads = useThreads(fair.id, booth.id, true)
  const [openId, setOpenId] = useState<number | null>(null)
  const open = threads.data?.find((x) => x.registrationId === openId)

  return (
    <section className="card fairs-panel" aria-labelledby="own-messages">
      <h2 id="own-messages">{t('fairs.messages.title')}</h2>
      {threads.isPending && <LoadingPanel />}
      {threads.isError && <ErrorPanel error={threads.error} />}
      {threads.data && threads.data.length === 0 && <p className="hint">{t('fairs.messages.noThreads')}</p>}
      {threads.data && threads.data.length > 0 && (
        <ul className="fairs-threads" aria-label={t('fairs.messages.threads')}>
          {threads.data.map((x) => (
            <li key={x.registrationId}>
              <button
                type="button"
                className={x.registrationId === openId ? 'button' : 'button button--secondary'}
                aria-pressed={x.registrationId === openId}
                onClick={() => setOpenId(x.registrationId)}
              >
                {x.seekerName}
              </button>{' '}
              <span className="hint">
                {t('fairs.messages.count', { n: x.messages })} ·{' '}
                <time dateTime={x.lastAt}>{formatDateTime(x.lastAt, language)}</time>
              </span>{' '}
              {x.isAwaitingReply && <span className="badge badge--warning">{t('fairs.messages.awaiting')}</span>}
            </li>
          ))}
        </ul>
      )}
      {open && (
        <>
          <h3>{t('fairs.messages.with', { name: open.seekerName })}</h3>
          <Conversation
            key={open.registrationId}
            fair={fair}
            boothId={booth.id}
            registrationId={open.registrationId}
            ownName={t('fairs.messages.you')}
            otherName={open.seekerName}
            mySide="booth"
          />
        </>
      )}
    </section>
  )
}

interface ConversationProps {
  fair: Fair
  boothId: number
  registrationId: number | null
  ownName: string
  otherName: string
  mySide: 'booth' | 'seeker'
}

/** Oldest first, so the newest is at the bottom beside the box to answer in. Bodies are text, never HTML. */
function Conversation({ fair, boothId, registrationId, ownName, otherName, mySide }: ConversationProps) {
  const { t } = useTranslation()
  const language = currentLanguage()
  const id = useId()
  const messages = useMessages(fair.id, boothId, registrationId, true)
  const send = useSendMessage(fair.id, boothId, registrationId)
  const [draft, setDraft] = useState('')
  const isOpen = fair.state !== 'closed'

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    const body = draft.trim()
    if (body === '') return
    send.mutate(body, { onSuccess: () => setDraft('') })
  }

  return (
    <div className="fairs-conversation">
      <div className="fairs-conversation__bar">
        <button
          type="button"
          className="button button--secondary button--small"
          disabled={messages.isFetching}
          onClick={() => void messages.refetch()}
        >
          {t('fairs.messages.refresh')}
        </button>
      </div>
      {messages.isPending && <LoadingPanel />}
      {messages.isError && <ErrorPanel error={messages.error} />}
      {messages.data && messages.data.length === 0 && <p className="hint">{t('fairs.messages.none')}</p>}
      {messages.data && messages.data.length > 0 && (
        <ol className="fairs-messages" aria-label={t('fairs.messages.log')}>
          {messages.data.map((m) => (
            <li key={m.id} className={m.sender === mySide ? 'fairs-message fairs-message--mine' : 'fairs-message'}>
              <p className="fairs-message__meta">
                <strong>{m.sender === mySide ? ownName : otherName}</strong>{' '}
                <time dateTime={m.sentAt}>{formatDateTime(m.sentAt, language)}</time>
              </p>
              <p className="fairs-message__body">{m.body}</p>
            </li>
          ))}
        </ol>
      )}
      {isOpen ? (
        <form className="form" onSubmit={submit}>
          {send.isError && (
            <p className="notice notice--error" role="alert">
              {problemText(send.error)}
            </p>
          )}
          <div className="field">
            <label className="field__label" htmlFor={`${id}-body`}>
              {t('fairs.messages.write')}
            </label>
            <textarea
              id={`${id}-body`}
              className="field__input field__textarea"
              rows={3}
              maxLength={messageMaxLength}
              aria-describedby={`${id}-left`}
              value={draft}
              onChange={(e) => setDraft(e.target.value)}
            />
            <p className="hint" id={`${id}-left`}>
              {t('fairs.messages.left', { n: messageMaxLength - draft.length, max: messageMaxLength })}
            </p>
          </div>
          <div className="form__actions">
            <button type="submit" className="button" disabled={send.isPending || draft.trim() === ''}>
              {t('fairs.messages.send')}
            </button>
          </div>
        </form>
      ) : (
        <p className="hint">{t('fairs.messages.closed')}</p>
      )}
    </div>
  )
}
