import { createClient } from 'graphql-ws';
import { request } from 'undici';
import WebSocket from 'ws';
import { startGatewayProcess, type GatewayProcess } from '../support/gateway-process';

async function graphql<T>(url: string, query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const response = await request(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.body.json()) as { data: T; errors?: unknown[] };
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return body.data;
}

describe('the built gateway as a process, as the README starts it', () => {
  let gateway: GatewayProcess;
  beforeAll(async () => {
    gateway = await startGatewayProcess();
  });
  afterAll(async () => {
    await gateway.stop();
  });

  it('answers health, readiness and the Sandbox landing page', async () => {
    const health = await request(`${gateway.url}/healthz`);
    expect(await health.body.json()).toEqual({ status: 'ok' });
    const landing = await request(`${gateway.url}/graphql`, { headers: { accept: 'text/html' } });
    expect(landing.statusCode).toBe(200);
    expect(await landing.body.text()).toContain('sandbox');
  });

  it('sends, then streams sent → delivered → read, then shows the history', async () => {
    const recipient = '+12025550100';
    const sent = await graphql<{
      sendMessage: { message: { id: string; statusHistory: Array<{ cursor: string }> } };
    }>(
      gateway.url,
      `
        mutation ($to: String!) {
          sendMessage(input: { to: $to, text: { body: "Hello from the test" } }) {
            message {
              id
              statusHistory {
                cursor
              }
            }
          }
        }
      `,
      { to: recipient },
    );
    const { id, statusHistory } = sent.sendMessage.message;

    // Subscribing after the send with `since` = the send's own event: whatever already arrived is replayed,
    // the rest comes live, and nothing can be missed in between.
    const client = createClient({
      url: `${gateway.url.replace('http', 'ws')}/graphql`,
      webSocketImpl: WebSocket,
    });
    const statuses: string[] = [];
    await new Promise<void>((resolve, reject) => {
      client.subscribe<{ messageStatusChanged: { status: string; message: { id: string } } }>(
        {
          query: `subscription ($id: ID, $since: String) {
            messageStatusChanged(messageId: $id, since: $since) { cursor status message { id status } }
          }`,
          variables: { id, since: statusHistory[0]!.cursor },
        },
        {
          next: ({ data }) => {
            statuses.push(data!.messageStatusChanged.status);
            if (data!.messageStatusChanged.status === 'READ') resolve();
          },
          error: reject,
          complete: () => undefined,
        },
      );
    });
    await client.dispose();
    expect(statuses).toEqual(['SENT', 'DELIVERED', 'READ']);

    const { message } = await graphql<{
      message: { status: string; statusHistory: Array<{ status: string }>; diagnosis: { verdict: string } };
    }>(
      gateway.url,
      `
        query ($id: ID!) {
          message(id: $id) {
            status
            statusHistory {
              status
            }
            diagnosis {
              verdict
            }
          }
        }
      `,
      { id },
    );
    expect(message.status).toBe('READ');
    expect(message.statusHistory.map((entry) => entry.status)).toEqual([
      'ACCEPTED',
      'SENT',
      'DELIVERED',
      'READ',
    ]);
    expect(message.diagnosis.verdict).toBe('OK');
  });

  it('sends to a customer known by BSUID only and to one whose statuses name only the BSUID, end to end', async () => {
    const send = (to: string) =>
      graphql<{
        sendMessage: { message: { id: string; recipient: string | null; recipientUserId: string | null } };
      }>(
        gateway.url,
        `
          mutation ($to: String!) {
            sendMessage(input: { to: $to, text: { body: "Hi" } }) {
              message {
                id
                recipient
                recipientUserId
              }
            }
          }
        `,
        { to },
      );
    const statusesOf = async (id: string, status: string) => {
      for (let tries = 0; tries < 100; tries += 1) {
        const { message } = await graphql<{
          message: { status: string; recipient: string | null; recipientUserId: string | null };
        }>(gateway.url, 'query ($id: ID!) { message(id: $id) { status recipient recipientUserId } }', { id });
        if (message.status === status) return message;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      throw new Error(`${id} never reached ${status}`);
    };

    // A send named by BSUID: Meta's body carries `recipient`, the statuses come back by BSUID.
    const byBsuid = (await send('US.13491208655302741918')).sendMessage.message;
    expect(byBsuid).toMatchObject({ recipient: null, recipientUserId: 'US.13491208655302741918' });
    expect(await statusesOf(byBsuid.id, 'READ')).toEqual({
      status: 'READ',
      recipient: null,
      recipientUserId: 'US.13491208655302741918',
    });

    // Scenario 40: sent to a number, every status names the customer by BSUID only.
    const username = (await send('+12025550140')).sendMessage.message;
    expect(await statusesOf(username.id, 'READ')).toEqual({
      status: 'READ',
      recipient: '+12025550140',
      recipientUserId: 'US.100012025550140',
    });
    const { contact } = await graphql<{ contact: { id: string; phone: string } }>(
      gateway.url,
      '{ contact(id: "US.100012025550140") { id phone } }',
    );
    expect(contact).toEqual({ id: 'US.100012025550140', phone: '+12025550140' });
  });

  it('exits 0 on SIGTERM', async () => {
    expect(await gateway.stop('SIGTERM')).toBe(0);
  });
});
