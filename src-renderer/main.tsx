import './zod-config';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { createApi } from './api/create-api';
import { en } from './i18n/en';
import { initI18n } from './i18n/i18n';
import { createAppStore } from './stores/app-store';
import { StoreProvider } from './stores/store-context';
import './styles.css';

initI18n();
const root = createRoot(document.getElementById('root') as HTMLElement);
const api = createApi();
if ('error' in api) {
  root.render(<p className="fatal">{en.app.missingToken}</p>);
} else {
  const store = createAppStore(api);
  root.render(
    <StrictMode>
      <StoreProvider store={store}>
        <App />
      </StoreProvider>
    </StrictMode>,
  );
}
