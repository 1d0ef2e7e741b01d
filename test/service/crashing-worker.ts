/**
 * A stand-in service worker for the crash test: app:info ends the thread as a crash would,
 * scenarios:list answers after a delay (so it is in flight at the crash), anything else answers
 * with the thread's id (so a restarted worker is told apart).
 */
import { parentPort, threadId } from 'node:worker_threads';
import type { HostMessage, WorkerMessage } from '../../core/service/worker-protocol.js';

const port = parentPort;
if (port === null) throw new Error('crashing-worker runs in a worker thread');

port.on('message', (message: HostMessage) => {
  if (message.type === 'close') {
    port.postMessage({ type: 'closed' } satisfies WorkerMessage);
    port.close();
    return;
  }
  const answer: WorkerMessage = { type: 'result', id: message.id, result: { ok: true, value: { version: String(threadId), shell: 'web', database: '', dataLoaded: false } } };
  if (message.channel === 'app:info') process.exit(70);
  else if (message.channel === 'scenarios:list') setTimeout(() => port.postMessage(answer), 500);
  else port.postMessage(answer);
});
