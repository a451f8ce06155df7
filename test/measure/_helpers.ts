// Shared helpers for the measure and plan tests.
export { deepFreeze, expectCode } from "../_support/errors.js";
