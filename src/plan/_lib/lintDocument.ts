// Every finding of a document already read: the body of lintPlan, shared with buildPlan (which
// refuses a document with errors) so a document is read once.
import { toDecimal } from "../../numbers/toDecimal.js";
import type { Finding, PlanDocument } from "../types.js";
import { finding, fixOption } from "./finding.js";
import { lintCalendar } from "./lintCalendar.js";
import { lintDimensions } from "./lintDimensions.js";
import { lintDrivers } from "./lintDrivers.js";
import { lintMetrics } from "./lintMetrics.js";
import { lintOrganization } from "./lintOrganization.js";
import { lintPath } from "./lintPath.js";
import type { ReadResult } from "./readDocument.js";
import type { UnknownField } from "./reader.js";
import { unitOf } from "./units.js";

/** The findings of a document read without problems (unknown fields first, as lintPlan lists them). */
export function lintDocument(read: ReadResult, document: PlanDocument): Finding[] {
  const target = toDecimal(document.target);
  const unit = unitOf(document.unit);
  return [
    ...read.unknown.map(unknownField),
    ...lintCalendar(document.period),
    ...lintOrganization(document.organization, target, document.levels ?? [], document.unit),
    ...(document.drivers === undefined || read.model === null
      ? []
      : lintDrivers(document.drivers, read.model, target, unit)),
    ...(document.dimensions === undefined ? [] : lintDimensions(document.dimensions, target, unit)),
    ...(document.path === undefined ? [] : lintPath(document.path, document.period, target)),
    ...(document.metrics === undefined ? [] : lintMetrics(document.metrics)),
  ];
}

function unknownField(field: UnknownField): Finding {
  const { suggestion } = field;
  const target = suggestion === null ? null : [...field.path.slice(0, -1), suggestion];
  const fix =
    target === null || field.taken
      ? fixOption("remove-field", `Remove ${JSON.stringify(field.field)}.`, [
          { op: "remove", path: field.path },
        ])
      : fixOption(
          "rename-field",
          `Rename ${JSON.stringify(field.field)} to ${JSON.stringify(suggestion)}.`,
          [{ op: "move", from: field.path, path: target }],
        );
  return finding("UNKNOWN_FIELD", field.path, field.message, { field: field.field, suggestion }, [
    fix,
  ]);
}
