// Subscriptions run in a process of their own, so that a test measuring the gateway (which runs in the
// test's process) does not also measure the clients' parsing of every message they receive. Forked with
// one JSON argument: { url, count, query, variables }. Each subscription keeps the cursors it receives
// (`data.<field>.cursor`); the parent is sent { type: 'progress', counts, errors } every 100 ms, and
// { type: 'cursors', lists } when it sends { type: 'cursors' }. { type: 'close' } ends the process.
const { createClient } = require('graphql-ws');
const { WebSocket } = require('ws');

const { url, count, query, variables } = JSON.parse(process.argv[2]);

const subscriptions = Array.from({ length: count }, () => {
  const subscription = { cursors: [], error: null };
  subscription.client = createClient({
    url: `${url.replace(/^http/, 'ws')}/graphql`,
    webSocketImpl: WebSocket,
    retryAttempts: 0,
    lazy: false,
    onNonLazyError: () => undefined,
  });
  subscription.client.subscribe(
    { query, variables },
    {
      next: (result) => {
        if (result.errors) subscription.error = JSON.stringify(result.errors);
        else if (result.data) subscription.cursors.push(Object.values(result.data)[0].cursor);
      },
      error: (error) => (subscription.error = String(error instanceof Error ? error.message : error)),
      complete: () => undefined,
    },
  );
  return subscription;
});

const progress = () => ({
  type: 'progress',
  counts: subscriptions.map((s) => s.cursors.length),
  errors: subscriptions.map((s) => s.error),
});
const timer = setInterval(() => process.send(progress()), 100);

process.on('message', async (message) => {
  if (message.type === 'cursors') {
    process.send({ type: 'cursors', lists: subscriptions.map((s) => s.cursors) });
  } else if (message.type === 'close') {
    clearInterval(timer);
    await Promise.all(subscriptions.map((s) => s.client.dispose()));
    process.exit(0);
  }
});
process.on('disconnect', () => process.exit(0));
