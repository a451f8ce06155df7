// The terminal width renderTree pads labels with: wide (East Asian) characters take two columns.
import { describe, expect, it } from "vitest";
import { displayWidth } from "../../src/model/_lib/width.js";

// Each wide range as [first, last]; the code points just outside are narrow unless another range
// starts or ends there.
const wide: readonly (readonly [number, number])[] = [
  [0x1100, 0x115f],
  [0x2e80, 0x303e],
  [0x3041, 0x33ff],
  [0x3400, 0x4dbf],
  [0x4e00, 0x9fff],
  [0xa000, 0xa4cf],
  [0xac00, 0xd7a3],
  [0xf900, 0xfaff],
  [0xfe30, 0xfe4f],
  [0xff00, 0xff60],
  [0xffe0, 0xffe6],
  [0x20000, 0x3fffd],
];
const isInside = (code: number) => wide.some(([first, last]) => code >= first && code <= last);

describe("displayWidth", () => {
  it("counts ASCII, Latin and accented text one column per character", () => {
    expect(displayWidth("")).toBe(0);
    expect(displayWidth("revenue")).toBe(7);
    expect(displayWidth("café")).toBe(4);
  });

  it("counts Chinese, Japanese, Korean and full-width characters two columns each", () => {
    expect(displayWidth("营业收入")).toBe(8);
    expect(displayWidth("客单价(新客)")).toBe(12);
    expect(displayWidth("매출")).toBe(4);
    expect(displayWidth("ＡＢ")).toBe(4);
    expect(displayWidth("𠀀")).toBe(2);
  });

  it.each(wide.map(([first, last]) => [first.toString(16), last.toString(16), first, last]))(
    "treats U+%s … U+%s as wide, and the code points around it by their own range",
    (_, __, first, last) => {
      for (const code of [first, last]) expect(displayWidth(String.fromCodePoint(code))).toBe(2);
      for (const code of [first - 1, last + 1]) {
        expect(displayWidth(String.fromCodePoint(code))).toBe(isInside(code) ? 2 : 1);
      }
    },
  );
});
