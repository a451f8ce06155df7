// The numbers area's face to the other areas of src/: internal helpers they may use. Not public;
// the public face is index.ts.
export { readPath } from "./_lib/readPath.js";
