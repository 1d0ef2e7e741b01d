import './app/zod-without-eval';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createClient } from './api/create-client';
import type { ServiceClient } from './api/service-client';
import { App } from './app/App';
import './i18n';
import './styles/index.css';

/**
 * `npx vite --config renderer/vite.config.ts` and open `/?fake`: the screens against a fake
 * service with sample data, for working on them without a shell. Vite drops this branch from
 * the production build.
 */
async function chooseClient(): Promise<ServiceClient> {
  if (import.meta.env.DEV && new URLSearchParams(location.search).has('fake')) {
    const { createFakeClient } = await import('./app/dev/fake-client');
    return createFakeClient();
  }
  return createClient();
}

const root = document.getElementById('root');
if (root === null) throw new Error('index.html has no #root');
const client = await chooseClient();
createRoot(root).render(
  <StrictMode>
    <App client={client} />
  </StrictMode>,
);
