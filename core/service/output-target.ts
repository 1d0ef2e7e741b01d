/**
 * Where a workbook may be written. The desktop shell passes the absolute path the user chose in
 * the save dialog; the web shell passes a bare file name, written into its downloads folder, so
 * a page can never name a path elsewhere on the machine.
 */
import { mkdir } from 'node:fs/promises';
import { basename, isAbsolute, join } from 'node:path';
import type { ServiceOptions } from './service-context.js';
import { ServiceFailure, serviceIssues } from './service-errors.js';

function refuse(target: string, zh: string, en: string): never {
  throw new ServiceFailure(serviceIssues.badTarget(target, zh, en));
}

/** The path to write; the web shell's downloads folder is created when missing. */
export async function resolveTarget(options: ServiceOptions, target: string): Promise<string> {
  if (!/\.xlsx$/i.test(target)) refuse(target, '文件名须以 .xlsx 结尾', 'the file name must end in .xlsx');
  if (options.shell === 'electron') {
    if (!isAbsolute(target)) refuse(target, '须为完整路径', 'it must be a full path');
    return target;
  }
  if (options.downloadsDir === undefined) refuse(target, '未设置下载文件夹', 'no downloads folder is set');
  if (basename(target) !== target || target.includes('/') || target.includes('\\') || target.startsWith('.')) {
    refuse(target, '只能是文件名，不能含路径', 'it must be a file name without a path');
  }
  await mkdir(options.downloadsDir, { recursive: true });
  return join(options.downloadsDir, target);
}
