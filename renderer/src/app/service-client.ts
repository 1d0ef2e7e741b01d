/**
 * The client the stores call. Components get it from ServiceProvider's context; stores live
 * outside React, so ServiceProvider also binds it here before any child renders.
 */
import type { ServiceClient } from '../api/service-client';

let bound: ServiceClient | null = null;

export function bindServiceClient(client: ServiceClient): void {
  bound = client;
}

export function serviceClient(): ServiceClient {
  if (bound === null) throw new Error('No service client: render the app inside <ServiceProvider>.');
  return bound;
}
