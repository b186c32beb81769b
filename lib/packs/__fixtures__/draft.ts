/** A hand-made drafted pack (as `draftPack` returns one), for the review tests. */
import type { Entity, Pack } from '../../model';

const SRC = 'src-article';

export function draftEntity(id: string, kind: Entity['kind'], name: string, extra: Partial<Entity> = {}): Entity {
  return {
    id,
    kind,
    name,
    aliases: [{ text: name, case: 'proper' }],
    role: '',
    summary: '',
    contexts: [{ text: `${name} was mentioned in the article.`, sourceId: SRC, date: '2024-05-02' }],
    relations: [],
    ...extra,
  };
}

export function draftFixture(): Pack {
  return {
    format: 1,
    id: 'drafted/news-example-council-budget',
    title: 'Council passes a leaner budget',
    version: 1,
    asOf: '2024-05-02',
    sources: [
      { id: SRC, title: 'Council passes a leaner budget', date: '2024-05-02', url: 'https://news.example/council', publisher: 'News Example' },
      { id: 'src-unused', title: 'Another page', date: '2024-05-01' },
    ],
    entities: [
      draftEntity('drafted/place/riverton', 'place', 'Riverton'),
      draftEntity('drafted/person/maria-lopez', 'person', 'Maria Lopez', {
        aliases: [
          { text: 'Maria Lopez', case: 'proper' },
          { text: 'Lopez', case: 'proper' },
        ],
        role: 'Mayor of Riverton',
        relations: [
          { type: 'leads', target: 'drafted/organisation/riverton-city-council' },
          { type: 'related-to', target: 'drafted/person/m-lopez' },
        ],
      }),
      draftEntity('drafted/organisation/riverton-city-council', 'organisation', 'Riverton City Council', {
        aliases: [
          { text: 'Riverton City Council', case: 'proper' },
          { text: 'RCC', case: 'sensitive' },
        ],
        relations: [{ type: 'led-by', target: 'drafted/person/maria-lopez', sourceId: SRC }],
      }),
      draftEntity('drafted/person/m-lopez', 'person', 'M. Lopez', {
        aliases: [
          { text: 'M. Lopez', case: 'proper' },
          { text: 'Lopez', case: 'proper' },
        ],
        contexts: [
          { text: 'M. Lopez said the cuts were fair.', sourceId: SRC, date: '2024-05-02' },
          { text: 'Maria Lopez was mentioned in the article.', sourceId: SRC, date: '2024-05-02' },
        ],
        relations: [{ type: 'related-to', target: 'drafted/person/maria-lopez' }],
      }),
      draftEntity('drafted/topic/budget', 'topic', 'budget', { aliases: [{ text: 'budget', case: 'insensitive' }] }),
    ],
  };
}
