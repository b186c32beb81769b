/**
 * Validation of what arrives on the sidebar port. The content script is ours, but it runs
 * beside a page that may be hostile, so nothing is trusted by shape alone: anything that is
 * not exactly a `SidebarEvent` is dropped.
 */
import { isKind } from '../../lib/kinds';
import type { PageEntitySummary, PageSummary, SidebarEvent } from '../../lib/sidebar-protocol';

const MAX_ENTITIES = 5_000;
const MAX_TEXT = 2_000;

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const isId = (v: unknown): v is string => typeof v === 'string' && v.length > 0 && v.length <= 200;
const isText = (v: unknown): v is string => typeof v === 'string' && v.length <= MAX_TEXT * 4;
const isCount = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0;

function parseEntity(v: unknown): PageEntitySummary | null {
  if (!isObj(v)) return null;
  const { id, kind, name, count, first, inHeadline } = v;
  if (!isId(id) || !isKind(kind) || !isText(name) || !isCount(count) || !isCount(first) || typeof inHeadline !== 'boolean') {
    return null;
  }
  return { id, kind, name: name.slice(0, MAX_TEXT), count, first, inHeadline };
}

function parseIds(v: unknown): string[] | null {
  if (!Array.isArray(v) || v.length > MAX_ENTITIES) return null;
  return v.every(isId) ? [...(v as string[])] : null;
}

export function parseSummary(v: unknown): PageSummary | null {
  if (!isObj(v)) return null;
  const { url, title, scanning, entities, passages } = v;
  if (!isText(url) || !isText(title) || typeof scanning !== 'boolean') return null;
  if (!Array.isArray(entities) || entities.length > MAX_ENTITIES || !isObj(passages)) return null;
  const parsed: PageEntitySummary[] = [];
  const seen = new Set<string>();
  for (const e of entities) {
    const entity = parseEntity(e);
    if (!entity) return null;
    if (seen.has(entity.id)) continue;
    seen.add(entity.id);
    parsed.push(entity);
  }
  const anchored = parseIds(passages.anchored);
  const orphaned = parseIds(passages.orphaned);
  if (!anchored || !orphaned) return null;
  return { url, title: title.slice(0, MAX_TEXT), scanning, entities: parsed, passages: { anchored, orphaned } };
}

/** The event in `message`, or null when it is not one. */
export function parseSidebarEvent(message: unknown): SidebarEvent | null {
  if (!isObj(message)) return null;
  switch (message.type) {
    case 'summary': {
      const summary = parseSummary(message.summary);
      return summary ? { type: 'summary', summary } : null;
    }
    case 'revealed': {
      const { entityId, index, count } = message;
      if (!isId(entityId) || !isCount(index) || !isCount(count)) return null;
      return { type: 'revealed', entityId, index, count };
    }
    case 'revealed-passage': {
      const { noteId, found } = message;
      if (!isId(noteId) || typeof found !== 'boolean') return null;
      return { type: 'revealed-passage', noteId, found };
    }
    case 'error': {
      const { message: text } = message;
      return isText(text) ? { type: 'error', message: text.slice(0, 500) } : null;
    }
    default:
      return null;
  }
}
