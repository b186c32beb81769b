/**
 * The protocol's gatekeeper, used where messages are received: the input schema of every
 * request, the sender check, and the router that runs a handler only for valid input from
 * a sender trusted enough. Kept apart from `messaging.ts` so content scripts, which only
 * send, do not carry the schema library.
 */
import { z } from 'zod';
import {
  CONTENT_COMMANDS,
  requestTrust,
  type Handlers,
  type Reply,
  type RequestType,
  type SenderInfo,
  type Trust,
} from './messaging';
import { httpUrlProblem } from './backup/schema';
import { withinTagLimit } from './notes/conflict';
import { NOTE_LIMITS } from './notes/limits';
import { ENTITY_KINDS } from './model';
import { entitySchema, PACK_LIMITS } from './packs/schema';

const packId = z.string().min(1).max(PACK_LIMITS.id);
/** Pack files are read whole; beyond this the options page refuses before sending. */
export const MAX_PACK_FILE_BYTES = 32 * 1024 * 1024;
const trackText = (max: number) => z.string().trim().min(1).max(max);
const trackDraftSchema = z.strictObject({
  name: trackText(PACK_LIMITS.name),
  kind: z.enum(ENTITY_KINDS),
  aliases: z.array(trackText(PACK_LIMITS.alias)).max(PACK_LIMITS.aliasesPerEntity - 1).optional(),
  role: z.string().trim().max(PACK_LIMITS.role).optional(),
  context: z.string().trim().max(PACK_LIMITS.context).optional(),
  pageUrl: z.string().superRefine((u, ctx) => {
    const problem = httpUrlProblem(u);
    if (problem) ctx.addIssue({ code: 'custom', message: problem, input: u });
  }),
  pageTitle: z.string().max(PACK_LIMITS.sourceTitle),
});

const entityId = z.string().min(1).max(200);
const noteId = z.string().min(1).max(100);
// The backup format's own URL rule: a note the contract accepts must survive export/import.
const httpUrl = z.string().superRefine((u, ctx) => {
  const problem = httpUrlProblem(u);
  if (problem) ctx.addIssue({ code: 'custom', message: problem, input: u });
});
const selector = z
  .strictObject({
    exact: z.string().min(1).max(10_000),
    prefix: z.string().max(200),
    suffix: z.string().max(200),
    start: z.number().int().min(0),
    end: z.number().int().min(0),
  })
  .refine((s) => s.end >= s.start, { message: 'end must not be before start', path: ['end'] });
const target = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('entity'), entityId }),
  z.strictObject({ type: z.literal('page'), url: httpUrl }),
  z.strictObject({ type: z.literal('passage'), url: httpUrl, selector }),
]);
export const noteDraftSchema = z.strictObject({
  id: noteId.optional(),
  baseRev: z.number().int().min(1).optional(),
  target,
  text: z.string().max(NOTE_LIMITS.text),
  // A conflict copy carries the conflict tag on top of the most tags (see withinTagLimit).
  tags: z
    .array(z.string().trim().min(1).max(NOTE_LIMITS.tag))
    .max(NOTE_LIMITS.tags + 1)
    .refine((tags) => withinTagLimit(tags, NOTE_LIMITS.tags), `at most ${NOTE_LIMITS.tags} tags`),
  pageUrl: httpUrl.optional(),
  pageTitle: z.string().max(NOTE_LIMITS.title).optional(),
});

const hostName = z.string().min(1).max(253);
const mentionText = z.string().trim().min(1).max(PACK_LIMITS.alias);
const sitesAction = z.discriminatedUnion('op', [
  z.strictObject({ op: z.literal('mode'), mode: z.enum(['except', 'only']) }),
  z.strictObject({ op: z.literal('add'), input: z.string().max(2_000), subdomains: z.boolean() }),
  z.strictObject({ op: z.literal('active'), host: hostName, active: z.boolean() }),
  z.strictObject({ op: z.literal('remove'), host: hostName }),
  z.strictObject({ op: z.literal('switch'), url: z.string().max(10_000), on: z.boolean() }),
  z.strictObject({ op: z.literal('removeNotHere'), id: z.string().min(1).max(1_000) }),
  z.strictObject({ op: z.literal('pause'), hours: z.number().min(0.01).max(24 * 365).nullable() }),
  z.strictObject({ op: z.literal('resume') }),
]);

/** Input schemas: every handler's input is parsed with these before it runs. */
export const requestSchemas = {
  getMatcher: z.strictObject({}),
  getCard: z.strictObject({ entityId }),
  listPacks: z.strictObject({}),
  notesForEntity: z.strictObject({ entityId }),
  notesForPage: z.strictObject({ url: httpUrl }),
  notedEntities: z.strictObject({ entityIds: z.array(entityId).max(5_000) }),
  saveNote: z.strictObject({ draft: noteDraftSchema }),
  deleteNote: z.strictObject({ id: noteId }),
  restoreNote: z.strictObject({ id: noteId }),
  searchNotes: z.strictObject({ query: z.string().max(500), limit: z.number().int().min(1).max(1_000).optional() }),
  exportBackup: z.strictObject({}),
  exportMarkdown: z.strictObject({}),
  importBackup: z.strictObject({ json: z.string() }),
  emptyTrash: z.strictObject({}),
  deleteNotes: z.strictObject({ ids: z.array(noteId).max(100_000) }),
  injectContentScript: z.strictObject({ tabId: z.number().int().min(0) }),
  importPack: z.strictObject({
    json: z.string().max(MAX_PACK_FILE_BYTES),
    origin: z.enum(['imported', 'drafted']).optional(),
    replace: z.boolean().optional(),
  }),
  exportPack: z.strictObject({ packId }),
  setPackEnabled: z.strictObject({ packId, enabled: z.boolean() }),
  removePack: z.strictObject({ packId }),
  setPackOrder: z.strictObject({ packIds: z.array(packId).max(1_000) }),
  packConflicts: z.strictObject({}),
  saveEntity: z.strictObject({ draft: z.strictObject({ entity: entitySchema, isNew: z.boolean() }) }),
  resetEntity: z.strictObject({ entityId }),
  deleteEntity: z.strictObject({ entityId }),
  trackEntity: z.strictObject({ draft: trackDraftSchema }),
  pageStatus: z.strictObject({}),
  probeText: z.strictObject({ text: z.string().max(4_000) }),
  loadPageUi: z.strictObject({}),
  loadCore: z.strictObject({}),
  sitesState: z.strictObject({}),
  updateSites: z.strictObject({ action: sitesAction }),
  notHere: z.strictObject({ text: mentionText, entityId }),
  undoNotHere: z.strictObject({ id: z.string().min(1).max(1_000) }),
  notAnywhere: z.strictObject({ text: mentionText, entityId }),
  undoNotAnywhere: z.strictObject({ entityId, phrase: mentionText }),
} as const;

/** Background → content script commands (see `ContentCommand`). */
export const contentCommandSchema = z.strictObject({
  backstory: z.literal(1),
  command: z.enum(CONTENT_COMMANDS),
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
  // The browser sets `sender.url` to the sending frame's committed URL, so a content script
  // (whose frame is a web page) can never claim our origin. An extension page may still
  // have a `sender.tab` (the options page opens in a tab), so the tab is not the test.
  if (typeof sender.url === 'string' && sender.url.startsWith(extensionOrigin)) return 'extension';
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
    const handler = handlers[type] as (p: unknown, s: SenderInfo & { trust: Trust }) => Promise<unknown>;
    return { ok: true, value: await handler(payload.data, { ...sender, trust }) };
  } catch (error) {
    return { ok: false, error: `${type}: ${error instanceof Error ? error.message : String(error)}` };
  }
}
