/**
 * Whether plain http://127.0.0.1 endpoints are accepted (WEBHOOK_ALLOW_LOOPBACK_HTTP).
 * Resolvers have no settings of their own, so the module's background start (run
 * by every hub process before it serves a request) passes it here. Until then,
 * and in any process that never starts it, only HTTPS is accepted: the default
 * denies.
 */
let policy = { allowLoopbackHttp: false };

export const webhookUrlPolicy = (): { readonly allowLoopbackHttp: boolean } => policy;

export function setWebhookUrlPolicy(allowLoopbackHttp: boolean): void {
  policy = { allowLoopbackHttp };
}
