import { request } from 'undici';

export interface GraphAnswer {
  status: number;
  // Answers are asserted field by field; their shape is what the tests check.
  body: Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
}

/** One call to the simulator over real HTTP. */
export async function callGraph(
  baseUrl: string,
  method: 'GET' | 'POST' | 'PUT' | 'DELETE',
  path: string,
  options: { token?: string | null; body?: unknown; rawBody?: string } = {},
): Promise<GraphAnswer> {
  const token = options.token === undefined ? 'EAAG-test-token' : options.token;
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (token !== null) headers.authorization = `Bearer ${token}`;
  const body = options.rawBody ?? (options.body === undefined ? undefined : JSON.stringify(options.body));
  const response = await request(`${baseUrl}${path}`, { method, headers, body });
  return { status: response.statusCode, body: (await response.body.json()) as GraphAnswer['body'] };
}

export const textTo = (to: string, body = 'Your order has shipped'): Record<string, unknown> => ({
  messaging_product: 'whatsapp',
  recipient_type: 'individual',
  to,
  type: 'text',
  text: { preview_url: false, body },
});
