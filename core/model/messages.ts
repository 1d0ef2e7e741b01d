/** Errors and warnings cross boundaries as data with a code and both languages (STYLE.md). */
export interface Bilingual {
  readonly zh: string;
  readonly en: string;
}

export interface Problem extends Bilingual {
  readonly code: string;
}

export type Lang = 'zh' | 'en';

export function problem(code: string, zh: string, en: string): Problem {
  return { code, zh, en };
}
