export type {
  BinaryOperator,
  BooleanNode,
  CallNode,
  ChainLink,
  CompareNode,
  CompareOperator,
  FormulaNode,
  FunctionName,
  LiteralUnit,
  LogicalNode,
  LogicalOperator,
  NameNode,
  NotNode,
  NumberNode,
  PowerNode,
  ProductNode,
  ProductOperator,
  Span,
  SumNode,
  SumOperator,
  UnaryNode,
} from "./ast.js";
export {
  binaryNode,
  booleanNode,
  callNode,
  compareNode,
  logicalNode,
  nameNode,
  notNode,
  numberNode,
  powerNode,
  productNode,
  sumNode,
  unaryNode,
} from "./ast.js";
export type { EvaluateFormulaOptions, Facts } from "./evaluateFormula.js";
export { evaluateFormula } from "./evaluateFormula.js";
export { formulaNames } from "./formulaNames.js";
export { formulasEqual } from "./formulasEqual.js";
export type { ParseFormulaOptions } from "./parseFormula.js";
export { parseFormula } from "./parseFormula.js";
export type { PrintFormulaOptions } from "./printFormula.js";
export { printFormula } from "./printFormula.js";
