/**
 * A list of datasets: title (a link to its screen), agency, state with the walidata's note when it
 * came back, resources, last change. The producer's list and the walidata's queue both show it.
 */
import { formatWhen, Link, Scroll, useConsole } from '../../../platform/sdk/console.ts';
import type { DatasetType } from '../schemas.ts';
import { StateBadge } from './state-badge.tsx';

export function DatasetTable(props: {
  id: string;
  label: string;
  datasets: DatasetType[];
  linkTo: (d: DatasetType) => string;
  /** Which date the last column shows: the last change, or when it was sent to the walidata. */
  when?: 'modified' | 'submitted';
}) {
  const { api, t } = useConsole();
  const { lang, timeZone } = api.config;
  const submitted = props.when === 'submitted';
  return (
    <Scroll label={props.label}>
      <table className="list stack" id={props.id}>
        <thead>
          <tr>
            <th scope="col">{t('openData.list.colTitle')}</th>
            <th scope="col">{t('openData.list.colAgency')}</th>
            <th scope="col">{t('openData.list.colState')}</th>
            <th scope="col">{t('openData.list.colResources')}</th>
            <th scope="col">
              {submitted ? t('openData.list.colSubmitted') : t('openData.list.colModified')}
            </th>
          </tr>
        </thead>
        <tbody>
          {props.datasets.map((d) => (
            <tr key={d.id} data-dataset={d.name}>
              <td data-label={t('openData.list.colTitle')}>
                <Link to={props.linkTo(d)}>{d.title}</Link>
                <br />
                <code className="muted">{d.name}</code>
              </td>
              <td data-label={t('openData.list.colAgency')}>{d.agencyName ?? t('openData.regional')}</td>
              <td data-label={t('openData.list.colState')}>
                <StateBadge state={d.state} />
                {d.reviewNote && (d.state === 'returned' || d.state === 'unpublished') ? (
                  <p className="review-note">{t('openData.list.note', { note: d.reviewNote })}</p>
                ) : null}
              </td>
              <td data-label={t('openData.list.colResources')}>{d.resources.length}</td>
              <td data-label={submitted ? t('openData.list.colSubmitted') : t('openData.list.colModified')}>
                {formatWhen(submitted ? d.submittedAt : d.modifiedAt, lang, timeZone)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </Scroll>
  );
}
