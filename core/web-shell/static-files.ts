/**
 * The renderer's built files (vite's output) for GET and HEAD. A request names a file inside the
 * build folder and nothing else: the decoded path is resolved against the folder and must stay
 * under it, so `..`, encoded separators and absolute paths cannot leave it.
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { resolve, sep } from 'node:path';
import { answerProblem } from './answers.js';
import { contentTypeOf } from './content-types.js';
import { webIssues } from './web-issues.js';

/** Shown when the renderer has not been built: the web shell then serves only the API. */
const NOT_BUILT_PAGE = `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>Customer Value Studio</title></head>
<body><h1>客户价值评估 / Customer Value Studio</h1>
<p>界面尚未构建。请先运行 <code>npm run build:renderer</code>，再重新运行 <code>npm run cvalue -- serve</code>。</p>
<p>The screens have not been built yet. Run <code>npm run build:renderer</code>, then <code>npm run cvalue -- serve</code> again.</p>
</body></html>
`;

/** Resolves a URL path to a file under `root`, or null when it would leave it. */
export function resolveInside(root: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const base = resolve(root);
  // Leading separators go, so the rest is relative to the folder; anything still absolute
  // (a drive letter) or climbing out with `..` resolves outside it and is refused.
  const file = resolve(base, decoded.replace(/^[/\\]+/, ''));
  return file.startsWith(base + sep) ? file : null;
}

export async function serveStatic(req: IncomingMessage, res: ServerResponse, root: string, urlPath: string): Promise<void> {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    answerProblem(res, 405, webIssues.badMethod, { Allow: 'GET, HEAD' });
    return;
  }
  const wanted = resolveInside(root, urlPath === '/' ? '/index.html' : urlPath);
  if (wanted === null) {
    answerProblem(res, 404, webIssues.notFound);
    return;
  }
  // A path without an extension is a screen of the single-page app: the page routes it itself.
  const lastSegment = urlPath.slice(urlPath.lastIndexOf('/') + 1);
  const file = (await isFile(wanted)) ? wanted : lastSegment.includes('.') ? null : resolve(root, 'index.html');
  if (file === null) {
    answerProblem(res, 404, webIssues.notFound);
    return;
  }
  const size = await fileSize(file);
  if (size === null) {
    sendNotBuilt(req, res);
    return;
  }
  res.writeHead(200, {
    'Content-Type': contentTypeOf(file),
    'Content-Length': size,
    'Cache-Control': cachePolicy(root, file),
  });
  if (req.method === 'HEAD') {
    res.end();
    return;
  }
  createReadStream(file)
    .on('error', () => res.destroy())
    .pipe(res);
}

/**
 * index.html is read on every load so a rebuilt renderer shows at once; vite's hashed files under
 * assets/ never change under their name, so the browser may keep them.
 */
function cachePolicy(root: string, file: string): string {
  return file.startsWith(resolve(root, 'assets') + sep) ? 'public, max-age=31536000, immutable' : 'no-store';
}

function sendNotBuilt(req: IncomingMessage, res: ServerResponse): void {
  res.writeHead(503, { 'Content-Type': 'text/html; charset=utf-8', 'Content-Length': Buffer.byteLength(NOT_BUILT_PAGE), 'Cache-Control': 'no-store' });
  res.end(req.method === 'HEAD' ? undefined : NOT_BUILT_PAGE);
}

async function isFile(path: string): Promise<boolean> {
  return (await fileSize(path)) !== null;
}

async function fileSize(path: string): Promise<number | null> {
  try {
    const s = await stat(path);
    return s.isFile() ? s.size : null;
  } catch {
    return null;
  }
}
