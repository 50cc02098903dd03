import { ApolloServer } from '@apollo/server';
import fastifyApollo, { fastifyApolloDrainPlugin } from '@as-integrations/fastify';
import Fastify from 'fastify';
import { Pool } from 'undici';
import { announceReady, childOptions } from '../support/child-process';

/**
 * The peer of the send scenario: Apollo Server 5 on Fastify with one resolver calling the upstream
 * through undici, and nothing else. It answers the same `sendMessage` document as the gateway.
 */
const { upstreamUrl, phoneNumberId } = childOptions<{ upstreamUrl: string; phoneNumberId: string }>();
const pool = new Pool(upstreamUrl, { connections: 64, pipelining: 1 });

const typeDefs = `
  input TextInput { body: String! }
  input SendMessageInput { to: String! text: TextInput }
  type Message { id: ID! status: String! }
  type UpstreamError { code: Int! message: String! }
  type SendMessagePayload { message: Message error: UpstreamError }
  type Query { hello: String }
  type Mutation { sendMessage(input: SendMessageInput!): SendMessagePayload! }
`;

interface SendArgs {
  input: { to: string; text?: { body: string } };
}

const resolvers = {
  Query: { hello: () => 'world' },
  Mutation: {
    sendMessage: async (_root: unknown, { input }: SendArgs) => {
      const upstream = await pool.request({
        method: 'POST',
        path: `/v23.0/${phoneNumberId}/messages`,
        headers: { authorization: 'Bearer bench-access-token', 'content-type': 'application/json' },
        body: JSON.stringify({ messaging_product: 'whatsapp', to: input.to, type: 'text', text: input.text }),
      });
      const sent = (await upstream.body.json()) as { messages: Array<{ id: string }> };
      return { message: { id: sent.messages[0]?.id, status: 'ACCEPTED' }, error: null };
    },
  },
};

async function main(): Promise<void> {
  const app = Fastify({ logger: false });
  const apollo = new ApolloServer({ typeDefs, resolvers, plugins: [fastifyApolloDrainPlugin(app)] });
  await apollo.start();
  await app.register(fastifyApollo(apollo), { path: '/graphql' });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address() as { port: number };
  announceReady(`http://127.0.0.1:${address.port}`);
  process.on(
    'SIGTERM',
    () =>
      void app
        .close()
        .then(() => pool.close())
        .then(() => process.exit(0)),
  );
}

main().catch((error: unknown) => {
  process.stderr.write(`peer failed: ${String(error)}\n`);
  process.exit(1);
});
