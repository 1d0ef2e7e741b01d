/**
 * Fresh stores, Chinese texts and an unmounted screen for every test: the stores are module
 * singletons, so each test starts from their initial state.
 */
import { cleanup } from '@testing-library/react';
import { afterEach, beforeEach } from 'vitest';
import { useNavigationStore } from '../../../renderer/src/app/navigation-store';
import { i18next } from '../../../renderer/src/i18n';
import { useDatasetsStore } from '../../../renderer/src/stores/datasets-store';
import { useJobsStore } from '../../../renderer/src/stores/jobs-store';
import { useScenarioStore } from '../../../renderer/src/stores/scenario-store';

beforeEach(async () => {
  useScenarioStore.setState(useScenarioStore.getInitialState(), true);
  useDatasetsStore.setState(useDatasetsStore.getInitialState(), true);
  useJobsStore.setState(useJobsStore.getInitialState(), true);
  useNavigationStore.setState(useNavigationStore.getInitialState(), true);
  localStorage.clear();
  await i18next.changeLanguage('zh');
});

afterEach(() => {
  cleanup();
});
