import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ApolloServerPlugin } from '@apollo/server';
import type { FastifyInstance } from 'fastify';
import { Purpose } from '../../auth/purpose.js';
import type { ExampleOperation } from '../example-operations.js';

const require = createRequire(import.meta.url);
const packageDir = (name: string): string => dirname(require.resolve(`${name}/package.json`));

/**
 * Everything the page loads, from npm packages installed with the hub (React's and
 * GraphiQL's prebuilt browser builds; GraphiQL's CSS embeds its fonts) and this folder.
 */
const ASSETS: Record<string, { path: () => string; type: string }> = {
  'react.js': {
    path: () => join(packageDir('react'), 'umd/react.production.min.js'),
    type: 'text/javascript',
  },
  'react-dom.js': {
    path: () => join(packageDir('react-dom'), 'umd/react-dom.production.min.js'),
    type: 'text/javascript',
  },
  'graphiql.js': { path: () => join(packageDir('graphiql'), 'graphiql.min.js'), type: 'text/javascript' },
  'graphiql.css': { path: () => join(packageDir('graphiql'), 'graphiql.min.css'), type: 'text/css' },
  'explorer.js': {
    path: () => join(dirname(fileURLToPath(import.meta.url)), 'explorer.client.js'),
    type: 'text/javascript',
  },
};

/** The browser may load nothing but the hub's own files and talk to nothing but the hub. */
export const EXPLORER_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  'font-src data:',
  "img-src 'self' data:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** JSON inside a <script> element: `<` escaped so no text can close the element. */
const scriptJson = (value: unknown): string => JSON.stringify(value).replace(/</g, '\\u003c');

export function explorerHtml(examples: readonly ExampleOperation[]): string {
  const purposes = Object.values(Purpose)
    .map((p) => `<option value="${escapeHtml(p)}">${escapeHtml(p)}</option>`)
    .join('');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Inter-Agency Data Hub explorer</title>
<link rel="stylesheet" href="/explorer/graphiql.css">
<style>
  html, body { height: 100%; margin: 0; font-family: system-ui, sans-serif; }
  body { display: flex; flex-direction: column; }
  #hub-bar { display: flex; gap: 12px; align-items: center; padding: 6px 12px; background: #f3f5f7; border-bottom: 1px solid #d0d7de; font-size: 13px; }
  #hub-bar label { display: flex; gap: 4px; align-items: center; }
  #hub-bar input { width: 18em; font: inherit; }
  #graphiql { flex: 1; min-height: 0; }
</style>
</head>
<body>
<form id="hub-bar" autocomplete="off" onsubmit="return false">
  <strong>Inter-Agency Data Hub</strong>
  <label>Bearer token <input id="hub-token" type="password" placeholder="paste a JWT"></label>
  <label>or API key <input id="hub-apiKey" type="password" placeholder="paste an API key"></label>
  <label>X-Purpose <select id="hub-purpose"><option value="">(none)</option>${purposes}</select></label>
</form>
<div id="graphiql">Loading the explorer…</div>
<script id="hub-examples" type="application/json">${scriptJson(examples)}</script>
<script src="/explorer/react.js"></script>
<script src="/explorer/react-dom.js"></script>
<script src="/explorer/graphiql.js"></script>
<script src="/explorer/explorer.js"></script>
</body>
</html>
`;
}

/**
 * Replaces Apollo's Sandbox landing page (which loads from a CDN): GET /graphql from a
 * browser gets GraphiQL served from the hub's own files, with no request leaving the hub.
 */
export function explorerLandingPagePlugin(examples: readonly ExampleOperation[]): ApolloServerPlugin {
  const html = explorerHtml(examples);
  return {
    async serverWillStart() {
      return {
        async renderLandingPage() {
          return { html };
        },
      };
    },
  };
}

/** The page's files under /explorer/, and its Content-Security-Policy on GET /graphql. */
export function registerExplorer(http: FastifyInstance): void {
  const files = new Map(
    Object.entries(ASSETS).map(([name, a]) => [name, { body: readFileSync(a.path()), type: a.type }]),
  );
  http.get<{ Params: { file: string } }>('/explorer/:file', async (request, reply) => {
    const file = files.get(request.params.file);
    if (!file) return reply.code(404).send({ status: 'not found' });
    return reply
      .header('content-type', `${file.type}; charset=utf-8`)
      .header('cache-control', 'public, max-age=3600')
      .send(file.body);
  });
  http.addHook('onSend', async (request, reply, payload) => {
    const type = reply.getHeader('content-type');
    if (request.url.startsWith('/graphql') && typeof type === 'string' && type.startsWith('text/html')) {
      reply.header('content-security-policy', EXPLORER_CSP);
    }
    return payload;
  });
}
