/**
 * The app shell: header (name, loaded data, language), navigation, the current screen inside
 * its own error boundary, and the global job progress bar.
 */
import { useEffect, type ComponentType } from 'react';
import { useTranslation } from 'react-i18next';
import type { ServiceClient } from '../api/service-client';
import { CampaignsPage } from '../pages/campaigns/CampaignsPage';
import { ComparePage } from '../pages/compare/ComparePage';
import { CustomersPage } from '../pages/customers/CustomersPage';
import { DataPage } from '../pages/data/DataPage';
import { ExportPage } from '../pages/export/ExportPage';
import { ModelPage } from '../pages/model/ModelPage';
import { ResultSetsPage } from '../pages/result-sets/ResultSetsPage';
import { ResultsPage } from '../pages/results/ResultsPage';
import { TargetsPage } from '../pages/targets/TargetsPage';
import { TrendPage } from '../pages/trend/TrendPage';
import { WarningsPage } from '../pages/warnings/WarningsPage';
import { useDatasetsStore } from '../stores/datasets-store';
import { useScenarioStore } from '../stores/scenario-store';
import { DataSummary } from './DataSummary';
import { ErrorBoundary } from './ErrorBoundary';
import { JobProgress } from './JobProgress';
import { LanguageSwitch } from './LanguageSwitch';
import { Navigation } from './Navigation';
import { useNavigationStore } from './navigation-store';
import type { PageId } from './pages';
import { ServiceProvider } from './ServiceProvider';

const PAGES: Record<PageId, ComponentType> = {
  data: DataPage,
  model: ModelPage,
  results: ResultsPage,
  customers: CustomersPage,
  compare: ComparePage,
  campaigns: CampaignsPage,
  trend: TrendPage,
  warnings: WarningsPage,
  targets: TargetsPage,
  'result-sets': ResultSetsPage,
  export: ExportPage,
};

export function App({ client }: { client: ServiceClient }) {
  return (
    <ServiceProvider client={client}>
      <ErrorBoundary>
        <Shell />
      </ErrorBoundary>
    </ServiceProvider>
  );
}

function Shell() {
  const { t } = useTranslation('app');
  const page = useNavigationStore((s) => s.page);
  const syncFromHash = useNavigationStore((s) => s.syncFromHash);
  const Page = PAGES[page];

  useEffect(() => {
    // Every screen needs the datasets (header summary) and the saved scenarios (scenario pickers).
    void useDatasetsStore.getState().refresh();
    void useScenarioStore.getState().refresh();
  }, []);

  useEffect(() => {
    window.addEventListener('hashchange', syncFromHash);
    return () => window.removeEventListener('hashchange', syncFromHash);
  }, [syncFromHash]);

  return (
    <div className="app">
      <header className="app-header">
        <div className="app-header__brand">
          <span className="app-header__logo" aria-hidden="true" />
          <h1 className="app-header__name">{t('appName')}</h1>
          <span className="app-header__secondary">{t('appNameSecondary')}</span>
        </div>
        <DataSummary />
        <LanguageSwitch />
      </header>
      <JobProgress />
      <Navigation />
      <main className="app-main" data-testid={`main-${page}`}>
        <ErrorBoundary resetKey={page}>
          <Page />
        </ErrorBoundary>
      </main>
    </div>
  );
}
