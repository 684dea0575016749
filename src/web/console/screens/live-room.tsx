/**
 * LIVE Room: the command centre's wall screen. Its tiles come from the tenant's live apps (each
 * app's `liveTiles`), each kept current by the tenant's live events; the shell shows whether the
 * stream is connected and when the wall last changed: nothing to click, readable from across the room.
 */
import { Suspense, useState } from 'react';
import { liveConsoleApps } from '../installed.ts';
import { useLiveEvents, useLiveReopened, useLiveState } from '../live.ts';
import { type ConsoleContext, formatWhen, useConsole } from '../ui.tsx';

/** The tiles the session may see, in order. */
export function liveTiles(ctx: ConsoleContext) {
  return liveConsoleApps(ctx)
    .flatMap((a) => a.liveTiles ?? [])
    .filter((tile) => tile.visible(ctx))
    .sort((a, b) => a.order - b.order);
}

export function LiveRoom() {
  const ctx = useConsole();
  const { api, t } = ctx;
  const live = useLiveState();
  const [updated, setUpdated] = useState(() => new Date().toISOString());
  useLiveEvents(() => setUpdated(new Date().toISOString()));
  // Back after a drop or a server restart: the tiles read their figures again (useLiveReopened).
  useLiveReopened(() => setUpdated(new Date().toISOString()));
  const { lang, timeZone } = api.config;
  return (
    <div className="live-room">
      <header className="live-head">
        <h1>
          {t('live.title')} · {api.config.tenantName}
        </h1>
        <p className={`live-state ${live}`} role="status" data-live-state={live}>
          <span aria-hidden="true">●</span> {live === 'open' ? t('live.connected') : t('live.reconnecting')} ·{' '}
          {t('live.updated', { time: formatWhen(updated, lang, timeZone) })}
        </p>
      </header>
      <div className="live-grid">
        {liveTiles(ctx).map((tile) => (
          <Suspense key={tile.id} fallback={null}>
            <tile.component />
          </Suspense>
        ))}
      </div>
    </div>
  );
}
