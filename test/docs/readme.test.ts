import { readFileSync } from "node:fs";
import { ERROR_CODES } from "targetree";
import { describe, expect, it } from "vitest";

const readme = readFileSync(new URL("../../README.md", import.meta.url), "utf8");

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
});
