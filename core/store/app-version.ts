/** The app's version, recorded with every import so a dataset says which build read it. */
import packageJson from '../../package.json' with { type: 'json' };

export const APP_VERSION: string = packageJson.version;
