import { describe, expect, it } from 'vitest';
import { describeFailure } from '../../src/runtime/exit.js';
import { CpcError } from '../../src/diagnostics.js';

describe('describeFailure', () => {
  it('takes a CpcError made by another copy of the module for what it is (found by the fuzzer: tsx gives dynamic imports in worker threads their own module instances)', () => {
    const foreign = Object.assign(new Error('not a readable Word file: the zip has no word/document.xml'), { name: 'CpcError', code: 'input/corrupt', exitCode: 1 });
    expect(foreign).not.toBeInstanceOf(CpcError);
    expect(describeFailure(foreign)).toEqual({ code: 1, message: 'not a readable Word file: the zip has no word/document.xml', errorCode: 'input/corrupt' });
    expect(describeFailure(new CpcError('input/encrypted', 'the PDF is encrypted'))).toMatchObject({ code: 3, errorCode: 'input/encrypted' });
  });

  it('calls anything else a bug in cpc, even an error that borrows the name', () => {
    expect(describeFailure(new TypeError('x is undefined'))).toMatchObject({ errorCode: 'internal', message: 'internal error: x is undefined' });
    expect(describeFailure(Object.assign(new Error('?'), { name: 'CpcError', code: 'no/such-code', exitCode: 1 }))).toMatchObject({ errorCode: 'internal' });
  });
});
