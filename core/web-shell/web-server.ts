/**
 * The web shell's HTTP server (node:http, 127.0.0.1 only): the renderer's files and the service
 * API for one launch.
 *
 *   GET  /, /assets/…             the renderer build (no token: the page must load to read it)
 *   POST /api/call/:channel       x-cvs-token; JSON argument → the call's `CallResult` (200 for a
 *                                 refused call too: the error is data); x-cvs-client names the
 *                                 tab whose event stream gets the call's progress
 *   GET  /api/events?token&client server-sent events, one `ServiceEventMessage` per event
 *   POST /api/upload              x-cvs-token, x-cvs-filename (URL-encoded); raw body → `{ path }`
 *   GET  /api/download?token&name a file of the downloads folder, as an attachment
 *
 * Every request must name us in Host (DNS rebinding), every POST with an Origin must carry ours,
 * and every /api request must hold the launch token (request-checks.ts). HTTP-level refusals
 * answer `{ ok: false, error }` like a refused call.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { isChannel, type ServiceHost } from '../service/contract.js';
import { answerJson, answerProblem } from './answers.js';
import { serveDownload } from './downloads.js';
import { createEventHub, type EventHub } from './event-hub.js';
import { readJsonBody } from './read-json-body.js';
import { hostIsOurs, originIsOurs, readClientId, tokenMatches } from './request-checks.js';
import { applySecurityHeaders } from './security-headers.js';
import { serveStatic } from './static-files.js';
import { createUploadStore, type UploadStore } from './uploads.js';
import { webIssues } from './web-issues.js';

export interface WebServerOptions {
  readonly host: ServiceHost;
  readonly token: string;
  /** The renderer build (vite's output folder); may be missing. */
  readonly rendererDir: string;
  readonly uploadsDir: string;
  readonly downloadsDir: string;
  /** 0 (the default): a free port chosen by the system. */
  readonly port?: number;
  readonly jsonLimitBytes?: number;
  readonly uploadLimitBytes?: number;
  readonly heartbeatMs?: number;
}

export interface WebServer {
  readonly port: number;
  readonly origin: string;
  /** The link for the first load: the token rides in the fragment, which no request carries. */
  readonly url: string;
  close(): Promise<void>;
}

export const DEFAULT_JSON_LIMIT = 2 * 1024 * 1024;
export const DEFAULT_UPLOAD_LIMIT = 512 * 1024 * 1024;
const DEFAULT_HEARTBEAT_MS = 15_000;

interface Context {
  readonly options: WebServerOptions;
  readonly port: number;
  readonly hub: EventHub;
  readonly uploads: UploadStore;
  readonly jsonLimit: number;
}

export async function startWebServer(options: WebServerOptions): Promise<WebServer> {
  const hub = createEventHub(options.heartbeatMs ?? DEFAULT_HEARTBEAT_MS);
  const uploadLimit = options.uploadLimitBytes ?? DEFAULT_UPLOAD_LIMIT;
  const server = createServer();
  const port = await listen(server, options.port ?? 0).catch((e: unknown) => {
    hub.closeAll();
    throw e;
  });
  const context: Context = { options, port, hub, uploads: createUploadStore(options.uploadsDir, uploadLimit), jsonLimit: options.jsonLimitBytes ?? DEFAULT_JSON_LIMIT };
  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    handle(context, req, res).catch(() => {
      if (!res.headersSent) answerProblem(res, 500, webIssues.internal);
      else res.destroy();
    });
  });
  const origin = `http://127.0.0.1:${port}`;
  return {
    port,
    origin,
    url: `${origin}/#token=${options.token}`,
    close: () =>
      new Promise<void>((done) => {
        hub.closeAll();
        server.close(() => done());
        // Kept-alive and streaming connections would otherwise hold close() open.
        server.closeAllConnections();
      }),
  };
}

function listen(server: Server, port: number): Promise<number> {
  return new Promise((done, fail) => {
    server.once('error', fail);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', fail);
      done((server.address() as AddressInfo).port);
    });
  });
}

async function handle(context: Context, req: IncomingMessage, res: ServerResponse): Promise<void> {
  applySecurityHeaders(res);
  if (!hostIsOurs(req, context.port)) return answerProblem(res, 403, webIssues.badHost);
  const url = new URL(req.url ?? '/', 'http://127.0.0.1');
  if (!url.pathname.startsWith('/api/')) return serveStatic(req, res, context.options.rendererDir, url.pathname);

  const post = req.method === 'POST';
  if (post && !originIsOurs(req, context.port)) return answerProblem(res, 403, webIssues.badOrigin);
  // EventSource and download links cannot set headers, so GETs carry the token in the query.
  const token = post ? req.headers['x-cvs-token'] : url.searchParams.get('token');
  if (!tokenMatches(context.options.token, token)) return answerProblem(res, 401, webIssues.badToken);

  const callPrefix = '/api/call/';
  if (url.pathname.startsWith(callPrefix)) return post ? call(context, req, res, url.pathname.slice(callPrefix.length)) : wrongMethod(res, 'POST');
  switch (url.pathname) {
    case '/api/events':
      return req.method === 'GET' ? events(context, res, url.searchParams.get('client')) : wrongMethod(res, 'GET');
    case '/api/upload':
      return post ? upload(context, req, res) : wrongMethod(res, 'POST');
    case '/api/download':
      return req.method === 'GET' ? serveDownload(res, context.options.downloadsDir, url.searchParams.get('name')) : wrongMethod(res, 'GET');
    default:
      return answerProblem(res, 404, webIssues.notFound);
  }
}

async function call(context: Context, req: IncomingMessage, res: ServerResponse, encodedChannel: string): Promise<void> {
  const channel = decodeSegment(encodedChannel);
  if (channel === null || !isChannel(channel)) return answerProblem(res, 404, webIssues.unknownChannel(channel ?? encodedChannel));
  const client = readClientId(req.headers['x-cvs-client']);
  if (!client.ok) return answerProblem(res, 400, webIssues.badRequest);
  const body = await readJsonBody(req, context.jsonLimit);
  if (!body.ok) {
    return body.reason === 'too_large' ? refuseBody(req, res, 413, webIssues.tooLarge(context.jsonLimit)) : answerProblem(res, 400, webIssues.badJson);
  }
  const result = await context.options.host.call(channel, body.value, (message) => context.hub.publish(message, client.clientId));
  answerJson(res, 200, result);
}

function events(context: Context, res: ServerResponse, clientParam: string | null): void {
  const client = readClientId(clientParam);
  if (!client.ok) return answerProblem(res, 400, webIssues.badRequest);
  context.hub.attach(res, client.clientId);
}

async function upload(context: Context, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const outcome = await context.uploads.receive(req);
  if (outcome.ok) return answerJson(res, 200, { path: outcome.path });
  return refuseBody(req, res, outcome.status, outcome.issue);
}

/**
 * Refuses a request whose body was not (fully) read: the rest is discarded rather than buffered,
 * and the connection closes after the answer, so the client reads the refusal instead of a reset.
 */
function refuseBody(req: IncomingMessage, res: ServerResponse, status: number, issue: Parameters<typeof answerProblem>[2]): void {
  answerProblem(res, status, issue, { Connection: 'close' });
  req.resume();
}

function wrongMethod(res: ServerResponse, allowed: string): void {
  answerProblem(res, 405, webIssues.badMethod, { Allow: allowed });
}

function decodeSegment(segment: string): string | null {
  try {
    return decodeURIComponent(segment);
  } catch {
    return null;
  }
}
