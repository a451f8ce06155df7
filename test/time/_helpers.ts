// Shared helpers for the time tests: the one error helper of test/_support.
import { errorOf } from "../_support/errors.js";

export { deepFreeze, errorOf, expectCode } from "../_support/errors.js";

/** `errorOf` under its old name, for test files other branches are still editing. */
export const thrown = errorOf;
