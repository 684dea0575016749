/** A report's status as a badge, and whether it is overdue. */
import { useConsole } from '../../../platform/sdk/console.ts';

export function StatusBadge({ status, overdue }: { status: string; overdue?: boolean }) {
  const { t } = useConsole();
  return (
    <span className="badges">
      <span className={`badge status-${status}`}>{t(`status.${status}`)}</span>
      {overdue ? <span className="badge overdue">{t('overdue')}</span> : null}
    </span>
  );
}
