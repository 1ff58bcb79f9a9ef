import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { bin, root } from "./lib/run";

// The import rule (.dependency-cruiser.cjs) run on small trees of its own: what it
// refuses, and how it says so (the importing file, the import, the rule).

const made: string[] = [];
afterEach(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function cruise(files: Record<string, string>, emptyModules: string[] = []) {
  const dir = mkdtempSync(path.join(tmpdir(), "layers-"));
  made.push(dir);
  for (const name of emptyModules) mkdirSync(path.join(dir, "modules", name), { recursive: true });
  writeFileSync(path.join(dir, "tsconfig.json"), JSON.stringify({ compilerOptions: { paths: { "@/*": ["./*"] } } }));
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), text);
  }
  const roots = ["lib", "modules", "components", "app"].filter((r) => Object.keys(files).some((f) => f.startsWith(r)));
  const result = spawnSync(
    bin("depcruise"),
    ["--config", path.join(root, ".dependency-cruiser.cjs"), "--output-type", "err", ...roots],
    { cwd: dir, encoding: "utf8" },
  );
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

describe("the import rule", () => {
  it("lets a module import lower layers and itself", () => {
    const { status, output } = cruise({
      "lib/money.ts": "export const fen = 1;\n",
      "modules/auth/session.ts": 'import { fen } from "@/lib/money";\nexport const who = fen;\n',
      "modules/orders/create-order.ts":
        'import { who } from "@/modules/auth/session";\nimport { rule } from "./rules";\nexport const order = who + rule;\n',
      "modules/orders/rules.ts": "export const rule = 2;\n",
    });
    expect(output).toContain("no dependency violations found");
    expect(status).toBe(0);
  });

  it("refuses an import from a higher layer, naming the file, the import and the rule", () => {
    const { status, output } = cruise({
      "modules/orders/create-order.ts": "export const order = 1;\n",
      "modules/festivals/save-festival.ts":
        'import { order } from "@/modules/orders/create-order";\nexport const f = order;\n',
    });
    expect(status).not.toBe(0);
    expect(output).toContain(
      "error layer-6-catalogues: modules/festivals/save-festival.ts → modules/orders/create-order.ts",
    );
  });

  it("refuses two modules of one layer importing each other, a type-only import included", () => {
    const { status, output } = cruise({
      "modules/auth/session.ts": 'import type { Hold } from "../inventory/capacity";\nexport type Who = Hold;\n',
      "modules/inventory/capacity.ts": "export type Hold = { seats: number };\n",
    });
    expect(status).not.toBe(0);
    expect(output).toContain(
      "error layer-3-access-and-inventory: modules/auth/session.ts → modules/inventory/capacity.ts",
    );
  });

  it("keeps lib/ at the bottom: it imports no module and no component", () => {
    const { status, output } = cruise({
      "lib/geo.ts": 'import { Button } from "@/components/ui/button";\nexport const b = Button;\n',
      "components/ui/button.ts": "export const Button = 1;\n",
    });
    expect(status).not.toBe(0);
    expect(output).toContain("error layer-0-lib: lib/geo.ts → components/ui/button.ts");
  });

  it("refuses an import of app/ from outside it", () => {
    const { status, output } = cruise({
      "app/api/routes/route.ts": "export const GET = 1;\n",
      "modules/routes/api.ts": 'import { GET } from "@/app/api/routes/route";\nexport const g = GET;\n',
    });
    expect(status).not.toBe(0);
    expect(output).toContain("error nothing-imports-app: modules/routes/api.ts → app/api/routes/route.ts");
  });

  it("refuses to run while a module folder has no layer", () => {
    const { status, output } = cruise({ "lib/money.ts": "export const fen = 1;\n" }, ["loyalty"]);
    expect(status).not.toBe(0);
    expect(output).toContain("modules/loyalty: give each a layer in .dependency-cruiser.cjs");
  });
});
