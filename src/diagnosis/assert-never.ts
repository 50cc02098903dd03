/**
 * The `default` of a switch that handles every member of a union: the call only compiles while `value` is
 * `never`, so a member added later fails the build there. At run time it throws, for a value that bypassed
 * the types (a status string cast to the enum); `diagnose` reports the rule as skipped.
 */
export function assertNever(value: never): never {
  throw new Error(`Unhandled value: ${String(value)}`);
}
