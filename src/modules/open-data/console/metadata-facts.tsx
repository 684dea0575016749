/** A dataset's metadata to read (the walidata's check, a locked dataset): every field that is set. */
import { Fragment, type ReactNode } from 'react';
import { formatDay, formatWhen, useConsole } from '../../../platform/sdk/console.ts';
import { licenseOf } from '../licenses.ts';
import type { DatasetType, ThemeType } from '../schemas.ts';

export function MetadataFacts({ dataset: d, themes }: { dataset: DatasetType; themes: ThemeType[] }) {
  const { api, t } = useConsole();
  const { lang, timeZone } = api.config;
  const day = (s: string | null) => (s ? formatDay(s, lang) : '');
  const themeTitle = (name: string) => themes.find((th) => th.name === name)?.title ?? name;
  const rows: Array<[string, ReactNode]> = [
    ['name', <code key="name">{d.name}</code>],
    ['agencyId', d.agencyName ?? t('openData.regional')],
    [
      'description',
      d.description ? (
        <span key="description" className="prewrap">
          {d.description}
        </span>
      ) : (
        ''
      ),
    ],
    ['classification', t(`openData.classification.${d.classification}`)],
    ['licenseId', licenseOf(d.licenseId)?.title ?? d.licenseId],
    ['frequency', t(`openData.frequency.${d.frequency}`)],
    ['themes', d.themes.map(themeTitle).join(', ')],
    ['keywords', d.keywords.join(', ')],
    ['affairCode', d.affairCode ?? ''],
    ['subAffairCode', d.subAffairCode ?? ''],
    ['indicator', d.indicator ?? ''],
    ['unit', d.unit ?? ''],
    [
      'definition',
      d.definition ? (
        <span key="definition" className="prewrap">
          {d.definition}
        </span>
      ) : (
        ''
      ),
    ],
    ['releaseSchedule', d.releaseSchedule ?? ''],
    ['dataStandard', d.dataStandard ?? ''],
    ['temporalStart', day(d.temporalStart)],
    ['temporalEnd', day(d.temporalEnd)],
    ['spatialName', d.spatialName ?? ''],
    ['spatialBbox', d.spatialBbox ? d.spatialBbox.join(', ') : ''],
    ['contactName', d.contactName],
    ['contactEmail', d.contactEmail ?? ''],
  ];
  const dates: Array<[string, string | null]> = [
    ['openData.facts.created', d.createdAt],
    ['openData.facts.modified', d.modifiedAt],
    ['openData.facts.submitted', d.submittedAt],
    ['openData.facts.reviewed', d.reviewedAt],
    ['openData.facts.firstPublished', d.firstPublishedAt],
  ];
  return (
    <dl className="facts od-facts" id="od-facts">
      {rows
        .filter(([, value]) => value !== '')
        .map(([key, value]) => (
          <Fragment key={key}>
            <dt>{t(`openData.field.${key}`)}</dt>
            <dd>{value}</dd>
          </Fragment>
        ))}
      {dates
        .filter(([, at]) => at)
        .map(([key, at]) => (
          <Fragment key={key}>
            <dt>{t(key)}</dt>
            <dd>{formatWhen(at, lang, timeZone)}</dd>
          </Fragment>
        ))}
    </dl>
  );
}
