/**
 * Why the main process refused a call from the page, as coded bilingual data (STYLE.md: errors
 * cross a boundary as data). The page shows zh or en; `details` names what was wrong. An unknown
 * channel or a bad argument carries the service's own code (core/service/service-errors.ts),
 * so the page sees one code whether the edge or the service caught it.
 */
import type { ServiceError } from '../../core/service/contract.js';

export const ipcErrors = {
  wrongSender: (): ServiceError => ({
    code: 'ipc.wrong_sender',
    zh: '调用不是来自本应用的窗口，已拒绝。',
    en: 'The call did not come from the app window and was refused.',
  }),
  unknownChannel: (channel: string): ServiceError => ({
    code: 'service.unknown_channel',
    zh: `没有名为“${channel}”的服务调用。`,
    en: `There is no service call named "${channel}".`,
    details: { channel },
  }),
  badArgument: (channel: string, path: string, issue: string): ServiceError => ({
    code: 'service.bad_argument',
    zh: `“${channel}”的参数无效（${path === '' ? '参数本身' : path}）：${issue}`,
    en: `Invalid argument for "${channel}" (${path === '' ? 'the argument itself' : path}): ${issue}`,
    details: { channel, path, issue },
  }),
  targetNotChosen: (target: string): ServiceError => ({
    code: 'ipc.target_not_chosen',
    zh: `只能写入在“保存”对话框中选择的文件：${target}`,
    en: `Only a file chosen in the Save dialog can be written: ${target}`,
    details: { target },
  }),
  notScenarioFile: (target: string): ServiceError => ({
    code: 'ipc.not_scenario_file',
    zh: `方案文件的名称必须以 .scenario.json 结尾：${target}`,
    en: `A scenario file's name must end in .scenario.json: ${target}`,
    details: { target },
  }),
  pathNotKnown: (path: string): ServiceError => ({
    code: 'ipc.path_not_known',
    zh: `只能显示本次选择或保存过的文件：${path}`,
    en: `Only files chosen or saved in this session can be shown: ${path}`,
    details: { path },
  }),
  writeFailed: (target: string, reason: string): ServiceError => ({
    code: 'ipc.write_failed',
    zh: `无法写入文件 ${target}（${reason}）。`,
    en: `Could not write the file ${target} (${reason}).`,
    details: { target, reason },
  }),
  internal: (what: string): ServiceError => ({
    code: 'ipc.internal',
    zh: `处理“${what}”时出现内部错误。`,
    en: `An internal error occurred while handling "${what}".`,
    details: { what },
  }),
} as const;
