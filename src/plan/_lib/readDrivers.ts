// The drivers: a model document, the output the target is set on, the stated inputs, and the
// inputs a common multiplier may scale. The model is built with defineModel, so its own checks
// (syntax, cycles, bounds) apply, with paths into the plan document.
import { closest } from "../../_lib/closest.js";
import type { ErrorPath } from "../../_lib/errors.js";
import { describeValue, excerpt } from "../../_lib/errors.js";
import { own } from "../../_lib/records.js";
import type { Numeric } from "../../_lib/types.js";
import { defineModel } from "../../model/defineModel.js";
import type { DefineModelOptions, Model } from "../../model/types.js";
import type { PlanDrivers, PlanModelDocument } from "../types.js";
import type { Reader } from "./reader.js";
import {
  attempt,
  checkAmount,
  compact,
  copyData,
  readEntries,
  readList,
  readRecord,
  readText,
  report,
} from "./reader.js";

const DRIVER_FIELDS = ["model", "output", "inputs", "vary"];
const MODEL_FIELDS = ["$schema", "version", "formulas", "inputs", "nodes"];

export interface ReadDrivers {
  readonly drivers: PlanDrivers;
  readonly model: Model;
}

export function readDrivers(
  reader: Reader,
  value: unknown,
  path: ErrorPath,
): ReadDrivers | undefined {
  const record = readRecord(reader, value, path, DRIVER_FIELDS, "drivers");
  if (record === null) return undefined;
  const modelPath = [...path, "model"];
  const built = readModel(reader, own(record, "model"), modelPath);
  const output = readText(reader, record, "output", path, {
    required: 'the formula node the target is set on, e.g. "revenue"',
  });
  const inputs = readEntries(
    reader,
    record,
    "inputs",
    path,
    { required: "every input's stated value", what: "input values by name" },
    (amount, at) =>
      checkAmount(reader, amount, at, {}) === undefined ? undefined : (amount as Numeric),
  );
  const varyList = readList(reader, record, "vary", path, { required: false, min: 1 });
  if (built === undefined) return undefined;
  const { model, document } = built;
  if (output !== undefined) {
    const name = output.normalize("NFC");
    if (model.nodes[name]?.kind !== "formula") {
      const suggestion = closest(name, model.outputs);
      report(
        reader,
        [...path, "output"],
        `${excerpt(output)} is not a formula node of the model.${suggestion === undefined ? "" : ` Did you mean ${JSON.stringify(suggestion)}?`} Formula nodes: ${model.outputs.join(", ")}.`,
        "UNKNOWN_NODE",
      );
    }
  }
  if (inputs !== undefined) checkInputNames(reader, model, inputs, [...path, "inputs"]);
  const vary =
    varyList === undefined ? undefined : checkVary(reader, model, varyList, [...path, "vary"]);
  if (output === undefined || inputs === undefined) return undefined;
  return {
    drivers: compact<PlanDrivers>({ model: document, output, inputs, vary }),
    model,
  };
}

function readModel(
  reader: Reader,
  value: unknown,
  path: ErrorPath,
): { readonly model: Model; readonly document: PlanModelDocument } | undefined {
  if (value === undefined) {
    report(reader, path, 'Missing: model (a model document { "version": 1, "formulas": { … } }).');
    return undefined;
  }
  const record = readRecord(reader, value, path, MODEL_FIELDS, "drivers.model");
  if (record === null) return undefined;
  const version = own(record, "version");
  if (version !== 1) {
    report(
      reader,
      [...path, "version"],
      version === undefined
        ? "Missing: version (the model document's format version, 1)."
        : `This library reads model documents of version 1, got ${describeValue(version)}.`,
    );
  }
  const schema = readText(reader, record, "$schema", path, { required: false });
  const formulas = own(record, "formulas");
  if (formulas === undefined) {
    report(reader, [...path, "formulas"], "Missing: formulas (node name → formula text).");
    return undefined;
  }
  const options: Record<string, unknown> = {};
  for (const key of ["inputs", "nodes"]) {
    if (own(record, key) !== undefined) options[key] = own(record, key);
  }
  const model = attempt(
    reader,
    () => defineModel(formulas as Readonly<Record<string, string>>, options as DefineModelOptions),
    // defineModel's options live in the document beside the formulas.
    (at) => (at[0] === "options" ? [...path, ...at.slice(1)] : [...path, ...at]),
  );
  if (model === undefined || version !== 1) return undefined;
  const document = compact<PlanModelDocument>({
    $schema: schema,
    version: 1,
    formulas: copyData(formulas),
    inputs: options.inputs === undefined ? undefined : copyData(options.inputs),
    nodes: options.nodes === undefined ? undefined : copyData(options.nodes),
  });
  return { model, document };
}

function checkInputNames(
  reader: Reader,
  model: Model,
  inputs: Readonly<Record<string, Numeric>>,
  path: ErrorPath,
): void {
  const given = new Set<string>();
  for (const key of Object.keys(inputs)) {
    const name = key.normalize("NFC");
    given.add(name);
    if (model.nodes[name]?.kind === "input") continue;
    const kind =
      model.nodes[name]?.kind === "formula"
        ? "a formula node, not an input"
        : "not an input of the model";
    const suggestion = closest(name, model.inputs);
    report(
      reader,
      [...path, key],
      `${excerpt(key)} is ${kind}.${suggestion === undefined ? "" : ` Did you mean ${JSON.stringify(suggestion)}?`}`,
      "UNKNOWN_NODE",
    );
  }
  const missing = model.inputs.filter((name) => !given.has(name));
  if (missing.length > 0) {
    report(
      reader,
      path,
      `The model's input${missing.length === 1 ? "" : "s"} ${missing.map((name) => JSON.stringify(name)).join(", ")} ${missing.length === 1 ? "has" : "have"} no stated value.`,
      "MISSING_INPUT",
    );
  }
}

function checkVary(
  reader: Reader,
  model: Model,
  list: readonly unknown[],
  path: ErrorPath,
): string[] | undefined {
  const seen = new Set<string>();
  let ok = true;
  list.forEach((name, i) => {
    const normal = typeof name === "string" ? name.normalize("NFC") : "";
    if (typeof name !== "string" || model.nodes[normal]?.kind !== "input") {
      const suggestion = typeof name === "string" ? closest(normal, model.inputs) : undefined;
      report(
        reader,
        [...path, i],
        `vary lists inputs of the model; ${describeValue(name)} is not one.${suggestion === undefined ? "" : ` Did you mean ${JSON.stringify(suggestion)}?`}`,
        "UNKNOWN_NODE",
      );
      ok = false;
    } else if (seen.has(normal)) {
      report(reader, [...path, i], `${JSON.stringify(name)} is listed twice.`, "DUPLICATE_KEY");
      ok = false;
    }
    seen.add(normal);
  });
  return ok ? [...(list as string[])] : undefined;
}
