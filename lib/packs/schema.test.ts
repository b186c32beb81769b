import { describe, expect, it } from 'vitest';
import type { Entity, Pack } from '../model';
import { formatPath, isIsoDate, packSchema, parsePack, PACK_LIMITS } from './schema';
import raw from './story-2024-03-18.json';

function entity(id: string, extra: Partial<Entity> = {}): Entity {
  return {
    id,
    kind: 'person',
    name: 'Some Name',
    aliases: [{ text: 'Some Name', case: 'proper' }],
    role: 'A role',
    summary: 'A summary.',
    contexts: [{ text: 'Some Name said things.', sourceId: 'src-1', date: '2024-03-18' }],
    relations: [],
    ...extra,
  };
}

function validPack(): Pack {
  return {
    format: 1,
    id: 'test-pack',
    title: 'Test pack',
    version: 1,
    asOf: '2024-03-18',
    sources: [{ id: 'src-1', title: 'An article', date: '2024-03-18', url: 'https://example.org/a' }],
    entities: [
      entity('person/a', { relations: [{ type: 'criticised', target: 'person/b', label: 'criticised B', sourceId: 'src-1' }] }),
      entity('person/b', { links: [{ title: 'Wikipedia', url: 'https://en.wikipedia.org/wiki/B' }], negative: ['Not B'] }),
    ],
  };
}

/** A valid pack with one change applied (the change may break the types on purpose). */
function broken(change: (pack: Record<string, unknown> & Pack) => void): unknown {
  const pack = structuredClone(validPack()) as Record<string, unknown> & Pack;
  change(pack);
  return pack;
}

function firstEntity(pack: Pack): Entity {
  const e = pack.entities[0];
  if (!e) throw new Error('fixture has no entity');
  return e;
}

function errorsOf(input: unknown): string[] {
  const result = parsePack(input);
  if (result.ok) throw new Error('expected the pack to be rejected');
  return result.errors;
}

describe('parsePack', () => {
  it('accepts a valid pack and returns it', () => {
    const result = parsePack(validPack());
    expect(result).toEqual({ ok: true, pack: validPack() });
  });

  it('accepts the shipped pack', () => {
    const result = parsePack(raw);
    expect(result.ok ? [] : result.errors).toEqual([]);
  });

  it('is the same validation as packSchema', () => {
    expect(packSchema.safeParse(validPack()).success).toBe(true);
    expect(packSchema.safeParse({}).success).toBe(false);
  });

  const long = (n: number) => 'x'.repeat(n);
  const cases: [string, unknown, string][] = [
    ['a string', 'not a pack', 'pack: expected an object, got a string ("not a pack")'],
    ['null', null, 'pack: expected an object, got null'],
    ['an array', [], 'pack: expected an object, got an array'],
    ['a number', 42, 'pack: expected an object, got the number 42'],
    ['format 2', broken((p) => (p.format = 2 as 1)), 'format: unsupported pack format 2 (this version reads format 1)'],
    ['format "1"', broken((p) => (p.format = '1' as unknown as 1)), 'format: unsupported pack format "1" (this version reads format 1)'],
    ['missing format', broken((p) => delete (p as Partial<Pack>).format), 'format: is required'],
    ['missing title', broken((p) => delete (p as Partial<Pack>).title), 'title: is required'],
    ['missing entity name', broken((p) => delete (firstEntity(p) as Partial<Entity>).name), 'entities[0].name: is required'],
    ['missing aliases', broken((p) => delete (firstEntity(p) as Partial<Entity>).aliases), 'entities[0].aliases: is required'],
    ['an unknown field', broken((p) => (p.extra = true)), 'pack: unknown field "extra"'],
    ['version 1.5', broken((p) => (p.version = 1.5)), 'version: must be a whole number'],
    ['version 0', broken((p) => (p.version = 0)), 'version: must be at least 1'],
    ['empty id', broken((p) => (p.id = '')), 'id: must not be empty'],
    ['untrimmed entity id', broken((p) => (firstEntity(p).id = ' person/a')), 'entities[0].id: must not start or end with whitespace'],
    ['duplicate entity ids', broken((p) => p.entities.push(entity('person/a'))), 'entities[2].id: duplicate entity id "person/a"'],
    ['duplicate source ids', broken((p) => p.sources.push({ id: 'src-1', title: 'Again', date: '2024-03-18' })), 'sources[1].id: duplicate source id "src-1"'],
    ['an unknown kind', broken((p) => (firstEntity(p).kind = 'animal' as 'person')), 'entities[0].kind: must be one of "person", "organisation", "place", "topic", "event", "group", got "animal"'],
    ['an unknown case rule', broken((p) => (firstEntity(p).aliases = [{ text: 'A', case: 'upper' as 'proper' }])), 'entities[0].aliases[0].case: must be one of "sensitive", "proper", "insensitive", got "upper"'],
    ['an unknown relation type', broken((p) => (firstEntity(p).relations = [{ type: 'likes' as 'supports', target: 'person/b' }])), 'entities[0].relations[0].type: must be one of'],
    ['a dangling relation', broken((p) => (firstEntity(p).relations = [{ type: 'supports', target: 'person/x' }])), 'entities[0].relations[0].target: unknown entity "person/x"'],
    ['a self relation', broken((p) => (firstEntity(p).relations = [{ type: 'supports', target: 'person/a' }])), 'entities[0].relations[0].target: an entity cannot relate to itself ("person/a")'],
    ['a relation with an unknown source', broken((p) => (firstEntity(p).relations = [{ type: 'supports', target: 'person/b', sourceId: 'src-x' }])), 'entities[0].relations[0].sourceId: unknown source "src-x"'],
    ['a context with an unknown source', broken((p) => (firstEntity(p).contexts = [{ text: 'Hi', sourceId: 'src-9', date: '2024-03-18' }])), 'entities[0].contexts[0].sourceId: unknown source "src-9"'],
    ['date 2024-02-30', broken((p) => (p.asOf = '2024-02-30')), 'asOf: not a real date: "2024-02-30"'],
    ['date 18/03/2024', broken((p) => (p.sources = [{ id: 'src-1', title: 'A', date: '18/03/2024' }])), 'sources[0].date: must be a date written YYYY-MM-DD, got "18/03/2024"'],
    ['a bad context date', broken((p) => (firstEntity(p).contexts = [{ text: 'Hi', sourceId: 'src-1', date: '2023-13-01' }])), 'entities[0].contexts[0].date: not a real date: "2023-13-01"'],
    ['a javascript: link', broken((p) => (firstEntity(p).links = [{ title: 'x', url: 'javascript:alert(1)' }])), 'entities[0].links[0].url: URL must use http or https, got "javascript:"'],
    ['a data: source URL', broken((p) => (p.sources = [{ id: 'src-1', title: 'A', date: '2024-03-18', url: 'data:text/html,hi' }])), 'sources[0].url: URL must use http or https, got "data:"'],
    ['a relative URL', broken((p) => (firstEntity(p).links = [{ title: 'x', url: '/wiki/B' }])), 'entities[0].links[0].url: not a valid URL: "/wiki/B"'],
    ['a URL with credentials', broken((p) => (firstEntity(p).links = [{ title: 'x', url: 'https://u:p@example.org/' }])), 'entities[0].links[0].url: URL must not contain credentials'],
    ['an empty alias', broken((p) => (firstEntity(p).aliases = [{ text: ' ', case: 'proper' }])), 'entities[0].aliases[0].text: must not be empty'],
    ['no aliases', broken((p) => (firstEntity(p).aliases = [])), 'entities[0].aliases: must have at least 1 alias'],
    ['a duplicate alias', broken((p) => firstEntity(p).aliases.push({ text: 'Some Name', case: 'proper' })), 'entities[0].aliases[1].text: duplicate alias "Some Name" (proper)'],
    ['a duplicate alias in one language', broken((p) => firstEntity(p).aliases.push({ text: 'Nom', case: 'proper', lang: 'fr' }, { text: 'Nom', case: 'proper', lang: 'fr' })), 'entities[0].aliases[2].text: duplicate alias "Nom" (proper, fr)'],
    ['an upper-case alias language', broken((p) => (firstEntity(p).aliases = [{ text: 'Nom', case: 'proper', lang: 'FR' }])), 'entities[0].aliases[0].lang: must be a language code of 2 or 3 lower-case letters (e.g. "fr"), got "FR"'],
    ['a language with a region', broken((p) => (firstEntity(p).aliases = [{ text: 'Nom', case: 'proper', lang: 'fr-CA' }])), 'entities[0].aliases[0].lang: must be a language code of 2 or 3 lower-case letters (e.g. "fr"), got "fr-CA"'],
    ['a language name', broken((p) => (firstEntity(p).aliases = [{ text: 'Nom', case: 'proper', lang: 'french' }])), 'entities[0].aliases[0].lang: must be a language code'],
    ['a one-letter language', broken((p) => (firstEntity(p).aliases = [{ text: 'Nom', case: 'proper', lang: 'f' }])), 'entities[0].aliases[0].lang: must be a language code'],
    ['an empty language', broken((p) => (firstEntity(p).aliases = [{ text: 'Nom', case: 'proper', lang: '' }])), 'entities[0].aliases[0].lang: must be a language code'],
    ['a number for a language', broken((p) => (firstEntity(p).aliases = [{ text: 'Nom', case: 'proper', lang: 5 as unknown as string }])), 'entities[0].aliases[0].lang: expected a string, got the number 5'],
    ['a 101-character alias', broken((p) => (firstEntity(p).aliases = [{ text: long(101), case: 'proper' }])), 'entities[0].aliases[0].text: too long: 101 characters (max 100)'],
    ['51 aliases', broken((p) => (firstEntity(p).aliases = Array.from({ length: 51 }, (_, i) => ({ text: `A${i}`, case: 'proper' as const })))), 'entities[0].aliases: too many aliases: 51 (max 50)'],
    ['a huge summary', broken((p) => (firstEntity(p).summary = long(1_000_000))), 'entities[0].summary: too long: 1000000 characters (max 600)'],
    ['a long role', broken((p) => (firstEntity(p).role = long(201))), 'entities[0].role: too long: 201 characters (max 200)'],
    ['a long name', broken((p) => (firstEntity(p).name = long(121))), 'entities[0].name: too long: 121 characters (max 120)'],
    ['a long context', broken((p) => (firstEntity(p).contexts = [{ text: long(1001), sourceId: 'src-1', date: '2024-03-18' }])), 'entities[0].contexts[0].text: too long: 1001 characters (max 1000)'],
    ['a NUL character', broken((p) => (firstEntity(p).summary = 'a\u0000b')), 'entities[0].summary: contains a NUL character'],
    ['a tab', broken((p) => (firstEntity(p).role = 'a\tb')), 'entities[0].role: contains a control character (U+0009); only line breaks are allowed'],
    ['an escape character', broken((p) => (p.title = 'a\u001b[31m')), 'title: contains a control character (U+001B); only line breaks are allowed'],
    ['a number for a name', broken((p) => (firstEntity(p).name = 7 as unknown as string)), 'entities[0].name: expected a string, got the number 7'],
    ['entities not a list', broken((p) => (p.entities = {} as Entity[])), 'entities: expected an array, got an object'],
    ['too many entities', broken((p) => (p.entities = Array.from({ length: PACK_LIMITS.entities + 1 }, (_, i) => entity(`e/${i}`)))), `entities: too many entities: ${PACK_LIMITS.entities + 1} (max ${PACK_LIMITS.entities})`],
  ];

  it.each(cases)('rejects %s', (_name, input, expected) => {
    const errors = errorsOf(input);
    expect(errors.some((e) => e.startsWith(expected)), `errors were:\n${errors.join('\n')}`).toBe(true);
  });

  it('accepts alias languages, and one text in several languages', () => {
    const pack = validPack();
    firstEntity(pack).aliases = [
      { text: 'Biden', case: 'proper' },
      { text: 'Biden', case: 'proper', lang: 'de' },
      { text: 'ביידן', case: 'proper', lang: 'he' },
      { text: 'بايدن', case: 'proper', lang: 'ar' },
      { text: 'Байден', case: 'proper', lang: 'ru' },
      { text: '拜登', case: 'proper', lang: 'zh' },
      { text: 'Biden', case: 'proper', lang: 'yue' },
    ];
    const result = parsePack(pack);
    expect(result.ok ? [] : result.errors).toEqual([]);
    expect(result.ok && result.pack.entities[0]?.aliases.map((a) => a.lang)).toEqual([undefined, 'de', 'he', 'ar', 'ru', 'zh', 'yue']);
  });

  it('allows line breaks and HTML as plain text', () => {
    const pack = validPack();
    firstEntity(pack).summary = 'Line one.\nLine <b>two</b> & <script>x</script>.';
    expect(parsePack(pack).ok).toBe(true);
  });

  it('reports several problems at once', () => {
    const errors = errorsOf(
      broken((p) => {
        p.asOf = '2024-02-30';
        firstEntity(p).relations = [{ type: 'supports', target: 'person/x' }];
      }),
    );
    expect(errors).toEqual(['asOf: not a real date: "2024-02-30"', 'entities[0].relations[0].target: unknown entity "person/x"']);
  });

  it('caps the number of error lines', () => {
    const errors = errorsOf(broken((p) => (p.entities = Array.from({ length: 200 }, () => entity(' bad')))));
    expect(errors).toHaveLength(PACK_LIMITS.errors + 1);
    expect(errors.at(-1)).toMatch(/^… and \d+ more errors$/);
  });

  it('never throws, even on hostile input', () => {
    const hostile = new Proxy(
      {},
      {
        get() {
          throw new Error('boom');
        },
        ownKeys() {
          throw new Error('boom');
        },
      },
    );
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    for (const input of [hostile, cyclic, undefined, Symbol('x'), () => 1, new Date()]) {
      expect(() => parsePack(input)).not.toThrow();
      expect(parsePack(input).ok).toBe(false);
    }
  });
});

describe('helpers', () => {
  it('formats issue paths', () => {
    expect(formatPath(['entities', 3, 'relations', 1, 'target'])).toBe('entities[3].relations[1].target');
    expect(formatPath([])).toBe('pack');
  });

  it('knows real dates', () => {
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2023-02-29')).toBe(false);
    expect(isIsoDate('2024-3-18')).toBe(false);
    expect(isIsoDate('2024-03-18T00:00')).toBe(false);
  });
});
