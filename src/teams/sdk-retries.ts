// Turns off the SDK's own retries on a connector client made for one proactive send, so the outbox
// sees each 429, 5xx and dropped connection itself (its rate limiter and backoff decide; one call = one
// HTTP request). The adapter builds a new client per continueConversationAsync, so inbound turns keep
// the SDK's retries.
//
// This is the one place that reaches past the SDK's public surface, because botbuilder 4.23 offers no
// public way to do it (checked in botbuilder-stdlib 4.23.3, @azure/core-client 1.10, core-rest-pipeline 1.24):
// - `ConnectorClientOptions.noRetryPolicy` is documented ("turn off the default retry policy") but
//   botbuilder-stdlib's ServiceClientContext ignores it, and it passes on no `retryOptions` either: it
//   gives core-client only baseUri, proxySettings, httpClient and credentialScopes, so core-client always
//   adds `defaultRetryPolicy` (429 with Retry-After, 408, 5xx, network errors; 3 retries).
// - `requestPolicyFactories` are added without a phase, which runs before the Retry phase: they see one
//   call, not each attempt, so they cannot stop a retry. The function form is given [] as the defaults,
//   so it cannot drop the retry policy as it could in ms-rest-js.
// - The client's core-client ServiceClient, whose `pipeline` is public there, is a private field
//   (`client`) of ServiceClientContext.
// - `connectorClientOptions.httpClient` (a transport) sees each attempt, but using it means replacing
//   the SDK's HTTP transport with one of our own, built on packages that are not dependencies of this
//   project, and it would apply to inbound replies too.
// A CloudAdapter with a custom BotFrameworkAuthentication/ConnectorFactory still has to construct a
// ConnectorClient, which has the same pipeline. The move to the Microsoft 365 Agents SDK (issue 16) is
// the point to drop this. test/teams/notifier-retries.spec.ts fails if the SDK changes shape.

/** The name core-rest-pipeline gives its retry policy (`defaultRetryPolicyName`). */
export const SDK_RETRY_POLICY_NAME = 'defaultRetryPolicy';

interface PipelineLike {
  removePolicy(options: { name: string }): unknown[];
}

/**
 * Removes the SDK's retry policy from this connector client. True when it was there and is gone; false
 * when the client does not have the shape this expects (a changed SDK: sends still work, but the SDK may
 * retry them on its own again), so the caller can say so.
 */
export function turnOffSdkRetries(connectorClient: unknown): boolean {
  const pipeline = (connectorClient as { client?: { pipeline?: Partial<PipelineLike> } } | null)?.client?.pipeline;
  if (typeof pipeline?.removePolicy !== 'function') return false;
  const removed = pipeline.removePolicy({ name: SDK_RETRY_POLICY_NAME });
  return Array.isArray(removed) && removed.length > 0;
}
