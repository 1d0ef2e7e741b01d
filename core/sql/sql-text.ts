/** Pieces of SQL text shared by the stages: literals, statements and the script. */
import type { SqlDialect, StatementKind } from './dialect.js';

export interface Statement {
  readonly kind: StatementKind;
  readonly name: string;
  /** One line saying what the statement computes (the SPEC section it implements). */
  readonly comment: string;
  /** The SELECT, without a trailing semicolon. */
  readonly body: string;
}

export class SqlTranslationError extends Error {
  constructor(
    readonly code: string,
    readonly zh: string,
    readonly en: string,
  ) {
    super(en);
  }
}

/**
 * A DOUBLE literal. Both engines read `0.7` as an exact DECIMAL (so 0.1 + 0.2 would be 0.3,
 * not the engine's 0.30000000000000004); a literal with an exponent is a DOUBLE in both,
 * parsed to the nearest double as JavaScript parses it.
 */
export function num(x: number): string {
  if (!Number.isFinite(x)) throw new RangeError(`not a finite number: ${x}`);
  const text = String(x).toUpperCase();
  const literal = text.includes('E') ? text : `${text}E0`;
  return x < 0 || Object.is(x, -0) ? `(${literal})` : literal;
}

/** An integer literal (counts, month numbers). */
export function int(n: number): string {
  if (!Number.isSafeInteger(n)) throw new RangeError(`not a safe integer: ${n}`);
  return n < 0 ? `(${n})` : String(n);
}

/** Month number (year·12 + month − 1) of a 'YYYY-MM' column or expression. */
export function monthNumberOf(expr: string): string {
  return `(CAST(SUBSTR(${expr}, 1, 4) AS INT) * 12 + CAST(SUBSTR(${expr}, 6, 2) AS INT) - 1)`;
}

/** Indents every line of a multi-line fragment. */
export function indent(text: string, by = '  '): string {
  return text
    .split('\n')
    .map((line) => (line === '' ? line : by + line))
    .join('\n');
}

/** `a + b + c` as written (both parsers associate to the left, as the engine's loops add). */
export function sumInOrder(terms: readonly string[]): string {
  return terms.length === 0 ? num(0) : terms.join(' + ');
}

export function renderStatement(dialect: SqlDialect, s: Statement): string {
  const { before, header, after } = dialect.open(s.kind, s.name);
  return [`-- ${s.comment}`, ...before, header, `${s.body};`, ...after].join('\n');
}

export function renderScript(dialect: SqlDialect, preamble: readonly string[], statements: readonly Statement[]): string {
  const head = preamble.map((line) => (line === '' ? '--' : `-- ${line}`)).join('\n');
  return `${head}\n\n${statements.map((s) => renderStatement(dialect, s)).join('\n\n')}\n`;
}
