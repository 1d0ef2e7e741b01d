/** The screens in navigation order; the id is also the URL hash (#/model) and the test id suffix. */
export const PAGE_IDS = ['data', 'model', 'results', 'customers', 'compare', 'campaigns', 'trend', 'warnings', 'targets', 'result-sets', 'export'] as const;
export type PageId = (typeof PAGE_IDS)[number];

export function isPageId(value: string): value is PageId {
  return (PAGE_IDS as readonly string[]).includes(value);
}
