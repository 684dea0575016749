/**
 * Agencies (OPD): the tree as an indented list with each one's parent, a form to add one, and a
 * form per agency to rename it, change its kind or move it under another (never under itself).
 */
import { useState } from 'react';
import { Field, Problem, useConsole, useLoad } from '../ui.tsx';
import { Outcome, Scroll, SectionHead, useForm } from './kit.tsx';

export type Agency = { id: string; parentId: string | null; code: string; name: string; kind: string };

export const AGENCY_KINDS = [
  'secretariat',
  'dinas',
  'badan',
  'kecamatan',
  'kelurahan',
  'bagian',
  'uptd',
  'other',
] as const;

/** The agencies depth first (each under its parent, by name), with their depth. */
export function agencyTree(items: Agency[]): Array<Agency & { depth: number }> {
  const ids = new Set(items.map((a) => a.id));
  const children = new Map<string | null, Agency[]>();
  for (const a of items) {
    const parent = a.parentId && ids.has(a.parentId) ? a.parentId : null;
    children.set(parent, [...(children.get(parent) ?? []), a]);
  }
  const out: Array<Agency & { depth: number }> = [];
  const visit = (parent: string | null, depth: number) => {
    const list = [...(children.get(parent) ?? [])].sort((a, b) => a.name.localeCompare(b.name, 'id'));
    for (const a of list) {
      out.push({ ...a, depth });
      visit(a.id, depth + 1);
    }
  };
  visit(null, 0);
  return out;
}

/** The ids of an agency and everything under it. */
function subtree(items: Agency[], id: string): Set<string> {
  const out = new Set([id]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const a of items) {
      if (a.parentId && out.has(a.parentId) && !out.has(a.id)) {
        out.add(a.id);
        grew = true;
      }
    }
  }
  return out;
}

/** The tenant's agencies, for the sections that choose one. */
export function useAgencies() {
  const { api } = useConsole();
  return useLoad(() => api.get<{ items: Agency[] }>('/agencies').then((r) => r.items), []);
}

/** Options of a select of agencies, indented by depth. */
export function AgencyOptions({ items, exclude }: { items: Agency[]; exclude?: Set<string> }) {
  return (
    <>
      {agencyTree(items)
        .filter((a) => !exclude?.has(a.id))
        .map((a) => (
          <option key={a.id} value={a.id}>
            {`${'\u00a0\u00a0'.repeat(a.depth)}${a.name} (${a.code})`}
          </option>
        ))}
    </>
  );
}

export function AgenciesSection() {
  const { t } = useConsole();
  const agencies = useAgencies();
  const [editing, setEditing] = useState<string | null>(null);
  const [notice, setNotice] = useState('');
  const items = agencies.data ?? [];
  const byId = new Map(items.map((a) => [a.id, a]));
  return (
    <section aria-labelledby="agencies-title">
      <SectionHead id="agencies-title" title={t('admin.nav.agencies')} intro={t('admin.agencies.intro')} />
      <CreateAgency items={items} onDone={agencies.reload} />
      <h2 id="agencies-list">{t('admin.agencies.list')}</h2>
      {notice ? (
        <p className="notice" role="status">
          {notice}
        </p>
      ) : null}
      <Problem error={agencies.error} />
      {agencies.data && items.length === 0 ? <p className="empty">{t('admin.agencies.empty')}</p> : null}
      {items.length > 0 ? (
        <Scroll label={t('admin.agencies.list')}>
          <table className="list" aria-labelledby="agencies-list">
            <thead>
              <tr>
                <th scope="col">{t('admin.agencies.name')}</th>
                <th scope="col">{t('admin.agencies.code')}</th>
                <th scope="col">{t('admin.agencies.kind')}</th>
                <th scope="col">{t('admin.agencies.parent')}</th>
                <th scope="col">{t('admin.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {agencyTree(items).map((a) => (
                <tr key={a.id} data-agency={a.code}>
                  <td>
                    <span className="tree" style={{ paddingLeft: `${a.depth * 1.2}rem` }}>
                      {a.name}
                    </span>
                    {editing === a.id ? (
                      <EditAgency
                        agency={a}
                        items={items}
                        onCancel={() => setEditing(null)}
                        onDone={(message) => {
                          setEditing(null);
                          setNotice(message);
                          agencies.reload();
                        }}
                      />
                    ) : null}
                  </td>
                  <td className="mono">{a.code}</td>
                  <td>{t(`admin.agencies.kinds.${a.kind}`, { defaultValue: a.kind })}</td>
                  <td data-parent>{a.parentId ? (byId.get(a.parentId)?.name ?? '') : t('admin.none')}</td>
                  <td>
                    {editing !== a.id ? (
                      <button
                        type="button"
                        onClick={() => setEditing(a.id)}
                        aria-label={`${t('admin.edit')} ${a.name}`}
                      >
                        {t('admin.edit')}
                      </button>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </Scroll>
      ) : null}
    </section>
  );
}

function CreateAgency({ items, onDone }: { items: Agency[]; onDone: () => void }) {
  const { api, t } = useConsole();
  const form = useForm({ code: '', name: '', kind: 'dinas', parentId: '' });
  const v = form.values;
  const submit = form.submit(
    async () => {
      await api.post('/agencies', {
        code: v.code.trim(),
        name: v.name.trim(),
        kind: v.kind,
        ...(v.parentId ? { parentId: v.parentId } : {}),
      });
      form.reset({ code: '', name: '', kind: v.kind, parentId: v.parentId });
    },
    t('admin.agencies.created', { name: v.name.trim() }),
    onDone,
  );
  return (
    <form className="card admin-form" onSubmit={submit} noValidate aria-labelledby="agency-create-title">
      <h2 id="agency-create-title">{t('admin.agencies.create')}</h2>
      <Outcome form={form} />
      <div className="grid-2">
        <Field
          id="agency-code"
          label={t('admin.agencies.code')}
          hint={t('admin.agencies.codeHint')}
          error={form.err('code')}
        >
          {(aria) => (
            <input
              {...aria}
              value={v.code}
              onChange={(e) => form.set('code', e.target.value.toUpperCase())}
              autoComplete="off"
              required
            />
          )}
        </Field>
        <Field id="agency-name" label={t('admin.agencies.name')} error={form.err('name')}>
          {(aria) => (
            <input {...aria} value={v.name} onChange={(e) => form.set('name', e.target.value)} required />
          )}
        </Field>
        <Field id="agency-kind" label={t('admin.agencies.kind')} error={form.err('kind')}>
          {(aria) => (
            <select {...aria} value={v.kind} onChange={(e) => form.set('kind', e.target.value)}>
              {AGENCY_KINDS.map((k) => (
                <option key={k} value={k}>
                  {t(`admin.agencies.kinds.${k}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field id="agency-parent" label={t('admin.agencies.parent')} error={form.err('parentId')}>
          {(aria) => (
            <select {...aria} value={v.parentId} onChange={(e) => form.set('parentId', e.target.value)}>
              <option value="">{t('admin.agencies.top')}</option>
              <AgencyOptions items={items} />
            </select>
          )}
        </Field>
      </div>
      <button type="submit" className="primary" disabled={form.busy}>
        {t('admin.agencies.create')}
      </button>
    </form>
  );
}

function EditAgency(props: {
  agency: Agency;
  items: Agency[];
  onCancel: () => void;
  onDone: (message: string) => void;
}) {
  const { api, t } = useConsole();
  const { agency } = props;
  const form = useForm({ name: agency.name, kind: agency.kind, parentId: agency.parentId ?? '' });
  const v = form.values;
  const prefix = `agency-${agency.code}`;
  const submit = form.submit(
    () =>
      api.patch(`/agencies/${agency.id}`, {
        name: v.name.trim(),
        kind: v.kind,
        parentId: v.parentId || null,
      }),
    t('admin.agencies.updated', { name: v.name.trim() }),
    () => props.onDone(t('admin.agencies.updated', { name: v.name.trim() })),
  );
  return (
    <form
      className="inline-form"
      onSubmit={submit}
      noValidate
      aria-label={t('admin.agencies.editTitle', { code: agency.code })}
    >
      <Outcome form={form} />
      <Field id={`${prefix}-name`} label={t('admin.agencies.name')} error={form.err('name')}>
        {(aria) => <input {...aria} value={v.name} onChange={(e) => form.set('name', e.target.value)} />}
      </Field>
      <Field id={`${prefix}-kind`} label={t('admin.agencies.kind')} error={form.err('kind')}>
        {(aria) => (
          <select {...aria} value={v.kind} onChange={(e) => form.set('kind', e.target.value)}>
            {AGENCY_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`admin.agencies.kinds.${k}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field id={`${prefix}-parent`} label={t('admin.agencies.parent')} error={form.err('parentId')}>
        {(aria) => (
          <select {...aria} value={v.parentId} onChange={(e) => form.set('parentId', e.target.value)}>
            <option value="">{t('admin.agencies.top')}</option>
            <AgencyOptions items={props.items} exclude={subtree(props.items, agency.id)} />
          </select>
        )}
      </Field>
      <div className="buttons">
        <button type="submit" className="primary" disabled={form.busy}>
          {t('admin.save')}
        </button>
        <button type="button" onClick={props.onCancel}>
          {t('admin.cancel')}
        </button>
      </div>
    </form>
  );
}
