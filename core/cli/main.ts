/** `cvalue`, the command line of Customer Value Studio. */
import { CliError, usageError } from './cli-error.js';
import { HELP_TEXT } from './help-text.js';
import { runCommand } from './commands/run-command.js';
import { sampleCommand } from './commands/sample-command.js';
import { demoCommand } from './commands/demo-command.js';
import { importCommand } from './commands/import-command.js';
import { datasetsCommand } from './commands/datasets-command.js';
import { validateCommand } from './commands/validate-command.js';
import { serveCommand } from './commands/serve-command.js';
import { targetsCommand } from './commands/targets-command.js';
import { trendCommand } from './commands/trend-command.js';
import { warningsCommand } from './commands/warnings-command.js';
import { sqlCommand } from './commands/sql-command.js';
import { resultsCommand } from './commands/results-command.js';

type Command = (args: string[], log: (line: string) => void) => Promise<void>;

const COMMANDS: Readonly<Record<string, Command>> = {
  run: runCommand,
  sample: sampleCommand,
  demo: demoCommand,
  import: importCommand,
  datasets: datasetsCommand,
  validate: validateCommand,
  serve: serveCommand,
  targets: targetsCommand,
  trend: trendCommand,
  warnings: warningsCommand,
  sql: sqlCommand,
  results: resultsCommand,
};

export async function main(argv: string[], log: (line: string) => void, logError: (line: string) => void): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help' || rest.includes('--help')) {
    log(HELP_TEXT);
    return name === undefined ? 2 : 0;
  }
  try {
    const command = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
    if (command === undefined) throw usageError(`未知的命令：${name}`, `Unknown command: ${name}`);
    await command(rest, log);
    return 0;
  } catch (e) {
    if (e instanceof CliError) {
      logError(e.message);
      return e.exitCode;
    }
    throw e;
  }
}

const isEntryPoint = process.argv[1] !== undefined && import.meta.url === new URL(`file://${process.argv[1]}`).href;
if (isEntryPoint) {
  // Piping into `head` closes stdout early; that is the reader's choice, not an error.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw e;
  });
  main(process.argv.slice(2), (l) => console.log(l), (l) => console.error(l)).then(
    (code) => {
      process.exitCode = code;
    },
    (e: unknown) => {
      console.error('内部错误 / internal error:', e);
      process.exitCode = 3;
    },
  );
}
