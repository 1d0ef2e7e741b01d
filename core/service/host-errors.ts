/**
 * The errors a shell's host answers itself (worker gone, host closed, argument not plain data).
 * Kept apart from the service's catalogue so a shell's main process can hold the host without
 * loading SQLite, the engine and the exporters.
 */
import type { ServiceError } from './contract.js';

type Details = Readonly<Record<string, string | number>>;

export function issue(code: string, zh: string, en: string, details?: Details): ServiceError {
  return details === undefined ? { code, zh, en } : { code, zh, en, details };
}

export const hostIssues = {
  badArgument: (channel: string, path: string, zh: string, en: string) =>
    issue('service.bad_argument', `调用 ${channel} 的参数有误：${path === '' ? '' : `${path}：`}${zh}`, `Bad argument to ${channel}: ${path === '' ? '' : `${path}: `}${en}`, { channel, path }),
  workerFailed: issue(
    'service.worker_failed',
    '计算进程意外退出，操作未完成；下一次操作会自动重启它，请重试',
    'The computing process stopped unexpectedly and the operation did not complete; it restarts with the next call, so try again',
  ),
  closed: issue('service.closed', '服务已关闭', 'The service has been closed'),
};
