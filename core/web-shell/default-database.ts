/** Where the web shell keeps its knowledge base when no --db is given: the user's app data folder. */
import { homedir } from 'node:os';
import { join } from 'node:path';

export function defaultDatabasePath(platform: NodeJS.Platform = process.platform, env: NodeJS.ProcessEnv = process.env, home: string = homedir()): string {
  switch (platform) {
    case 'win32':
      return join(env.APPDATA ?? join(home, 'AppData', 'Roaming'), 'CustomerValueStudio', 'knowledge.db');
    case 'darwin':
      return join(home, 'Library', 'Application Support', 'CustomerValueStudio', 'knowledge.db');
    default:
      return join(env.XDG_DATA_HOME ?? join(home, '.local', 'share'), 'customer-value-studio', 'knowledge.db');
  }
}
