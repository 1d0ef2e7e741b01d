/**
 * The window API the preload exposes as `window.cvs`: the contract's DesktopBridge and the folder
 * dialog for a results set (issue 7). The member belongs in DesktopBridge (core/service/contract.ts);
 * until it is there it is declared here for the preload and in renderer/src/api/desktop-window.ts
 * for the screens, and test/electron/preload-bridge.test.ts checks that the two agree.
 */
import type { DesktopBridge } from '../../core/service/contract.js';

export interface WindowApi extends DesktopBridge {
  /** The native folder dialog for a results set; null when cancelled. */
  pickResultsFolder(): Promise<string | null>;
}
