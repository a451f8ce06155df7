// A plan's organisation is a tree the caller writes: a subtree in two places or a cycle is one
// problem (SHARED_NODE) of the document, found before the tree is read.
import type { PlanProblem } from "targetree";
import { buildPlan, lintPlan, readPlanDocument } from "targetree";
import { describe, expect, it } from "vitest";
import { expectCode } from "../_support/errors.js";
import { minimal } from "./_plans.js";

interface OrgNode {
  name: string;
  children?: OrgNode[];
}

const withOrganization = (organization: OrgNode) => ({ ...minimal(), organization });

/** An organisation `depth` levels deep whose siblings share one children array at every level. */
function doubling(depth: number): OrgNode {
  let children: OrgNode[] = [{ name: "张三" }];
  for (let level = 0; level < depth; level++) {
    const shared = children;
    children = [
      { name: `a${level}`, children: shared },
      { name: `b${level}`, children: shared },
    ];
  }
  return { name: "公司", children };
}

const problems = (run: () => unknown): PlanProblem[] =>
  expectCode(run, "INVALID_PLAN").details.problems as PlanProblem[];

describe("the organisation's shape", () => {
  it("refuses siblings that share one children array, as one problem, in every entry", () => {
    for (const depth of [2, 5, 18, 30]) {
      const doc = withOrganization(doubling(depth));
      for (const run of [() => readPlanDocument(doc), () => lintPlan(doc), () => buildPlan(doc)]) {
        const found = problems(run);
        expect(found.map((problem) => problem.code)).toEqual(["SHARED_NODE"]);
        expect(found[0]!.path[0]).toBe("organization");
        expect(found[0]!.message).toMatch(/The organisation reaches one subtree twice/);
      }
    }
  });

  it("refuses an organisation that contains itself (SHARED_NODE)", () => {
    const region: OrgNode = { name: "华东", children: [] };
    region.children!.push({ name: "loop", children: [region] });
    const found = problems(() =>
      readPlanDocument(withOrganization({ name: "公司", children: [region] })),
    );
    expect(found).toEqual([
      {
        path: ["organization", "children", 0, "children", 0, "children", 0],
        code: "SHARED_NODE",
        message: expect.stringMatching(/contains itself/),
      },
    ]);
  });

  it("reads a leaf object used under two parents at each place", () => {
    const person: OrgNode = { name: "张三" };
    const doc = withOrganization({
      name: "公司",
      children: [
        { name: "华东", children: [person] },
        { name: "华南", children: [person] },
      ],
    });
    expect(readPlanDocument(doc).organization).toEqual(doc.organization);
  });
});
