/**
 * Staff and roles: the staff accounts (searched by name or email, paged), a form to create one,
 * and per account its roles — each revocable — and a form to grant a role in the whole region or
 * at one agency. What a session may do follows its permissions (read, manage, grant).
 */
import { type FormEvent, useState } from 'react';
import type { ApiError } from '../api.ts';
import { Field, Problem, useConsole, useLoad } from '../ui.tsx';
import { type Agency, AgencyOptions, useAgencies } from './agencies.tsx';
import { Outcome, SectionHead, useForm } from './kit.tsx';

type Grant = { id: string; role: string; agencyId: string | null };
type User = {
  id: string;
  kind: string;
  displayName: string;
  email: string | null;
  phone: string | null;
  nip: string | null;
  grants: Grant[];
  locked: boolean;
};

/** Roles a tenant administrator hands out (platform administrators are made by the platform). */
const GRANTABLE = [
  'tenant_admin',
  'agency_admin',
  'operator',
  'officer',
  'field_officer',
  'viewer',
  'auditor',
];
const PAGE = 50;

export function StaffSection() {
  const { api, t, can } = useConsole();
  const [q, setQ] = useState('');
  const [text, setText] = useState('');
  const [offset, setOffset] = useState(0);
  const [notice, setNotice] = useState('');
  const agencies = useAgencies();
  const users = useLoad(
    () =>
      api
        .get<{ items: User[] }>('/users', { kind: 'staff', q: q || undefined, limit: PAGE, offset })
        .then((r) => r.items),
    [q, offset],
  );
  const onSearch = (e: FormEvent) => {
    e.preventDefault();
    setOffset(0);
    setQ(text.trim());
  };
  const changed = (message: string) => {
    setNotice(message);
    users.reload();
  };
  const agencyItems = agencies.data ?? [];
  return (
    <section aria-labelledby="staff-title">
      <SectionHead id="staff-title" title={t('admin.nav.staff')} intro={t('admin.staff.intro')} />
      {can('platform.user.manage') ? <CreateStaff onDone={() => users.reload()} /> : null}
      <h2 id="staff-list">{t('admin.staff.list')}</h2>
      <form className="filters" onSubmit={onSearch} aria-label={t('admin.staff.search')}>
        <label htmlFor="staff-q">{t('admin.staff.search')}</label>
        <input id="staff-q" type="search" value={text} onChange={(e) => setText(e.target.value)} />
        <button type="submit">{t('admin.staff.searchButton')}</button>
      </form>
      {notice ? (
        <p className="notice" role="status">
          {notice}
        </p>
      ) : null}
      <Problem error={users.error ?? agencies.error} />
      {users.data && users.data.length === 0 ? <p className="empty">{t('admin.staff.empty')}</p> : null}
      {users.data && users.data.length > 0 ? (
        <ul className="plain staff-list" aria-labelledby="staff-list">
          {users.data.map((u) => (
            <StaffRow key={u.id} user={u} agencies={agencyItems} onChanged={changed} />
          ))}
        </ul>
      ) : null}
      {offset > 0 || (users.data?.length ?? 0) === PAGE ? (
        <nav className="pager" aria-label={t('pages')}>
          <button type="button" disabled={offset === 0} onClick={() => setOffset(Math.max(0, offset - PAGE))}>
            {t('admin.previous')}
          </button>
          <button
            type="button"
            disabled={(users.data?.length ?? 0) < PAGE}
            onClick={() => setOffset(offset + PAGE)}
          >
            {t('admin.next')}
          </button>
        </nav>
      ) : null}
    </section>
  );
}

function StaffRow(props: { user: User; agencies: Agency[]; onChanged: (message: string) => void }) {
  const { api, t, can } = useConsole();
  const { user } = props;
  const [granting, setGranting] = useState(false);
  const [revokeError, setRevokeError] = useState<ApiError | undefined>();
  const names = new Map(props.agencies.map((a) => [a.id, a.name]));
  const roleName = (g: Grant) => {
    const role = t(`admin.staff.roleNames.${g.role}`, { defaultValue: g.role });
    return g.agencyId
      ? t('admin.staff.grantAt', { role, agency: names.get(g.agencyId) ?? g.agencyId })
      : `${role} · ${t('admin.staff.wholeTenant')}`;
  };
  const revoke = async (g: Grant) => {
    setRevokeError(undefined);
    try {
      await api.delete(`/users/${user.id}/grants/${g.id}`);
      props.onChanged(t('admin.staff.revoked', { name: user.displayName }));
    } catch (err) {
      setRevokeError(err as ApiError);
    }
  };
  const mayGrant = can('platform.role.grant');
  return (
    <li className="card staff" data-user={user.email ?? user.id}>
      <div className="staff-head">
        <strong>{user.displayName}</strong>
        {user.locked ? <span className="badge overdue">{t('admin.staff.locked')}</span> : null}
        <span className="muted">{[user.email, user.phone].filter(Boolean).join(' · ')}</span>
        {user.nip ? (
          <span className="muted">
            {t('admin.staff.nip')} <span className="mono">{user.nip}</span>
          </span>
        ) : null}
      </div>
      <p className="sr-only">{t('admin.staff.roles')}</p>
      {user.grants.length === 0 ? <p className="muted">{t('admin.staff.noRoles')}</p> : null}
      <ul className="grants">
        {user.grants.map((g) => (
          <li key={g.id}>
            <span className="badge">{roleName(g)}</span>
            {mayGrant ? (
              <button
                type="button"
                className="link"
                onClick={() => void revoke(g)}
                aria-label={t('admin.staff.revokeLabel', { role: roleName(g), name: user.displayName })}
              >
                {t('admin.staff.revoke')}
              </button>
            ) : null}
          </li>
        ))}
      </ul>
      <Problem error={revokeError} />
      {mayGrant && !granting ? (
        <button
          type="button"
          onClick={() => setGranting(true)}
          aria-label={t('admin.staff.grantTo', { name: user.displayName })}
        >
          {t('admin.staff.grant')}
        </button>
      ) : null}
      {mayGrant && granting ? (
        <GrantForm
          user={user}
          agencies={props.agencies}
          onCancel={() => setGranting(false)}
          onDone={() => {
            setGranting(false);
            props.onChanged(t('admin.staff.granted', { name: user.displayName }));
          }}
        />
      ) : null}
    </li>
  );
}

function GrantForm(props: { user: User; agencies: Agency[]; onCancel: () => void; onDone: () => void }) {
  const { api, t } = useConsole();
  const { user } = props;
  const form = useForm({ role: 'officer', agencyId: '' });
  const v = form.values;
  const prefix = `grant-${user.id.slice(0, 8)}`;
  const submit = form.submit(
    () => api.post(`/users/${user.id}/grants`, { role: v.role, agencyId: v.agencyId || null }),
    t('admin.staff.granted', { name: user.displayName }),
    props.onDone,
  );
  return (
    <form
      className="inline-form"
      onSubmit={submit}
      noValidate
      aria-label={t('admin.staff.grantTo', { name: user.displayName })}
    >
      <Outcome form={form} />
      <div className="grid-2">
        <Field id={`${prefix}-role`} label={t('admin.staff.role')} error={form.err('role')}>
          {(aria) => (
            <select {...aria} value={v.role} onChange={(e) => form.set('role', e.target.value)}>
              {GRANTABLE.map((r) => (
                <option key={r} value={r}>
                  {t(`admin.staff.roleNames.${r}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field id={`${prefix}-agency`} label={t('admin.staff.at')} error={form.err('agencyId')}>
          {(aria) => (
            <select {...aria} value={v.agencyId} onChange={(e) => form.set('agencyId', e.target.value)}>
              <option value="">{t('admin.staff.wholeTenant')}</option>
              <AgencyOptions items={props.agencies} />
            </select>
          )}
        </Field>
      </div>
      <div className="buttons">
        <button type="submit" className="primary" disabled={form.busy}>
          {t('admin.staff.grant')}
        </button>
        <button type="button" onClick={props.onCancel}>
          {t('admin.cancel')}
        </button>
      </div>
    </form>
  );
}

function CreateStaff({ onDone }: { onDone: () => void }) {
  const { api, t } = useConsole();
  const empty = { displayName: '', email: '', phone: '', nip: '', password: '' };
  const form = useForm(empty);
  const v = form.values;
  const submit = form.submit(
    async () => {
      const body: Record<string, string> = {
        kind: 'staff',
        displayName: v.displayName.trim(),
        password: v.password,
      };
      for (const k of ['email', 'phone', 'nip'] as const) if (v[k].trim()) body[k] = v[k].trim();
      await api.post('/users', body);
      form.reset(empty);
    },
    t('admin.staff.created', { name: v.displayName.trim() }),
    onDone,
  );
  return (
    <form className="card admin-form" onSubmit={submit} noValidate aria-labelledby="staff-create-title">
      <h2 id="staff-create-title">{t('admin.staff.create')}</h2>
      <Outcome form={form} />
      <div className="grid-2">
        <Field id="staff-name" label={t('admin.staff.name')} error={form.err('displayName')}>
          {(aria) => (
            <input
              {...aria}
              value={v.displayName}
              onChange={(e) => form.set('displayName', e.target.value)}
              required
            />
          )}
        </Field>
        <Field
          id="staff-nip"
          label={t('admin.staff.nip')}
          hint={t('admin.staff.nipHint')}
          error={form.err('nip')}
        >
          {(aria) => (
            <input
              {...aria}
              inputMode="numeric"
              value={v.nip}
              onChange={(e) => form.set('nip', e.target.value)}
              required
            />
          )}
        </Field>
        <Field id="staff-email" label={t('admin.staff.email')} error={form.err('email')}>
          {(aria) => (
            <input
              {...aria}
              type="email"
              autoComplete="off"
              value={v.email}
              onChange={(e) => form.set('email', e.target.value)}
            />
          )}
        </Field>
        <Field
          id="staff-phone"
          label={`${t('admin.staff.phone')} ${t('admin.optional')}`}
          error={form.err('phone')}
        >
          {(aria) => (
            <input {...aria} type="tel" value={v.phone} onChange={(e) => form.set('phone', e.target.value)} />
          )}
        </Field>
        <Field
          id="staff-password"
          label={t('admin.staff.password')}
          hint={t('admin.staff.passwordHint')}
          error={form.err('password')}
        >
          {(aria) => (
            <input
              {...aria}
              type="password"
              autoComplete="new-password"
              value={v.password}
              onChange={(e) => form.set('password', e.target.value)}
              required
            />
          )}
        </Field>
      </div>
      <button type="submit" className="primary" disabled={form.busy}>
        {t('admin.staff.create')}
      </button>
    </form>
  );
}
