import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { addCompileHints, COMPILE_HINT } from "./compile-hints";

let dir: string;

function write(file: string, text: string) {
  mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
  writeFileSync(path.join(dir, file), text);
}
const read = (file: string) => readFileSync(path.join(dir, file), "utf8");

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), "suoqian-hints-"));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe("addCompileHints", () => {
  it("marks the framework's startup scripts and no other script", () => {
    write(
      "build-manifest.json",
      JSON.stringify({ rootMainFiles: ["static/chunks/react.js", "static/chunks/runtime.js", "static/chunks/a.css"] }),
    );
    write("static/chunks/react.js", "react();");
    write("static/chunks/runtime.js", "runtime();");
    write("static/chunks/page.js", "page();");
    write("static/chunks/a.css", "a{}");

    expect(addCompileHints(dir)).toEqual(["static/chunks/react.js", "static/chunks/runtime.js"]);
    expect(read("static/chunks/react.js")).toBe(`${COMPILE_HINT}react();`);
    expect(read("static/chunks/runtime.js")).toBe(`${COMPILE_HINT}runtime();`);
    expect(read("static/chunks/page.js")).toBe("page();");
    expect(read("static/chunks/a.css")).toBe("a{}");
  });

  it("marks a script once, however often it runs", () => {
    write("build-manifest.json", JSON.stringify({ rootMainFiles: ["static/chunks/react.js"] }));
    write("static/chunks/react.js", "react();");
    addCompileHints(dir);
    expect(addCompileHints(dir)).toEqual([]);
    expect(read("static/chunks/react.js")).toBe(`${COMPILE_HINT}react();`);
  });

  it("shifts the script's source map by the added line", () => {
    write("build-manifest.json", JSON.stringify({ rootMainFiles: ["static/chunks/react.js"] }));
    write("static/chunks/react.js", "react();\n//# sourceMappingURL=0abc.js.map");
    write("static/chunks/0abc.js.map", JSON.stringify({ version: 3, sources: ["react.ts"], mappings: "AAAA" }));
    addCompileHints(dir);
    expect(JSON.parse(read("static/chunks/0abc.js.map")).mappings).toBe(";AAAA");
  });

  it("says what is missing when there is no build", () => {
    expect(() => addCompileHints(dir)).toThrow(/No build manifest/);
    write("build-manifest.json", JSON.stringify({ pages: {} }));
    expect(() => addCompileHints(dir)).toThrow(/no rootMainFiles/);
  });
});
