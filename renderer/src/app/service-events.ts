/**
 * The one place that listens to the service's push events and hands each to its store.
 * Returns the unsubscribe function.
 */
import type { ServiceClient } from '../api/service-client';
import { useDatasetsStore } from '../stores/datasets-store';
import { useJobsStore } from '../stores/jobs-store';
import { useResultSetsStore } from '../stores/result-sets-store';
import { useScenarioStore } from '../stores/scenario-store';

export function subscribeServiceEvents(client: ServiceClient): () => void {
  return client.onEvent((message) => {
    switch (message.event) {
      case 'jobs:progress':
        useJobsStore.getState().progress(message.payload);
        break;
      case 'data:changed':
        if (message.payload.what === 'datasets') void useDatasetsStore.getState().refresh();
        else if (message.payload.what === 'scenarios') void useScenarioStore.getState().refresh();
        else if (message.payload.what === 'results') void useResultSetsStore.getState().refresh();
        // Saved mappings are applied by the service; no screen lists them.
        break;
    }
  });
}
