/**
 * The service behind the host: checks the channel and its argument (zod, where the call
 * arrives), runs the handler and turns every outcome into a CallResult — nothing is thrown
 * across the boundary. The knowledge base is opened on the first call, and again on a later
 * call when opening failed (a database written by a newer version answers every call so).
 */
import { z } from 'zod';
import { openStore } from '../store/open-store.js';
import { channelSchemas, isChannel, type CallResult, type Channel, type ChannelInput, type ServiceEventMessage } from './contract.js';
import { handlers } from './handlers.js';
import { createServiceState, type Handler, type ServiceOptions, type ServiceState } from './service-context.js';
import { serviceIssues, toServiceError } from './service-errors.js';

export interface ServiceCalls {
  call(channel: string, argument: unknown, onEvent: (message: ServiceEventMessage) => void): Promise<CallResult<Channel>>;
  /** Cancels running jobs, waits for the calls in flight, closes the knowledge base, removes the temporary folder. */
  close(): Promise<void>;
}

const zhLocale = z.locales.zhCN();
const enLocale = z.locales.en();

function localise(locale: { localeError: z.core.$ZodErrorMap }, issue: z.core.$ZodIssue): string {
  const out = locale.localeError(issue as unknown as z.core.$ZodRawIssue);
  if (typeof out === 'string') return out;
  return out?.message ?? issue.message;
}

/** The first issue of a refused argument, with its path, in both languages. */
function badArgument(channel: Channel, error: z.ZodError): CallResult<Channel> {
  const issue = error.issues[0];
  if (issue === undefined) return { ok: false, error: serviceIssues.badArgument(channel, '', '参数无效', 'invalid argument') };
  const path = issue.path.map(String).join('.');
  return { ok: false, error: serviceIssues.badArgument(channel, path, localise(zhLocale, issue), localise(enLocale, issue)) };
}

async function runHandler<C extends Channel>(channel: C, input: ChannelInput<C>, state: ServiceState, emit: (message: ServiceEventMessage) => void): Promise<CallResult<C>> {
  const handler = handlers[channel] as Handler<C>;
  try {
    return { ok: true, value: await handler(input, { ...state, emit }) };
  } catch (e) {
    return { ok: false, error: toServiceError(e, state.options.databasePath) };
  }
}

export function openService(options: ServiceOptions): ServiceCalls {
  let state: ServiceState | null = null;
  let closed = false;
  const inFlight = new Set<Promise<unknown>>();

  const call = async (channel: string, argument: unknown, onEvent: (message: ServiceEventMessage) => void): Promise<CallResult<Channel>> => {
    if (closed) return { ok: false, error: serviceIssues.closed };
    if (!isChannel(channel)) return { ok: false, error: serviceIssues.unknownChannel(channel) };
    const parsed = channelSchemas[channel].safeParse(argument);
    if (!parsed.success) return badArgument(channel, parsed.error);
    try {
      state ??= createServiceState(options, openStore(options.databasePath));
    } catch (e) {
      return { ok: false, error: toServiceError(e, options.databasePath) };
    }
    const emit = (message: ServiceEventMessage): void => {
      try {
        onEvent(message);
      } catch (e) {
        process.stderr.write(`[service] event listener failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
      }
    };
    const running = runHandler(channel, parsed.data as ChannelInput<typeof channel>, state, emit);
    inFlight.add(running);
    try {
      return await running;
    } finally {
      inFlight.delete(running);
    }
  };

  const close = async (): Promise<void> => {
    if (closed) return;
    closed = true;
    state?.jobs.cancelAll();
    await Promise.allSettled([...inFlight]);
    state?.store.close();
    await state?.scratch.remove();
    state = null;
  };

  return { call, close };
}
