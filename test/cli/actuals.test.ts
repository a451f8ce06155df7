import { parse } from "csv-parse/sync";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { readActualsFile } from "../../src/cli/actuals.js";
import { CliFailure } from "../../src/cli/failure.js";
import type { CliIo } from "../../src/cli/io.js";

/** An Io over one in-memory file. */
function ioWith(files: Record<string, string | Uint8Array>): CliIo {
  return {
    readFile(path) {
      const content = files[path];
      if (content === undefined) throw Object.assign(new Error("ENOENT"), { code: "ENOENT" });
      return typeof content === "string" ? new TextEncoder().encode(content) : content;
    },
    writeFile() {},
    stdout() {},
    stderr() {},
    stderrIsTTY: false,
    now: () => 0,
  };
}

const read = (name: string, content: string | Uint8Array) =>
  readActualsFile(ioWith({ [name]: content }), name);

/** The failure lines of reading a file. */
function failureOf(name: string, content: string | Uint8Array): readonly string[] {
  try {
    read(name, content);
  } catch (error) {
    expect(error).toBeInstanceOf(CliFailure);
    expect((error as CliFailure).exitCode).toBe(2);
    return (error as CliFailure).lines;
  }
  throw new Error("expected a failure");
}

describe("readActualsFile, CSV", () => {
  it("reads a BOM, CRLF line ends and quoted fields with commas, quotes and line breaks", () => {
    const text =
      '\uFEFFnode,date,actual,visits\r\nE001,2024-01-02,"1,200.50",3\r\n"华东大区/""王芳""",2024-01-03,"8,000",\r\n\r\n"多行\r\n名字",2024-01-04,5万,1\r\n';
    const file = read("a.csv", text);
    expect(file.rows).toEqual([
      { node: "E001", date: "2024-01-02", actual: "1,200.50", visits: "3" },
      { node: '华东大区/"王芳"', date: "2024-01-03", actual: "8,000" },
      { node: "多行\r\n名字", date: "2024-01-04", actual: "5万", visits: "1" },
    ]);
    expect([0, 1, 2].map((row) => file.place(row))).toEqual(["a.csv:2", "a.csv:3", "a.csv:5"]);
    expect(file.describe(1, "actual")).toBe('row 1, column "actual"');
  });

  it("skips blank lines and rows of empty fields, counting their lines", () => {
    const file = read(
      "k.csv",
      "\nnode,date,actual\n\n,,\nA,2024-01-02,1\n  \nB,2024-01-03,2\n,,\n",
    );
    expect(file.rows).toEqual([
      { node: "A", date: "2024-01-02", actual: "1" },
      { node: "B", date: "2024-01-03", actual: "2" },
    ]);
    expect([file.place(0), file.place(1)]).toEqual(["k.csv:5", "k.csv:7"]);
  });

  it("reads LF files and period rows, leaving an empty date or period out", () => {
    const file = read("b.csv", "node,date,period,actual\nA,,2024-Q1,100\nB,2024-05-06,,7\n");
    expect(file.rows).toEqual([
      { node: "A", period: "2024-Q1", actual: "100" },
      { node: "B", date: "2024-05-06", actual: "7" },
    ]);
  });

  it("names the line of a CSV syntax error", () => {
    const [line] = failureOf("c.csv", 'node,date,actual\nA,2024-01-02,"12\n');
    expect(line).toMatch(/^c\.csv:2: not valid CSV: Quote Not Closed/);
    const [width] = failureOf("d.csv", "node,date,actual\nA,2024-01-02,1,2\n");
    expect(width).toBe(
      "d.csv:2: not valid CSV: the row has 4 fields, the header 3. Check the commas and quotes on that line (a field holding a comma needs quotes).",
    );
  });

  it("names a missing column and the closest header", () => {
    expect(failureOf("e.csv", "node,date,actaul\nA,2024-01-02,1\n")).toEqual([
      'e.csv:1: the header has no "actual" column (it has "node", "date", "actaul"); did you mean "actaul"? The header names node, date (or period), actual, then any extra numeric columns.',
    ]);
    expect(failureOf("f.csv", "node,day,actual\n")[0]).toContain('has no "date" column');
  });

  it("refuses an empty file, a blank or repeated header", () => {
    expect(failureOf("g.csv", "")[0]).toMatch(/^g\.csv: the file is empty/);
    expect(failureOf("h.csv", "node,,actual\n")[0]).toMatch(
      /^h\.csv:1: header column 2 has no name/,
    );
    expect(failureOf("i.csv", "node,date,actual,date\n")[0]).toContain('names "date" twice');
  });

  it("refuses a file that is not UTF-8, saying how to save it", () => {
    const gbk = new Uint8Array([0x6e, 0x6f, 0x64, 0x65, 0x0a, 0xd5, 0xc5, 0xce, 0xb0]);
    expect(failureOf("j.csv", gbk)[0]).toContain(
      'is not UTF-8 text. Save it as UTF-8 (in Excel: "CSV UTF-8"',
    );
  });

  it("reads back any cells a CSV writer quotes, and the line each row starts on (property)", () => {
    const cell = fc.string({
      unit: fc.constantFrom("a", "二", ",", '"', "\n", "\r\n", "1", ".", " ", "万"),
    });
    const quote = (text: string): string => `"${text.replaceAll('"', '""')}"`;
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(cell, cell, cell).filter((row) => row.some((c) => c.trim() !== "")),
          {
            maxLength: 8,
          },
        ),
        fc.constantFrom("\n", "\r\n"),
        fc.boolean(),
        (rows, eol, bom) => {
          const text = `${bom ? "\uFEFF" : ""}node,date,actual${eol}${rows.map((row) => row.map(quote).join(",")).join(eol)}${eol}`;
          const file = read("p.csv", text);
          const expected = (
            parse(text, { bom: true, skip_empty_lines: true, trim: true }) as string[][]
          )
            .slice(1)
            .map(([node, date, actual]) => ({
              node,
              ...(date === "" ? {} : { date }),
              actual,
            }));
          expect(file.rows).toEqual(expected);
          // Each row starts one line after the previous one's last line.
          let line = 2;
          rows.forEach((row, index) => {
            expect(file.place(index)).toBe(`p.csv:${line}`);
            line += 1 + row.join("").split("\n").length - 1;
          });
        },
      ),
    );
  });
});

describe("readActualsFile, JSON", () => {
  it("reads an array of rows and places a row's field at its line", () => {
    const file = read(
      "a.json",
      '[\n  { "node": "E001", "date": "2024-01-02", "actual": "1.2万" },\n  { "node": "X", "period": "2024-03", "actual": 5 }\n]',
    );
    expect(file.rows).toEqual([
      { node: "E001", date: "2024-01-02", actual: "1.2万" },
      { node: "X", period: "2024-03", actual: 5 },
    ]);
    expect(file.place(1, "actual")).toBe("a.json:3:39");
    expect(file.describe(1, "actual")).toBe("[1].actual");
  });

  it("refuses JSON that is not an array of rows", () => {
    expect(failureOf("b.json", '{"rows": []}')[0]).toMatch(
      /^b\.json: actuals as JSON are an array of rows, .* this file holds an object\.$/,
    );
  });
});
