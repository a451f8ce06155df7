import { readFileSync } from "node:fs";
import { ERROR_CODES } from "targetree";
import { describe, expect, it } from "vitest";

const readme = readFileSync(new URL("../../README.md", import.meta.url), "utf8");
const typedoc = JSON.parse(
  readFileSync(new URL("../../typedoc.json", import.meta.url), "utf8"),
) as {
  intentionallyNotDocumented: string[];
};

describe("README", () => {
  it("gives the two-command quick start", () => {
    expect(readme).toContain("npm install && npm run examples");
    expect(readme).toContain("npm test");
  });

  it("documents every error code with its meaning", () => {
    for (const [code, meaning] of Object.entries(ERROR_CODES)) {
      expect(readme, code).toContain(`| \`${code}\` | ${meaning} |`);
    }
  });

  // Each code's value is its description, which TypeDoc shows; typedoc.json lists the codes as
  // needing no JSDoc of their own, so a new code must be added there or `npm run docs` fails.
  it("lists every error code in typedoc.json, so the docs build stays free of warnings", () => {
    const listed = typedoc.intentionallyNotDocumented
      .filter((name) => name.startsWith("index.ERROR_CODES.__type."))
      .map((name) => name.slice("index.ERROR_CODES.__type.".length));
    expect(listed.sort()).toEqual(Object.keys(ERROR_CODES).sort());
  });
});
