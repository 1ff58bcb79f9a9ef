// The import rule: the code stands in layers, and a folder imports only from layers
// below its own (and from itself). Two folders of one layer never import each other,
// so no two modules can import each other. `npm test` checks it (scripts/test.ts,
// "lint"); a violation names the importing file, the import and the rule, e.g.
//   error layer-6-catalogues: modules/festivals/save-festival.ts → modules/orders/create-order.ts
// ARCHITECTURE.md draws the same layers. A new folder under modules/ must be given a layer
// here, or the check refuses to run.
const { existsSync, readdirSync } = require("node:fs");
const path = require("node:path");

/** Bottom first. Each entry: a name for messages, and the folders that stand on it. */
const LAYERS = [
  {
    name: "lib",
    folders: ["lib"],
    why: "infrastructure and pure helpers: db, settings, mail and SMS senders, payment providers, rate limits, money, dates, i18n",
  },
  { name: "ui", folders: ["components/ui", "components/map"], why: "shared primitives and the client-only map" },
  {
    name: "foundations",
    folders: ["modules/privacy", "modules/tickets", "modules/offline", "modules/health"],
    why: "the privacy notice, signed tickets, the installable app, health",
  },
  {
    name: "access-and-inventory",
    folders: ["modules/auth", "modules/inventory"],
    why: "who you are, what you may and your scope; who holds which seat or unit",
  },
  { name: "records", folders: ["modules/audit", "modules/media"], why: "the audit log, stored photos" },
  {
    name: "holding",
    folders: ["modules/basket", "modules/waitlist"],
    why: "what a visitor holds before an order: the basket, a waiting-list place",
  },
  { name: "catalogues", folders: ["modules/routes", "modules/shop", "modules/festivals"], why: "what visitors browse" },
  { name: "catalogue-editors", folders: ["modules/workshops"], why: "workshops, shown in the shop" },
  {
    name: "composition",
    folders: [
      "modules/orders",
      "modules/trips",
      "modules/calendar",
      "modules/check-in",
      "modules/users",
      "modules/farmer-applications",
    ],
    why: "what composes the catalogues",
  },
  {
    name: "payments-and-back-offices",
    folders: ["modules/payments", "modules/bookings", "modules/farmers"],
    why: "payment news applied to orders; the organiser's and farmer's sides",
  },
  {
    name: "account-and-admin",
    folders: ["modules/account", "modules/admin-orders", "modules/outbox"],
    why: "the visitor's account, the administrator's lists",
  },
  { name: "shell", folders: ["components/layout"], why: "header, footer, tab bar: only pages use them" },
];

// Folders are read from where the check runs (the project root; a test runs it on a fixture).
const root = process.cwd();
const listed = new Set(LAYERS.flatMap((layer) => layer.folders));
const unlisted = (
  existsSync(path.join(root, "modules")) ? readdirSync(path.join(root, "modules"), { withFileTypes: true }) : []
)
  .filter((entry) => entry.isDirectory() && !listed.has(`modules/${entry.name}`))
  .map((entry) => `modules/${entry.name}`);
if (unlisted.length > 0) {
  throw new Error(`${unlisted.join(", ")}: give each a layer in .dependency-cruiser.cjs (LAYERS)`);
}

const escapeRegExp = (folder) => folder.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const anyOf = (folders) => `^(${folders.map(escapeRegExp).join("|")})/`;

/** Layer i may not import its own layer's other folders, nor any layer above it. */
const layerRules = LAYERS.slice(0, -1).map((layer, i) => ({
  name: `layer-${i}-${layer.name}`,
  comment: `${layer.folders.join(", ")} (${layer.why}) import only layers below them and themselves`,
  severity: "error",
  from: { path: anyOf(layer.folders) },
  to: { path: anyOf(LAYERS.slice(i).flatMap((l) => l.folders)), pathNot: "^$1/" },
}));

module.exports = {
  forbidden: [
    ...layerRules,
    {
      name: "nothing-imports-app",
      comment: "app/ is the routing layer: it imports modules, and only tests import it (to call its handlers)",
      severity: "error",
      from: { pathNot: "^(app|tests|e2e)/" },
      to: { path: "^app/" },
    },
    {
      name: "no-circular",
      comment: "a file never reaches itself again through its imports",
      severity: "error",
      from: { path: "^(app|modules|lib|components)/" },
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    exclude: { path: "^(generated|\\.next|node_modules)/" },
    includeOnly: "^(app|modules|lib|components|scripts|prisma|tests|e2e|instrumentation\\.ts|proxy\\.ts)",
    parser: "swc",
    tsConfig: { fileName: "tsconfig.json" },
    enhancedResolveOptions: { exportsFields: ["exports"], conditionNames: ["import", "require", "node", "default"] },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
