// Runs every bench/*.bench.ts file in turn.
import { readdirSync } from "node:fs";
import { fileURLToPath, pathToFileURL } from "node:url";

const dir = fileURLToPath(new URL(".", import.meta.url));
const only = process.argv[2];
const files = readdirSync(dir)
  .filter((name) => name.endsWith(".bench.ts") && (only === undefined || name.includes(only)))
  .sort();
console.log(`node ${process.version}, ${process.platform}/${process.arch}`);
for (const file of files) {
  console.log(`\n## ${file}`);
  await import(pathToFileURL(`${dir}${file}`).href);
}
