/** Flag parsing on node:util's parseArgs, with usage errors in both languages. */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { isMonthKey } from '../model/month.js';
import { usageError } from './cli-error.js';

export function parseFlags<T extends ParseArgsConfig>(config: T): ReturnType<typeof parseArgs<T>> {
  try {
    return parseArgs(config);
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    throw usageError(`参数有误：${message}`, `Bad arguments: ${message}`);
  }
}

export function requireFlag(value: string | undefined, flag: string): string {
  if (value === undefined || value === '') throw usageError(`缺少参数 ${flag}`, `Missing ${flag}`);
  return value;
}

export function monthFlag(value: string | undefined, flag: string): string | undefined {
  if (value === undefined) return undefined;
  if (!isMonthKey(value)) throw usageError(`${flag} 须为 YYYY-MM 格式：${value}`, `${flag} must be YYYY-MM: ${value}`);
  return value;
}

export function positiveIntFlag(value: string | undefined, flag: string, fallback?: number): number {
  if (value === undefined) {
    if (fallback !== undefined) return fallback;
    throw usageError(`缺少参数 ${flag}`, `Missing ${flag}`);
  }
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0) throw usageError(`${flag} 须为正整数：${value}`, `${flag} must be a positive whole number: ${value}`);
  return n;
}

/** --data may repeat and may hold comma-separated lists. */
export function listFlag(values: string[] | undefined): string[] {
  return (values ?? []).flatMap((v) => v.split(',')).map((v) => v.trim()).filter((v) => v !== '');
}
