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

export interface RawEventStream {
  /** The answer's status once its headers arrived, 0 when the request failed. */
  readonly opened: Promise<number>;
  close(): void;
}

/** Reads a server-sent event stream with fetch, handing over each event's data and each comment line. */
export function openEventStream(url: string, onData: (data: string) => void, onComment: (text: string) => void = () => undefined): RawEventStream {
  const abort = new AbortController();
  const opened = fetch(url, { signal: abort.signal }).then(
    (res) => {
      if (res.status === 200 && res.body !== null) void readFrames(res.body, onData, onComment);
      return res.status;
    },
    () => 0,
  );
  return { opened, close: () => abort.abort() };
}

async function readFrames(body: ReadableStream<Uint8Array>, onData: (data: string) => void, onComment: (text: string) => void): Promise<void> {
  const decoder = new TextDecoder();
  let buffer = '';
  try {
    for await (const chunk of body as unknown as AsyncIterable<Uint8Array>) {
      buffer += decoder.decode(chunk, { stream: true });
      let end: number;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        for (const line of buffer.slice(0, end).split('\n')) {
          if (line.startsWith('data: ')) onData(line.slice(6));
          else if (line.startsWith(': ')) onComment(line.slice(2));
        }
        buffer = buffer.slice(end + 2);
      }
    }
  } catch {
    // Aborted by close().
  }
}

export interface EventReader {
  /** The next event, or a rejection after `timeoutMs`. */
  next(timeoutMs?: number): Promise<ServiceEventMessage>;
  /** Every comment line seen so far (`connected`, heartbeats). */
  readonly comments: readonly string[];
  close(): void;
}

/** An event stream read message by message; resolves once the stream is open. */
export async function readEvents(url: string): Promise<EventReader> {
  const queue: ServiceEventMessage[] = [];
  const comments: string[] = [];
  let wake: (() => void) | undefined;
  const stream = openEventStream(
    url,
    (data) => {
      queue.push(JSON.parse(data) as ServiceEventMessage);
      wake?.();
    },
    (text) => comments.push(text),
  );
  const status = await stream.opened;
  if (status !== 200) throw new Error(`event stream refused: ${status}`);
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
    close: () => stream.close(),
  };
}
