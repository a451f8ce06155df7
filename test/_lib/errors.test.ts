import { ERROR_CODES, TargetreeError } from "targetree";
import { describe, expect, it } from "vitest";

describe("TargetreeError", () => {
  it("carries a stable code, a path and details", () => {
    const error = new TargetreeError("INVALID_NUMBER", "Bad.", {
      path: ["rows", 3, "单价"],
      details: { column: 4 },
    });
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe("TargetreeError");
    expect(error.code).toBe("INVALID_NUMBER");
    expect(error.path).toEqual(["rows", 3, "单价"]);
    expect(error.details).toEqual({ column: 4 });
    expect(error.message).toBe("INVALID_NUMBER: Bad. (at rows[3].单价)");
  });

  it("quotes path parts that are not plain names", () => {
    const error = new TargetreeError("UNKNOWN_KEY", "Bad.", { path: ["holds", "a b"] });
    expect(error.message).toContain('holds["a b"]');
  });

  it("shows invisible characters in paths as code points, never raw", () => {
    const error = new TargetreeError("UNKNOWN_KEY", "Bad.", { path: ["holds", "a\u202Eb"] });
    expect(error.message).toContain('holds["a<U+202E>b"]');
    expect(error.message).not.toMatch(/\u202E/);
  });

  it("documents every code with a meaning", () => {
    for (const [code, meaning] of Object.entries(ERROR_CODES)) {
      expect(code).toMatch(/^[A-Z_]+$/);
      expect(meaning.length).toBeGreaterThan(10);
    }
  });
});
