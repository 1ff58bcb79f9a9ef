// After `next build`: marks the framework's startup scripts with V8's compile hint
// (scripts/lib/compile-hints.ts). `npm run build` and `npm start` run it.
import path from "node:path";
import { addCompileHints } from "./lib/compile-hints";
import { root } from "./lib/run";

const marked = addCompileHints(path.join(root, ".next"));
console.log(`▸ Compile hint added to ${marked.length} startup script${marked.length === 1 ? "" : "s"}.`);
