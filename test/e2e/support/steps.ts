/**
 * The job's steps run in order on one browser page, each as its own test so a failure names
 * its step. A step after a failed one would only time out waiting for screens that never came,
 * so it fails at once, naming the step that broke the chain.
 */
import { it } from 'vitest';

export function stepChain(onFailure: (step: string) => Promise<void>): (name: string, body: () => Promise<void>) => void {
  let broken: string | null = null;
  return (name, body) => {
    it(name, async () => {
      if (broken !== null) throw new Error(`not run: the step "${broken}" failed`);
      try {
        await body();
      } catch (e) {
        broken = name;
        await onFailure(name).catch(() => undefined);
        throw e;
      }
    });
  };
}
