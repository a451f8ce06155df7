// cascadeSQL on the real engines against `cascade`: every node's value, on small trees, random
// trees (fast-check) and a million leaves generated inside the engine.
import fc from "fast-check";
import { type CascadeNode, cascade, cascadeSQL, type TreeNode } from "targetree";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type Engine,
  type EngineName,
  openDuckDB,
  openPostgres,
  queryError,
} from "../_support/engines.js";
import { deepFreeze, expectCode } from "../_support/errors.js";
import { POSTGRES_URL, warnPostgresSkipped } from "../_support/postgres.js";
import { runs } from "../_support/runs.js";
import { makeTable, ordered } from "./_tables.js";

warnPostgresSkipped("test/sql/cascadeSQL.test.ts");

const ENGINES: readonly EngineName[] = ["duckdb", "postgres"];
const skipped = (name: EngineName): boolean => name === "postgres" && POSTGRES_URL === undefined;
const open = async (name: EngineName): Promise<Engine> =>
  name === "duckdb" ? openDuckDB() : ((await openPostgres()) as Engine);

/** A node's value by its path ("region/person"), from a cascade result. */
function valuesByPath(tree: TreeNode, scale: number): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (node: TreeNode) => {
    out.set(node.path.join("/"), node.value.toFixed(scale));
    node.children.forEach(walk);
  };
  walk(tree);
  return out;
}

describe("cascadeSQL writes SQL", () => {
  const base = {
    dialect: "duckdb",
    from: "people",
    total: "total",
    levels: [{ key: "region" }, { key: "person", weight: "w" }],
  } as const;

  it("writes one CTE per level", () => {
    const sql = cascadeSQL(base);
    expect(sql).toContain('"__targetree_level_0" AS (');
    expect(sql).toContain('"__targetree_level_1" AS (');
    expect(sql).not.toContain('"__targetree_level_2"');
  });

  it("refuses a missing or malformed level, with its path", () => {
    expectCode(() => cascadeSQL({ ...base, levels: [] }), "INVALID_ARGUMENT", [
      "options",
      "levels",
    ]);
    expectCode(() => cascadeSQL({ ...base, levels: ["region"] as never }), "INVALID_ARGUMENT", [
      "options",
      "levels",
      0,
    ]);
    expectCode(
      () => cascadeSQL({ ...base, levels: [{ key: "region", wieght: "w" } as never] }),
      "UNKNOWN_OPTION",
      ["options", "levels", 0, "wieght"],
    );
    expectCode(() => cascadeSQL({ ...base, levels: [{ key: "r", unit: 0 }] }), "INVALID_ARGUMENT", [
      "options",
      "levels",
      0,
      "unit",
    ]);
  });

  it("never changes its options", () => {
    const options = deepFreeze({ ...base, levels: [...base.levels] });
    expect(cascadeSQL(options)).toBe(cascadeSQL(options));
  });
});

describe.each(ENGINES)("cascadeSQL on %s", (name) => {
  let engine: Engine;
  beforeAll(async () => {
    if (!skipped(name)) engine = await open(name);
  });
  afterAll(async () => {
    await engine?.close();
  });

  it.skipIf(skipped(name))(
    "gives every node cascade's value, with holds, units per level and zero weights",
    async () => {
      await makeTable(
        engine,
        "people",
        [
          ["region", "INTEGER"],
          ["person", "INTEGER"],
          ["total", "BIGINT"],
          ["w", "INTEGER"],
          ["fixed", "BIGINT"],
        ],
        [
          [1, 1, 1_000_000, 3, null],
          [1, 2, 1_000_000, 2, null],
          [2, 1, 1_000_000, 0, 300_000],
          [2, 2, 1_000_000, 0, 300_000],
          [2, 3, 1_000_000, 0, 300_000],
          [3, 1, 1_000_000, 7, null],
        ],
      );
      const sql = cascadeSQL({
        dialect: name,
        from: "people",
        total: "total",
        levels: [
          { key: "region", weight: "w", holds: "fixed", unit: "万" },
          { key: "person", weight: "w", unit: "0.01", as: "目标" },
        ],
      });
      const got = await engine.rows(
        ordered(sql, ["region", "person", "region_value", "目标"], ["region", "person"]),
      );
      const tree = cascade(
        1_000_000,
        {
          children: [
            {
              name: "1",
              weight: 5,
              children: [
                { name: "1", weight: 3 },
                { name: "2", weight: 2 },
              ],
            },
            {
              name: "2",
              weight: 0,
              hold: 300_000,
              children: [
                { name: "1", weight: 0 },
                { name: "2", weight: 0 },
                { name: "3", weight: 0 },
              ],
            },
            { name: "3", weight: 7, children: [{ name: "1", weight: 7 }] },
          ],
        },
        { levels: [{ unit: "万" }, { unit: "0.01" }] },
      );
      const regions = valuesByPath(tree, 0);
      const people = valuesByPath(tree, 2);
      expect(got).toEqual(
        got.map(([region, person]) => [
          region,
          person,
          regions.get(region!),
          people.get(`${region}/${person}`),
        ]),
      );
    },
  );

  it.skipIf(skipped(name))("splits evenly where a level has no weight", async () => {
    await makeTable(
      engine,
      "even",
      [
        ["team", "VARCHAR"],
        ["person", "VARCHAR"],
        ["total", "INTEGER"],
      ],
      [
        ["a", "x", 10],
        ["a", "y", 10],
        ["b", "z", 10],
      ],
    );
    const sql = cascadeSQL({
      dialect: name,
      from: "even",
      total: "total",
      unit: 1,
      levels: [{ key: "team" }, { key: "person" }],
    });
    expect(await engine.rows(ordered(sql, ["person_value"], ["person"]))).toEqual([
      ["3"],
      ["2"],
      ["5"],
    ]);
  });

  it.skipIf(skipped(name))(
    "fails the query for a NULL key or a value off the next unit",
    async () => {
      await makeTable(
        engine,
        "nulls",
        [
          ["region", "INTEGER"],
          ["person", "INTEGER"],
          ["total", "INTEGER"],
        ],
        [
          [1, null, 10],
          [1, 2, 10],
        ],
      );
      const nullKey = cascadeSQL({
        dialect: name,
        from: "nulls",
        total: "total",
        unit: 1,
        levels: [{ key: "region" }, { key: "person" }],
      });
      expect(await queryError(engine, nullKey)).toContain("targetree INVALID_ARGUMENT:");
      await makeTable(
        engine,
        "coarse",
        [
          ["region", "INTEGER"],
          ["person", "INTEGER"],
          ["total", "INTEGER"],
        ],
        [
          [1, 1, 15],
          [2, 1, 15],
        ],
      );
      const offUnit = cascadeSQL({
        dialect: name,
        from: "coarse",
        total: "total",
        levels: [
          { key: "region", unit: 1 },
          { key: "person", unit: 5 },
        ],
      });
      expect(await queryError(engine, offUnit)).toContain("targetree NOT_A_MULTIPLE_OF_UNIT:");
    },
  );
});

describe("cascadeSQL against cascade on random trees (fast-check)", () => {
  const engines: Engine[] = [];
  beforeAll(async () => {
    engines.push(await openDuckDB());
    const postgres = await openPostgres();
    if (postgres !== undefined) engines.push(postgres);
  });
  afterAll(async () => {
    for (const engine of engines) await engine.close();
  });

  const region = fc.record({
    people: fc.array(fc.integer({ min: 0, max: 30 }), { minLength: 1, maxLength: 4 }),
    holdShare: fc.option(fc.integer({ min: 0, max: 40 }), { nil: undefined }),
  });

  it("gives cascade's value at every node in every engine", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(region, { minLength: 1, maxLength: 4 }),
        fc.integer({ min: -50_000, max: 50_000 }),
        fc.constantFrom("1", "0.01"),
        async (regions, totalUnits, leafUnit) => {
          const rows: (string | number | null)[][] = [];
          const children: CascadeNode[] = regions.map(({ people, holdShare }, r) => {
            const hold =
              holdShare === undefined || r === regions.length - 1
                ? undefined
                : Math.trunc((totalUnits * holdShare) / 100);
            people.forEach((w, p) => {
              rows.push([r, p, totalUnits, w, hold ?? null]);
            });
            return {
              name: String(r),
              weight: people.reduce((a, b) => a + b, 0),
              ...(hold === undefined ? {} : { hold }),
              children: people.map((w, p) => ({ name: String(p), weight: w })),
            };
          });
          const tree = cascade(
            totalUnits,
            { children },
            { levels: [{ unit: 1 }, { unit: leafUnit }] },
          );
          const scale = leafUnit === "1" ? 0 : 2;
          const regionValues = valuesByPath(tree, 0);
          const leafValues = valuesByPath(tree, scale);
          for (const engine of engines) {
            await makeTable(
              engine,
              "random_tree",
              [
                ["region", "INTEGER"],
                ["person", "INTEGER"],
                ["total", "BIGINT"],
                ["w", "INTEGER"],
                ["fixed", "BIGINT"],
              ],
              rows,
            );
            const sql = cascadeSQL({
              dialect: engine.name,
              from: "random_tree",
              total: "total",
              levels: [
                { key: "region", weight: "w", holds: "fixed", unit: 1 },
                { key: "person", weight: "w", unit: leafUnit },
              ],
            });
            const got = await engine.rows(
              ordered(
                sql,
                ["region", "person", "region_value", "person_value"],
                ["region", "person"],
              ),
            );
            expect(got, engine.name).toEqual(
              got.map(([r, p]) => [r, p, regionValues.get(r!), leafValues.get(`${r}/${p}`)]),
            );
            expect(got.length).toBe(rows.length);
          }
        },
      ),
      { numRuns: runs(30) },
    );
  }, 120_000);
});

/** A million leaves: 10 trees × 100 regions × 1,000 people, the same in both engines and Node. */
function bigTreeSQL(name: EngineName): string {
  const i = name === "duckdb" ? "i" : "CAST(i AS BIGINT)";
  const div = (a: string, b: number) => (name === "duckdb" ? `(${a}) // ${b}` : `(${a}) / ${b}`);
  const tree = div(i, 100_000);
  const region = `${div(i, 1000)} % 100`;
  const total = `CASE WHEN ${tree} = 3 THEN -1 ELSE 1 END * ((${tree} * 1000003 + 17) % 1000000000)`;
  const rows = name === "duckdb" ? "range(1000000) AS r(i)" : "generate_series(0, 999999) AS i";
  return `SELECT ${tree} AS tree, ${region} AS region, ${i} % 1000 AS person, ${total} AS total,
    CASE WHEN (${region}) % 37 = 5 THEN 0 ELSE (${i} * 7919 + 13) % 9973 END AS w,
    CASE WHEN (${region}) % 37 = 5 THEN ${div(total, 500)} END AS fixed
    FROM ${rows}`;
}

function libraryTrees(): { regions: string[]; people: string[] } {
  const regions: string[] = [];
  const people: string[] = [];
  for (let t = 0; t < 10; t++) {
    const magnitude = (t * 1000003 + 17) % 1_000_000_000;
    const total = t === 3 ? -magnitude : magnitude;
    const children: CascadeNode[] = [];
    for (let r = 0; r < 100; r++) {
      const zero = r % 37 === 5;
      const weights = Array.from({ length: 1000 }, (_, p) =>
        zero ? 0 : ((t * 100_000 + r * 1000 + p) * 7919 + 13) % 9973,
      );
      children.push({
        name: String(r),
        weight: weights.reduce((a, b) => a + b, 0),
        ...(zero ? { hold: Math.trunc(total / 500) } : {}),
        children: weights.map((weight, p) => ({ name: String(p), weight })),
      });
    }
    const result = cascade(total, { children }, { levels: [{ unit: 1 }, { unit: "0.01" }] });
    for (const region of result.children) {
      for (const person of region.children) {
        regions.push(region.value.toFixed(0));
        people.push(person.value.toFixed(2));
      }
    }
  }
  return { regions, people };
}

describe.each(ENGINES)("cascadeSQL on a million leaves in %s", (name) => {
  it.skipIf(skipped(name))(
    "gives every region and every leaf exactly as cascade does",
    async () => {
      const engine = await open(name);
      try {
        await engine.run(engine.createTable("big_tree", bigTreeSQL(name)));
        const sql = cascadeSQL({
          dialect: name,
          from: "big_tree",
          total: "total",
          partitionBy: "tree",
          levels: [
            { key: "region", weight: "w", holds: "fixed", unit: 1 },
            { key: "person", weight: "w", unit: "0.01" },
          ],
        });
        const [regions, people] = await engine.columns(
          ordered(sql, ["region_value", "person_value"], ["tree", "region", "person"]),
        );
        const expected = libraryTrees();
        expect(people!.length).toBe(1_000_000);
        const firstRegion = regions!.findIndex((value, i) => value !== expected.regions[i]);
        expect(firstRegion, `row ${firstRegion}`).toBe(-1);
        const firstLeaf = people!.findIndex((value, i) => value !== expected.people[i]);
        expect(
          firstLeaf,
          `row ${firstLeaf}: ${people![firstLeaf]} ≠ ${expected.people[firstLeaf]}`,
        ).toBe(-1);
      } finally {
        await engine.close();
      }
    },
    300_000,
  );
});
