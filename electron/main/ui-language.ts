/**
 * The language of the menu and the native dialogs: English when the system's preferred language
 * is English, Chinese otherwise (the app's users are Chinese finance analysts). The page keeps
 * its own choice in localStorage, which the main process cannot read without running script in
 * the page, so the two follow separate settings.
 */
import type { Lang } from '../../core/model/messages.js';

export function uiLanguage(preferredLanguages: readonly string[]): Lang {
  const first = preferredLanguages[0]?.toLowerCase() ?? '';
  return first === 'en' || first.startsWith('en-') ? 'en' : 'zh';
}

/** Picks the text for the language. */
export function pick(lang: Lang, zh: string, en: string): string {
  return lang === 'en' ? en : zh;
}
