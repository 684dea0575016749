/**
 * How a notification leaves the platform: one transport per channel.
 *
 * - Email goes over SMTP (nodemailer) when `SMTP_URL` is set; otherwise, outside production, to
 *   the development mailbox (a table, shown at `GET /t/<slug>/api/v1/dev/mailbox`).
 * - SMS and WhatsApp go through a `MessageProvider`. Outside production a development provider
 *   writes them to the same mailbox; in production a channel without a provider fails its
 *   messages with "no transport" rather than pretending to send them.
 *
 * Plugging in a real provider: implement `MessageProvider` — `send(to, text, meta)` calls the
 * provider's API and resolves with the provider's message id, or throws to have the outbox retry
 * with backoff — and pass it to `createTransports(config, database, { sms: provider })` in
 * main.ts. `to` is an Indonesian mobile number in E.164 form (+62…). `meta.messageId` is the
 * outbox row's id and stays the same on every attempt: give it to the provider as its
 * idempotency or client reference where the API has one, so a message retried after a crash
 * between sending and recording is not sent twice.
 */
import nodemailer from 'nodemailer';
import type { Config } from '../config.ts';
import type { Database } from '../db/database.ts';
import type { NotificationChannel } from '../db/schema.ts';
import { SYSTEM_ACTOR, withTenant } from '../db/tenant-scope.ts';

/** Which message an attempt is for: the same on every attempt of one outbox row. */
export type SendMeta = Readonly<{ tenantId: string; messageId: string }>;

/** A transport's receipt: its own id for the message. */
export type SendReceipt = Readonly<{ providerId: string }>;

export type OutgoingEmail = Readonly<{
  to: string;
  subject: string;
  text: string;
  /** The one-click address that stops such messages: sent as `List-Unsubscribe` (RFC 2369, 8058). */
  unsubscribeUrl?: string;
}>;

/** Sends email; throws when the message was not accepted, so the outbox retries it. */
export interface EmailTransport {
  send(email: OutgoingEmail, meta: SendMeta): Promise<SendReceipt>;
}

/** Sends a short text message (SMS, WhatsApp); throws when it was not accepted. */
export interface MessageProvider {
  send(to: string, text: string, meta: SendMeta): Promise<SendReceipt>;
}

export type Transports = Readonly<{
  email?: EmailTransport | undefined;
  sms?: MessageProvider | undefined;
  whatsapp?: MessageProvider | undefined;
}>;

/** Bounds on one SMTP conversation, so a server that hangs cannot hold a delivery run for long. */
const SMTP_TIMEOUTS = { connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 30_000 };

/** The part after `@` of a `Name <a@b>` or `a@b` address. */
function domainOf(address: string): string {
  return /@([^>\s]+)>?\s*$/.exec(address)?.[1] ?? 'balai.invalid';
}

/**
 * Email over SMTP. The Message-ID is made from the outbox row's id, so a message sent twice (a
 * crash after the server accepted it and before the outbox recorded it) carries the same id both
 * times, which is what receiving systems use to drop duplicates.
 */
export function smtpEmailTransport(smtpUrl: string, from: string): EmailTransport & { close(): void } {
  const transporter = nodemailer.createTransport({ url: smtpUrl, ...SMTP_TIMEOUTS });
  const domain = domainOf(from);
  return {
    async send(email, meta) {
      const info = await transporter.sendMail({
        from,
        to: email.to,
        subject: email.subject,
        text: email.text,
        messageId: `<${meta.messageId}@${domain}>`,
        // RFC 8058: the mail client may stop the messages with one POST, without opening a page.
        ...(email.unsubscribeUrl
          ? {
              list: { unsubscribe: email.unsubscribeUrl },
              headers: { 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' },
            }
          : {}),
      });
      return { providerId: String(info.messageId) };
    },
    close() {
      transporter.close();
    },
  };
}

/** The development mailbox: stores each message once (by its outbox id) in the tenant's mailbox. */
export class DevMailbox {
  readonly #database: Database;
  readonly #from: string;

  constructor(database: Database, from: string) {
    this.#database = database;
    this.#from = from;
  }

  /** Email into the mailbox. */
  readonly email: EmailTransport = {
    send: (email, meta) => this.#store('email', this.#from, email.to, email.subject, email.text, meta),
  };

  /** A development provider for SMS or WhatsApp, writing into the mailbox. */
  provider(channel: 'sms' | 'whatsapp'): MessageProvider {
    return {
      send: (to, text, meta) => this.#store(channel, `balai-${channel}`, to, null, text, meta),
    };
  }

  async #store(
    channel: NotificationChannel,
    sender: string,
    recipient: string,
    subject: string | null,
    body: string,
    meta: SendMeta,
  ): Promise<SendReceipt> {
    const actor = { ...SYSTEM_ACTOR, label: 'dev mailbox' };
    await withTenant(this.#database.db, meta.tenantId, actor, (scope) =>
      scope.trx
        .insertInto('dev_mailbox')
        .values({
          tenant_id: scope.tenantId,
          id: meta.messageId,
          channel,
          sender,
          recipient,
          subject,
          body,
        })
        .onConflict((oc) => oc.columns(['tenant_id', 'id']).doNothing())
        .execute(),
    );
    return { providerId: `dev-mailbox:${meta.messageId}` };
  }
}

/**
 * The transports the configuration asks for: SMTP when `SMTP_URL` is set, else (never in
 * production) the development mailbox; development SMS/WhatsApp providers outside production.
 * `providers` replaces any of them, e.g. a real SMS provider. `close()` lets go of SMTP sockets.
 */
export function createTransports(
  config: Config,
  database: Database,
  providers: Transports = {},
): Transports & { close(): void } {
  const dev = config.env === 'production' ? undefined : new DevMailbox(database, config.mail.from);
  const smtp = config.mail.smtpUrl ? smtpEmailTransport(config.mail.smtpUrl, config.mail.from) : undefined;
  return {
    email: providers.email ?? smtp ?? dev?.email,
    sms: providers.sms ?? dev?.provider('sms'),
    whatsapp: providers.whatsapp ?? dev?.provider('whatsapp'),
    close() {
      smtp?.close();
    },
  };
}
