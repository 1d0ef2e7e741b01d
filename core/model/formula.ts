/**
 * Formula mode of the value score (SPEC §9). jsep parses the text into an AST; we accept
 * only an allowlist of node types, names and functions and compile the tree into closures.
 * Nothing is ever evaluated as JavaScript (no eval, no new Function), and there is no way
 * to reach a property, a global or a prototype.
 */
import jsep from 'jsep';
import { problem, type Problem } from './messages.js';

export const FORMULA_VARIABLES = [
  'profit_score',
  'loyalty',
  'credit',
  'behaviour',
  'avg_profit',
  'avg_revenue',
  'avg_cost',
  'tenure_months',
] as const;
export type FormulaVariable = (typeof FORMULA_VARIABLES)[number];

export const MAX_FORMULA_LENGTH = 500;
export const MAX_FORMULA_DEPTH = 32;

/** Values of the variables for one customer, in FORMULA_VARIABLES order. */
export type FormulaInputs = Float64Array;
export type CompiledFormula = (inputs: FormulaInputs) => number;

type Node = (v: FormulaInputs) => number;

const FUNCTION_ARITY: Readonly<Record<string, number>> = {
  min: -2, // two or more
  max: -2,
  abs: 1,
  round: 1,
  clamp: 3,
  if: 3,
};

const BINARY: Readonly<Record<string, (a: number, b: number) => number>> = {
  '+': (a, b) => a + b,
  '-': (a, b) => a - b,
  '*': (a, b) => a * b,
  '/': (a, b) => a / b,
  '<': (a, b) => (a < b ? 1 : 0),
  '<=': (a, b) => (a <= b ? 1 : 0),
  '>': (a, b) => (a > b ? 1 : 0),
  '>=': (a, b) => (a >= b ? 1 : 0),
  '==': (a, b) => (a === b ? 1 : 0),
  '!=': (a, b) => (a !== b ? 1 : 0),
  '&&': (a, b) => (a !== 0 && b !== 0 ? 1 : 0),
  '||': (a, b) => (a !== 0 || b !== 0 ? 1 : 0),
};

class FormulaError extends Error {
  constructor(readonly problem: Problem) {
    super(problem.en);
  }
}

function fail(code: string, zh: string, en: string): never {
  throw new FormulaError(problem(code, zh, en));
}

/** Half away from zero, as Excel's ROUND does. */
function roundHalfAwayFromZero(x: number): number {
  return Math.sign(x) * Math.round(Math.abs(x));
}

function compileNode(node: jsep.Expression, depth: number): Node {
  if (depth > MAX_FORMULA_DEPTH) {
    fail('formula.too_deep', `公式嵌套超过 ${MAX_FORMULA_DEPTH} 层`, `Formula nests deeper than ${MAX_FORMULA_DEPTH} levels`);
  }
  switch (node.type) {
    case 'Literal': {
      const value = (node as jsep.Literal).value;
      if (typeof value !== 'number' || !Number.isFinite(value)) {
        fail('formula.bad_literal', `公式只允许数字常量：${String((node as jsep.Literal).raw)}`, `Only numbers are allowed as constants: ${String((node as jsep.Literal).raw)}`);
      }
      return () => value;
    }
    case 'Identifier': {
      const name = (node as jsep.Identifier).name;
      const index = (FORMULA_VARIABLES as readonly string[]).indexOf(name);
      if (index < 0) {
        fail('formula.unknown_name', `未知的名称：${name}（可用：${FORMULA_VARIABLES.join(', ')}）`, `Unknown name: ${name} (allowed: ${FORMULA_VARIABLES.join(', ')})`);
      }
      return (v) => v[index] as number;
    }
    case 'UnaryExpression': {
      const u = node as jsep.UnaryExpression;
      const arg = compileNode(u.argument, depth + 1);
      if (u.operator === '-') return (v) => -arg(v);
      if (u.operator === '+') return arg;
      if (u.operator === '!') return (v) => (arg(v) === 0 ? 1 : 0);
      return fail('formula.bad_operator', `不支持的运算符：${u.operator}`, `Unsupported operator: ${u.operator}`);
    }
    case 'BinaryExpression': {
      const b = node as jsep.BinaryExpression;
      const op = Object.hasOwn(BINARY, b.operator) ? BINARY[b.operator] : undefined;
      if (op === undefined) fail('formula.bad_operator', `不支持的运算符：${b.operator}`, `Unsupported operator: ${b.operator}`);
      const left = compileNode(b.left, depth + 1);
      const right = compileNode(b.right, depth + 1);
      return (v) => op(left(v), right(v));
    }
    case 'ConditionalExpression': {
      const c = node as jsep.ConditionalExpression;
      const test = compileNode(c.test, depth + 1);
      const yes = compileNode(c.consequent, depth + 1);
      const no = compileNode(c.alternate, depth + 1);
      return (v) => (test(v) !== 0 ? yes(v) : no(v));
    }
    case 'CallExpression':
      return compileCall(node as jsep.CallExpression, depth);
    default:
      return fail('formula.bad_syntax', `公式中不允许此写法：${node.type}`, `Not allowed in a formula: ${node.type}`);
  }
}

function compileCall(call: jsep.CallExpression, depth: number): Node {
  if (call.callee.type !== 'Identifier' || call['optional'] === true) {
    fail('formula.bad_call', '只能调用 min、max、abs、round、clamp、if', 'Only min, max, abs, round, clamp and if can be called');
  }
  const name = (call.callee as jsep.Identifier).name;
  const arity = Object.hasOwn(FUNCTION_ARITY, name) ? FUNCTION_ARITY[name] : undefined;
  if (arity === undefined) {
    fail('formula.unknown_function', `未知的函数：${name}（可用：min, max, abs, round, clamp, if）`, `Unknown function: ${name} (allowed: min, max, abs, round, clamp, if)`);
  }
  const n = call.arguments.length;
  if ((arity > 0 && n !== arity) || (arity < 0 && n < -arity)) {
    const expected = arity > 0 ? String(arity) : `${-arity}+`;
    fail('formula.arity', `函数 ${name} 需要 ${expected} 个参数，实际 ${n} 个`, `Function ${name} takes ${expected} arguments, got ${n}`);
  }
  const args = call.arguments.map((a) => compileNode(a, depth + 1));
  const [a0, a1, a2] = args as [Node, Node, Node];
  switch (name) {
    case 'abs':
      return (v) => Math.abs(a0(v));
    case 'round':
      return (v) => roundHalfAwayFromZero(a0(v));
    case 'clamp':
      return (v) => Math.min(Math.max(a0(v), a1(v)), a2(v));
    case 'if':
      return (v) => (a0(v) !== 0 ? a1(v) : a2(v));
    case 'min':
      return (v) => args.reduce((acc, f) => Math.min(acc, f(v)), Infinity);
    default:
      return (v) => args.reduce((acc, f) => Math.max(acc, f(v)), -Infinity);
  }
}

/**
 * jsep forgives a few things that are not formulas: empty ';' statements, a trailing comma in
 * parentheses, and an empty '()' after a number. Refuse them from the text before parsing.
 */
function lenientSyntax(text: string): Problem | null {
  const bad = /[^\x20-\x7e\t\r\n]/.exec(text);
  if (bad !== null) {
    return problem('formula.bad_character', `公式中有不允许的字符“${bad[0]}”（请使用半角字符）`, `The formula has a character that is not allowed: "${bad[0]}" (use plain ASCII)`);
  }
  if (text.includes(';')) return problem('formula.bad_character', '公式中不允许分号“;”', 'A semicolon ";" is not allowed in a formula');
  if (/,\s*[,)]/.test(text)) return problem('formula.syntax', '公式语法错误：逗号后缺少参数', 'Formula syntax error: an argument is missing after a comma');
  if (/[\d.)]\s*\(/.test(text)) return problem('formula.syntax', '公式语法错误：数字或右括号后不能直接跟左括号', 'Formula syntax error: "(" cannot follow a number or ")"');
  return null;
}

export type FormulaResult = { ok: true; evaluate: CompiledFormula } | { ok: false; problem: Problem };

/** Parses and checks a formula; the result is either a compiled evaluator or one problem to show. */
export function compileFormula(text: string): FormulaResult {
  if (text.length > MAX_FORMULA_LENGTH) {
    return { ok: false, problem: problem('formula.too_long', `公式超过 ${MAX_FORMULA_LENGTH} 个字符`, `Formula is longer than ${MAX_FORMULA_LENGTH} characters`) };
  }
  if (text.trim() === '') {
    return { ok: false, problem: problem('formula.empty', '公式为空', 'Formula is empty') };
  }
  const lenient = lenientSyntax(text);
  if (lenient !== null) return { ok: false, problem: lenient };
  let ast: jsep.Expression;
  try {
    ast = jsep(text);
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    return { ok: false, problem: problem('formula.syntax', `公式语法错误：${message}`, `Formula syntax error: ${message}`) };
  }
  try {
    return { ok: true, evaluate: compileNode(ast, 1) };
  } catch (e) {
    if (e instanceof FormulaError) return { ok: false, problem: e.problem };
    throw e;
  }
}
