/**
 * The protocol's gatekeeper, used where messages are received: the input schema of every
 * request, the sender check, and the router that runs a handler only for valid input from
 * a sender trusted enough. Kept apart from `messaging.ts` so content scripts, which only
 * send, do not carry the schema library.
 */
import { z } from 'zod';
import {
  requestTrust,
  type Handlers,
  type Reply,
  type RequestType,
  type SenderInfo,
  type Trust,
} from './messaging';

const entityId = z.string().min(1).max(200);

/** Input schemas: every handler's input is parsed with these before it runs. */
export const requestSchemas = {
  getMatcher: z.strictObject({}),
  getCard: z.strictObject({ entityId }),
  listPacks: z.strictObject({}),
} as const;

/** Background → content script commands (see `ContentCommand`). */
export const contentCommandSchema = z.strictObject({
  backstory: z.literal(1),
  command: z.enum(['show-card']),
});

/**
 * Classify a sender. `extensionId` and `extensionOrigin` are the running extension's
 * (`browser.runtime.id`, `browser.runtime.getURL('/')`).
 */
export function senderTrust(
  sender: SenderInfo,
  extensionId: string,
  extensionOrigin: string,
): Trust | 'foreign' {
  if (sender.id !== extensionId) return 'foreign';
  if (sender.tab === undefined && typeof sender.url === 'string' && sender.url.startsWith(extensionOrigin)) {
    return 'extension';
  }
  return 'page';
}

const envelopeSchema = z.object({
  backstory: z.literal(1),
  type: z.enum(Object.keys(requestSchemas) as [RequestType, ...RequestType[]]),
  payload: z.unknown(),
});

/**
 * Route one incoming message: validate the envelope and the payload, check the sender's
 * trust, run the handler, and wrap its result or error in a `Reply`. Returns `undefined`
 * for messages that are not Backstory's, so other listeners may answer them.
 */
export async function route(
  handlers: Handlers,
  message: unknown,
  sender: SenderInfo,
  extensionId: string,
  extensionOrigin: string,
): Promise<Reply<unknown> | undefined> {
  const envelope = envelopeSchema.safeParse(message);
  if (!envelope.success) return undefined;
  const { type } = envelope.data;
  const trust = senderTrust(sender, extensionId, extensionOrigin);
  if (trust === 'foreign') return { ok: false, error: `${type}: sender is not this extension` };
  if (requestTrust[type] === 'extension' && trust !== 'extension') {
    return { ok: false, error: `${type}: only the extension's own pages may ask this` };
  }
  const payload = requestSchemas[type].safeParse(envelope.data.payload);
  if (!payload.success) {
    const why = payload.error.issues.map((i) => `${i.path.join('.') || 'payload'}: ${i.message}`).join('; ');
    return { ok: false, error: `${type}: invalid request (${why})` };
  }
  try {
    const handler = handlers[type] as (p: unknown) => Promise<unknown>;
    return { ok: true, value: await handler(payload.data) };
  } catch (error) {
    return { ok: false, error: `${type}: ${error instanceof Error ? error.message : String(error)}` };
  }
}
