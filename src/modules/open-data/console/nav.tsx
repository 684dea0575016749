/**
 * The app's own menu above its screens: the datasets a producer works on, the walidata's queue,
 * the themes — each only for those who hold its permission (the server checks again).
 */
import { Link, useConsole } from '../../../platform/sdk/console.ts';
import { PERM } from '../permissions.ts';

export type Part = 'datasets' | 'review' | 'themes';

export function OpenDataNav({ current }: { current: Part }) {
  const { t, can } = useConsole();
  const entries: Array<[Part, string, string, boolean]> = [
    ['datasets', '/open-data', t('openData.nav.datasets'), can(PERM.write)],
    ['review', '/open-data/periksa', t('openData.nav.review'), can(PERM.review)],
    ['themes', '/open-data/tema', t('openData.nav.themes'), can(PERM.themes)],
  ];
  const shown = entries.filter(([, , , visible]) => visible);
  if (shown.length < 2) return null;
  return (
    <nav className="od-nav" aria-label={t('openData.nav.label')}>
      <ul className="plain buttons">
        {shown.map(([part, to, label]) => (
          <li key={part}>
            <Link to={to} current={part === current}>
              {label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
