/**
 * The label of a Graph API call, carried by errors, log lines and metrics. It names the operation, never
 * the URL: a URL may carry an id or, for debug_token, a token.
 */
export type UpstreamEndpoint =
  | 'messages'
  | 'mark_read'
  | 'phone_number'
  | 'debug_token'
  | 'media'
  | 'templates'
  | 'template'
  | 'create_template'
  | 'delete_template'
  | 'unknown';
