// Shared helpers for the time tests: the one error helper of test/_support.
export { deepFreeze, errorOf, expectCode } from "../_support/errors.js";
