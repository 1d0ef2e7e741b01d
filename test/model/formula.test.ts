/**
 * Formula mode (SPEC §9, docs/model.md "Formula mode"): the evaluation of every allowed
 * operator and function, the eight variables, the refusals with their codes, the length and
 * depth limits at their boundaries, a few hundred escape/injection payloads that must all be
 * refused without touching any prototype or global, and properties: random allowlisted
 * formulas evaluate like an independent reference evaluator; random text never throws.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FORMULA_VARIABLES, MAX_FORMULA_DEPTH, MAX_FORMULA_LENGTH, compileFormula, type FormulaResult } from '../../core/model/formula.js';

const RUNS = 500;

/** profit_score, loyalty, credit, behaviour, avg_profit, avg_revenue, avg_cost, tenure_months */
const V = Float64Array.from([80, 60, 40, 50, 12.5, 100, 87.5, 24]);

function evaluate(text: string, inputs: Float64Array = V): number {
  const r = compileFormula(text);
  if (!r.ok) throw new Error(`expected ${JSON.stringify(text)} to compile, got ${r.problem.code}: ${r.problem.en}`);
  return r.evaluate(inputs);
}

function rejected(text: string): { code: string; zh: string; en: string } {
  const r: FormulaResult = compileFormula(text);
  if (r.ok) throw new Error(`expected ${JSON.stringify(text)} to be refused, but it compiled`);
  expect(r.problem.code).toMatch(/^formula\.[a-z_]+$/);
  expect(r.problem.zh.trim()).not.toBe('');
  expect(r.problem.en.trim()).not.toBe('');
  return r.problem;
}

// ---------------------------------------------------------------------------------------------
// Evaluation
// ---------------------------------------------------------------------------------------------

describe('evaluation', () => {
  const table: [string, number][] = [
    // numbers
    ['42', 42],
    ['0.25', 0.25],
    ['.5', 0.5],
    ['1e3', 1000],
    ['2.5e-1', 0.25],
    // arithmetic and precedence
    ['1 + 2', 3],
    ['5 - 7', -2],
    ['6 * 7', 42],
    ['7 / 2', 3.5],
    ['1 + 2 * 3', 7],
    ['(1 + 2) * 3', 9],
    ['10 - 2 - 3', 5],
    ['8 / 4 / 2', 1],
    ['2 * 3 + 4 * 5', 26],
    ['100 - 10 * 2 / 4', 95],
    ['((((7))))', 7],
    // unary
    ['-3', -3],
    ['-(-3)', 3],
    ['- -3', 3],
    ['+3', 3],
    ['-2 * 3', -6],
    ['2 - -3', 5],
    ['-2 * -2', 4],
    ['--profit_score', 80], // two unary minuses (as Excel's --x), not a decrement
    ['++profit_score', 80],
    ['-profit_score', -80],
    ['!0', 1],
    ['!5', 0],
    ['!-1', 0],
    ['!!7', 1],
    ['!0 + 1', 2],
    // comparisons give 1/0
    ['1 < 2', 1],
    ['2 < 1', 0],
    ['2 <= 2', 1],
    ['3 <= 2', 0],
    ['3 > 2', 1],
    ['2 > 2', 0],
    ['2 >= 2', 1],
    ['1 >= 2', 0],
    ['2 == 2', 1],
    ['2 == 3', 0],
    ['2 != 3', 1],
    ['2 != 2', 0],
    ['1 + 2 < 4', 1],
    ['1 < 2 == 1', 1],
    ['(1 < 2) * 10', 10],
    // logic gives 1/0; a condition is true when it is not 0
    ['1 && 1', 1],
    ['1 && 0', 0],
    ['5 && -2', 1],
    ['0 || 0', 0],
    ['0 || 3', 1],
    ['1 || 0 && 0', 1],
    ['(1 || 0) && 0', 0],
    ['!(1 && 0)', 1],
    ['profit_score > 50 && loyalty > 50', 1],
    ['profit_score > 90 || credit < 10', 0],
    // ternary
    ['1 ? 2 : 3', 2],
    ['0 ? 2 : 3', 3],
    ['-0.5 ? 2 : 3', 2],
    ['0 ? 2 : 0 ? 3 : 4', 4],
    ['1 ? 0 ? 5 : 6 : 7', 6],
    ['1 + 1 ? 10 : 20', 10],
    ['avg_profit < 0 ? 0 : profit_score', 80],
    // functions
    ['if(1, 2, 3)', 2],
    ['if(0, 2, 3)', 3],
    ['if(avg_profit > 10, profit_score, 0)', 80],
    ['if(2 > 1 && 0, 1, -1)', -1],
    ['clamp(5, 0, 10)', 5],
    ['clamp(-5, 0, 10)', 0],
    ['clamp(15, 0, 10)', 10],
    ['clamp(profit_score * 2, 0, 100)', 100],
    ['min(3, 1)', 1],
    ['min(3, 1, 2)', 1],
    ['min(5, 4, 3, 2, 1, 0, -1)', -1],
    ['max(3, 1)', 3],
    ['max(1, 3, 2)', 3],
    ['max(-5, -4, -3, -2, -1)', -1],
    ['abs(-4.5)', 4.5],
    ['abs(4.5)', 4.5],
    ['abs(avg_profit - avg_revenue)', 87.5],
    ['round(2.4)', 2],
    ['round(2.5)', 3],
    ['round(2.6)', 3],
    ['round(3.5)', 4],
    ['round(-2.4)', -2],
    ['round(-2.5)', -3],
    ['round(-2.6)', -3],
    ['round(-3.5)', -4],
    ['round(0.5)', 1],
    ['round(-0.5)', -1],
    ['round(12.5)', 13],
    ['round(avg_profit)', 13],
    ['round(1e15 + 0.5)', 1e15 + 1],
    ['min(max(1, 2), abs(-3), round(2.5))', 2],
    ['round(clamp(if(1, 150.5, 0), 0, 100))', 100],
    // the default weights as a formula
    ['0.7 * profit_score + 0.1 * loyalty + 0.1 * credit + 0.1 * behaviour', 0.7 * 80 + 0.1 * 60 + 0.1 * 40 + 0.1 * 50],
    ['avg_revenue - avg_cost', 12.5],
    ['tenure_months / 12', 2],
    // white space
    ['  1\n+\t2  ', 3],
    ['min( 1 ,2 )', 1],
  ];

  it.each(table)('%s = %d', (text, expected) => {
    expect(evaluate(text)).toBe(expected);
  });

  it('division by zero gives ±Infinity or NaN, returned as is', () => {
    expect(evaluate('1 / 0')).toBe(Infinity);
    expect(evaluate('-1 / 0')).toBe(-Infinity);
    expect(evaluate('0 / 0')).toBeNaN();
    expect(evaluate('profit_score / (credit - 40)')).toBe(Infinity);
    expect(evaluate('round(1 / 0)')).toBe(Infinity);
    expect(evaluate('abs(-1 / 0)')).toBe(Infinity);
    expect(evaluate('min(0 / 0, 1)')).toBeNaN();
    expect(evaluate('max(1, 0 / 0)')).toBeNaN();
    expect(evaluate('(0 / 0) == (0 / 0)')).toBe(0);
    expect(evaluate('(0 / 0) != (0 / 0)')).toBe(1);
    expect(evaluate('1 / 0 > 1e308')).toBe(1);
  });

  it('non-finite inputs flow through as is', () => {
    const inputs = Float64Array.from([Number.NaN, Infinity, -Infinity, 0, 0, 0, 0, 0]);
    expect(evaluate('profit_score', inputs)).toBeNaN();
    expect(evaluate('loyalty + credit', inputs)).toBeNaN();
    expect(evaluate('clamp(loyalty, 0, 100)', inputs)).toBe(100);
    expect(evaluate('if(profit_score, 1, 2)', inputs)).toBe(1); // NaN !== 0 is a true condition
  });

  it('the eight variables, in FORMULA_VARIABLES order, read the Float64Array by position', () => {
    expect([...FORMULA_VARIABLES]).toEqual(['profit_score', 'loyalty', 'credit', 'behaviour', 'avg_profit', 'avg_revenue', 'avg_cost', 'tenure_months']);
    const inputs = Float64Array.from([1.5, 2.5, 3.5, 4.5, -5.5, 6.5, 7.5, 8]);
    FORMULA_VARIABLES.forEach((name, i) => {
      expect(evaluate(name, inputs)).toBe(inputs[i]);
    });
    expect(evaluate(FORMULA_VARIABLES.join(' + '), inputs)).toBe(1.5 + 2.5 + 3.5 + 4.5 - 5.5 + 6.5 + 7.5 + 8);
  });

  it('a compiled formula is reusable: it reads its inputs on every call', () => {
    const r = compileFormula('profit_score * 2 + tenure_months');
    if (!r.ok) throw new Error(r.problem.en);
    const a = new Float64Array(8);
    expect(r.evaluate(a)).toBe(0);
    a[0] = 10;
    a[7] = 3;
    expect(r.evaluate(a)).toBe(23);
    expect(r.evaluate(V)).toBe(184);
    expect(r.evaluate(a)).toBe(23);
  });

  it('evaluation does not write to its inputs', () => {
    const inputs = Float64Array.from(V);
    evaluate('if(profit_score > 1, max(loyalty, credit, behaviour), -avg_cost) + round(avg_profit) * !tenure_months', inputs);
    expect([...inputs]).toEqual([...V]);
  });
});

// ---------------------------------------------------------------------------------------------
// Refusals
// ---------------------------------------------------------------------------------------------

describe('refusals name the problem', () => {
  const cases: [string, string, string?][] = [
    ['', 'formula.empty'],
    ['   ', 'formula.empty'],
    ['\n\t', 'formula.empty'],
    ['foo', 'formula.unknown_name', 'foo'],
    ['profit', 'formula.unknown_name', 'profit'],
    ['Profit_Score', 'formula.unknown_name', 'Profit_Score'],
    ['profit_score + value', 'formula.unknown_name', 'value'],
    ['min', 'formula.unknown_name', 'min'],
    ['if', 'formula.unknown_name', 'if'],
    ['sqrt(4)', 'formula.unknown_function', 'sqrt'],
    ['pow(2, 3)', 'formula.unknown_function', 'pow'],
    ['Math(1)', 'formula.unknown_function', 'Math'],
    ['MIN(1, 2)', 'formula.unknown_function', 'MIN'],
    ['profit_score(1)', 'formula.unknown_function', 'profit_score'],
    ['min(1)', 'formula.arity', 'min'],
    ['min()', 'formula.arity', 'min'],
    ['max(1)', 'formula.arity', 'max'],
    ['abs()', 'formula.arity', 'abs'],
    ['abs(1, 2)', 'formula.arity', 'abs'],
    ['round(1, 2)', 'formula.arity', 'round'],
    ['round()', 'formula.arity', 'round'],
    ['clamp(1, 2)', 'formula.arity', 'clamp'],
    ['clamp(1, 2, 3, 4)', 'formula.arity', 'clamp'],
    ['if(1, 2)', 'formula.arity', 'if'],
    ['if(1, 2, 3, 4)', 'formula.arity', 'if'],
    ['profit_score.constructor', 'formula.bad_syntax', 'MemberExpression'],
    ['a["b"]', 'formula.bad_syntax', 'MemberExpression'],
    ['profit_score["constructor"]', 'formula.bad_syntax', 'MemberExpression'],
    ['min.call(1, 2)', 'formula.bad_call'],
    ['min(1, 2)(3)', 'formula.syntax'],
    ['(1)(2)', 'formula.syntax'],
    ['"abc"', 'formula.bad_literal', 'abc'],
    ["'abc'", 'formula.bad_literal', 'abc'],
    ['profit_score + "1"', 'formula.bad_literal'],
    ['true', 'formula.bad_literal', 'true'],
    ['null', 'formula.bad_literal', 'null'],
    ['1e400', 'formula.bad_literal'],
    ['this', 'formula.bad_syntax', 'ThisExpression'],
    ['[1, 2]', 'formula.bad_syntax', 'ArrayExpression'],
    ['[]', 'formula.bad_syntax'],
    ['profit_score; loyalty', 'formula.bad_character', ';'],
    ['profit_score, loyalty', 'formula.bad_syntax'],
    ['(profit_score, loyalty)', 'formula.bad_syntax'],
    ['profit_score loyalty', 'formula.bad_syntax'],
    ['1 2', 'formula.bad_syntax'],
    ['${profit_score}', 'formula.syntax'],
    ['{{profit_score}}', 'formula.syntax'],
    ['`profit_score`', 'formula.syntax'],
    ['<%= profit_score %>', 'formula.syntax'],
    ['1 % 2', 'formula.bad_operator', '%'],
    ['2 ** 3', 'formula.bad_operator', '**'],
    ['1 | 2', 'formula.bad_operator', '|'],
    ['~1', 'formula.bad_operator', '~'],
    ['1 === 1', 'formula.bad_operator', '==='],
    ['profit_score +', 'formula.syntax'],
    ['(1 + 2', 'formula.syntax'],
    ['1 + 2)', 'formula.syntax'],
    ['1 ? 2', 'formula.syntax'],
    ['min(1,)', 'formula.syntax'],
    ['min(,1)', 'formula.syntax'],
  ];
  it.each(cases)('%j → %s', (text, code, mentioned) => {
    const p = rejected(text);
    expect(p.code).toBe(code);
    if (mentioned !== undefined) {
      expect(p.en).toContain(mentioned);
      expect(p.zh).toContain(mentioned);
    }
  });

  it('an unknown name lists the allowed names', () => {
    const p = rejected('revenue');
    for (const name of FORMULA_VARIABLES) expect(p.en).toContain(name);
  });
});

describe('length limit (500 characters)', () => {
  // min(1,1,…,1): the arguments sit at depth 2, so only the length matters.
  const minOf = (n: number): string => `min(${Array(n).fill('1').join(',')})`;

  it('exactly 500 characters compiles, 501 does not', () => {
    expect(MAX_FORMULA_LENGTH).toBe(500);
    const text = minOf(248);
    expect(text).toHaveLength(500);
    expect(evaluate(text)).toBe(1);
    expect(rejected(`${text} `).code).toBe('formula.too_long');
    expect(rejected(minOf(249)).code).toBe('formula.too_long');
  });

  it('white space counts (501 blanks are too long, not empty)', () => {
    expect(evaluate(`${' '.repeat(499)}1`)).toBe(1);
    expect(rejected(' '.repeat(501)).code).toBe('formula.too_long');
  });

  it('length is counted in UTF-16 code units, before parsing', () => {
    expect(rejected('利'.repeat(501)).code).toBe('formula.too_long');
    expect(rejected('利'.repeat(500)).code).toBe('formula.bad_character');
  });
});

describe('depth limit (32 levels)', () => {
  // compileFormula compiles the root at depth 1; every child of a unary, binary, conditional or
  // call node is one deeper, and a node deeper than MAX_FORMULA_DEPTH is refused. Parentheses make
  // no node, so they do not count. Hence: k unary minuses over a literal put the literal at
  // depth k + 1; n operands of a left-associative + chain put the leftmost at depth n.
  const negs = (k: number): string => `${'-'.repeat(k).split('').join(' ')} 1`;
  const absChain = (k: number): string => `${'abs('.repeat(k)}1${')'.repeat(k)}`;
  const plusChain = (n: number): string => Array(n).fill('1').join('+');
  const ifChain = (k: number): string => `${'if(1,'.repeat(k)}7${',0)'.repeat(k)}`;
  const ternaryChain = (k: number): string => `${'0 ? 0 : '.repeat(k)}7`;

  it('the limit is 32', () => {
    expect(MAX_FORMULA_DEPTH).toBe(32);
  });
  it('unary chain: 31 minuses (depth 32) compile, 32 (depth 33) do not', () => {
    expect(evaluate(negs(31))).toBe(-1);
    expect(evaluate(negs(30))).toBe(1);
    expect(rejected(negs(32)).code).toBe('formula.too_deep');
  });
  it('call chain: 31 nested calls compile, 32 do not', () => {
    expect(evaluate(absChain(31))).toBe(1);
    expect(rejected(absChain(32)).code).toBe('formula.too_deep');
    expect(evaluate(ifChain(31))).toBe(7);
    expect(rejected(ifChain(32)).code).toBe('formula.too_deep');
  });
  it('binary chain: 32 operands compile, 33 do not', () => {
    expect(evaluate(plusChain(32))).toBe(32);
    expect(rejected(plusChain(33)).code).toBe('formula.too_deep');
  });
  it('ternary chain (right-associative): 31 conditionals compile, 32 do not', () => {
    expect(evaluate(ternaryChain(31))).toBe(7);
    expect(rejected(ternaryChain(32)).code).toBe('formula.too_deep');
  });
  it('parentheses alone do not nest', () => {
    expect(evaluate(`${'('.repeat(200)}1${')'.repeat(200)}`)).toBe(1);
  });
  it('a wide but shallow formula is fine', () => {
    expect(evaluate(`max(${Array(60).fill('credit').join(',')})`)).toBe(40);
  });
});

// ---------------------------------------------------------------------------------------------
// Escape and injection payloads
// ---------------------------------------------------------------------------------------------

/** Reflect.ownKeys as strings, for snapshots of prototypes and the global object. */
const ownKeys = (o: object): string[] => Reflect.ownKeys(o).map(String).sort();

const DANGEROUS_NAMES = [
  'constructor',
  '__proto__',
  'prototype',
  'globalThis',
  'global',
  'window',
  'self',
  'process',
  'require',
  'module',
  'exports',
  'import',
  'eval',
  'Function',
  'Object',
  'Reflect',
  'Proxy',
  'Symbol',
  'Array',
  'Math',
  'JSON',
  'console',
  'setTimeout',
  'fetch',
  'arguments',
  'undefined',
  'NaN',
  'Infinity',
  'toString',
  'valueOf',
  'hasOwnProperty',
  '__defineGetter__',
  '__lookupGetter__',
  'isPrototypeOf',
  'propertyIsEnumerable',
  'toLocaleString',
];

/** Things the allowlist of docs/model.md does not contain; each must be refused. */
function buildPayloads(): string[] {
  const out = new Set<string>();
  for (const n of DANGEROUS_NAMES) {
    out.add(n);
    out.add(`${n}()`);
    out.add(`${n}(1)`);
    out.add(`${n}(profit_score, 1)`);
    out.add(`profit_score.${n}`);
    out.add(`min.${n}`);
    out.add(`profit_score["${n}"]`);
    out.add(`profit_score[${n}]`);
    out.add(`1 + ${n}`);
    out.add(`if(${n}, 1, 2)`);
    out.add(`min(${n}, 1)`);
    out.add(`${n}.${n}`);
    out.add(`new ${n}()`);
  }
  const specific = [
    // globals and prototype chains
    'constructor.constructor("return process")()',
    'profit_score.constructor.constructor("return this")()',
    '(1).constructor',
    'min.constructor("return 1")()',
    'this',
    'this.constructor',
    'this["process"]',
    'globalThis.process.exit(1)',
    'process.mainModule.require("child_process")',
    'require("fs")',
    'import("fs")',
    'import.meta',
    'eval("1")',
    'Function("return 1")()',
    'new Function("return 1")',
    'new Date()',
    'new profit_score',
    'Object.prototype.polluted = 1',
    '__proto__.polluted',
    '__proto__["polluted"] = 1',
    'constructor.prototype.polluted = 1',
    // assignment, update, arrows, blocks
    'x = 1',
    'profit_score = 1',
    'profit_score += 1',
    'profit_score -= 1',
    'profit_score++',
    'profit_score--',
    'a => b',
    '() => 1',
    '(x) => x',
    'function() { return 1 }',
    '{}',
    '({})',
    '({ a: 1 })',
    '{ profit_score }',
    // arrays and member access
    '[]',
    '[].map',
    '[1, 2, 3]',
    '[profit_score]',
    '[].constructor',
    '[].map(min)',
    'min(1, 2)[0]',
    'profit_score?.x',
    'profit_score?.constructor',
    // strings, templates, regex
    '"str"',
    "'str'",
    '"a" + 1',
    'if("1", 1, 2)',
    'min("1", 2)',
    '`x`',
    '`${profit_score}`',
    'String.raw`x`',
    '/x/',
    '/x/.test(1)',
    '/./g',
    '${profit_score}',
    '{{profit_score}}',
    '#{profit_score}',
    '<%= profit_score %>',
    // keywords and literals
    'void 0',
    'typeof x',
    'typeof profit_score',
    'delete x',
    'delete profit_score',
    'x in y',
    '"a" in profit_score',
    'profit_score instanceof Function',
    'await 1',
    'yield 1',
    'true',
    'false',
    'null',
    'true + 1',
    'if(true, 1, 2)',
    'var x = 1',
    'let x = 1',
    'return 1',
    'throw 1',
    'debugger',
    'with (Math) max(1, 2)',
    // operators outside the allowlist
    'a ?? b',
    'profit_score ?? 1',
    '1 | 2',
    '1 & 2',
    '1 ^ 2',
    '1 << 2',
    '1 >> 2',
    '1 >>> 2',
    '~1',
    '~profit_score',
    '2 ** 3',
    '5 % 2',
    'profit_score % 10',
    '1 === 1',
    '1 !== 1',
    'profit_score, loyalty',
    'profit_score; loyalty',
    '1; 2',
    '(1, 2)',
    'profit_score loyalty',
    '1 2',
    // identifiers in disguise
    '\\u0070rofit_score',
    'profit\\u005fscore',
    '\\u{70}rofit_score',
    '\\x70rofit_score',
    'ｐrofit_score',
    'profit_score\u200b',
    '\u200bprofit_score',
    'profit_ѕcore',
    'PROFIT_SCORE',
    '$',
    '_',
    '$profit_score',
    'profit_score$',
    '0x10',
    '0b1',
    '1_000',
    '1n',
    '1.2.3',
    // comments
    '/* c */ 1',
    '1 /* c */',
    '1 // c',
    '// c\n1',
    '<!-- 1',
    '1 --> 0',
    '#!/bin/sh',
    // misc junk
    '@x',
    '#x',
    '\\',
    '\'',
    '"',
    ')',
    '(',
    ',',
    '?',
    ':',
    '.',
    '..',
    '...profit_score',
    'min(...[1, 2])',
    '1 ? 2',
    '? 1 : 2',
    'if(1, 2, 3) = 1',
  ];
  for (const p of specific) out.add(p);
  return [...out];
}

describe('escape and injection payloads', () => {
  const payloads = buildPayloads();
  let objectKeys: string[] = [];
  let functionKeys: string[] = [];
  let arrayKeys: string[] = [];
  let globalKeys: string[] = [];

  beforeAll(() => {
    objectKeys = ownKeys(Object.prototype);
    functionKeys = ownKeys(Function.prototype);
    arrayKeys = ownKeys(Array.prototype);
    globalKeys = ownKeys(globalThis);
  });

  it('there are at least 200 distinct payloads', () => {
    expect(payloads.length).toBeGreaterThanOrEqual(200);
  });

  it('every payload is refused, and nothing global or on a prototype changes', () => {
    const accepted: string[] = [];
    for (const p of payloads) {
      let r: FormulaResult;
      try {
        r = compileFormula(p);
      } catch (e) {
        throw new Error(`compileFormula threw on ${JSON.stringify(p)}: ${String(e)}`);
      }
      if (r.ok) {
        accepted.push(p);
        continue;
      }
      expect(r.problem.code).toMatch(/^formula\.[a-z_]+$/);
      expect(r.problem.zh).not.toBe('');
      expect(r.problem.en).not.toBe('');
    }
    expect(accepted).toEqual([]);
    expect(ownKeys(Object.prototype)).toEqual(objectKeys);
    expect(ownKeys(Function.prototype)).toEqual(functionKeys);
    expect(ownKeys(Array.prototype)).toEqual(arrayKeys);
    expect(ownKeys(globalThis)).toEqual(globalKeys);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });

  afterAll(() => {
    expect(ownKeys(Object.prototype)).toEqual(objectKeys);
    expect(ownKeys(Function.prototype)).toEqual(functionKeys);
    expect(ownKeys(globalThis).filter((k) => !globalKeys.includes(k))).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------
// Properties
// ---------------------------------------------------------------------------------------------

type Ast =
  | { k: 'num'; v: number }
  | { k: 'var'; i: number }
  | { k: 'un'; op: '-' | '+' | '!'; a: Ast }
  | { k: 'bin'; op: string; a: Ast; b: Ast }
  | { k: 'cond'; t: Ast; a: Ast; b: Ast }
  | { k: 'call'; f: 'min' | 'max' | 'abs' | 'round' | 'clamp' | 'if'; args: Ast[] };

const BIN_OPS = ['+', '-', '*', '/', '<', '<=', '>', '>=', '==', '!=', '&&', '||'] as const;

const astArb: fc.Arbitrary<Ast> = fc.letrec<{ node: Ast }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.oneof(
      fc.double({ min: 0, max: 1e6, noNaN: true }).map((v): Ast => ({ k: 'num', v: Math.abs(v) })),
      fc.integer({ min: 0, max: 100 }).map((v): Ast => ({ k: 'num', v })),
    ),
    fc.integer({ min: 0, max: 7 }).map((i): Ast => ({ k: 'var', i })),
    fc.record({ k: fc.constant('un' as const), op: fc.constantFrom('-' as const, '+' as const, '!' as const), a: tie('node') }),
    fc.record({ k: fc.constant('bin' as const), op: fc.constantFrom(...BIN_OPS), a: tie('node'), b: tie('node') }),
    fc.record({ k: fc.constant('cond' as const), t: tie('node'), a: tie('node'), b: tie('node') }),
    fc.oneof(
      fc.record({ k: fc.constant('call' as const), f: fc.constantFrom('min' as const, 'max' as const), args: fc.array(tie('node'), { minLength: 2, maxLength: 4 }) }),
      fc.record({ k: fc.constant('call' as const), f: fc.constantFrom('abs' as const, 'round' as const), args: fc.array(tie('node'), { minLength: 1, maxLength: 1 }) }),
      fc.record({ k: fc.constant('call' as const), f: fc.constantFrom('clamp' as const, 'if' as const), args: fc.array(tie('node'), { minLength: 3, maxLength: 3 }) }),
    ),
  ),
})).node;

function print(n: Ast): string {
  switch (n.k) {
    case 'num':
      return String(n.v);
    case 'var':
      return FORMULA_VARIABLES[n.i] as string;
    case 'un':
      return `${n.op}(${print(n.a)})`;
    case 'bin':
      return `(${print(n.a)} ${n.op} ${print(n.b)})`;
    case 'cond':
      return `(${print(n.t)} ? ${print(n.a)} : ${print(n.b)})`;
    case 'call':
      return `${n.f}(${n.args.map(print).join(', ')})`;
  }
}

function depthOf(n: Ast): number {
  switch (n.k) {
    case 'num':
    case 'var':
      return 1;
    case 'un':
      return 1 + depthOf(n.a);
    case 'bin':
      return 1 + Math.max(depthOf(n.a), depthOf(n.b));
    case 'cond':
      return 1 + Math.max(depthOf(n.t), depthOf(n.a), depthOf(n.b));
    case 'call':
      return 1 + Math.max(...n.args.map(depthOf));
  }
}

/** Round half away from zero, written differently from the implementation. */
function refRound(x: number): number {
  const a = Math.abs(x);
  const f = Math.floor(a);
  const r = a - f >= 0.5 ? f + 1 : f;
  return x < 0 ? -r : r;
}

const truthy = (x: number): boolean => x !== 0;
const bit = (b: boolean): number => (b ? 1 : 0);

function reference(n: Ast, v: Float64Array): number {
  switch (n.k) {
    case 'num':
      return n.v;
    case 'var':
      return v[n.i] as number;
    case 'un': {
      const a = reference(n.a, v);
      return n.op === '-' ? -a : n.op === '+' ? a : bit(!truthy(a));
    }
    case 'bin': {
      const a = reference(n.a, v);
      const b = reference(n.b, v);
      switch (n.op) {
        case '+':
          return a + b;
        case '-':
          return a - b;
        case '*':
          return a * b;
        case '/':
          return a / b;
        case '<':
          return bit(a < b);
        case '<=':
          return bit(a <= b);
        case '>':
          return bit(a > b);
        case '>=':
          return bit(a >= b);
        case '==':
          return bit(a === b);
        case '!=':
          return bit(a !== b);
        case '&&':
          return bit(truthy(a) && truthy(b));
        default:
          return bit(truthy(a) || truthy(b));
      }
    }
    case 'cond':
      return truthy(reference(n.t, v)) ? reference(n.a, v) : reference(n.b, v);
    case 'call': {
      const args = n.args.map((a) => reference(a, v));
      const [x, y, z] = args as [number, number, number];
      switch (n.f) {
        case 'min':
          return Math.min(...args);
        case 'max':
          return Math.max(...args);
        case 'abs':
          return Math.abs(x);
        case 'round':
          return refRound(x);
        case 'clamp':
          return Math.min(Math.max(x, y), z);
        default:
          return truthy(x) ? y : z;
      }
    }
  }
}

/** Same number, NaN equal to NaN, 0 equal to −0 (the sign of a zero is not part of the contract). */
const sameNumber = (a: number, b: number): boolean => a === b || (Number.isNaN(a) && Number.isNaN(b));

const ALLOWED_WORDS = new Set<string>([...FORMULA_VARIABLES, 'min', 'max', 'abs', 'round', 'clamp', 'if']);

describe('properties', () => {
  it('a random allowlisted formula compiles (or is refused only for length/depth) and evaluates like the reference', () => {
    const inputsArb = fc.array(fc.double(), { minLength: 8, maxLength: 8 }).map((xs) => Float64Array.from(xs));
    fc.assert(
      fc.property(astArb, fc.array(inputsArb, { minLength: 1, maxLength: 3 }), (ast, inputsList) => {
        const text = print(ast);
        const r = compileFormula(text);
        if (text.length > MAX_FORMULA_LENGTH) {
          expect(r.ok).toBe(false);
          return;
        }
        if (depthOf(ast) > MAX_FORMULA_DEPTH) {
          expect(r.ok ? 'ok' : r.problem.code).toBe('formula.too_deep');
          return;
        }
        if (!r.ok) throw new Error(`refused ${text}: ${r.problem.en}`);
        for (const inputs of inputsList) {
          const got = r.evaluate(inputs);
          const want = reference(ast, inputs);
          if (!sameNumber(got, want)) throw new Error(`${text} on [${[...inputs].join(', ')}]: got ${got}, want ${want}`);
        }
      }),
      { numRuns: RUNS * 2 },
    );
  });

  it('random text never throws; it compiles or gives one problem', () => {
    const textArb = fc.oneof(fc.string({ maxLength: 80 }), fc.string({ unit: 'binary', maxLength: 80 }), fc.string({ unit: 'grapheme', maxLength: 40 }), fc.string({ maxLength: 600 }));
    fc.assert(
      fc.property(textArb, (text) => {
        const r = compileFormula(text);
        if (r.ok) expect(typeof r.evaluate(V)).toBe('number');
        else expect(r.problem.code).toMatch(/^formula\.[a-z_]+$/);
      }),
      { numRuns: RUNS * 4 },
    );
  });

  it('token soup: whatever compiles uses only allowlisted names and characters', () => {
    const TOKENS = [
      ...FORMULA_VARIABLES,
      'min',
      'max',
      'abs',
      'round',
      'clamp',
      'if',
      '1',
      '2.5',
      '0',
      '+',
      '-',
      '*',
      '/',
      '(',
      ')',
      ',',
      '<',
      '<=',
      '>',
      '>=',
      '==',
      '!=',
      '&&',
      '||',
      '!',
      '?',
      ':',
      // outside the allowlist
      'constructor',
      '__proto__',
      'this',
      '.',
      '[',
      ']',
      '"x"',
      '`',
      '=',
      ';',
      '%',
      '**',
      '|',
      '&',
      '^',
      '~',
      '<<',
      '>>',
      '===',
      '??',
      '?.',
      'new',
      'typeof',
      'void',
      '{',
      '}',
      '=>',
      'true',
      'null',
      'x',
    ];
    const soupArb = fc.tuple(fc.array(fc.constantFrom(...TOKENS), { minLength: 1, maxLength: 12 }), fc.constantFrom('', ' '));
    fc.assert(
      fc.property(soupArb, ([tokens, sep]) => {
        const text = tokens.join(sep);
        const r = compileFormula(text);
        if (!r.ok) return;
        const words = text.match(/[A-Za-z_$][\w$]*/g) ?? [];
        // 1e3-style exponents aside (none in TOKENS), every word must be allowed
        for (const w of words) expect(ALLOWED_WORDS.has(w), `${JSON.stringify(text)} uses ${w}`).toBe(true);
        // ';' is allowed here only because of the known leniency below (a lone ';' is dropped)
        expect(text, `${JSON.stringify(text)}`).toMatch(/^[\w\s.+\-*/()<>=!&|?:,;]*$/);
        expect(text).not.toMatch(/===|!==|\*\*|\?\?|\?\.[A-Za-z_]|\.[A-Za-z_]/);
        expect(typeof r.evaluate(V)).toBe('number');
      }),
      { numRuns: RUNS * 4 },
    );
  });
});

// ---------------------------------------------------------------------------------------------
// Leniency of the parser found while writing these tests, now refused
// ---------------------------------------------------------------------------------------------

describe('jsep leniency is refused', () => {
  // jsep drops an empty "()" after a literal, a trailing comma inside parentheses and empty ';'
  // statements, and compileFormula ignores the `optional` flag of an optional call `f?.(…)`, so
  // these non-formulas compile. Harmless (no name, member or call outside the allowlist is
  // reached), but not on the allowlist either.
  it.each(['1()', '1 + 2()', '(1,)', '(profit_score,)', '(1,,)', 'min((1,), 2)', ';profit_score', 'profit_score;', ';;1;;', 'min?.(1, 2)', 'abs?.(-1)'])('%j is refused', (text) => {
    expect(compileFormula(text).ok).toBe(false);
  });
});
