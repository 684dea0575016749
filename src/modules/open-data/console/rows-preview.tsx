/** The first rows of a datastore resource's current version, as the API's preview answers them. */
import { Problem, Scroll, useConsole, useLoad } from '../../../platform/sdk/console.ts';
import type { ResourceType, RowsType } from '../schemas.ts';
import { resourcePath } from './kit.ts';

const ROWS = 10;

export function RowsPreview({ resource: r }: { resource: ResourceType }) {
  const { api, t } = useConsole();
  const rows = useLoad(
    () => api.get<RowsType>(resourcePath(r.id, '/rows'), { limit: ROWS }),
    [r.id, r.currentVersion],
  );
  const data = rows.data;
  const number = new Intl.NumberFormat(api.config.lang === 'id' ? 'id-ID' : 'en-GB');
  return (
    <>
      <Problem error={rows.error} />
      {data ? (
        <>
          <p className="muted">
            {t('openData.preview.shown', {
              shown: number.format(data.records.length),
              total: number.format(data.total),
            })}
          </p>
          <Scroll label={t('openData.preview.table', { name: r.name })}>
            <table className="list">
              <thead>
                <tr>
                  {data.columns.map((c) => (
                    <th key={c.name} scope="col">
                      {c.label}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {data.records.map((record) => (
                  <tr key={String(record._id)}>
                    {data.columns.map((c) => (
                      <td key={c.name}>{record[c.name] === null ? '' : String(record[c.name])}</td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </Scroll>
        </>
      ) : null}
    </>
  );
}
