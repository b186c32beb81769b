/* global document, performance, window, Mark */
// Run B of the page benchmark, served as /bench/markjs/runner.js after mark.min.js: mark the
// same names the usual DOM-wrapping way and leave the figures on window.__markjs.
(() => {
  const names = JSON.parse(document.currentScript?.dataset.names ?? '[]');
  performance.mark('markjs:start');
  const start = performance.now();
  let elements = 0;
  new Mark(document.body).mark(names, {
    separateWordSearch: false,
    diacritics: false,
    caseSensitive: true,
    acrossElements: true,
    // Whole words, with the punctuation a name sits beside in prose ("Netanyahu's", "Gaza,").
    accuracy: { value: 'exactly', limiters: [',', '.', ';', ':', '!', '?', "'", '’', '"', '“', '”', '(', ')'] },
    // Longer names are marked first (mark.js sorts them); skip text already inside a mark.
    exclude: ['mark'],
    each() {
      elements++;
    },
    done(total) {
      const ms = performance.now() - start;
      performance.mark('markjs:done', { detail: { ms, elements: total } });
      window.__markjs = { ms, elements: total, eachCalls: elements };
    },
  });
})();
