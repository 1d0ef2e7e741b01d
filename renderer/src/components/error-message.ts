/**
 * What a failed call says to the user. The client throws ServiceCallError carrying the
 * service's bilingual error; anything else (a bug, a lost connection) gets a generic message,
 * never a stack trace.
 */
import type { Bilingual } from '../../../core/model/messages';

const UNEXPECTED: Bilingual = { zh: '发生意外错误，请重试。', en: 'An unexpected error occurred. Please try again.' };

function isBilingual(value: unknown): value is Bilingual {
  return value !== null && typeof value === 'object' && typeof (value as Bilingual).zh === 'string' && typeof (value as Bilingual).en === 'string';
}

export function errorMessage(error: unknown): Bilingual {
  if (error !== null && typeof error === 'object' && 'error' in error && isBilingual(error.error)) {
    return { zh: error.error.zh, en: error.error.en };
  }
  return UNEXPECTED;
}
