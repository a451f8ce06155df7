// Loaded only by vitest.mutation.config.ts: properties that do not set numRuns run 10 cases.
import fc from "fast-check";

fc.configureGlobal({ numRuns: 10 });
