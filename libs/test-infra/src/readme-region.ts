import { readFileSync } from "node:fs";

/**
 * The example between `// #region example` and `// #endregion` in a test file, without the test's two
 * spaces of indentation: what a package README shows, so a test can check the README still shows it.
 */
export function exampleRegion(testFile: string): string {
  const source = readFileSync(testFile, "utf8");
  const region = /\/\/ #region example\n([\s\S]*?)\n\s*\/\/ #endregion/.exec(source)?.[1];
  if (region === undefined) throw new Error(`${testFile} has no "// #region example" … "// #endregion"`);
  return region.replace(/^ {2}/gm, "");
}
