/** Helpers every benchmark script shares. */
import { parseScenario, type Scenario } from '../core/model/scenario.js';

/** The middle of the measurements (the upper middle for an even count). */
export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] as number;
}

/** A scenario from partial JSON, with defaults; a bad one is a bug in the benchmark, so it throws. */
export function benchScenario(data: object): Scenario {
  const parsed = parseScenario(data);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
  return parsed.scenario;
}
