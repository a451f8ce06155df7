// The plan area reads its input with the measure area's readers (same conventions); own, isRecord
// and readChoice come from src/_lib directly.
export {
  keyedEntries,
  optionalNumber,
  readFields,
  readInteger,
  readSettings,
  requiredNumber,
  requireRecord,
} from "../../measure/internal.js";
