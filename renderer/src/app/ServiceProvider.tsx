/**
 * Gives the screens the service client: components through context (useClient), stores
 * through the bound reference, and routes push events to the stores while mounted.
 */
import { createContext, useContext, useEffect, type ReactNode } from 'react';
import type { ServiceClient } from '../api/service-client';
import { bindServiceClient } from './service-client';
import { subscribeServiceEvents } from './service-events';

const ClientContext = createContext<ServiceClient | null>(null);

export function ServiceProvider({ client, children }: { client: ServiceClient; children: ReactNode }) {
  // Bound while rendering, not in an effect: children's effects (which load lists) run before ours.
  bindServiceClient(client);
  useEffect(() => subscribeServiceEvents(client), [client]);
  return <ClientContext.Provider value={client}>{children}</ClientContext.Provider>;
}

export function useClient(): ServiceClient {
  const client = useContext(ClientContext);
  if (client === null) throw new Error('useClient outside <ServiceProvider>');
  return client;
}
