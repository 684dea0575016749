/**
 * The app's screens (`/konsol/open-data/…`), loaded as the app's chunk:
 *
 *   /open-data                 the producer's datasets (`?state=` narrows to one state)
 *   /open-data/baru            a new dataset
 *   /open-data/dataset/<id>    a dataset: its resources, its metadata, "submit for review"
 *   /open-data/periksa         the walidata's queue (`?state=published` the published ones)
 *   /open-data/periksa/<id>    the walidata's check: publish, return with a note, unpublish
 *   /open-data/tema            the themes
 *
 * Each screen shows what the session may do; the API decides again.
 */
import { NotFound, type ScreenProps } from '../../../platform/sdk/console.ts';
import { DatasetSection } from './dataset.tsx';
import { DatasetsSection } from './datasets.tsx';
import { NewDatasetSection } from './new-dataset.tsx';
import { ReviewSection } from './review.tsx';
import { ReviewQueueSection } from './review-queue.tsx';
import { ThemesSection } from './themes.tsx';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export default function OpenDataScreen({ parts, search }: ScreenProps) {
  const [first, id, ...rest] = parts;
  if (rest.length) return <NotFound />;
  if (!first) return <DatasetsSection search={search} />;
  if (first === 'baru' && !id) return <NewDatasetSection />;
  if (first === 'dataset' && id && UUID.test(id)) return <DatasetSection key={id} id={id} search={search} />;
  if (first === 'periksa' && !id) return <ReviewQueueSection search={search} />;
  if (first === 'periksa' && id && UUID.test(id)) return <ReviewSection key={id} id={id} />;
  if (first === 'tema' && !id) return <ThemesSection />;
  return <NotFound />;
}
