/**
 * Flow JSON expressions: typed conditions, arithmetic and string concatenation, rendered exactly as
 * pywa renders them.
 */
export * from "./concat.js";
export * from "./conditions.js";
export * from "./errors.js";
export {
  Expression,
  type BooleanOperand,
  type Condition,
  type MathExpression,
  type NumberOperand,
  type Operand,
  type StringOperand,
} from "./expression.js";
export * from "./math.js";
export type {
  BinaryOperator,
  ComparisonOperator,
  ExpressionNode,
  Literal,
  LogicalOperator,
  MathOperator,
} from "./node.js";
