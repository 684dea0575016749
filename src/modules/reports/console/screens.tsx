/**
 * The reports app's console screens by address, loaded together as the app's chunk: the
 * operators' triage queue (`/triase`), an agency's work (`/tugas`) and a report (`/laporan/<no>`).
 */
import { NotFound, type ScreenProps } from '../../../platform/sdk/console.ts';
import { ReportQueue } from './queue.tsx';
import { ReportScreen } from './report.tsx';

export function TriageScreen({ parts, search }: ScreenProps) {
  return parts.length ? <NotFound /> : <ReportQueue kind="triage" search={search} />;
}

export function WorkScreen({ parts, search }: ScreenProps) {
  return parts.length ? <NotFound /> : <ReportQueue kind="work" search={search} />;
}

export function ReportPageScreen({ parts }: ScreenProps) {
  const [no] = parts;
  return no && parts.length === 1 ? <ReportScreen no={no} /> : <NotFound />;
}
