/**
 * The pages' server-sent event streams. Single user, but possibly several tabs: a call's progress
 * goes to the streams of the tab that made it (its `x-cvs-client` id), or to every stream when
 * the caller named none; `data:changed` goes to every stream, since every tab's lists are stale.
 */
import type { ServerResponse } from 'node:http';
import type { ServiceEventMessage } from '../service/contract.js';

interface Stream {
  readonly res: ServerResponse;
  readonly clientId: string | undefined;
}

export interface EventHub {
  /** Takes over an answer as an event stream until the page goes away. */
  attach(res: ServerResponse, clientId: string | undefined): void;
  publish(message: ServiceEventMessage, fromClient: string | undefined): void;
  closeAll(): void;
}

export function createEventHub(heartbeatMs: number): EventHub {
  const streams = new Set<Stream>();
  // A comment line now and then keeps proxies and idle-connection timers from closing the stream.
  const heartbeat = setInterval(() => {
    for (const s of streams) s.res.write(': heartbeat\n\n');
  }, heartbeatMs);
  heartbeat.unref();

  return {
    attach(res, clientId) {
      res.writeHead(200, {
        'Content-Type': 'text/event-stream; charset=utf-8',
        'Cache-Control': 'no-store',
        Connection: 'keep-alive',
      });
      // The first line makes the browser's EventSource report `open`; `retry` paces reconnects.
      res.write('retry: 2000\n: connected\n\n');
      const stream: Stream = { res, clientId };
      streams.add(stream);
      res.on('close', () => streams.delete(stream));
    },
    publish(message, fromClient) {
      const everyone = message.event === 'data:changed' || fromClient === undefined;
      // JSON.stringify never emits a raw line break, so one `data:` line carries the message.
      const frame = `data: ${JSON.stringify(message)}\n\n`;
      for (const s of streams) if (everyone || s.clientId === fromClient) s.res.write(frame);
    },
    closeAll() {
      clearInterval(heartbeat);
      for (const s of streams) s.res.end();
      streams.clear();
    },
  };
}
