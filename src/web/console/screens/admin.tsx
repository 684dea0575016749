/** The tenant administrators' screens (to be built: agencies, staff, categories, holidays, …). */
import { useConsole } from '../ui.tsx';

export function AdminScreen({ section }: { section: string }) {
  const { t } = useConsole();
  return (
    <section>
      <h1>{t('nav.admin')}</h1>
      <p data-section={section}>{t('notFound')}</p>
    </section>
  );
}
