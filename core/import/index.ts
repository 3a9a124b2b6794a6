// Public surface of the SIS import: the OneRoster importer and the demo seed.
export { importOneRoster, KNOWN_FILES, type ImportOneRosterOptions } from "./import-one-roster";
export type { ImportSummary, FileReport, ImportIssue, ImportTotals } from "./summary";
export type { ProgressEvent } from "./import-state";
export { seedDemo, getDemoSeedState, DEMO_DIR, DEMO_SEEDED_ACTION, type SeedDemoResult, type DemoSeedState } from "./seed-demo";
export { formatSummary } from "./format-summary";
