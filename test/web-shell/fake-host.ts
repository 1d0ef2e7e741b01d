/**
 * A stand-in for the service host: checks arguments against the contract's schemas like the real
 * one and answers a few channels in ways the tests can see through the HTTP layer.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { channelSchemas, type CallResult, type Channel, type ServiceEventMessage, type ServiceHost } from '../../core/service/contract.js';

export interface FakeHost extends ServiceHost {
  readonly closed: boolean;
}

/** Like the real host of shell 'web', export targets are bare file names written into `downloadsDir`. */
export function createFakeHost(folders: { readonly downloadsDir: string }): FakeHost {
  let closed = false;
  return {
    get closed() {
      return closed;
    },
    async call<C extends Channel>(channel: C, argument: unknown, onEvent: (message: ServiceEventMessage) => void): Promise<CallResult<C>> {
      const parsed = channelSchemas[channel].safeParse(argument);
      if (!parsed.success) return refused('service.bad_argument');
      const arg = parsed.data as Record<string, unknown>;
      switch (channel) {
        case 'app:info':
          return answer({ version: 'test', shell: 'web', database: ':memory:', dataLoaded: false });
        case 'runs:start':
          onEvent({ event: 'jobs:progress', payload: { jobId: String(arg.jobId), channel, stage: 'engine', done: 1, total: 2 } });
          return answer({ ok: false, issues: [] });
        case 'scenarios:save':
          onEvent({ event: 'data:changed', payload: { what: 'scenarios' } });
          return answer({ ok: false, issues: [] });
        case 'results:delete':
          onEvent({ event: 'data:changed', payload: { what: 'results' } });
          return answer({ deleted: true });
        case 'datasets:preview': {
          // Reading the files proves the uploaded paths work on the server.
          const paths = arg.paths as string[];
          const texts = await Promise.all(paths.map((p) => readFile(p, 'utf8')));
          return answer(paths.map((file, i) => ({ file, kind: texts[i], headerRow: null, header: [], fields: {}, rows: [] })));
        }
        case 'export:report': {
          const name = String(arg.target);
          if (basename(name) !== name) return refused('service.bad_target');
          const target = join(folders.downloadsDir, name);
          await writeFile(target, `report ${String(arg.runId)}`);
          return answer({ path: target, sheets: ['说明'], bytes: 10 });
        }
        case 'results:import': {
          // Each file's name and text as a problem: the test sees which uploads reached the service.
          const paths = arg.paths as string[];
          const problems = await Promise.all(paths.map(async (p) => ({ severity: 'warning', code: 'fake.read', zh: basename(p), en: basename(p), file: basename(p), value: await readFile(p, 'utf8') })));
          return answer({ status: 'invalid', report: { errorCount: 0, warningCount: problems.length, problems, problemsOmitted: 0, files: [] } });
        }
        case 'results:export': {
          const name = String(arg.target);
          if (basename(name) !== name) return refused('service.bad_target');
          const target = join(folders.downloadsDir, name);
          await writeFile(target, `result set ${String(arg.id)}`);
          return answer({ path: target, sheets: ['说明'], bytes: 12 });
        }
        case 'targets:export': {
          const name = String(arg.target);
          if (basename(name) !== name) return refused('service.bad_target');
          const target = join(folders.downloadsDir, name);
          await writeFile(target, 'customer_id\n001\n');
          return answer({ path: target, rows: 1 });
        }
        default:
          return refused('service.not_in_fake');
      }
    },
    async close() {
      closed = true;
    },
  };
}

function answer<C extends Channel>(value: unknown): CallResult<C> {
  return { ok: true, value } as CallResult<C>;
}

function refused<C extends Channel>(code: string): CallResult<C> {
  return { ok: false, error: { code, zh: '拒绝', en: 'refused' } };
}
