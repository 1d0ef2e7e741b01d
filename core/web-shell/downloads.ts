/**
 * Files the service wrote for the page (export targets in the web shell are names inside the
 * launch's downloads folder), sent as attachments so the browser saves them.
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { ServerResponse } from 'node:http';
import { join } from 'node:path';
import { answerProblem } from './answers.js';
import { contentTypeOf } from './content-types.js';
import { isPlainFileName } from './file-names.js';
import { webIssues } from './web-issues.js';

export async function serveDownload(res: ServerResponse, dir: string, name: string | null): Promise<void> {
  if (name === null || !isPlainFileName(name)) {
    answerProblem(res, 404, webIssues.notFound);
    return;
  }
  const file = join(dir, name);
  const size = await stat(file).then((s) => (s.isFile() ? s.size : null), () => null);
  if (size === null) {
    answerProblem(res, 404, webIssues.notFound);
    return;
  }
  res.writeHead(200, {
    'Content-Type': contentTypeOf(file),
    'Content-Length': size,
    'Content-Disposition': attachment(name),
    'Cache-Control': 'no-store',
  });
  createReadStream(file)
    .on('error', () => res.destroy())
    .pipe(res);
}

/** RFC 6266: an ASCII fallback for old clients, the real (often Chinese) name as UTF-8 in filename*. */
export function attachment(name: string): string {
  const ascii = name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  const utf8 = encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${ascii}"; filename*=UTF-8''${utf8}`;
}
