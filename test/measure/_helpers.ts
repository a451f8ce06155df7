// Shared helpers for the measure and plan tests.
export { deepFreeze, errorOf, expectCode } from "../_support/errors.js";
