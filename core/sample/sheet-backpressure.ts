/**
 * Backpressure for exceljs's streaming worksheet writer, which has none of its own: a committed
 * row goes into a StreamBuf that writes on into archiver's input stream without looking at
 * write()'s result, so rows pile up in memory while the deflater lags (PERF-BASELINES §3:
 * 1.7 GB at 1M rows). Archiver wraps the StreamBuf in a PassThrough (archiver-utils
 * normalizeInputSource) that is piped, with backpressure, into the deflater; its write buffer
 * is therefore exactly the XML waiting for compression, and it emits 'drain' once emptied.
 * Those are internals of exceljs 4.4 / archiver 5, so the shape is checked up front and a
 * change fails loudly instead of silently losing the memory bound.
 */
import type { Worksheet } from 'exceljs';

/** Sheet XML that may wait for the deflater before the writer pauses (about 20k usage rows). */
const MAX_PENDING_BYTES = 4 * 1024 * 1024;

interface PendingInput {
  readonly _writableState: { readonly length: number };
  once(event: 'drain', listener: () => void): unknown;
  removeListener(event: 'drain', listener: () => void): unknown;
}

function isPendingInput(value: unknown): value is PendingInput {
  if (typeof value !== 'object' || value === null) return false;
  const state: unknown = Reflect.get(value, '_writableState');
  return (
    typeof state === 'object' &&
    state !== null &&
    typeof Reflect.get(state, 'length') === 'number' &&
    typeof Reflect.get(value, 'once') === 'function' &&
    typeof Reflect.get(value, 'removeListener') === 'function'
  );
}

export interface SheetBackpressure {
  /** Resolves at once, or when the pending XML has gone to the deflater; rejects with `failure`. */
  wait(failure: Promise<never>): Promise<void>;
}

/** Call after addWorksheet (which opens the sheet's zip entry) and before the first row. */
export function sheetBackpressure(sheet: Worksheet): SheetBackpressure {
  const stream: unknown = Reflect.get(sheet, 'stream');
  const pipes: unknown = typeof stream === 'object' && stream !== null ? Reflect.get(stream, 'pipes') : undefined;
  const input: unknown = Array.isArray(pipes) && pipes.length === 1 ? pipes[0] : undefined;
  if (!isPendingInput(input)) {
    throw new Error('exceljs streaming writer internals changed: cannot find the zip entry stream to wait on');
  }
  return {
    async wait(failure) {
      if (input._writableState.length <= MAX_PENDING_BYTES) return;
      let onDrain = (): void => undefined;
      const drained = new Promise<void>((resolve) => {
        onDrain = resolve;
        input.once('drain', onDrain);
      });
      try {
        await Promise.race([drained, failure]);
      } finally {
        input.removeListener('drain', onDrain);
      }
    },
  };
}
