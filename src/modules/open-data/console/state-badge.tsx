/** A dataset's review state as a badge, in words (its colour only repeats them). */
import { useConsole } from '../../../platform/sdk/console.ts';
import type { DatasetState } from '../tables.ts';

export function StateBadge({ state }: { state: DatasetState }) {
  const { t } = useConsole();
  return <span className={`badge od-${state}`}>{t(`openData.state.${state}`)}</span>;
}
