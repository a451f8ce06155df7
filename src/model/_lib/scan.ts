// Type-level reading of formula text: the input names a model's formulas use, so that a model's
// values are typed by name (`evaluate(model, inputs).revenu` is a compile error). Types only.
//
// The scan only has to be right for formulas that define a model without error, which keeps it
// simple: a name is a run of characters that are not whitespace, operators, digits or a decimal
// point; a number swallows its exponent and unit suffix (`1e-3`, `50万`, `25%`); a name followed
// by `(` is a function call; `and`/`or`/`not`/`true`/`false` are keywords in any case. Formula
// text that is not a string literal type (a `string` variable) gives `string`: unknown names.

type Space = " " | "\t" | "\n" | "\r" | "\u00a0" | "\u3000";
type Operator =
  | "+"
  | "-"
  | "\u2212"
  | "*"
  | "×"
  | "/"
  | "÷"
  | "^"
  | "("
  | "（"
  | ")"
  | "）"
  | ","
  | "，"
  | "≤"
  | "≥"
  | "≠"
  | "<"
  | ">"
  | "="
  | "!"
  | "&"
  | "|";
type Digit = "0" | "1" | "2" | "3" | "4" | "5" | "6" | "7" | "8" | "9";
type Keyword = "and" | "or" | "not" | "true" | "false";
type Break = Space | Operator;

/** A finished name: kept unless it is a keyword or (when `call`) a function's name. */
type Keep<Name extends string, Call extends boolean> = Name extends ""
  ? never
  : Call extends true
    ? never
    : Lowercase<Name> extends Keyword
      ? never
      : Name;

/**
 * One pass over the text, a character at a time (tail-recursive, so long formulas stay within
 * the compiler's limits). `Name` is the name being read; `Pending` a finished name waiting to see
 * whether a `(` follows; `Number` is true inside a number literal, `Exponent` right after its `e`.
 */
type Scan<
  Text extends string,
  Found extends string = never,
  Name extends string = "",
  Pending extends string = "",
  InNumber extends boolean = false,
  Exponent extends boolean = false,
> = Text extends `${infer Char}${infer Rest}`
  ? InNumber extends true
    ? Exponent extends true
      ? Char extends "+" | "-"
        ? Scan<Rest, Found, "", "", true, false>
        : Scan<Text, Found, "", "", true, false>
      : Char extends Break
        ? Scan<Rest, Found, "", "", false, false>
        : Scan<Rest, Found, "", "", true, Char extends "e" | "E" ? true : false>
    : Name extends ""
      ? Char extends Space
        ? Scan<Rest, Found, "", Pending>
        : Char extends "(" | "（"
          ? Scan<Rest, Found | Keep<Pending, true>>
          : Char extends Operator
            ? Scan<Rest, Found | Keep<Pending, false>>
            : Char extends Digit | "."
              ? Scan<Rest, Found | Keep<Pending, false>, "", "", true>
              : Scan<Rest, Found | Keep<Pending, false>, Char>
      : Char extends Break
        ? Scan<Text, Found, "", Name>
        : Scan<Rest, Found, `${Name}${Char}`>
  : Found | Keep<Pending, false> | Keep<Name, false>;

/** The names one formula reads (inputs and formula nodes alike), or `string` when unknown. */
export type NamesInFormula<Text extends string> = string extends Text ? string : Scan<Text>;

/** Formula node names of a `formulas` record. */
export type FormulaNodeNames<Formulas> = keyof Formulas & string;

/**
 * Input names of a `formulas` record: the names its formulas read that no formula defines;
 * `string` when the formulas are not literal types.
 */
export type FormulaInputNames<Formulas> = string extends FormulaNodeNames<Formulas>
  ? string
  : Exclude<
      NamesInFormula<Formulas[keyof Formulas] & string>,
      FormulaNodeNames<Formulas>
    > extends infer Names extends string
    ? string extends Names
      ? string
      : Names
    : string;
