/** A sample card for tests (built inline, independent of the shipped pack). */
import type { CardData } from '../../lib/messaging';

export function sampleCard(overrides: Partial<CardData['entity']> = {}): CardData {
  return {
    entity: {
      id: 'person/benjamin-netanyahu',
      kind: 'person',
      name: 'Benjamin Netanyahu',
      aliases: [
        { text: 'Benjamin Netanyahu', case: 'proper' },
        { text: 'Netanyahu', case: 'proper' },
        { text: 'Bibi', case: 'sensitive' },
      ],
      role: 'Prime Minister of Israel',
      summary: 'Israeli prime minister leading the war cabinet after the 7 October attacks.',
      contexts: [
        {
          text: 'Schumer said Netanyahu’s coalition no longer fits the needs of Israel.',
          sourceId: 'src/article',
          date: '2024-03-14',
        },
        {
          text: 'NETANYAHU rejected the call, saying Israel is not a banana republic.',
          sourceId: 'src/article',
          date: '2024-03-17',
        },
      ],
      relations: [
        { type: 'criticised-by', target: 'person/chuck-schumer', label: 'called him an obstacle to peace' },
        { type: 'criticised-by', target: 'person/joe-biden' },
        { type: 'pressured-by', target: 'person/joe-biden', label: 'to allow more aid into Gaza' },
        { type: 'related-to', target: 'person/unknown' },
      ],
      links: [
        { title: 'Wikipedia', url: 'https://en.wikipedia.org/wiki/Benjamin_Netanyahu' },
        { title: 'Evil', url: 'javascript:alert(1)' },
      ],
      ...overrides,
    },
    pack: {
      format: 1,
      id: 'pack/2024-03-18',
      title: 'Israel–Gaza, March 2024',
      version: 1,
      asOf: '2024-03-18',
      sources: [
        {
          id: 'src/article',
          title: 'Schumer calls for new election in Israel',
          date: '2024-03-18',
          url: 'https://www.example.org/news/schumer',
          publisher: 'Example News',
        },
        { id: 'src/unused', title: 'Unused source', date: '2024-01-01' },
      ],
    },
    related: [
      { id: 'person/chuck-schumer', kind: 'person', name: 'Chuck Schumer' },
      { id: 'person/joe-biden', kind: 'person', name: 'Joe Biden' },
    ],
    also: [],
    edited: false,
  };
}
