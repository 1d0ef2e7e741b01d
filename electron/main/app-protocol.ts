/**
 * Serves the renderer build from app://cvs/: the scheme's privileges, the URL → file mapping
 * that never leaves the build folder, and the response with its MIME type and CSP header.
 * The policy and the types are the web shell's own (core/web-shell), so both shells serve the
 * same page the same way. No 'unsafe-eval' in it: the formula compiler never builds code from
 * text and the build inlines no scripts. Electron is not imported here (main.ts registers the
 * handler), so the mapping is unit-tested.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { CustomScheme } from 'electron';
import { contentTypeOf } from '../../core/web-shell/content-types.js';
import { CONTENT_SECURITY_POLICY } from '../../core/web-shell/security-headers.js';
import { APP_HOST, APP_SCHEME } from './app-origin.js';

/**
 * standard: relative URLs, a real origin and localStorage work as on the web; secure: the page is
 * a secure context (like https) without a certificate; supportFetchAPI: the page may fetch its
 * own files; codeCache: V8 caches the compiled bundle between starts. Not bypassCSP, and not
 * corsEnabled: the page's own module scripts are same-origin requests, and no other origin may
 * read app:// files.
 */
export const APP_SCHEME_PRIVILEGES: CustomScheme = {
  scheme: APP_SCHEME,
  privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true },
};

type PathApi = Pick<typeof path, 'resolve' | 'relative' | 'isAbsolute' | 'sep'>;

/**
 * The file under `root` that an app:// URL names, or null when the URL is not ours or would
 * leave `root`. The URL parser already folds ../ and %2e%2e/ segments; what remains are encoded
 * separators (..%2f, ..%5c on Windows), NUL bytes and absolute paths after decoding, all
 * refused here.
 * `pathApi` lets the tests check Windows semantics on any machine.
 */
export function resolveAppPath(root: string, requestUrl: string, pathApi: PathApi = path): string | null {
  if (!URL.canParse(requestUrl)) return null;
  const url = new URL(requestUrl);
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) return null;
  let decoded: string;
  try {
    decoded = decodeURIComponent(url.pathname);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const relativePath = decoded === '/' ? 'index.html' : decoded.slice(1);
  if (pathApi.isAbsolute(relativePath)) return null;
  const file = pathApi.resolve(root, relativePath);
  const inside = pathApi.relative(root, file);
  if (inside === '' || inside === '..' || inside.startsWith(`..${pathApi.sep}`) || pathApi.isAbsolute(inside)) return null;
  return file;
}

export interface AppProtocolOptions {
  /** The renderer build folder (dist/renderer next to the main bundle). */
  readonly root: string;
  /** Injected for tests; Electron's fs reads inside app.asar too. */
  readonly readFile?: (file: string) => Promise<Uint8Array>;
}

function plain(status: number, text: string): Response {
  return new Response(text, { status, headers: { 'Content-Type': 'text/plain; charset=utf-8', 'X-Content-Type-Options': 'nosniff' } });
}

/** A path whose last segment has no extension is a screen of the single-page app (as in the web shell). */
function isScreenPath(requestUrl: string): boolean {
  const pathname = new URL(requestUrl).pathname;
  return !pathname.slice(pathname.lastIndexOf('/') + 1).includes('.');
}

/** The function protocol.handle('app', …) calls for every request of the page. */
export function createAppProtocolHandler(options: AppProtocolOptions): (request: Request) => Promise<Response> {
  const read = options.readFile ?? readFile;
  const readOrNull = (file: string): Promise<Uint8Array | null> => read(file).catch(() => null);
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return plain(405, 'Method not allowed');
    const file = resolveAppPath(options.root, request.url);
    if (file === null) return plain(403, 'Forbidden');
    // Missing files and folders alike read as null; a screen's path gets the page, which routes it.
    let servedFile = file;
    let body = await readOrNull(file);
    if (body === null && isScreenPath(request.url)) {
      servedFile = path.join(options.root, 'index.html');
      body = await readOrNull(servedFile);
    }
    if (body === null) return plain(404, 'Not found');
    const headers = {
      'Content-Type': contentTypeOf(servedFile),
      'Content-Security-Policy': CONTENT_SECURITY_POLICY,
      'X-Content-Type-Options': 'nosniff',
    };
    return new Response(request.method === 'HEAD' ? null : body, { status: 200, headers });
  };
}
