import { type z } from 'zod';

/** At most this many validation issues are named for one unreadable part. */
const MAX_REPORTED_ISSUES = 5;

/**
 * Why a part could not be read, in one line: each issue as `where: what` (`timestamp: expected Unix seconds
 * as digits`, `(part)` for the part itself), the first few only.
 */
export function describeIssues(error: z.ZodError): string {
  const issues = error.issues.slice(0, MAX_REPORTED_ISSUES).map((issue) => {
    const where = issue.path.reduce<string>(
      (text, key) =>
        typeof key === 'number' ? `${text}[${key}]` : `${text}${text === '' ? '' : '.'}${String(key)}`,
      '',
    );
    return `${where === '' ? '(part)' : where}: ${issue.message}`;
  });
  if (error.issues.length > MAX_REPORTED_ISSUES) {
    issues.push(`… and ${error.issues.length - MAX_REPORTED_ISSUES} more`);
  }
  return issues.join('; ');
}
