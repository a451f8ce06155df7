// Key rules: model names (as defineModel checks them) and part keys (as the split area does).
import { excerpt, TargetreeError } from "../../_lib/errors.js";
import { codePointLabel, findInvisible, isIdentifier, isKeyword } from "../../formula/internal.js";
import { normaliseKey } from "../../split/internal.js";
import type { KeyRule } from "./custom.js";
import type { Problem } from "./issues.js";
import { bareMessage } from "./issues.js";
import { KEY_PATTERN, NAME_PATTERN } from "./patterns.js";

/** The problem with a node name, as `defineModel` words it, or `null`. */
export function nameProblem(key: string): Problem | null {
  const invisible = findInvisible(key);
  if (invisible >= 0) {
    return {
      message: `The name ${excerpt(key)} contains the invisible character ${codePointLabel(key, invisible)} at position ${invisible + 1}.`,
      code: "INVALID_CHARACTER",
      details: { column: invisible + 1 },
    };
  }
  const name = key.normalize("NFC");
  if (!isIdentifier(name)) {
    return {
      message: `${excerpt(key)} is not a valid name: use letters (any script), digits and _, not starting with a digit. Put readable text with spaces or brackets in a label.`,
      code: "INVALID_ARGUMENT",
    };
  }
  if (isKeyword(name)) {
    return {
      message: `${excerpt(key)} is a reserved word (and, or, not, true, false) and cannot name a node.`,
      code: "INVALID_ARGUMENT",
    };
  }
  return null;
}

/** Keys that are model names: identifiers, NFC, duplicates after NFC refused. */
export const MODEL_NAME_RULE: KeyRule = /* @__PURE__ */ Object.freeze({
  check: nameProblem,
  normalise: (key: string) => key.normalize("NFC"),
  duplicateCode: "DUPLICATE_NAME",
  json: { type: "string", minLength: 1, pattern: NAME_PATTERN },
});

/** The problem with a part key (invisible characters), as the split area words it, or `null`. */
export function keyProblem(key: string): Problem | null {
  try {
    normaliseKey(key, []);
    return null;
  } catch (error) {
    if (!(error instanceof TargetreeError)) throw error;
    return { message: bareMessage(error), code: error.code, details: error.details };
  }
}

/** Keys of weights and shares: any text without invisible characters, duplicates after NFC refused. */
export const PART_KEY_RULE: KeyRule = /* @__PURE__ */ Object.freeze({
  check: keyProblem,
  normalise: (key: string) => key.normalize("NFC"),
  duplicateCode: "DUPLICATE_KEY",
  json: { type: "string", pattern: KEY_PATTERN },
});
