/**
 * The Content-Security-Policy of the pages the gateway serves: they load nothing from another origin,
 * talk only to their own (HTTP for queries, the WebSocket for subscriptions) and cannot be framed.
 * `extraSources` widens one directive for what a page cannot work without, e.g. `style-src` for a
 * bundle that adds styles at run time.
 */
export function sameOriginPolicy(extraSources: Readonly<Record<string, string>> = {}): string {
  const directives: Record<string, string> = {
    'default-src': "'none'",
    'script-src': "'self'",
    'style-src': "'self'",
    'img-src': "'self' data:",
    'connect-src': "'self'",
    'base-uri': "'none'",
    'form-action': "'none'",
    'frame-ancestors': "'none'",
  };
  for (const [directive, sources] of Object.entries(extraSources)) {
    directives[directive] = directive in directives ? `${directives[directive]} ${sources}` : sources;
  }
  return Object.entries(directives)
    .map(([directive, sources]) => `${directive} ${sources}`)
    .join('; ');
}
