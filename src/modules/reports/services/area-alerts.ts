/**
 * Alerts for area followers (FixMyStreet's "local alerts"), run by the `reports.area-alerts` task:
 * each confirmed follower gets one message listing the public reports filed within their radius
 * since they began following that they were not told of yet. What was told is recorded in the
 * same transaction as the message, so each report is told once; a report made public later (after
 * verification) is told when it becomes public.
 */
import {
  enqueueNotification,
  type Language,
  type Platform,
  type TenantScope,
  translator,
  type VerifiedTenant,
} from '../../../platform/sdk/index.ts';
import { areaFollowers, recordAlerts, untoldReportsInBox } from '../repo/followers.ts';
import { stopLink } from './following.ts';
import { reportLink } from './notifications.ts';
import { distanceM } from './similar.ts';

/** Reports listed in one alert at most; the rest come in the next one. */
const PER_ALERT = 20;

/** Sends every due area alert of the tenant; returns how many messages were queued. */
export async function sendAreaAlerts(
  platform: Platform,
  scope: TenantScope,
  tenant: VerifiedTenant,
): Promise<number> {
  let sent = 0;
  for (const f of await areaFollowers(scope)) {
    const radius = f.radius_m!;
    const dLat = radius / 111_320;
    const dLng = dLat / Math.max(Math.cos((f.lat! * Math.PI) / 180), 0.01);
    const box = {
      minLat: f.lat! - dLat,
      maxLat: f.lat! + dLat,
      minLng: f.lng! - dLng,
      maxLng: f.lng! + dLng,
    };
    const near = (await untoldReportsInBox(scope, f, box, PER_ALERT * 2))
      .filter((r) => distanceM(f.lat!, f.lng!, r.lat, r.lng) <= radius)
      .slice(0, PER_ALERT);
    if (near.length === 0) continue;
    const t = translator(f.language as Language);
    const stop = stopLink(platform, tenant, f);
    const items = near.map((r) =>
      t('reports.follow.mail.alertItem', {
        trackingNo: r.tracking_no,
        description: r.description.length > 140 ? `${r.description.slice(0, 139)}…` : r.description,
        url: reportLink(platform, tenant, r.tracking_no),
      }),
    );
    await enqueueNotification(scope, {
      channel: 'email',
      to: f.email,
      subject: t('reports.follow.mail.alertSubject', { count: near.length, tenant: tenant.name }),
      body: [
        t('reports.follow.mail.alertIntro', { count: near.length, radius }),
        items.join('\n\n'),
        t('reports.notice.stopLine', { stop }),
      ].join('\n\n'),
      unsubscribeUrl: stop,
    });
    await recordAlerts(
      scope,
      f.id,
      near.map((r) => r.id),
    );
    sent++;
  }
  return sent;
}
