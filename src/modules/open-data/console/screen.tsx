/**
 * The app's console screen (`/konsol/open-data`): a placeholder until the producer's and the
 * walidata's screens are built; the API (`/api/v1/open-data/...`) already does the work.
 */
import { NotFound, type ScreenProps, useConsole } from '../../../platform/sdk/console.ts';

export default function OpenDataScreen({ parts }: ScreenProps) {
  const { t } = useConsole();
  if (parts.length) return <NotFound />;
  return (
    <section aria-labelledby="open-data-title">
      <h1 id="open-data-title">{t('openData.title')}</h1>
      <p>{t('openData.intro')}</p>
    </section>
  );
}
