// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { createShadowStyler } from './shadow-styles';

describe('createShadowStyler', () => {
  it('adopts one shared sheet into each shadow root once, and withdraws it on abort', () => {
    const host1 = document.createElement('div');
    const host2 = document.createElement('div');
    const root1 = host1.attachShadow({ mode: 'open' });
    const root2 = host2.attachShadow({ mode: 'open' });
    const pageSheet = new CSSStyleSheet();
    root1.adoptedStyleSheets = [pageSheet];
    const controller = new AbortController();
    const style = createShadowStyler(window, '::highlight(backstory-person){text-decoration:underline}', controller.signal);
    style(root1);
    style(root1);
    style(root2);
    expect(root1.adoptedStyleSheets).toHaveLength(2);
    expect(root1.adoptedStyleSheets[0]).toBe(pageSheet);
    expect(root2.adoptedStyleSheets).toHaveLength(1);
    expect(root2.adoptedStyleSheets[0]).toBe(root1.adoptedStyleSheets[1]);
    controller.abort();
    expect(root1.adoptedStyleSheets).toEqual([pageSheet]);
    expect(root2.adoptedStyleSheets).toEqual([]);
    style(root2);
    expect(root2.adoptedStyleSheets).toEqual([]);
  });
});
