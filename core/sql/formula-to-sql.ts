/**
 * Formula mode (SPEC §9) as SQL, as formula-to-excel.ts does for the report. Every inner node of
 * the syntax tree becomes a column, computed in a layer of views by height, so a node that has
 * to name its operands twice (NULL checks) names columns, never copies of whole sub-expressions
 * (which would grow exponentially with nesting).
 *
 * Non-finite values are NULL: x/0 is NULL (Spark would give NULL or fail, DuckDB infinity), every
 * operator passes NULL on, and a value that is NULL or not finite is left empty, as the engine
 * leaves a non-finite result empty. As in the report, the one difference: where the engine
 * reaches a finite result through a non-finite intermediate (min(x/0, 100) = 100), SQL leaves
 * the value empty.
 */
import jsep from 'jsep';
import { compileFormula, type FormulaVariable } from '../model/formula.js';
import { num, SqlTranslationError, type Statement } from './sql-text.js';

/** The column (or expression over cv_scores' columns) of each formula variable. */
const VARIABLE_SQL: Readonly<Record<FormulaVariable, string>> = {
  profit_score: 'profit_score',
  loyalty: 'loyalty',
  credit: 'credit',
  behaviour: 'behaviour',
  avg_profit: 'avg_profit',
  avg_revenue: 'avg_revenue',
  // docs/model.md: avg_cost = avg_individual_cost + avg_allocated.
  avg_cost: '(avg_individual_cost + avg_allocated)',
  tenure_months: 'CAST(tenure_months AS DOUBLE)',
};

const COMPARISON: Readonly<Record<string, string>> = { '<': '<', '<=': '<=', '>': '>', '>=': '>=', '==': '=', '!=': '<>' };
const ARITHMETIC = new Set(['+', '-', '*']);
/** The largest finite double: ABS(x) <= it is false for NULL, ±Infinity and NaN in both dialects. */
export const MAX_DOUBLE = '1.7976931348623157E308';

function unsupported(what: string): never {
  throw new SqlTranslationError(
    'sql.formula_unsupported',
    `价值公式中的 ${what} 无法转换为 SQL`,
    `The value formula's ${what} cannot be expressed in SQL`,
  );
}

interface Operand {
  readonly sql: string;
  /** 0 for leaves (written inline), else the layer that computes this node's column. */
  readonly height: number;
}

class FormulaLayers {
  readonly layers: { column: string; sql: string }[][] = [];
  private count = 0;

  /** Adds an inner node computed from its operands; returns its column. */
  node(operands: readonly Operand[], build: (...sql: string[]) => string): Operand {
    const height = 1 + Math.max(0, ...operands.map((o) => o.height));
    const column = `cv_f${++this.count}`;
    while (this.layers.length < height) this.layers.push([]);
    (this.layers[height - 1] as { column: string; sql: string }[]).push({ column, sql: build(...operands.map((o) => o.sql)) });
    return { sql: column, height };
  }
}

const nullIfAny = (xs: readonly string[]): string => xs.map((x) => `${x} IS NULL`).join(' OR ');

function translate(node: jsep.Expression, out: FormulaLayers): Operand {
  const t = (n: jsep.Expression): Operand => translate(n, out);
  switch (node.type) {
    case 'Literal': {
      const value = (node as jsep.Literal).value;
      if (typeof value !== 'number' || !Number.isFinite(value)) unsupported(`constant ${String((node as jsep.Literal).raw)}`);
      return { sql: num(value), height: 0 };
    }
    case 'Identifier': {
      const name = (node as jsep.Identifier).name;
      if (!Object.hasOwn(VARIABLE_SQL, name)) unsupported(`name ${name}`);
      return { sql: VARIABLE_SQL[name as FormulaVariable], height: 0 };
    }
    case 'UnaryExpression': {
      const u = node as jsep.UnaryExpression;
      const a = t(u.argument);
      if (u.operator === '+') return a;
      if (u.operator === '-') return out.node([a], (x) => `-(${x})`);
      if (u.operator === '!') return out.node([a], (x) => `CAST(${x} = ${num(0)} AS DOUBLE)`);
      return unsupported(`operator ${u.operator}`);
    }
    case 'BinaryExpression': {
      const b = node as jsep.BinaryExpression;
      const [l, r] = [t(b.left), t(b.right)];
      const op = b.operator;
      if (ARITHMETIC.has(op)) return out.node([l, r], (x, y) => `${x} ${op} ${y}`);
      if (op === '/') return out.node([l, r], (x, y) => `CASE WHEN ${y} = ${num(0)} THEN NULL ELSE ${x} / ${y} END`);
      const cmp = Object.hasOwn(COMPARISON, op) ? COMPARISON[op] : undefined;
      // A comparison is 1 or 0, and NULL when an operand is (a boolean cast to DOUBLE).
      if (cmp !== undefined) return out.node([l, r], (x, y) => `CAST(${x} ${cmp} ${y} AS DOUBLE)`);
      if (op === '&&' || op === '||') {
        const join = op === '&&' ? 'AND' : 'OR';
        return out.node([l, r], (x, y) => `CASE WHEN ${nullIfAny([x, y])} THEN NULL WHEN ${x} <> ${num(0)} ${join} ${y} <> ${num(0)} THEN ${num(1)} ELSE ${num(0)} END`);
      }
      return unsupported(`operator ${op}`);
    }
    case 'ConditionalExpression': {
      const c = node as jsep.ConditionalExpression;
      return conditional(t(c.test), t(c.consequent), t(c.alternate), out);
    }
    case 'CallExpression':
      return call(node as jsep.CallExpression, out);
    default:
      return unsupported(`construct ${node.type}`);
  }
}

function conditional(test: Operand, yes: Operand, no: Operand, out: FormulaLayers): Operand {
  return out.node([test, yes, no], (c, a, b) => `CASE WHEN ${c} IS NULL THEN NULL WHEN ${c} <> ${num(0)} THEN ${a} ELSE ${b} END`);
}

function call(node: jsep.CallExpression, out: FormulaLayers): Operand {
  if (node.callee.type !== 'Identifier') unsupported('call');
  const name = (node.callee as jsep.Identifier).name;
  const args = node.arguments.map((a) => translate(a, out));
  switch (name) {
    case 'abs':
      return out.node(args, (x) => `ABS(${x})`);
    // Half away from zero in both dialects, as the engine's round (and Excel's ROUND).
    case 'round':
      return out.node(args, (x) => `ROUND(${x})`);
    case 'if':
      return conditional(args[0] as Operand, args[1] as Operand, args[2] as Operand, out);
    // LEAST/GREATEST skip NULLs in both dialects; the engine's min/max of a non-finite value is not finite.
    case 'min':
    case 'max':
      return out.node(args, (...xs) => `CASE WHEN ${nullIfAny(xs)} THEN NULL ELSE ${name === 'min' ? 'LEAST' : 'GREATEST'}(${xs.join(', ')}) END`);
    case 'clamp':
      return out.node(args, (x, lo, hi) => `CASE WHEN ${nullIfAny([x, lo, hi] as string[])} THEN NULL ELSE LEAST(GREATEST(${x}, ${lo}), ${hi}) END`);
    default:
      return unsupported(`function ${name}`);
  }
}

export interface FormulaSql {
  readonly statements: Statement[];
  /** The view holding the formula's result, and the result's column (or a leaf expression). */
  readonly view: string;
  readonly result: string;
}

/**
 * The views that compute `formula` over the rows of `source` (which has the variables' columns).
 * Throws SqlTranslationError for a formula the engine refuses or SQL cannot express.
 */
export function formulaToSql(formula: string, source: string): FormulaSql {
  const compiled = compileFormula(formula);
  if (!compiled.ok) throw new SqlTranslationError(compiled.problem.code, compiled.problem.zh, compiled.problem.en);
  const layers = new FormulaLayers();
  const root = translate(jsep(formula), layers);
  const statements: Statement[] = [];
  let from = source;
  layers.layers.forEach((columns, i) => {
    const name = `cv_formula_${i + 1}`;
    statements.push({
      kind: 'view',
      name,
      comment: i === 0 ? `SPEC §9 formula mode: ${formula.replace(/\s+/g, ' ')} — level ${i + 1} of ${layers.layers.length}` : `SPEC §9 formula mode: level ${i + 1} of ${layers.layers.length}`,
      body: [`SELECT f.*,`, columns.map((c) => `  ${c.sql} AS ${c.column}`).join(',\n'), `FROM ${from} f`].join('\n'),
    });
    from = name;
  });
  return { statements, view: from, result: root.sql };
}

