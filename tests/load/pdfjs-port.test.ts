import { describe, expect, it } from 'vitest';
import { loadPdf } from '../../src/load/pdf.js';
import { pdfjsPortListeners } from '../../src/load/pdfjs.js';
import { SameThreadPort } from '../../src/load/pdfjs-port.js';
import { fixtureBytes } from '../helpers.js';

const received = (port: SameThreadPort) => {
  const got: unknown[] = [];
  port.addEventListener('message', (e) => got.push(e.data));
  return got;
};
const settle = () => new Promise((r) => setTimeout(r, 0));

describe('SameThreadPort', () => {
  it('delivers a text chunk as it was when posted, though the sender starts the next chunk on the same object', async () => {
    const port = new SameThreadPort();
    const got = received(port);
    const textContent = { items: [{ str: 'first' }], styles: { f1: { ascent: 1 } } as Record<string, unknown> };
    port.postMessage({ stream: 4, chunk: textContent });
    // what pdf.js's worker does right after posting (enqueueChunk)
    textContent.items = [];
    textContent.styles = {};
    expect(got).toEqual([]); // delivery is asynchronous, as across a real worker boundary
    await settle();
    expect(got).toEqual([{ stream: 4, chunk: { items: [{ str: 'first' }], styles: { f1: { ascent: 1 } } } }]);
  });

  it('structured-clones every other message, so later changes by the sender do not reach the receiver', async () => {
    const port = new SameThreadPort();
    const got = received(port);
    const ops = { chunk: { fnArray: [1, 2], argsArray: [[], []] } };
    port.postMessage(ops);
    ops.chunk.fnArray.length = 0; // what pdf.js does to an operator-list chunk once sent
    await settle();
    expect(got).toEqual([{ chunk: { fnArray: [1, 2], argsArray: [[], []] } }]);
  });

  it('delivers in order and stops delivering to a listener whose signal is aborted', async () => {
    const port = new SameThreadPort();
    const controller = new AbortController();
    const got: unknown[] = [];
    port.addEventListener('message', (e) => got.push(e.data), { signal: controller.signal });
    port.postMessage(1);
    port.postMessage(2);
    await settle();
    controller.abort();
    port.postMessage(3);
    await settle();
    expect(got).toEqual([1, 2]);
    expect(port.listenerCount).toBe(0);
  });
});

describe('the shared pdf.js worker side', () => {
  it('is left with no listeners of closed documents, read or refused', async () => {
    const pdfjs = { pdfEngine: 'pdfjs' } as const;
    await loadPdf(fixtureBytes('blaby-2022-progress-review.pdf'), pdfjs);
    const baseline = await pdfjsPortListeners();
    for (let i = 0; i < 3; i++) await loadPdf(fixtureBytes('bury-2021-cabinet-report.pdf'), pdfjs);
    await expect(loadPdf(new TextEncoder().encode('%PDF-1.7\nnot really'), pdfjs)).rejects.toThrow();
    await settle();
    expect(await pdfjsPortListeners()).toBe(baseline);
  });
});
