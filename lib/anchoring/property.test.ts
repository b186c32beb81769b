import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { anchorPassage, describePassage } from './anchor';
import { collapseWhitespace } from './normalise';
import { bestMatchIn } from './fuzzy';
import { editDistance } from './similarity';

const WORDS = ['the', 'election', 'Schumer', 'ceasefire', 'Rafah', 'said', 'on', 'Sunday', 'a', 'plan', 'Biden', 'aid', 'talks', 'Hamas', 'new', 'speech'];
const word = fc.constantFrom(...WORDS);
const sep = fc.constantFrom(' ', ' ', ' ', ', ', '. ', '\n', '  ');
/** Realistic-ish page text: words and separators. */
const pageText = fc.array(fc.tuple(word, sep), { minLength: 1, maxLength: 120 }).map((parts) => parts.map(([w, s]) => w + s).join(''));
/** Arbitrary text, with plenty of repeats and whitespace. */
const anyText = fc.string({ unit: fc.constantFrom('a', 'b', ' ', '\n', 'c', 'é', '😀'), maxLength: 80 });

function span(text: string, a: number, b: number): [number, number] | null {
  const s = Math.min(a, b) % (text.length + 1);
  const e = Math.min(text.length, s + (Math.max(a, b) % 60) + 1);
  return /\S/.test(text.slice(s, e)) ? [s, e] : null;
}

const norm = (s: string) => collapseWhitespace(s).text.trim();

describe('anchoring properties', () => {
  it('describe → anchor on unchanged text returns the same span, exactly', () => {
    fc.assert(
      fc.property(fc.oneof(pageText, anyText), fc.nat(), fc.nat(), (text, a, b) => {
        const sp = span(text, a, b);
        if (sp === null) return;
        const selector = describePassage(text, sp[0], sp[1]);
        expect(anchorPassage(text, selector)).toEqual({ start: selector.start, end: selector.end, quality: 'exact' });
      }),
      { numRuns: 400 },
    );
  });

  it('inserting text outside the span still finds the quote (the very span when the quote is unique)', () => {
    fc.assert(
      fc.property(
        fc.oneof(pageText, anyText),
        fc.nat(),
        fc.nat(),
        fc.oneof(pageText, anyText),
        fc.boolean(),
        fc.nat(),
        (text, a, b, inserted, beforeSpan, where) => {
          const sp = span(text, a, b);
          if (sp === null) return;
          const selector = describePassage(text, sp[0], sp[1]);
          const at = beforeSpan ? where % (selector.start + 1) : selector.end + (where % (text.length - selector.end + 1));
          const changed = text.slice(0, at) + inserted + text.slice(at);
          const shift = beforeSpan ? inserted.length : 0;
          const anchor = anchorPassage(changed, selector);
          expect(anchor).not.toBeNull();
          if (anchor === null) return;
          const quote = norm(selector.exact);
          expect(norm(changed.slice(anchor.start, anchor.end))).toBe(quote);
          const hay = collapseWhitespace(changed).text;
          if (hay.indexOf(quote) === hay.lastIndexOf(quote)) {
            expect([anchor.start, anchor.end]).toEqual([selector.start + shift, selector.end + shift]);
          }
        },
      ),
      { numRuns: 400 },
    );
  });

  it('a realistic page with text inserted before and after keeps the very span', () => {
    fc.assert(
      fc.property(pageText, fc.nat(), fc.nat(), pageText, pageText, (text, a, b, head, tail) => {
        const sp = span(text, a, b);
        if (sp === null || sp[1] - sp[0] < 20) return;
        const selector = describePassage(text, sp[0], sp[1]);
        const changed = `${head}\n${text}\n${tail}`;
        const anchor = anchorPassage(changed, selector);
        expect(anchor && norm(changed.slice(anchor.start, anchor.end))).toBe(norm(selector.exact));
      }),
      { numRuns: 200 },
    );
  });

  it('the semi-global search agrees with a plain edit-distance scan', () => {
    fc.assert(
      fc.property(anyText, fc.string({ unit: fc.constantFrom('a', 'b', 'c', ' '), minLength: 1, maxLength: 12 }), (hay, pattern) => {
        const hit = bestMatchIn(hay, pattern, 0, hay.length, 0);
        let min = pattern.length;
        for (let s = 0; s <= hay.length; s++) for (let e = s; e <= hay.length; e++) min = Math.min(min, editDistance(pattern, hay.slice(s, e)));
        if (hay.length === 0) {
          expect(hit).toBeNull();
          return;
        }
        expect(hit?.errors).toBe(min);
        if (hit) expect(editDistance(pattern, hay.slice(hit.start, hit.end))).toBe(min);
      }),
      { numRuns: 300 },
    );
  });
});
