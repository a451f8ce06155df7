// The package a user installs: what package.json promises, what the README tells a user (and
// whether the files it names ship), and whether the size budgets cover the README's recipes.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { codeBlocks, readmeText } from "./readmeBlocks.js";

const root = fileURLToPath(new URL("../..", import.meta.url));
const readJson = (name: string): unknown => JSON.parse(readFileSync(`${root}/${name}`, "utf8"));

const pkg = readJson("package.json") as {
  files: string[];
  scripts: Record<string, string>;
  repository: { type: string; url: string };
  homepage: string;
  bugs: { url: string };
};

interface SizeEntry {
  readonly name: string;
  readonly path: string;
  readonly import: string;
  readonly limit: string;
}
const budgets = readJson(".size-limit.json") as SizeEntry[];

/** The README's sections by `## ` heading (subsections stay with their section). */
function sections(text: string): Map<string, string> {
  const found = new Map<string, string>();
  const parts = text.split(/^## /m).slice(1);
  for (const part of parts) {
    const newline = part.indexOf("\n");
    found.set(part.slice(0, newline).trim(), part.slice(newline + 1));
  }
  return found;
}

/** Sections for people working in a clone: repository paths are expected there. */
const REPOSITORY_SECTIONS = ["Quick start, in a clone of the repository", "Working on targetree"];

/** Paths npm packs: `files`, plus what npm always adds. */
const shipped = [...pkg.files, "package.json"];
const ships = (path: string): boolean =>
  shipped.some((entry) => path === entry || path.startsWith(`${entry}/`));

/** What sits at the top of a clone, generated folders (gitignored) included. */
const repositoryEntries = new Set([
  ...readdirSync(root).filter((name) => name !== "node_modules"),
  "dist",
  "docs",
  "coverage",
  "reports",
]);

/**
 * Paths of the repository that a Markdown text names (in inline code or as a link) and that do not
 * ship. Code blocks are left out: their backticks are template literals, not paths.
 */
function unshippedPaths(markdown: string): string[] {
  // Images are left out: npm and GitHub show a relative image from the repository (npm rewrites it
  // against package.json's `repository`); the test below checks that each one exists.
  const prose = markdown
    .replace(/^```[\s\S]*?^```\s*$/gm, "")
    .replace(/!\[[^\]]*\]\([^)\s]+\)/g, "");
  const named = [
    ...[...prose.matchAll(/`([^`\n]+)`/g)].map((match) => match[1]!),
    ...[...prose.matchAll(/\]\(([^)\s]+)\)/g)].map((match) => match[1]!),
  ];
  return named
    .map((text) => text.replace(/^["']|["']$/g, "").replace(/^\.\//, ""))
    .filter((text) => !/\s/.test(text) && !/^[a-z]+:/.test(text))
    .map((text) => text.replace(/[#?].*$/, "").replace(/\/$/, ""))
    .filter((path) => repositoryEntries.has(path.split("/")[0]!) && !ships(path));
}

/** The kilobytes of a size-limit `limit` such as `"20 kB"`. */
function kilobytes(limit: string): number {
  const match = /^([\d.]+)\s*kB$/.exec(limit.trim());
  if (!match) throw new Error(`unexpected size-limit limit ${limit}`);
  return Number(match[1]);
}

/** The runtime names imported from "targetree" (type imports cost nothing in a bundle). */
function importedNames(code: string): string[] {
  return [...code.matchAll(/import\s*\{([^}]*)\}\s*from\s*"targetree"/g)].flatMap((match) =>
    match[1]!
      .split(",")
      .map((name) => name.trim())
      .filter((name) => name !== "" && !name.startsWith("type ")),
  );
}

const readme = sections(readmeText);

describe("package.json", () => {
  it("builds on install from a git URL, through the prepare script", () => {
    expect(pkg.scripts.prepare).toBe("npm run build");
    expect(pkg.scripts.build).toBe("tsup");
  });

  it("ships the build, README, CHANGELOG and LICENSE", () => {
    expect([...pkg.files].sort()).toEqual(["CHANGELOG.md", "LICENSE", "README.md", "dist"]);
  });

  it("names the repository, homepage and issue tracker", () => {
    expect(pkg.repository).toEqual({
      type: "git",
      url: "git+https://github.com/targetree/targetree.git",
    });
    expect(pkg.homepage).toBe("https://github.com/targetree/targetree#readme");
    expect(pkg.bugs.url).toBe("https://github.com/targetree/targetree/issues");
  });

  it("measures size against a freshly built dist", () => {
    expect(pkg.scripts.size).toBe("npm run build && size-limit");
  });
});

describe("README for users", () => {
  it("has an install section before, and apart from, the repository quick start", () => {
    const headings = [...readme.keys()];
    expect(headings.indexOf("Install")).toBeGreaterThanOrEqual(0);
    expect(headings.indexOf("Install")).toBeLessThan(headings.indexOf(REPOSITORY_SECTIONS[0]!));
    const install = readme.get("Install")!;
    expect(install).toContain("npm install targetree");
    expect(install).not.toContain("npm run examples");
    expect(readme.get(REPOSITORY_SECTIONS[0]!)).toContain("npm install && npm run examples");
  });

  it("shows the ES module, CommonJS and schema-subpath imports", () => {
    const install = readme.get("Install")!;
    expect(install).toMatch(/^import \{[^}]+\} from "targetree";/m);
    expect(install).toMatch(/^import \{[^}]+\} from "targetree\/schema";/m);
    expect(install).toMatch(/^const \{[^}]+\} = require\("targetree"\);/m);
    expect(install).toMatch(/^const \{[^}]+\} = require\("targetree\/schema"\);/m);
  });

  it("names no repository file that does not ship, outside the sections for a clone", () => {
    for (const name of REPOSITORY_SECTIONS) expect([...readme.keys()]).toContain(name);
    const found = [...readme]
      .filter(([heading]) => !REPOSITORY_SECTIONS.includes(heading))
      .flatMap(([heading, text]) =>
        unshippedPaths(text).map((path) => `${path} (in "${heading}")`),
      );
    expect(found).toEqual([]);
  });

  it("shows only images that are committed files of the repository", () => {
    const images = [...readmeText.matchAll(/!\[[^\]]*\]\(([^)\s]+)\)/g)].map((match) => match[1]!);
    expect(images.length).toBeGreaterThanOrEqual(2);
    for (const image of images) {
      expect(image, image).not.toMatch(/^[a-z]+:/);
      expect(existsSync(join(root, image)), image).toBe(true);
    }
  });

  it("tells a shipped path from a repository-only one", () => {
    expect(
      unshippedPaths(
        "See `src/time/data/china-holidays.ts`, [the guide](./CONTRIBUTING.md), `examples/`, " +
          "`dist/index.js`, `CHANGELOG.md`, `targetree/schema`, `zod/mini` and `2026-01-01/2026-01-03`.",
      ),
    ).toEqual(["src/time/data/china-holidays.ts", "examples", "CONTRIBUTING.md"]);
  });
});

describe("size budgets (.size-limit.json)", () => {
  it("holds `import { allocate }` to 20 kB", () => {
    const entry = budgets.find((budget) => budget.import === "{ allocate }");
    expect(entry).toBeDefined();
    expect(kilobytes(entry!.limit)).toBeLessThanOrEqual(20);
  });

  // The embedding recipe is about compileModel, whose exact int53 fast path and columnar form
  // (issue 18) took it from 39.4 to 44.7 kB; it is held to 45 kB, every other recipe to 40 kB.
  it("holds every recipe to 40 kB, the embedding recipe to 45 kB", () => {
    const recipes = budgets.filter((budget) => budget.name.startsWith("recipe: "));
    expect(recipes.length).toBeGreaterThanOrEqual(3);
    for (const recipe of recipes) {
      const bar = recipe.name.includes("embedding the engine") ? 45 : 40;
      expect(kilobytes(recipe.limit), recipe.name).toBeLessThanOrEqual(bar);
    }
  });

  // 70 kB when the ceiling was set; the 2004–2019 holiday data (+1.0 kB) and the strict surface
  // (option checks, suggestions, printable results) that the same issue asked for took it to 72 kB;
  // the work budget, the shape and snapshot checks (issue 16), the fast paths, integer results and
  // splitManyByPeriod (issue 18) took it to 83.5 kB, so the ceiling is 86 kB.
  it("keeps the whole core as an 86 kB regression ceiling, labelled as not a goal", () => {
    const whole = budgets.find((budget) => budget.name.startsWith("the whole core"));
    expect(whole).toBeDefined();
    expect(kilobytes(whole!.limit)).toBeLessThanOrEqual(86);
    expect(whole!.name).toContain("regression ceiling, not a goal");
    const everything = budgets.find((budget) => budget.import === "*");
    expect(everything?.name).toContain("regression ceiling, not a goal");
  });

  it("names every core export in the whole-core entry (all but the plan layer, its charts and the SQL layer)", async () => {
    const all = await import("targetree");
    const plan = {
      ...(await import("../../src/plan/index.js")),
      ...(await import("../../src/chart/index.js")),
      ...(await import("../../src/sql/index.js")),
    };
    const whole = budgets.find((budget) => budget.name.startsWith("the whole core"))!;
    const listed = whole.import
      .replace(/[{}\s]/g, "")
      .split(",")
      .sort();
    expect(listed).toEqual(
      Object.keys(all)
        .filter((name) => !(name in plan))
        .sort(),
    );
  });

  it("covers each README recipe's imports with the recipe's own entry", () => {
    const section = readme.get("Recipes by user")!;
    const recipes = [...section.matchAll(/\*\*([^*]+?)\.\*\*[\s\S]*?```ts\n([\s\S]*?)^```/gm)];
    expect(recipes.length).toBe(
      codeBlocks(readmeText).filter((block) => block.section === "Recipes by user").length,
    );
    for (const [, title, code] of recipes) {
      const name = `recipe: ${title!.charAt(0).toLowerCase()}${title!.slice(1)}`;
      const entry = budgets.find((budget) => budget.name.startsWith(name));
      expect(entry, `an entry named "${name} …"`).toBeDefined();
      const measured = entry!.import
        .replace(/[{}]/g, "")
        .split(",")
        .map((item) => item.trim());
      for (const imported of importedNames(code!)) expect(measured, name).toContain(imported);
    }
  });
});
