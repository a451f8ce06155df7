// `--format html` inlines Vega, Vega-Lite and vega-embed from node_modules, so the report opens
// offline. They are optional peer dependencies: without them the command fails with one line that
// says what to install.
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { usageFailure } from "./failure.js";
import { type CliIo, readTextFile } from "./io.js";
import type { VegaScripts } from "./report/html.js";

const PACKAGES = ["vega", "vega-lite", "vega-embed"] as const;

/** Where a package's main entry is (its `build/` folder holds the `.min.js`); throws when it is not installed. */
export type ResolvePackage = (name: string) => string;

const resolveFromHere: ResolvePackage = (name) => createRequire(import.meta.url).resolve(name);

/** The three browser builds, read through `io`; exit 2 with what to install when one is missing. */
export function vegaScripts(
  io: CliIo,
  command: string,
  resolve: ResolvePackage = resolveFromHere,
): VegaScripts {
  const texts = PACKAGES.map((name) => {
    let entry: string;
    try {
      entry = resolve(name);
    } catch {
      throw usageFailure(
        `targetree ${command}: --format html needs vega, vega-lite and vega-embed (${name} is not installed): npm i vega vega-lite vega-embed`,
      );
    }
    // The exports maps hide build/…; the main entry sits in build/ beside the minified browser build.
    return readTextFile(io, join(dirname(entry), `${name}.min.js`), `${name} browser build`);
  });
  return { vega: texts[0]!, vegaLite: texts[1]!, vegaEmbed: texts[2]! };
}
