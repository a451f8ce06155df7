// The package's version, for `targetree --version`: inlined by the build (tsup's `define`), read
// from package.json when the CLI runs from source (tests, tsx).
import { readFileSync } from "node:fs";

declare const TARGETREE_VERSION: string | undefined;

/** The version of the targetree package. */
export function packageVersion(): string {
  if (typeof TARGETREE_VERSION === "string") return TARGETREE_VERSION;
  const text = readFileSync(new URL("../../package.json", import.meta.url), "utf8");
  return (JSON.parse(text) as { version: string }).version;
}
