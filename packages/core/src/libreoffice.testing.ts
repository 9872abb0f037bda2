import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe } from "vitest";

/** LibreOffice converts the first sheet of a workbook to CSV; its figures must match ours. */
export function throughLibreOffice(content: Uint8Array): string[][] {
  const dir = mkdtempSync(path.join(tmpdir(), "relief-soffice-"));
  try {
    const file = path.join(dir, "export.xlsx");
    writeFileSync(file, content);
    execFileSync(
      "soffice",
      [
        "--headless",
        "--norestore",
        `-env:UserInstallation=file://${dir}/profile`,
        "--convert-to",
        "csv:Text - txt - csv (StarCalc):44,34,76",
        "--outdir",
        dir,
        file,
      ],
      { stdio: "pipe", timeout: 120_000 },
    );
    return readFileSync(path.join(dir, "export.csv"), "utf8")
      .trim()
      .split("\n")
      .map((line) => line.split(",").map((cell) => cell.replace(/^"|"$/g, "")));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const hasSoffice = spawnSync("soffice", ["--version"], { stdio: "ignore" }).status === 0;
// scripts/check.sh installs LibreOffice and sets RELIEF_REQUIRE_SOFFICE, so the full run never skips this.
export const describeSoffice = hasSoffice || process.env.RELIEF_REQUIRE_SOFFICE ? describe : describe.skip;
