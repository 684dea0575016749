/**
 * The development mailbox (outside production): the emails and SMS the platform sent for the
 * tenant while no provider is set, newest first, filtered by recipient and paged by the server's
 * cursor. Opening one shows its text with its web addresses as links — a message's text is
 * untrusted, so it is only ever text nodes and http(s) links, never markup.
 */
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { Field, formatWhen, Problem, useConsole, useLoad } from '../ui.tsx';
import { linkParts } from './dev-mailbox.ts';
import { CursorPager, Scroll, SectionHead, useCursorPages } from './kit.tsx';

type Message = {
  id: string;
  channel: string;
  from: string;
  to: string;
  subject: string | null;
  body: string;
  receivedAt: string;
};

const PAGE = 50;
const CHANNELS = new Set(['email', 'sms', 'whatsapp']);

export function MailboxSection() {
  const { api, t } = useConsole();
  const [draft, setDraft] = useState('');
  const [to, setTo] = useState('');
  const pages = useCursorPages();
  const [openId, setOpenId] = useState<string | undefined>();
  const cursor = pages.cursor;
  const page = useLoad(
    () =>
      api.get<{ items: Message[]; next: string | null }>('/dev/mailbox', {
        to: to || undefined,
        before: cursor,
        limit: PAGE,
      }),
    [to, cursor],
  );
  const apply = (e: FormEvent) => {
    e.preventDefault();
    pages.reset();
    setOpenId(undefined);
    setTo(draft.trim());
  };
  const clear = () => {
    setDraft('');
    pages.reset();
    setOpenId(undefined);
    setTo('');
  };
  const { lang, timeZone } = api.config;
  const items = page.data?.items ?? [];
  const opened = items.find((m) => m.id === openId);
  const problem = page.error;
  const toError = problem?.fields.find((f) => f.path.split('/').pop() === 'to')?.message;
  const channel = (c: string) => (CHANNELS.has(c) ? t(`mailbox.channels.${c}`) : c);
  return (
    <section aria-labelledby="mailbox-title">
      <SectionHead id="mailbox-title" title={t('mailbox.title')} intro={t('mailbox.intro')} />
      <form className="card admin-form" onSubmit={apply} noValidate aria-label={t('mailbox.filter')}>
        <Field id="mailbox-to" label={t('mailbox.to')} hint={t('mailbox.toHint')} error={toError}>
          {(aria) => (
            <input
              {...aria}
              type="search"
              autoComplete="off"
              value={draft}
              onChange={(e) => setDraft(e.target.value)}
            />
          )}
        </Field>
        <div className="buttons">
          <button type="submit" className="primary">
            {t('mailbox.filter')}
          </button>
          <button type="button" onClick={clear}>
            {t('mailbox.clear')}
          </button>
        </div>
      </form>
      <Problem error={problem && !toError ? problem : undefined} />
      {opened ? (
        <OpenedMessage
          key={opened.id}
          message={opened}
          when={formatWhen(opened.receivedAt, lang, timeZone)}
          channel={channel(opened.channel)}
          onClose={() => setOpenId(undefined)}
        />
      ) : null}
      {page.data && items.length === 0 ? <p className="empty">{t('mailbox.empty')}</p> : null}
      {items.length > 0 ? (
        <Scroll label={t('mailbox.list')}>
          <table className="list mailbox" aria-labelledby="mailbox-title">
            <thead>
              <tr>
                <th scope="col">{t('mailbox.when')}</th>
                <th scope="col">{t('mailbox.channel')}</th>
                <th scope="col">{t('mailbox.to')}</th>
                <th scope="col">{t('mailbox.subject')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((m) => (
                <tr key={m.id} data-message={m.id} aria-current={m.id === openId ? 'true' : undefined}>
                  <td>
                    <time dateTime={m.receivedAt}>{formatWhen(m.receivedAt, lang, timeZone)}</time>
                  </td>
                  <td>{channel(m.channel)}</td>
                  <td className="mono">{m.to}</td>
                  <td>
                    <button
                      type="button"
                      className="link"
                      aria-expanded={m.id === openId}
                      onClick={() => setOpenId(m.id === openId ? undefined : m.id)}
                    >
                      {m.subject ?? t('mailbox.noSubject')}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </Scroll>
      ) : null}
      <CursorPager
        pages={pages}
        next={page.data?.next}
        label={t('pages')}
        pageText={t('mailbox.page', { n: pages.n })}
        previousText={t('admin.previous')}
        nextText={t('admin.next')}
        onTurn={() => setOpenId(undefined)}
      />
    </section>
  );
}

/** One message, its text as text with its web addresses as links; focus moves to it when opened. */
function OpenedMessage(props: { message: Message; when: string; channel: string; onClose: () => void }) {
  const { t } = useConsole();
  const { message } = props;
  const heading = useRef<HTMLHeadingElement>(null);
  // Each message is a new element (its key), so this runs once per opened message.
  useEffect(() => {
    heading.current?.focus();
  }, []);
  return (
    <article className="card mail" aria-labelledby="mail-title" data-message={message.id}>
      <h2 id="mail-title" tabIndex={-1} ref={heading}>
        {message.subject ?? t('mailbox.noSubject')}
      </h2>
      <dl className="mail-meta">
        <dt>{t('mailbox.when')}</dt>
        <dd>
          <time dateTime={message.receivedAt}>{props.when}</time>
        </dd>
        <dt>{t('mailbox.channel')}</dt>
        <dd>{props.channel}</dd>
        <dt>{t('mailbox.from')}</dt>
        <dd className="mono">{message.from}</dd>
        <dt>{t('mailbox.to')}</dt>
        <dd className="mono">{message.to}</dd>
      </dl>
      <pre className="mail-body">
        {linkParts(message.body).map((part, i) =>
          'href' in part ? (
            // biome-ignore lint/suspicious/noArrayIndexKey: the parts of one text never reorder
            <a key={i} href={part.href} rel="noreferrer">
              {part.href}
            </a>
          ) : (
            part.text
          ),
        )}
      </pre>
      <button type="button" onClick={props.onClose}>
        {t('mailbox.close')}
      </button>
    </article>
  );
}
