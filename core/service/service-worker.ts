/**
 * The worker thread's entry: opens the service (knowledge base, data, runs) and answers the
 * host's calls, so the engine and the database never run on the shell's thread. Started by
 * service-host.ts with the service options as workerData.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { z } from 'zod';
import type { CallResult, Channel } from './contract.js';
import { openService } from './service-calls.js';
import { serviceIssues } from './service-errors.js';
import type { HostMessage, WorkerMessage } from './worker-protocol.js';

const port = parentPort;
if (port === null) throw new Error('service-worker runs in a worker thread (see service-host.ts)');

const options = z
  .strictObject({ databasePath: z.string().min(1), shell: z.enum(['electron', 'web']), downloadsDir: z.string().min(1).optional(), tempDir: z.string().min(1).optional() })
  .parse(workerData);
const service = openService(options);

function send(message: WorkerMessage): void {
  port?.postMessage(message);
}

function answer(id: number, result: CallResult<Channel>): void {
  try {
    send({ type: 'result', id, result });
  } catch (e) {
    // An answer that cannot be cloned is a bug in a handler; the caller still gets an answer.
    process.stderr.write(`[service] cannot send the answer: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    send({ type: 'result', id, result: { ok: false, error: serviceIssues.internal } });
  }
}

port.on('message', (message: HostMessage) => {
  if (message.type === 'call') {
    const { id } = message;
    void service.call(message.channel, message.argument, (event) => send({ type: 'event', id, message: event })).then((result) => answer(id, result));
    return;
  }
  void service.close().then(() => {
    send({ type: 'closed' });
    port.close();
  });
});
