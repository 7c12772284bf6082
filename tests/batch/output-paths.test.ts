import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { comparePaths, planOutputs, resolveInside } from '../../src/batch/output-paths.js';

describe('planOutputs', () => {
  it('mirrors the input tree with the extension replaced', () => {
    const plan = planOutputs(['a/b/report.pdf', 'c.docx', 'notes/x.txt'], '.json');
    expect(Object.fromEntries(plan)).toEqual({ 'a/b/report.pdf': 'a/b/report.json', 'c.docx': 'c.json', 'notes/x.txt': 'x.json'.replace(/^/, 'notes/') });
  });

  it('keeps the extension of every input whose stem is shared in its directory', () => {
    const plan = planOutputs(['r/report.pdf', 'r/report.docx', 'r/report.txt', 'r/other.pdf', 's/report.pdf'], '.yaml');
    expect(Object.fromEntries(plan)).toEqual({
      'r/report.pdf': 'r/report.pdf.yaml',
      'r/report.docx': 'r/report.docx.yaml',
      'r/report.txt': 'r/report.txt.yaml',
      'r/other.pdf': 'r/other.yaml',
      's/report.pdf': 's/report.yaml',
    });
  });

  it('numbers the rare names that still collide, in path order', () => {
    const plan = planOutputs(['x.pdf.txt', 'x.pdf', 'x.docx'], '.json');
    expect(new Set(plan.values()).size).toBe(3);
    expect(plan.get('x.pdf')).toBe('x.pdf.json');
    expect(plan.get('x.pdf.txt')).toBe('x.pdf-2.json');
  });

  it('does not depend on the order of its input', () => {
    const list = ['b/1.pdf', 'a/1.pdf', 'a/1.docx', 'c.txt'];
    expect([...planOutputs(list, '.json')].sort()).toEqual([...planOutputs([...list].reverse(), '.json')].sort());
  });
});

describe('resolveInside', () => {
  const out = resolve('/tmp/cpc-out');
  it('accepts names below the directory', () => {
    expect(resolveInside(out, 'a/b/report.json')).toBe(join(out, 'a', 'b', 'report.json'));
    expect(resolveInside(out, '..report.json')).toBe(join(out, '..report.json'));
  });

  it.each(['../escape.json', 'a/../../escape.json', '/etc/passwd', '', '.', 'a/..', 'C:/x.json', 'a\u0000b.json', '..\\escape.json'])('refuses %j', (name) => {
    expect(resolveInside(out, name)).toBeNull();
  });
});

describe('comparePaths', () => {
  it('orders by code unit, the same in every locale', () => {
    expect(['b', 'B', 'a/z', 'a-z', 'ä'].sort(comparePaths)).toEqual(['B', 'a-z', 'a/z', 'b', 'ä']);
  });
});
