/**
 * The web shell's transport (core/web-shell/web-server.ts): calls are POSTs with the launch
 * token in a header, push events arrive on one server-sent event stream, files are uploaded
 * (the browser cannot name paths) and exports are downloaded.
 *
 * The page has an id of its own (`x-cvs-client`, and `client` on its event stream) so the server
 * sends a call's progress to this tab only.
 */
import { z } from 'zod';
import type { CallResult, Channel, ChannelArgument, ChannelOutput, ServiceEventMessage } from '../../../core/service/contract.js';
import type { BrowserPort, EventStream } from './browser-port.js';
import { clientIssues } from './client-issues.js';
import { resultSetUploads } from './result-set-files.js';
import { ServiceCallError, unwrap, type ServiceClient } from './service-client.js';

/** Calls wait at most this long for the event stream to open, so their first progress is not lost. */
const STREAM_WAIT_MS = 3000;

const serviceError = z.object({
  code: z.string(),
  zh: z.string(),
  en: z.string(),
  details: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
});
const refusal = z.object({ ok: z.literal(false), error: serviceError });
const callResult = z.union([z.object({ ok: z.literal(true), value: z.unknown() }), refusal]);
const uploaded = z.object({ path: z.string() });
const eventMessage = z.discriminatedUnion('event', [
  z.object({
    event: z.literal('jobs:progress'),
    payload: z.object({ jobId: z.string(), channel: z.string(), stage: z.string(), done: z.number(), total: z.number() }),
  }),
  z.object({ event: z.literal('data:changed'), payload: z.object({ what: z.enum(['datasets', 'scenarios', 'mappings', 'results']) }) }),
]);

export function createHttpClient(port: BrowserPort): ServiceClient {
  const clientId = crypto.randomUUID();
  const token = port.token ?? '';
  const listeners = new Set<(message: ServiceEventMessage) => void>();
  let stream: EventStream | undefined;
  let streamReady: Promise<void> = Promise.resolve();
  let uploads = 0;

  const url = (path: string, query: Readonly<Record<string, string>> = {}): string => {
    const u = new URL(path, port.origin);
    for (const [name, value] of Object.entries(query)) u.searchParams.set(name, value);
    return u.href;
  };
  const emit = (message: ServiceEventMessage): void => {
    for (const listener of listeners) listener(message);
  };
  const received = (data: string): void => {
    const message = eventMessage.safeParse(parseJson(data));
    if (message.success) emit(message.data);
  };

  async function upload(file: File): Promise<string> {
    uploads += 1;
    const jobId = `upload-${clientId}-${uploads}`;
    const progress = (done: number, total: number): void => emit({ event: 'jobs:progress', payload: { jobId, channel: 'upload', stage: file.name, done, total } });
    const headers = { 'x-cvs-token': token, 'x-cvs-filename': encodeURIComponent(file.name) };
    const sent = await port.send(url('/api/upload'), file, headers, progress).catch(() => {
      throw new ServiceCallError(clientIssues.offline);
    });
    const body = parseJson(sent.body);
    const answer = uploaded.safeParse(body);
    if (sent.status === 200 && answer.success) return answer.data.path;
    throw new ServiceCallError(refusal.safeParse(body).data?.error ?? clientIssues.badAnswer(sent.status));
  }

  // One file after another: progress reads as a sequence and the disk is written once at a time.
  async function uploadAll(files: readonly File[]): Promise<string[]> {
    const paths: string[] = [];
    for (const file of files) paths.push(await upload(file));
    return paths;
  }

  return {
    shell: 'web',

    async invoke<C extends Channel>(channel: C, argument: ChannelArgument<C>): Promise<ChannelOutput<C>> {
      await streamReady;
      const response = await port
        .fetch(url(`/api/call/${encodeURIComponent(channel)}`), {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-cvs-token': token, 'x-cvs-client': clientId },
          body: JSON.stringify(argument),
        })
        .catch(() => {
          throw new ServiceCallError(clientIssues.offline);
        });
      const result = callResult.safeParse(parseJson(await response.text().catch(() => '')));
      if (!result.success) throw new ServiceCallError(clientIssues.badAnswer(response.status));
      // The envelope is checked; the value is the host's answer for this channel, passed through as it came.
      return unwrap(result.data as CallResult<C>);
    },

    onEvent(listener) {
      listeners.add(listener);
      if (stream === undefined) {
        const opened = port.listen(url('/api/events', { token, client: clientId }), received);
        stream = opened;
        streamReady = Promise.race([opened.opened, new Promise<void>((done) => setTimeout(done, STREAM_WAIT_MS))]);
      }
      return () => {
        listeners.delete(listener);
        if (listeners.size === 0 && stream !== undefined) {
          stream.close();
          stream = undefined;
          streamReady = Promise.resolve();
        }
      };
    },

    async pickInputFiles() {
      return uploadAll(await port.chooseFiles('.xlsx,.csv'));
    },

    filesFromDrop: uploadAll,

    async pickResultSet() {
      const { upload: chosen, skipped } = resultSetUploads(await port.chooseFiles('.csv,.json'));
      return { paths: await uploadAll(chosen), skipped };
    },

    async pickSaveTarget(defaultName, kind) {
      return plainFileName(defaultName, kind);
    },

    async deliver(name) {
      port.download(url('/api/download', { token, name }));
    },

    async saveScenarioFile(name, text) {
      port.saveText(plainFileName(name, 'scenario'), text);
      return true;
    },
  };
}

/** A scenario's name may hold `/` or `:`; a file name the server accepts may not, nor start with a dot. */
function plainFileName(name: string, kind: 'xlsx' | 'csv' | 'scenario'): string {
  // eslint-disable-next-line no-control-regex -- control characters are among what must go
  const clean = name.replace(/[\\/:*?"<>|\u0000-\u001f]/g, '_').replace(/^[.\s]+/, '').trim();
  return clean !== '' ? clean : kind === 'scenario' ? 'scenario.scenario.json' : `report.${kind}`;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
