/**
 * The notes as one Markdown document, for people who keep notes elsewhere: live notes
 * (not the trash), entity notes first (one heading per entity), then page and passage
 * notes (one heading per page: title and URL). A passage note quotes its passage as a
 * blockquote before the note. All user text is escaped (`markdown-text.ts`).
 */
import type { Note } from '../model';
import { noteUrlKey } from '../notes/url';
import { escapeBlock, escapeOneLine, markdownTag, markdownUrl } from './markdown-text';

interface Group {
  heading: string;
  notes: Note[];
}

/** Epoch ms → "2024-03-18 09:30 UTC". */
export function formatUtc(ms: number): string {
  const iso = new Date(ms).toISOString();
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;
}

const byCreated = (a: Note, b: Note): number => a.createdAt - b.createdAt || a.id.localeCompare(b.id);

/** Page notes first, then passages in page order. */
function byPosition(a: Note, b: Note): number {
  const pos = (n: Note): number => (n.target.type === 'passage' ? n.target.selector.start : -1);
  return pos(a) - pos(b) || byCreated(a, b);
}

function entityGroups(notes: readonly Note[], names: ReadonlyMap<string, string>): Group[] {
  const groups = new Map<string, Note[]>();
  for (const note of notes) {
    if (note.target.type !== 'entity') continue;
    const list = groups.get(note.target.entityId) ?? [];
    list.push(note);
    groups.set(note.target.entityId, list);
  }
  return [...groups].map(([entityId, list]) => ({
    heading: escapeOneLine(names.get(entityId) ?? entityId),
    notes: list.sort(byCreated),
  }));
}

function pageGroups(notes: readonly Note[]): Group[] {
  const groups = new Map<string, Note[]>();
  for (const note of notes) {
    if (note.target.type === 'entity') continue;
    const key = noteUrlKey(note.target.url);
    const list = groups.get(key) ?? [];
    list.push(note);
    groups.set(key, list);
  }
  return [...groups].map(([key, list]) => {
    const titled = [...list].sort((a, b) => b.updatedAt - a.updatedAt).find((n) => (n.pageTitle ?? '').trim() !== '');
    const url = markdownUrl(key);
    const heading = titled?.pageTitle === undefined ? url : `${escapeOneLine(titled.pageTitle)} — ${url}`;
    return { heading, notes: list.sort(byPosition) };
  });
}

function quoteLines(text: string): string[] {
  return escapeBlock(text).map((line) => (line === '' ? '>' : `> ${line}`));
}

function metaLine(note: Note): string {
  const parts: string[] = [];
  const tags = note.tags.filter((t) => t.trim() !== '').map(markdownTag);
  if (tags.length > 0) parts.push(tags.join(' '));
  parts.push(`created ${formatUtc(note.createdAt)}`);
  const updated = formatUtc(note.updatedAt);
  if (updated !== formatUtc(note.createdAt)) parts.push(`updated ${updated}`);
  if (note.target.type === 'entity' && note.pageUrl !== undefined) {
    const title = (note.pageTitle ?? '').trim();
    parts.push(`written on ${title === '' ? '' : `${escapeOneLine(title)} `}${markdownUrl(note.pageUrl)}`);
  }
  if (note.conflictOf !== undefined) parts.push(`conflicting copy of note ${escapeOneLine(note.conflictOf)}`);
  return `*${parts.join(' · ')}*`;
}

function noteLines(note: Note): string[] {
  const lines: string[] = [];
  if (note.target.type === 'passage') lines.push(...quoteLines(note.target.selector.exact), '');
  const body = escapeBlock(note.text);
  if (body.length > 0) lines.push(...body, '');
  lines.push(metaLine(note));
  return lines;
}

function section(title: string, groups: Group[]): string[] {
  if (groups.length === 0) return [];
  const lines = [`## ${title}`, ''];
  const sorted = [...groups].sort((a, b) => a.heading.localeCompare(b.heading));
  for (const group of sorted) {
    lines.push(`### ${group.heading}`, '');
    group.notes.forEach((note, i) => {
      if (i > 0) lines.push('* * *', '');
      lines.push(...noteLines(note), '');
    });
  }
  return lines;
}

/**
 * Renders live notes as Markdown. `names` maps entity ids to display names (an entity
 * without one is headed by its id).
 */
export function renderMarkdown(notes: readonly Note[], names: ReadonlyMap<string, string>): string {
  const live = notes.filter((n) => n.deletedAt === undefined);
  const lines = ['# Backstory notes', ''];
  if (live.length === 0) return [...lines, 'No notes yet.', ''].join('\n');
  lines.push(...section('Entities', entityGroups(live, names)), ...section('Pages', pageGroups(live)));
  return `${lines.join('\n').trimEnd()}\n`;
}
