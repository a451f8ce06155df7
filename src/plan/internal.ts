// The plan area's face to the other areas of src/ (the schema subpath): internal helpers they may
// use. Not public; the public face is index.ts.
export { readDocument as readPlanDocumentFields } from "./_lib/readDocument.js";
