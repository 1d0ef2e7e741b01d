/** Exit codes of `cvalue`: 1 for bad input (files, scenario), 2 for bad usage (flags). */
export class CliError extends Error {
  constructor(
    readonly exitCode: 1 | 2,
    message: string,
  ) {
    super(message);
  }
}

export function usageError(zh: string, en: string): CliError {
  return new CliError(2, `${zh}\n${en}\n（运行 cvalue --help 查看用法 / run cvalue --help for usage）`);
}

export function inputError(zh: string, en: string): CliError {
  return new CliError(1, `${zh}\n${en}`);
}
