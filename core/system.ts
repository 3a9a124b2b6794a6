// The composition root's part of the core (bin/ only): opening and migrating the database. Channels and the
// command groups never open a database themselves; they receive a CoreContext (see test/architecture).
export { openDatabase, redactUrl, type Database, type DatabaseKind } from "./db/database";
export { migrateDatabase } from "./db/migrate";
export { MIGRATIONS_DIR } from "./db/migrate";
export { checkDatabaseIntegrity, type IntegrityReport, type IntegrityProblem } from "./db/integrity";
export { backupDatabase, restoreDatabase, type BackupResult, type RestoreResult, type RestoreTarget } from "./db/backup";
