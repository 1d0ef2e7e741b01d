/** Requests the tests need beyond fetch: a chosen Host header, an unnormalised path, an event stream. */
import { request } from 'node:http';
import type { ServiceEventMessage } from '../../core/service/contract.js';

export interface RawAnswer {
  readonly status: number;
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
  readonly body: string;
}

/** node:http sends the path and headers as given (fetch would normalise `..` and refuse to set Host). */
export function rawRequest(port: number, path: string, options: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<RawAnswer> {
  return new Promise((done, fail) => {
    const req = request({ host: '127.0.0.1', port, path, method: options.method ?? 'GET', headers: options.headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => done({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', fail);
    req.end(options.body);
  });
}

export interface EventReader {
  /** The next event, or a rejection after `timeoutMs`. */
  next(timeoutMs?: number): Promise<ServiceEventMessage>;
  /** Every comment line seen so far (`connected`, heartbeats). */
  readonly comments: readonly string[];
  close(): void;
}

/** Reads a server-sent event stream with fetch; resolves once the stream is open. */
export async function readEvents(url: string): Promise<EventReader> {
  const abort = new AbortController();
  const res = await fetch(url, { signal: abort.signal });
  if (res.status !== 200 || res.body === null) throw new Error(`event stream refused: ${res.status}`);
  const queue: ServiceEventMessage[] = [];
  const comments: string[] = [];
  let wake: (() => void) | undefined;
  const decoder = new TextDecoder();
  let buffer = '';
  void (async () => {
    try {
      for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
        buffer += decoder.decode(chunk, { stream: true });
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          for (const line of buffer.slice(0, end).split('\n')) {
            if (line.startsWith('data: ')) queue.push(JSON.parse(line.slice(6)) as ServiceEventMessage);
            else if (line.startsWith(': ')) comments.push(line.slice(2));
          }
          buffer = buffer.slice(end + 2);
          wake?.();
        }
      }
    } catch {
      // Aborted by close().
    }
  })();
  return {
    comments,
    async next(timeoutMs = 2000) {
      const deadline = Date.now() + timeoutMs;
      while (queue.length === 0) {
        const left = deadline - Date.now();
        if (left <= 0) throw new Error('no event arrived');
        await new Promise<void>((r) => {
          wake = r;
          setTimeout(r, left);
        });
      }
      return queue.shift() as ServiceEventMessage;
    },
    close: () => abort.abort(),
  };
}
