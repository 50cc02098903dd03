import {
  GraphApiError,
  UpstreamNetworkError,
  UpstreamTimeoutError,
  UpstreamUnavailableError,
  isRetryableSendFailure,
  isTransientFailure,
} from '../../../src/upstream';

const envelope = (error: Record<string, unknown>): string => JSON.stringify({ error });

describe('GraphApiError.fromResponse', () => {
  it('keeps every field of a 131030 envelope with subcode and details', () => {
    const body = envelope({
      message: '(#131030) Recipient phone number not in allowed list',
      type: 'OAuthException',
      code: 131030,
      error_subcode: 2655007,
      error_user_title: 'Not allowed',
      error_user_msg: 'Add the number to the allowed list.',
      error_data: {
        messaging_product: 'whatsapp',
        details:
          'Recipient phone number not in allowed list: Add recipient phone number to recipient list and try again.',
      },
      is_transient: false,
      fbtrace_id: 'Az8or2yhqkZfEZ-_4Qn_Bam',
    });
    const err = GraphApiError.fromResponse(400, body, { endpoint: 'messages' });
    expect(err).toBeInstanceOf(GraphApiError);
    expect(err).toBeInstanceOf(Error);
    expect(err.toJSON()).toEqual({
      name: 'GraphApiError',
      kind: 'graph_api',
      message: '(#131030) Recipient phone number not in allowed list',
      endpoint: 'messages',
      httpStatus: 400,
      code: 131030,
      subcode: 2655007,
      type: 'OAuthException',
      userTitle: 'Not allowed',
      userMessage: 'Add the number to the allowed list.',
      details:
        'Recipient phone number not in allowed list: Add recipient phone number to recipient list and try again.',
      fbtraceId: 'Az8or2yhqkZfEZ-_4Qn_Bam',
      isTransient: false,
    });
    expect(err.hasEnvelope).toBe(true);
    expect(isTransientFailure(err)).toBe(false);
  });

  it('reads an expired token (190/463) as permanent', () => {
    const err = GraphApiError.fromResponse(
      401,
      envelope({
        message: 'Error validating access token: Session has expired on Tuesday, 01-Aug-23 10:00:00 PDT.',
        type: 'OAuthException',
        code: 190,
        error_subcode: 463,
        fbtrace_id: 'AbC',
      }),
      { endpoint: 'phone_number' },
    );
    expect([err.httpStatus, err.code, err.subcode, err.type, err.isTransient]).toEqual([
      401,
      190,
      463,
      'OAuthException',
      false,
    ]);
    expect(err.endpoint).toBe('phone_number');
  });

  it('takes the details of a code 100 from error_data', () => {
    const err = GraphApiError.fromResponse(
      400,
      envelope({
        message: '(#100) Invalid parameter',
        type: 'OAuthException',
        code: 100,
        error_data: { messaging_product: 'whatsapp', details: 'Parameter "to" is invalid' },
      }),
    );
    expect(err.code).toBe(100);
    expect(err.details).toBe('Parameter "to" is invalid');
    expect(err.subcode).toBeUndefined();
    expect(err.endpoint).toBe('unknown');
    expect(err.isTransient).toBe(false);
  });

  it("honours Meta's is_transient on code 2", () => {
    const err = GraphApiError.fromResponse(
      503,
      envelope({
        message: 'Service temporarily unavailable',
        type: 'OAuthException',
        code: 2,
        is_transient: true,
      }),
    );
    expect(err.code).toBe(2);
    expect(err.isTransient).toBe(true);
    expect(isRetryableSendFailure(err)).toBe(true);
  });

  it("honours Meta's is_transient even on a code our table calls permanent", () => {
    const err = GraphApiError.fromResponse(
      400,
      envelope({ message: 'x', type: 'T', code: 100, is_transient: true }),
    );
    expect(err.isTransient).toBe(true);
  });

  it.each([
    ['an empty string', ''],
    ['no body at all', undefined],
    ['null', null],
    ['an HTML page from a proxy', '<html><body><h1>502 Bad Gateway</h1></body></html>'],
    ['JSON of another shape', '{"ok":false}'],
    ['an error that is a string', '{"error":"boom"}'],
    ['an error object without message or code', '{"error":{"type":"X"}}'],
    ['a JSON array', '[1,2]'],
    ['a number', 42],
  ])('gives code 1 without an envelope for %s', (_label, body) => {
    const err = GraphApiError.fromResponse(502, body, { endpoint: 'messages' });
    expect(err.code).toBe(1);
    expect(err.httpStatus).toBe(502);
    expect(err.hasEnvelope).toBe(false);
    expect(err.isTransient).toBe(true);
    expect(err.message).toContain('HTTP 502');
    expect(err.message).not.toContain('<html>');
    expect(isRetryableSendFailure(err)).toBe(false);
  });

  it('keeps only message, type and code when nothing else is given', () => {
    const err = GraphApiError.fromResponse(400, {
      error: { message: 'Bad', type: 'GraphMethodException', code: 131009 },
    });
    expect(err.toJSON()).toEqual({
      name: 'GraphApiError',
      kind: 'graph_api',
      message: 'Bad',
      endpoint: 'unknown',
      httpStatus: 400,
      code: 131009,
      subcode: undefined,
      type: 'GraphMethodException',
      userTitle: undefined,
      userMessage: undefined,
      details: undefined,
      fbtraceId: undefined,
      isTransient: false,
    });
  });

  it('reads bytes and numeric-string codes', () => {
    const err = GraphApiError.fromResponse(
      400,
      Buffer.from(envelope({ message: 'Rate', type: 'T', code: '130429', error_subcode: 'x' })),
    );
    expect(err.code).toBe(130429);
    expect(err.subcode).toBeUndefined();
    expect(err.isTransient).toBe(true);
  });

  it('never throws, even on a body that throws when read', () => {
    const hostile = new Proxy(
      {},
      {
        get() {
          throw new Error('hostile');
        },
      },
    );
    const err = GraphApiError.fromResponse(500, hostile, { endpoint: 'debug_token' });
    expect(err.code).toBe(1);
    expect(err.endpoint).toBe('debug_token');
  });

  it('removes the secrets of the request from every text taken from the answer', () => {
    const token = 'EAAGsecretTOKEN123';
    const body = envelope({
      message: `Invalid OAuth access token ${token}`,
      type: 'OAuthException',
      code: 190,
      error_user_title: token,
      error_user_msg: `token=${encodeURIComponent('a|b' + token)}`,
      error_data: { details: `Bearer ${token}` },
    });
    const err = GraphApiError.fromResponse(401, body, { secrets: [token, 'a|b' + token] });
    for (const text of [String(err), JSON.stringify(err), err.stack ?? '']) {
      expect(text).not.toContain(token);
    }
    expect(err.message).toBe('Invalid OAuth access token [redacted]');
  });

  it.each([
    [3, 500, false],
    [131045, 500, false],
    [133000, 500, false],
    [131000, 500, true],
    [135000, 500, true],
    [131057, 500, true],
  ])('code %i with HTTP %i is transient: %s', (code, status, transient) => {
    const err = GraphApiError.fromResponse(status, envelope({ message: 'm', type: 't', code }));
    expect(err.isTransient).toBe(transient);
  });
});

describe('isTransientFailure', () => {
  const graph = (status: number, code: number): GraphApiError =>
    GraphApiError.fromResponse(status, envelope({ message: 'm', type: 'OAuthException', code }));

  it.each([1, 2, 4, 80007, 80008, 130429, 131000, 131016, 133004])('is true for code %i', (code) => {
    expect(isTransientFailure(graph(400, code))).toBe(true);
  });

  it.each([100, 190, 131026, 131047, 131030, 131056, 368, 10, 132001])('is false for code %i', (code) => {
    expect(isTransientFailure(graph(400, code))).toBe(false);
  });

  it('is true for any HTTP 5xx and for transport failures', () => {
    expect(isTransientFailure(graph(500, 100))).toBe(true);
    expect(isTransientFailure(graph(503, 99999))).toBe(true);
    expect(isTransientFailure(new UpstreamTimeoutError('messages', 200))).toBe(true);
    expect(isTransientFailure(new UpstreamNetworkError('messages', 'ECONNREFUSED', false))).toBe(true);
    expect(isTransientFailure(new UpstreamNetworkError('messages', 'ECONNRESET', true))).toBe(true);
  });

  it('is false for everything else', () => {
    expect(isTransientFailure(new UpstreamUnavailableError('messages'))).toBe(false);
    expect(isTransientFailure(new Error('x'))).toBe(false);
    expect(isTransientFailure(undefined)).toBe(false);
    expect(isTransientFailure('ECONNREFUSED')).toBe(false);
  });
});

describe('isRetryableSendFailure', () => {
  it('retries only what surely created no message', () => {
    expect(isRetryableSendFailure(new UpstreamNetworkError('messages', 'ECONNREFUSED', false))).toBe(true);
    expect(isRetryableSendFailure(new UpstreamNetworkError('messages', 'ECONNRESET', false))).toBe(true);
    expect(isRetryableSendFailure(new UpstreamNetworkError('messages', 'ECONNRESET', true))).toBe(false);
    expect(isRetryableSendFailure(new UpstreamTimeoutError('messages', 200))).toBe(false);
    expect(isRetryableSendFailure(GraphApiError.unexpectedBody(200, 'messages'))).toBe(false);
    expect(isRetryableSendFailure(GraphApiError.fromResponse(502, '<html>'))).toBe(false);
    expect(
      isRetryableSendFailure(
        GraphApiError.fromResponse(500, envelope({ message: 'm', type: 't', code: 131000 })),
      ),
    ).toBe(true);
    expect(
      isRetryableSendFailure(
        GraphApiError.fromResponse(400, envelope({ message: 'm', type: 't', code: 130429 })),
      ),
    ).toBe(true);
    expect(
      isRetryableSendFailure(
        GraphApiError.fromResponse(400, envelope({ message: 'm', type: 't', code: 131026 })),
      ),
    ).toBe(false);
  });
});

describe('transport errors', () => {
  it('serialise to their safe fields only', () => {
    expect(JSON.parse(JSON.stringify(new UpstreamNetworkError('mark_read', 'ECONNRESET', true)))).toEqual({
      name: 'UpstreamNetworkError',
      kind: 'network',
      message: 'The connection to the Graph API failed while reading the answer to mark_read (ECONNRESET).',
      endpoint: 'mark_read',
      errorCode: 'ECONNRESET',
      responseStarted: true,
    });
    expect(JSON.parse(JSON.stringify(new UpstreamTimeoutError('messages', 250)))).toEqual({
      name: 'UpstreamTimeoutError',
      kind: 'timeout',
      message: 'The Graph API did not answer messages within 250 ms.',
      endpoint: 'messages',
      timeoutMs: 250,
    });
  });
});
