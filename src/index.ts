/**
 * targetree: exact sales-target decomposition (目标分解).
 *
 * @packageDocumentation
 */
export * from "./_lib/index.js";
export * from "./activity/index.js";
export * from "./analysis/index.js";
export * from "./formula/index.js";
export * from "./measure/index.js";
export * from "./model/index.js";
export * from "./numbers/index.js";
export * from "./plan/index.js";
export * from "./split/index.js";
export * from "./sql/index.js";
export * from "./time/index.js";
