import { main } from '../../core/cli/main.js';

export interface CliOutcome {
  code: number;
  out: string;
  err: string;
}

/** Runs the cvalue command line in-process and collects what it prints. */
export async function cvalue(...args: string[]): Promise<CliOutcome> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(args, (l) => out.push(l), (l) => err.push(l));
  return { code, out: out.join('\n'), err: err.join('\n') };
}
