/**
 * i18next with every namespace found in ./resources: a feature adds `resources/<namespace>.ts`
 * exporting `zh` and `en` (same keys; type `en` as `Translation<typeof zh>`) and never edits
 * this file. Chinese is the default; the choice is kept in localStorage.
 */
import i18next from 'i18next';
import { initReactI18next, useTranslation } from 'react-i18next';
import type { Bilingual, Lang } from '../../../core/model/messages';

/** The English table must have exactly the Chinese table's keys. */
export type Translation<T> = { readonly [K in keyof T]: T[K] extends string ? string : Translation<T[K]> };

interface NamespaceModule {
  readonly zh: Readonly<Record<string, unknown>>;
  readonly en: Readonly<Record<string, unknown>>;
}

export const LANG_STORAGE_KEY = 'cvs.lang';
export const LANGS: readonly Lang[] = ['zh', 'en'];

const modules = import.meta.glob<NamespaceModule>('./resources/*.ts', { eager: true });

function namespaceOf(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1, -'.ts'.length);
}

const resources: Record<Lang, Record<string, Readonly<Record<string, unknown>>>> = { zh: {}, en: {} };
for (const [path, module] of Object.entries(modules)) {
  resources.zh[namespaceOf(path)] = module.zh;
  resources.en[namespaceOf(path)] = module.en;
}

function isLang(value: unknown): value is Lang {
  return value === 'zh' || value === 'en';
}

/** localStorage may be unavailable (a locked-down profile); the app then simply starts in Chinese. */
function storedLang(): Lang {
  try {
    const stored = globalThis.localStorage?.getItem(LANG_STORAGE_KEY);
    return isLang(stored) ? stored : 'zh';
  } catch {
    return 'zh';
  }
}

void i18next.use(initReactI18next).init({
  resources,
  lng: storedLang(),
  fallbackLng: 'zh',
  ns: Object.keys(resources.zh),
  defaultNS: 'app',
  // Resources are bundled, so initialisation finishes before the first render.
  initAsync: false,
  interpolation: { escapeValue: false }, // React escapes
});
document.documentElement.lang = i18next.language === 'en' ? 'en' : 'zh-CN';

export async function setLang(lang: Lang): Promise<void> {
  try {
    globalThis.localStorage?.setItem(LANG_STORAGE_KEY, lang);
  } catch {
    // Not persisted; the switch still applies to this session.
  }
  await i18next.changeLanguage(lang);
  document.documentElement.lang = lang === 'en' ? 'en' : 'zh-CN';
}

/** The UI language, re-rendering the caller when it changes. */
export function useLang(): Lang {
  const { i18n } = useTranslation();
  return i18n.language === 'en' ? 'en' : 'zh';
}

/** A message that came from the service or the model, in the UI language. */
export function inLang(message: Bilingual, lang: Lang): string {
  return lang === 'en' ? message.en : message.zh;
}

export { i18next };
