/**
 * The web shell's own refusals, as data with a code and both languages like every error that
 * crosses a boundary (STYLE.md). They travel in the same `{ ok: false, error }` envelope as a
 * refused service call, so the page shows them the same way.
 */
import { problem, type Problem } from '../model/messages.js';

export const webIssues = {
  badHost: problem('web.bad_host', '请求的主机名不是本机服务（只接受 127.0.0.1 或 localhost）', 'The request is not addressed to this local server (only 127.0.0.1 or localhost)'),
  badOrigin: problem('web.bad_origin', '请求来自其他网站，已拒绝', 'The request comes from another site and was refused'),
  badToken: problem(
    'web.bad_token',
    '访问令牌缺失或无效：请用 cvalue serve 打印的链接打开本页',
    'The access token is missing or wrong: open this page with the link cvalue serve printed',
  ),
  notFound: problem('web.not_found', '没有这个地址', 'No such address'),
  badMethod: problem('web.bad_method', '此地址不接受这种请求方法', 'This address does not accept that request method'),
  badRequest: problem('web.bad_request', '请求格式有误', 'The request is malformed'),
  unknownChannel: (name: string): Problem => problem('web.unknown_channel', `未知的服务调用：${name}`, `Unknown service call: ${name}`),
  tooLarge: (limitBytes: number): Problem =>
    problem('web.too_large', `请求内容超过 ${formatBytes(limitBytes)} 的上限`, `The request body is larger than the limit of ${formatBytes(limitBytes)}`),
  badJson: problem('web.bad_json', '请求内容不是有效的 JSON', 'The request body is not valid JSON'),
  badFileName: problem('web.bad_file_name', '缺少上传文件名（x-cvs-filename）或文件名无效', 'The upload has no file name (x-cvs-filename) or an invalid one'),
  badFileType: (name: string): Problem =>
    problem('web.bad_file_type', `只能上传 .xlsx、.csv 或 .json 文件：${name}`, `Only .xlsx, .csv and .json files can be uploaded: ${name}`),
  pathOutside: (path: string): Problem =>
    problem('web.path_outside', `网页版只能读取上传到本页的文件：${path}`, `The web version reads only files uploaded to this page: ${path}`),
  internal: problem('web.internal', '服务内部错误，请查看运行 cvalue serve 的窗口', 'Internal error of the service; see the window running cvalue serve'),
} as const;

function formatBytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${Math.round(bytes / (1024 * 1024))} MB` : `${Math.round(bytes / 1024)} KB`;
}
