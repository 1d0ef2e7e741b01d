/** Opens a knowledge base for a command, turning store errors into exit-1 messages and always closing it. */
import { openStore, type OpenStoreOptions, type Store } from '../store/open-store.js';
import { StoreError, storeErrorFromSqlite } from '../store/store-errors.js';
import { inputError } from './cli-error.js';

export async function withStore<T>(path: string, options: OpenStoreOptions, use: (store: Store) => T | Promise<T>): Promise<T> {
  let store: Store | undefined;
  try {
    store = openStore(path, options);
    return await use(store);
  } catch (e) {
    const known = e instanceof StoreError ? e : storeErrorFromSqlite(e, path);
    if (known !== null) throw inputError(known.zh, known.en);
    throw e;
  } finally {
    store?.close();
  }
}
