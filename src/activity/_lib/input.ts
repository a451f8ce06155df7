// The plan area shares the measure area's input helpers (same layer, same conventions).
export {
  isRecord,
  keyedEntries,
  optionalNumber,
  optionsRecord,
  own,
  readChoice,
  readInteger,
  requiredNumber,
  requireRecord,
} from "../../measure/internal.js";
