// Runs `npm ci` only when node_modules was not installed from the current package-lock.json,
// so a repeated Maven build does not spend its time reinstalling the same packages.
import { createHash } from "node:crypto";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { spawnSync } from "node:child_process";

const lockHash = createHash("sha256").update(readFileSync("package-lock.json")).digest("hex");
const stamp = "node_modules/.installed-from-lock";

if (existsSync(stamp) && readFileSync(stamp, "utf8") === lockHash) {
  console.log("node_modules matches package-lock.json; skipping npm ci");
} else {
  const result = spawnSync("npm", ["ci", "--no-audit", "--no-fund"], {
    stdio: "inherit",
    shell: process.platform === "win32",
  });
  if (result.status !== 0) process.exit(result.status ?? 1);
  writeFileSync(stamp, lockHash);
}
