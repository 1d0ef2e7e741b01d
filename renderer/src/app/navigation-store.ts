/**
 * Which screen is shown. Kept in the URL hash as well, so a reload (or an end-to-end test)
 * can open a screen directly; any page may call `go` (e.g. results → one customer).
 */
import { create } from 'zustand';
import { isPageId, type PageId } from './pages';

function pageFromHash(): PageId {
  const id = globalThis.location?.hash.replace(/^#\/?/, '') ?? '';
  return isPageId(id) ? id : 'data';
}

interface NavigationState {
  readonly page: PageId;
  go(page: PageId): void;
  /** Follows the hash after the browser's back/forward. */
  syncFromHash(): void;
}

export const useNavigationStore = create<NavigationState>()((set) => ({
  page: pageFromHash(),
  go(page) {
    if (globalThis.location !== undefined) globalThis.location.hash = `#/${page}`;
    set({ page });
  },
  syncFromHash() {
    set({ page: pageFromHash() });
  },
}));
