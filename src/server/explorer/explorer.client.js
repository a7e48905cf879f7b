/* global document, sessionStorage, fetch, React, ReactDOM, GraphiQL */
// The hub's offline explorer: GraphiQL from the hub's own files, credentials and a
// purpose of use from the bar above it, the example operations of queries/ as tabs.
(function () {
  'use strict';
  const examples = JSON.parse(document.getElementById('hub-examples').textContent);
  const fields = ['token', 'apiKey', 'purpose'];
  const input = (name) => document.getElementById(`hub-${name}`);
  for (const name of fields) {
    // sessionStorage: a pasted token is forgotten when the tab closes.
    input(name).value = sessionStorage.getItem(`hub-explorer-${name}`) ?? input(name).value;
    input(name).addEventListener('change', () =>
      sessionStorage.setItem(`hub-explorer-${name}`, input(name).value),
    );
  }

  function credentialHeaders() {
    const headers = {};
    const token = input('token')
      .value.trim()
      .replace(/^Bearer\s+/i, '');
    const apiKey = input('apiKey').value.trim();
    const purpose = input('purpose').value;
    if (token) headers.authorization = `Bearer ${token}`;
    if (apiKey) headers['x-api-key'] = apiKey;
    if (purpose) headers['x-purpose'] = purpose;
    return headers;
  }

  async function fetcher(params, options) {
    const res = await fetch('/graphql', {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept: 'application/graphql-response+json, application/json',
        ...credentialHeaders(),
        ...((options && options.headers) || {}),
      },
      body: JSON.stringify(params),
    });
    return res.json();
  }

  const tabs = examples.map((e) => ({ query: e.document, variables: JSON.stringify(e.variables, null, 2) }));
  ReactDOM.createRoot(document.getElementById('graphiql')).render(
    React.createElement(GraphiQL, {
      fetcher,
      defaultTabs: tabs,
      defaultEditorToolsVisibility: 'variables',
      shouldPersistHeaders: false,
    }),
  );
})();
