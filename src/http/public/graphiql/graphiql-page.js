// Renders GraphiQL from the bundle this gateway serves itself: the page talks to its own origin only.
// Runs after the bundle: module scripts and deferred scripts execute in document order.

const options = JSON.parse(document.getElementById('graphiql-options').textContent);

// Monaco runs its language services in module workers; the server lists where each one is served.
self.MonacoEnvironment = {
  globalAPI: false,
  getWorkerUrl: (_moduleId, label) => options.workers[label] ?? options.workers.editorWorkerService,
};

/** The headers editor's text as GraphiQL starts with it: the persisted headers, else the defaults. */
function initialHeaders() {
  try {
    const stored = localStorage.getItem('graphiql:headers');
    if (stored) return stored;
  } catch {
    // Storage can be disabled; GraphiQL then starts from the defaults too.
  }
  return options.graphiql.headers ?? '';
}

/**
 * The gateway authenticates a WebSocket once, from `connection_init`, and GraphiQL sends the headers
 * editor's headers with HTTP requests only. So its `Authorization` header also goes out as the
 * `authorization` connection parameter, which the gateway reads like the HTTP header.
 */
function connectionParams(headersText) {
  let headers;
  try {
    headers = JSON.parse(headersText);
  } catch {
    return {};
  }
  if (headers === null || typeof headers !== 'object' || Array.isArray(headers)) return {};
  const authorization = Object.entries(headers).find(
    ([name, value]) => name.toLowerCase() === 'authorization' && typeof value === 'string',
  );
  return authorization ? { authorization: authorization[1] } : {};
}

// Follows the editor (it changes on every keystroke and tab switch), so that a WebSocket opened later
// presents the key shown at that moment.
let headersText = initialHeaders();

window.YogaGraphiQL.renderYogaGraphiQL(document.getElementById('graphiql'), {
  ...options.graphiql,
  onEditHeaders: (text) => {
    headersText = text;
  },
  connectionParams: () => connectionParams(headersText),
});
