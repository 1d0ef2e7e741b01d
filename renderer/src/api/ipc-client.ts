/** The desktop transport: the preload script's `window.cvs` bridge, with refusals turned into ServiceCallError. */
import type { Channel, ChannelArgument, ChannelOutput, DesktopBridge } from '../../../core/service/contract.js';
import { unwrap, type ServiceClient } from './service-client.js';

export function createIpcClient(bridge: DesktopBridge): ServiceClient {
  return {
    shell: 'electron',
    async invoke<C extends Channel>(channel: C, argument: ChannelArgument<C>): Promise<ChannelOutput<C>> {
      return unwrap(await bridge.invoke(channel, argument));
    },
    onEvent: (listener) => bridge.on(listener),
    pickInputFiles: async () => [...(await bridge.pickInputFiles())],
    filesFromDrop: async (files) => files.map((file) => bridge.pathForFile(file)),
    async pickResultSet() {
      const folder = await bridge.pickResultsFolder();
      return { paths: folder === null ? [] : [folder], skipped: [] };
    },
    pickSaveTarget: (defaultName, kind) => bridge.pickSaveTarget(defaultName, kind),
    deliver: (path) => bridge.showInFolder(path),
    async saveScenarioFile(name, text) {
      const target = await bridge.pickSaveTarget(name, 'scenario');
      if (target === null) return false;
      await bridge.writeScenarioFile(target, text);
      return true;
    },
  };
}
