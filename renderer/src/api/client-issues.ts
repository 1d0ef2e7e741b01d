/** Errors the client itself raises, coded and bilingual like the service's own (STYLE.md). */
import type { ServiceError } from '../../../core/service/contract.js';

export const clientIssues = {
  offline: {
    code: 'client.offline',
    zh: '无法连接本机服务：运行 cvalue serve 的窗口是否已关闭？',
    en: 'The local service cannot be reached: was the window running cvalue serve closed?',
  },
  badAnswer: (status: number): ServiceError => ({
    code: 'client.bad_answer',
    zh: `本机服务的应答无法识别（HTTP ${status}）`,
    en: `The local service gave an answer that cannot be read (HTTP ${status})`,
  }),
} as const satisfies Record<string, ServiceError | ((status: number) => ServiceError)>;
