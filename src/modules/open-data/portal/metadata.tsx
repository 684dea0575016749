/**
 * A dataset's metadata on its page, as definition lists: what DCAT describes (producer, themes,
 * keywords, licence, frequency, coverage, dates, contact) and what Satu Data Indonesia asks for
 * (affair codes, indicator, unit, definition, release schedule, data standard, classification,
 * producer). A field the producer left empty says so.
 */
import type { ReactNode } from 'react';
import { dayText, numberText, type PortalContext, when } from '../../../platform/sdk/portal.ts';
import type { CatalogDataset } from '../catalog/view.ts';
import { catalogueSearch } from './catalogue-query.ts';
import { paths, words } from './shared.tsx';

function Row({ term, children }: { term: string; children: ReactNode }) {
  return (
    <>
      <dt>{term}</dt>
      <dd>{children}</dd>
    </>
  );
}

/** A list of nodes with commas between them. */
function joined(nodes: readonly ReactNode[]): ReactNode {
  return nodes.map((node, i) => (
    // biome-ignore lint/suspicious/noArrayIndexKey: the items in their given order
    <span key={i}>
      {i > 0 ? ', ' : null}
      {node}
    </span>
  ));
}

export function Metadata({ ctx, dataset: d }: { ctx: PortalContext; dataset: CatalogDataset }) {
  const w = words(ctx);
  const none = <span className="muted">{w('dataset.notGiven')}</span>;
  const { start, end } = d.temporal;
  const temporal =
    start && end
      ? w('dataset.temporalRange', { start: dayText(ctx, start), end: dayText(ctx, end) })
      : start
        ? w('dataset.temporalFrom', { start: dayText(ctx, start) })
        : end
          ? w('dataset.temporalUntil', { end: dayText(ctx, end) })
          : null;
  const bbox = d.spatial?.bbox;
  const degrees = (n: number) => numberText(ctx, n, 4);
  return (
    <section aria-labelledby="metadata">
      <h2 id="metadata">{w('dataset.metadata')}</h2>
      <dl className="details">
        <Row term={w('dataset.organization')}>
          <a href={paths.organization(ctx, d.organization.name)}>{d.organization.title}</a>
        </Row>
        <Row term={w('dataset.themes')}>
          {d.themes.length > 0
            ? joined(
                d.themes.map((t) => (
                  <a key={t.name} href={paths.group(ctx, t.name)}>
                    {t.title}
                  </a>
                )),
              )
            : none}
        </Row>
        <Row term={w('dataset.keywords')}>
          {d.keywords.length > 0
            ? joined(
                d.keywords.map((k) => (
                  <a
                    key={k}
                    href={`${paths.catalogue(ctx)}${catalogueSearch({
                      q: undefined,
                      sort: undefined,
                      page: 1,
                      filters: { tags: [k] },
                    })}`}
                  >
                    {k}
                  </a>
                )),
              )
            : none}
        </Row>
        <Row term={w('dataset.license')}>
          {d.license.url ? (
            <a href={d.license.url} rel="license">
              {d.license.title}
            </a>
          ) : (
            d.license.title
          )}
        </Row>
        <Row term={w('dataset.frequency')}>{w(`frequencies.${d.frequency}`)}</Row>
        <Row term={w('dataset.temporal')}>{temporal ?? none}</Row>
        <Row term={w('dataset.spatial')}>
          {d.spatial ? (
            <>
              {d.spatial.name}
              {bbox ? (
                <span className="meta">
                  {' '}
                  (
                  {w('dataset.bbox', {
                    west: degrees(bbox[0]),
                    south: degrees(bbox[1]),
                    east: degrees(bbox[2]),
                    north: degrees(bbox[3]),
                  })}
                  )
                </span>
              ) : null}
            </>
          ) : (
            none
          )}
        </Row>
        <Row term={w('dataset.issued')}>{when(ctx, d.issued)}</Row>
        <Row term={w('dataset.modified')}>{when(ctx, d.modified)}</Row>
        <Row term={w('dataset.contact')}>
          {d.contact.name}
          {d.contact.email ? (
            <>
              {' · '}
              <a href={`mailto:${d.contact.email}`}>{d.contact.email}</a>
            </>
          ) : null}
        </Row>
        {d.feed ? <Row term={w('dataset.feed')}>{w('dataset.feedText', { feed: d.feed })}</Row> : null}
      </dl>
    </section>
  );
}

export function SdiMetadata({ ctx, dataset: d }: { ctx: PortalContext; dataset: CatalogDataset }) {
  const w = words(ctx);
  const value = (v: string | null) => (v ? v : <span className="muted">{w('dataset.notGiven')}</span>);
  const code = (v: string | null) => (v ? <code>{v}</code> : value(null));
  return (
    <section aria-labelledby="sdi">
      <h2 id="sdi">{w('dataset.sdi')}</h2>
      <dl className="details">
        <Row term={w('dataset.affairCode')}>{code(d.sdi.affairCode)}</Row>
        <Row term={w('dataset.subAffairCode')}>{code(d.sdi.subAffairCode)}</Row>
        <Row term={w('dataset.indicator')}>{value(d.sdi.indicator)}</Row>
        <Row term={w('dataset.unit')}>{value(d.sdi.unit)}</Row>
        <Row term={w('dataset.definition')}>{value(d.sdi.definition)}</Row>
        <Row term={w('dataset.releaseSchedule')}>{value(d.sdi.releaseSchedule)}</Row>
        <Row term={w('dataset.dataStandard')}>{value(d.sdi.dataStandard)}</Row>
        <Row term={w('dataset.classification')}>{w(`classifications.${d.sdi.classification}`)}</Row>
        <Row term={w('dataset.producer')}>{d.sdi.producer}</Row>
      </dl>
    </section>
  );
}
