/** The console's entry: reads the page's configuration, sets up the language, mounts the app. */
import i18next from 'i18next';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { Api, readConfig } from './api.ts';
import { App } from './app.tsx';
import { CONSOLE_APPS } from './installed.ts';
import { consoleMessagesWith } from './messages.ts';
import { setRoot } from './router.ts';
import './console.css';

const config = readConfig();
setRoot(config.base);
document.documentElement.style.setProperty('--primary', config.primaryColor);
const messages = consoleMessagesWith(CONSOLE_APPS);
const t = i18next.createInstance();
await t.init({
  lng: config.lang,
  fallbackLng: 'id',
  resources: { id: { translation: messages.id }, en: { translation: messages.en } },
  interpolation: { escapeValue: false },
  initAsync: false,
});
const api = new Api(config);
const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <App api={api} t={t.t} />
    </StrictMode>,
  );
}
