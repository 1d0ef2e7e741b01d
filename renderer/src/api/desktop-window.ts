/**
 * The desktop window's API as the preload exposes it (`window.cvs`): the contract's DesktopBridge
 * and the folder dialog for a results set (issue 7), which the contract does not name yet.
 * electron/shared/window-api.ts declares the same for the preload (the renderer imports nothing
 * from electron/); test/electron/preload-bridge.test.ts checks that the preload's bridge is one
 * of these.
 */
import type { DesktopBridge } from '../../../core/service/contract.js';

export interface DesktopWindowApi extends DesktopBridge {
  /** The native folder dialog for a results set (a `cvalue run --out-dir` or warehouse export folder); null when cancelled. */
  pickResultsFolder(): Promise<string | null>;
}
