// The import style of the tests (test/_support/README.md): a name the package exports is imported
// from "targetree" (or "targetree/schema"), as users import it; only private modules are imported
// by relative path into src/. This reads every import of every file under test/.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, normalize, relative, sep } from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";
import { describe, expect, it } from "vitest";

const root = fileURLToPath(new URL("../..", import.meta.url));
const src = join(root, "src");
const tests = join(root, "test");

/**
 * Folders that other branches of this round are rewriting, where a path import of a public name
 * is still allowed. Convert a folder's imports, then delete its entry: an entry whose folder has
 * nothing left to convert fails the last test below, so the list can only shrink.
 */
const PENDING: readonly string[] = [];

function filesUnder(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return filesUnder(path);
    return /\.(ts|tsx|mts)$/.test(entry.name) && !entry.name.endsWith(".d.ts") ? [path] : [];
  });
}

const parse = (file: string, text = readFileSync(file, "utf8")): ts.SourceFile =>
  ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);

/** The file a relative specifier names (`./x.js` is `./x.ts`; a folder is its index.ts). */
function resolve(from: string, specifier: string): string {
  const target = normalize(join(dirname(from), specifier)).replace(/\.js$/, ".ts");
  try {
    if (statSync(target).isDirectory()) return join(target, "index.ts");
  } catch {
    // Not a folder: the file itself (or no file at all, which tsc reports).
  }
  return target;
}

interface Exports {
  readonly values: Set<string>;
  readonly types: Set<string>;
}

/** The names an entry point exports, read from its export lists and `export *` chains. */
function exportsOf(
  entry: string,
  found: Exports = { values: new Set(), types: new Set() },
): Exports {
  for (const statement of parse(entry).statements) {
    if (!ts.isExportDeclaration(statement)) {
      const exported = ts.canHaveModifiers(statement)
        ? ts.getModifiers(statement)?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword)
        : false;
      if (!exported) continue;
      const isType = ts.isInterfaceDeclaration(statement) || ts.isTypeAliasDeclaration(statement);
      const names = ts.isVariableStatement(statement)
        ? statement.declarationList.declarations.map((d) => d.name.getText())
        : "name" in statement && statement.name !== undefined
          ? [(statement.name as ts.Identifier).text]
          : [];
      for (const name of names) (isType ? found.types : found.values).add(name);
      continue;
    }
    const from =
      statement.moduleSpecifier !== undefined && ts.isStringLiteral(statement.moduleSpecifier)
        ? resolve(entry, statement.moduleSpecifier.text)
        : undefined;
    const clause = statement.exportClause;
    if (clause === undefined) {
      if (from !== undefined) exportsOf(from, found);
    } else if (ts.isNamedExports(clause)) {
      for (const element of clause.elements) {
        const typeOnly = statement.isTypeOnly || element.isTypeOnly;
        (typeOnly ? found.types : found.values).add(element.name.text);
      }
    }
  }
  return found;
}

/** One import of a public name by path: where it is, and what to write instead. */
interface PathImport {
  readonly file: string;
  readonly line: number;
  readonly name: string;
  readonly from: string;
  readonly use: string;
}

const publicApi = async (): Promise<{ entry: string; exports: Exports }[]> => {
  const main = exportsOf(join(src, "index.ts"));
  const schema = exportsOf(join(src, "schema", "index.ts"));
  // The runtime exports are the source of truth for values; the export lists add the types.
  for (const name of Object.keys(await import("targetree"))) main.values.add(name);
  for (const name of Object.keys(await import("targetree/schema"))) schema.values.add(name);
  return [
    { entry: "targetree", exports: main },
    { entry: "targetree/schema", exports: schema },
  ];
};

/** Every import (and re-export) in `file` of a name the package exports, by a path into src/. */
function pathImports(
  file: string,
  api: { entry: string; exports: Exports }[],
  text?: string,
): PathImport[] {
  const source = parse(file, text);
  const found: PathImport[] = [];
  const report = (node: ts.Node, name: string, from: string, use: string) => {
    const line = source.getLineAndCharacterOfPosition(node.getStart()).line + 1;
    found.push({ file: relative(root, file), line, name, from, use });
  };
  const visit = (node: ts.Node): void => {
    let specifier: ts.Expression | undefined;
    if (ts.isImportDeclaration(node) || ts.isExportDeclaration(node))
      specifier = node.moduleSpecifier;
    else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword)
      specifier = node.arguments[0];
    else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument))
      specifier = node.argument.literal;
    if (
      specifier !== undefined &&
      ts.isStringLiteral(specifier) &&
      specifier.text.startsWith(".")
    ) {
      const target = resolve(file, specifier.text);
      const inSchema = target.startsWith(join(src, "schema") + sep);
      if (target.startsWith(src + sep)) {
        const applies = api.filter(({ entry }) => (entry === "targetree/schema") === inSchema);
        for (const { entry, exports } of applies) {
          const at = relative(src, target);
          if (at === "index.ts" || at === join("schema", "index.ts")) {
            report(node, "*", specifier.text, entry);
            continue;
          }
          for (const [name, typeOnly] of namesOf(node)) {
            // A value that the package exports only as a type (the Decimal constructor) is private.
            const isPublic = exports.values.has(name) || (typeOnly && exports.types.has(name));
            if (isPublic) report(node, name, specifier.text, entry);
          }
        }
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

/** The names an import or re-export brings in, each with whether it is type-only. */
function namesOf(node: ts.Node): [string, boolean][] {
  if (ts.isImportDeclaration(node)) {
    const bindings = node.importClause?.namedBindings;
    if (bindings === undefined || !ts.isNamedImports(bindings)) return [];
    const clauseIsType = node.importClause?.isTypeOnly === true;
    return bindings.elements.map((element) => [
      (element.propertyName ?? element.name).getText(),
      clauseIsType || element.isTypeOnly,
    ]);
  }
  if (ts.isExportDeclaration(node) && node.exportClause && ts.isNamedExports(node.exportClause)) {
    return node.exportClause.elements.map((element) => [
      (element.propertyName ?? element.name).getText(),
      node.isTypeOnly || element.isTypeOnly,
    ]);
  }
  if (ts.isImportTypeNode(node) && node.qualifier !== undefined) {
    const first = ts.isIdentifier(node.qualifier) ? node.qualifier : node.qualifier.left;
    return [[first.getText(), true]];
  }
  return [];
}

const pending = (file: string): string | undefined =>
  PENDING.find((folder) => relative(root, file).startsWith(folder + sep));

describe("the imports of test/", () => {
  it("import a public name from the package, never by a path into src/", async () => {
    const api = await publicApi();
    const broken = filesUnder(tests)
      .filter((file) => pending(file) === undefined)
      .flatMap((file) => pathImports(file, api))
      .map(({ file, line, name, from, use }) =>
        name === "*"
          ? `${file}:${line} imports ${from}, the public face: import from "${use}"`
          : `${file}:${line} imports ${name} from ${from}: import it from "${use}"`,
      );
    expect(broken).toEqual([]);
  });

  it("find a path import of a public name, a type, a re-export and the index itself", async () => {
    const api = await publicApi();
    const sample = join(tests, "architecture", "_sample.ts");
    const source = [
      'import { allocate, type Decimal } from "../../src/split/allocate.js";',
      'import type { AllocateOptions } from "../../src/split/allocate.js";',
      'import { Decimal as Exact, isDecimalInstance } from "../../src/_lib/decimal.js";',
      'export { validate } from "../../src/schema/validate.js";',
      'import * as everything from "../../src/index.js";',
      'const later = () => import("../../src/model/defineModel.js").then((m) => m.defineModel);',
    ].join("\n");
    const found = pathImports(sample, api, source).map(
      ({ line, name, use }) => `${line} ${name} ${use}`,
    );
    // The Decimal constructor is a private value (the package exports only its type), and a
    // dynamic import names a module, not a binding: both are allowed.
    expect(found).toEqual([
      "1 allocate targetree",
      "1 Decimal targetree",
      "2 AllocateOptions targetree",
      "4 validate targetree/schema",
      "5 * targetree",
    ]);
  });

  it("keep a pending folder only while it still has path imports to convert", async () => {
    const api = await publicApi();
    const done = PENDING.filter((folder) => {
      const path = join(root, folder);
      let files: string[];
      try {
        files = filesUnder(path);
      } catch {
        return false; // The folder is not in this checkout yet.
      }
      return files.length > 0 && files.every((file) => pathImports(file, api).length === 0);
    });
    expect(done, "delete these entries from PENDING").toEqual([]);
  });
});
