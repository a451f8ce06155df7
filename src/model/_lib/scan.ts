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

/** A finished name, kept unless it is empty or a keyword. */
type Keep<Name extends string> = Name extends ""
  ? never
  : Lowercase<Name> extends Keyword
    ? never
    : Name;

/**
 * The scanner's state: the names found, the name being read, a finished name waiting to see
 * whether a `(` follows (then it is a function), inside a number, right after a number's `e`.
 */
type State = [found: string, name: string, pending: string, inNumber: boolean, exponent: boolean];
type Start = [never, "", "", false, false];

/** One character read while no name is being read (a finished name may be pending). */
type Idle<Found extends string, Pending extends string, Char extends string> = Char extends Space
  ? [Found, "", Pending, false, false]
  : Char extends "(" | "（"
    ? [Found, "", "", false, false]
    : Char extends Operator
      ? [Found | Keep<Pending>, "", "", false, false]
      : Char extends Digit | "."
        ? [Found | Keep<Pending>, "", "", true, false]
        : [Found | Keep<Pending>, Char, "", false, false];

/** One character read inside a number: its digits, exponent and unit suffix (`1e-3`, `50万`, `25%`). */
type InNumber<Found extends string, Char extends string> = Char extends Break
  ? [Found, "", "", false, false]
  : [Found, "", "", true, Char extends "e" | "E" ? true : false];

/** The state after one character (not recursive, so steps can be chained). */
type Step<Current extends State, Char extends string> = Current[3] extends true
  ? Current[4] extends true
    ? Char extends "+" | "-"
      ? [Current[0], "", "", true, false]
      : InNumber<Current[0], Char>
    : InNumber<Current[0], Char>
  : Current[1] extends ""
    ? Idle<Current[0], Current[2], Char>
    : Char extends Break
      ? Idle<Current[0], Current[1], Char>
      : [Current[0], `${Current[1]}${Char}`, "", false, false];

/** Eight characters at once. */
type Step8<
  Current extends State,
  Chunk extends string,
> = Chunk extends `${infer A}${infer B}${infer C}${infer D}${infer E}${infer F}${infer G}${infer H}`
  ? Step<Step<Step<Step<Step<Step<Step<Step<Current, A>, B>, C>, D>, E>, F>, G>, H>
  : Current;

/**
 * Reads the text 32 characters a step (tail-recursive, so literal formulas of tens of thousands
 * of characters stay within the compiler's limits), then the last few one by one.
 */
type Scan<
  Text extends string,
  Current extends State = Start,
> = Text extends `${infer A}${infer B}${infer C}${infer D}${infer E}${infer F}${infer G}${infer H}${infer I}${infer J}${infer K}${infer L}${infer M}${infer N}${infer O}${infer P}${infer Q}${infer R}${infer S}${infer T}${infer U}${infer V}${infer W}${infer X}${infer Y}${infer Z}${infer A2}${infer B2}${infer C2}${infer D2}${infer E2}${infer F2}${infer Rest}`
  ? Scan<
      Rest,
      Step8<
        Step8<
          Step8<
            Step8<Current, `${A}${B}${C}${D}${E}${F}${G}${H}`>,
            `${I}${J}${K}${L}${M}${N}${O}${P}`
          >,
          `${Q}${R}${S}${T}${U}${V}${W}${X}`
        >,
        `${Y}${Z}${A2}${B2}${C2}${D2}${E2}${F2}`
      >
    >
  : Text extends `${infer A}${infer Rest}`
    ? Scan<Rest, Step<Current, A>>
    : Current[0] | Keep<Current[2]> | Keep<Current[1]>;

/** The names one formula reads (inputs and formula nodes alike), or `string` when unknown. */
export type NamesInFormula<Text extends string> = string extends Text ? string : Scan<Text>;

/** Formula node names of a `formulas` record. */
export type FormulaNodeNames<Formulas> = keyof Formulas & string;

/**
 * Input names of a `formulas` record: the names its formulas read that no formula defines;
 * `string` when the formulas are not literal types.
 */
export type FormulaInputNames<Formulas> =
  string extends FormulaNodeNames<Formulas>
    ? string
    : Exclude<
          NamesInFormula<Formulas[keyof Formulas] & string>,
          FormulaNodeNames<Formulas>
        > extends infer Names extends string
      ? string extends Names
        ? string
        : Names
      : string;
