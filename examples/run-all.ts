// Runs every worked-case example in order: W1…W12, then X1…X3, then the plan documents, then
// the pictures (every chart, rendered to PNG in examples/out/).
import { readdirSync } from "node:fs";
import { fileURLToPath, pathToFileURL } from "node:url";

const dir = fileURLToPath(new URL(".", import.meta.url));
const order = (name: string): [number, number] => {
  const match = /^([wx])(\d+)/i.exec(name);
  return match ? [match[1]!.toLowerCase() === "w" ? 0 : 1, Number(match[2])] : [2, 0];
};
const files = readdirSync(dir)
  .filter((name) => /^[wx]\d+.*\.ts$/i.test(name))
  .sort((a, b) => {
    const [ga, na] = order(a);
    const [gb, nb] = order(b);
    return ga - gb || na - nb || a.localeCompare(b);
  });

for (const file of files) {
  await import(pathToFileURL(`${dir}${file}`).href);
  console.log();
}
await import(pathToFileURL(`${dir}plans.ts`).href);
console.log();
await import(pathToFileURL(`${dir}pictures.ts`).href);
console.log();
console.log(`${files.length + 2} example files ran.`);
