/**
 * The one typed protocol between Backstory's contexts. Every request a context can make
 * is listed in `Protocol` with its input schema, its reply type and the trust it needs.
 *
 * Two trust levels:
 * - `page`: a content script may ask. It runs beside a page that may be hostile (a
 *   compromised renderer can forge its messages), so these requests only read cards and
 *   matcher data, or write a single note.
 * - `extension`: only the extension's own pages (no `sender.tab`, `sender.url` ours).
 */
import type { z } from 'zod';
import type { Entity, EntityKind, PackMeta } from './model';
import type { MatcherData } from './matcher';
import type { requestSchemas } from './messaging-validation';

/** Every request type; their input schemas are in `messaging-validation.ts`. */
export type RequestType = keyof typeof requestSchemas;
export type RequestOf<K extends RequestType> = z.infer<(typeof requestSchemas)[K]>;

export interface EntityRef {
  id: string;
  kind: EntityKind;
  name: string;
}

/** What the content script needs to find mentions on a page. */
export interface MatcherPayload {
  /** Changes whenever any installed pack changes; lets callers cache. */
  revision: string;
  data: MatcherData;
  /** Every entity the matcher can report, by id. */
  entities: Record<string, EntityRef>;
}

/** Everything the hover card shows for one entity. */
export interface CardData {
  entity: Entity;
  pack: PackMeta;
  /** The entities this one's relations point at (those that exist). */
  related: EntityRef[];
}

/** The reply type of each request. */
export interface Replies {
  /** Content script, once per page: the compiled matcher over all installed packs. */
  getMatcher: MatcherPayload;
  /** Content script, per hover: the card of one entity. */
  getCard: CardData;
  /** Extension pages: the installed packs. */
  listPacks: PackMeta[];
}

export type Trust = 'page' | 'extension';

/** The least trust each request needs. */
export const requestTrust: Record<RequestType, Trust> = {
  getMatcher: 'page',
  getCard: 'page',
  listPacks: 'extension',
};

/** The envelope every message travels in. */
export interface Envelope<K extends RequestType = RequestType> {
  backstory: 1;
  type: K;
  payload: RequestOf<K>;
}

export type Reply<T> = { ok: true; value: T } | { ok: false; error: string };

export class RequestError extends Error {
  override name = 'RequestError';
}

/** The parts of `runtime.MessageSender` the router looks at. */
export interface SenderInfo {
  id?: string;
  url?: string;
  tab?: unknown;
}

/** The transport: `browser.runtime.sendMessage` in the extension, a fake in tests. */
export type Transport = (message: Envelope) => Promise<unknown>;

/** Send one request and unwrap its reply; a failure becomes a `RequestError`. */
export async function request<K extends RequestType>(
  transport: Transport,
  type: K,
  payload: RequestOf<K>,
): Promise<Replies[K]> {
  const envelope = { backstory: 1, type, payload } as Envelope;
  const reply = (await transport(envelope)) as Reply<Replies[K]> | undefined;
  if (!reply || typeof reply !== 'object' || !('ok' in reply)) {
    throw new RequestError(`No reply to ${type}: is the extension running?`);
  }
  if (!reply.ok) throw new RequestError(reply.error);
  return reply.value;
}

export type Handlers = { [K in RequestType]: (payload: RequestOf<K>) => Promise<Replies[K]> };

/**
 * The other direction, background → content script: a browser command the user pressed
 * (`show-card`: open the card of the mention at the caret, or step to the next one).
 */
export interface ContentCommand {
  backstory: 1;
  command: 'show-card';
}

/** A content script obeys commands only from this extension's background (no tab). */
export function isFromBackground(sender: SenderInfo, extensionId: string): boolean {
  return sender.id === extensionId && sender.tab === undefined;
}

/** The command in `message`, or null: exactly `{ backstory: 1, command: 'show-card' }`. */
export function parseContentCommand(message: unknown): ContentCommand | null {
  if (typeof message !== 'object' || message === null) return null;
  const keys = Object.keys(message);
  const m = message as Record<string, unknown>;
  if (keys.length !== 2 || m.backstory !== 1 || m.command !== 'show-card') return null;
  return { backstory: 1, command: 'show-card' };
}
