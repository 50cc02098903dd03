import type { IncomingMessage } from 'node:http';
import { buildGraphError, type GraphErrorResponse } from './graph-error';
import { EXPIRED_TOKEN_MESSAGE, SimulatorToken } from './scenarios';

/** The caller's token: `Authorization: Bearer …` (or `OAuth …`), else the `access_token` query parameter. */
export function readAccessToken(
  req: IncomingMessage,
  query: URLSearchParams | undefined,
): string | undefined {
  const header = req.headers.authorization;
  if (header !== undefined) {
    const match = /^(?:Bearer|OAuth)\s+(\S+)\s*$/i.exec(header);
    return match?.[1];
  }
  const fromQuery = query?.get('access_token');
  return fromQuery === null || fromQuery === '' ? undefined : fromQuery;
}

/** Meta's answer to an expired token (190/463), as any call made with one gets it. */
export function expiredTokenError(): GraphErrorResponse {
  return buildGraphError({ code: 190, subcode: 463, message: EXPIRED_TOKEN_MESSAGE });
}

export type TokenCheck = { ok: true; token: string } | { ok: false; error: GraphErrorResponse };

/** Whether a call may proceed with its token: any token does, except the expired and invalid scenario tokens. */
export function checkAccessToken(token: string | undefined): TokenCheck {
  if (token === undefined) {
    return {
      ok: false,
      error: buildGraphError({ code: 104, message: 'An access token is required to request this resource.' }),
    };
  }
  if (token === SimulatorToken.EXPIRED) return { ok: false, error: expiredTokenError() };
  if (token === SimulatorToken.INVALID) {
    return {
      ok: false,
      error: buildGraphError({
        code: 190,
        subcode: 467,
        message: 'Invalid OAuth access token - Cannot parse access token',
      }),
    };
  }
  return { ok: true, token };
}
