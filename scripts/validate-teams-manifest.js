#!/usr/bin/env node
// Validates a Teams app manifest against Microsoft's schema of its manifestVersion, offline (the schemas ship in
// @microsoft/app-manifest). Prints the errors as a JSON array on stdout; exit code 1 when there are any.
// Plain Node on purpose: the package loads an ES-module dependency lazily, which jest's CommonJS runtime cannot.
const fs = require("node:fs");
const { ManifestUtil } = require("@microsoft/app-manifest");

const file = process.argv[2] ?? "bot/teams/manifest.json";
const manifest = JSON.parse(fs.readFileSync(file, "utf8"));
const schema = require(`@microsoft/app-manifest/build/json-schemas/teams/v${manifest.manifestVersion}/MicrosoftTeams.schema.json`);
ManifestUtil.validateManifestAgainstSchema(manifest, schema).then((errors) => {
  console.log(JSON.stringify(errors));
  process.exitCode = errors.length ? 1 : 0;
});
