/**
 * Formula mode (SPEC §9) as an Excel formula, so the report's value column stays a live formula
 * in formula mode too. Every construct maps to the function that computes the same number:
 * comparisons and logic give 1/0 through IF (as the engine's do), round is ROUND(x,0) (both
 * round half away from zero), clamp is MIN(MAX(x,lo),hi). The one difference: where the engine
 * meets a non-finite intermediate (x/0) it can still reach a finite result (min(x/0, 100)),
 * while Excel's #DIV/0! spreads; the report leaves such a value empty, as the engine does when
 * the result itself is not finite.
 */
import jsep from 'jsep';
import { compileFormula, FORMULA_VARIABLES, type FormulaVariable } from './formula.js';

const ARITHMETIC = new Set(['+', '-', '*', '/']);
const COMPARISON: Readonly<Record<string, string>> = { '<': '<', '<=': '<=', '>': '>', '>=': '>=', '==': '=', '!=': '<>' };

function isVariable(name: string): name is FormulaVariable {
  return (FORMULA_VARIABLES as readonly string[]).includes(name);
}

function numberLiteral(value: number): string {
  // String() may give an exponent (1e-7, 1e+21); Excel writes and reads it upper case.
  return String(value).toUpperCase();
}

function translate(node: jsep.Expression, cell: (v: FormulaVariable) => string): string {
  const t = (n: jsep.Expression): string => translate(n, cell);
  switch (node.type) {
    case 'Literal':
      return numberLiteral((node as jsep.Literal).value as number);
    case 'Identifier': {
      const name = (node as jsep.Identifier).name;
      if (!isVariable(name)) throw new Error(`unknown name ${name}`);
      return cell(name);
    }
    case 'UnaryExpression': {
      const u = node as jsep.UnaryExpression;
      if (u.operator === '!') return `IF(${t(u.argument)}=0,1,0)`;
      return `${u.operator}(${t(u.argument)})`;
    }
    case 'BinaryExpression': {
      const b = node as jsep.BinaryExpression;
      const [l, r] = [t(b.left), t(b.right)];
      if (ARITHMETIC.has(b.operator)) return `(${l}${b.operator}${r})`;
      if (b.operator === '&&') return `IF(AND(${l}<>0,${r}<>0),1,0)`;
      if (b.operator === '||') return `IF(OR(${l}<>0,${r}<>0),1,0)`;
      const op = COMPARISON[b.operator];
      if (op === undefined) throw new Error(`operator ${b.operator}`);
      return `IF(${l}${op}${r},1,0)`;
    }
    case 'ConditionalExpression': {
      const c = node as jsep.ConditionalExpression;
      return `IF(${t(c.test)}<>0,${t(c.consequent)},${t(c.alternate)})`;
    }
    case 'CallExpression': {
      const call = node as jsep.CallExpression;
      const name = (call.callee as jsep.Identifier).name;
      const args = call.arguments.map(t);
      switch (name) {
        case 'abs':
          return `ABS(${args[0]})`;
        case 'round':
          return `ROUND(${args[0]},0)`;
        case 'clamp':
          return `MIN(MAX(${args[0]},${args[1]}),${args[2]})`;
        case 'if':
          return `IF(${args[0]}<>0,${args[1]},${args[2]})`;
        case 'min':
        case 'max':
          return `${name.toUpperCase()}(${args.join(',')})`;
        default:
          throw new Error(`function ${name}`);
      }
    }
    default:
      throw new Error(`node ${node.type}`);
  }
}

/**
 * The Excel formula (without `=`) of a value formula; `cell` names the cell of each variable.
 * Throws on a formula the engine would refuse (the scenario schema refuses those first).
 */
export function formulaToExcel(text: string, cell: (variable: FormulaVariable) => string): string {
  const compiled = compileFormula(text);
  if (!compiled.ok) throw new Error(compiled.problem.en);
  return translate(jsep(text), cell);
}
