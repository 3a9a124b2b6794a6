// A test file that cannot run here (a server not installed, the other database pass) says why, in one line
// CI's log shows, and skips; otherwise it runs. The first reason that holds is the one given.
export const ONE_PASS = "the same on both databases, it runs in the embedded-database pass (DATABASE_URL unset)";

export function describeUnless(file: string, reasons: [holds: boolean, why: string][]): jest.Describe {
  const why = reasons.find(([holds]) => holds)?.[1];
  if (!why) return describe;
  console.warn(`SKIPPED ${file}: ${why}`);
  return describe.skip;
}
