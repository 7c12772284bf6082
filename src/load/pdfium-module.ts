/**
 * PDFium's WebAssembly build (@embedpdf/pdfium), one instance per thread, called through its raw
 * exports. The package's own wrappers go through emscripten's `ccall`, which allocates per call;
 * text extraction makes a few calls per character, so cpc calls the exports directly and reads
 * results out of the instance's memory itself.
 *
 * The instance is disposable: a WebAssembly trap (PDFium aborting on a malformed file, or on an
 * allocation refused by the heap limit) leaves its memory in an unknown state, so the instance is
 * dropped and the next document gets a fresh one from the already compiled module. An instance
 * whose heap grew large on one document is dropped too, so its memory goes back to the system.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

/** The exports cpc calls (PDFium's C API; pointers and handles are numbers). */
export interface PdfiumExports {
  memory: WebAssembly.Memory;
  malloc(size: number): number;
  free(ptr: number): void;
  PDFiumExt_Init(): void;
  FPDF_GetLastError(): number;
  FPDF_LoadMemDocument(data: number, size: number, password: number): number;
  FPDF_CloseDocument(doc: number): void;
  FPDF_GetPageCount(doc: number): number;
  FPDF_LoadPage(doc: number, index: number): number;
  FPDF_ClosePage(page: number): void;
  FPDFPage_GetRotation(page: number): number;
  FPDFPage_GetMediaBox(page: number, left: number, bottom: number, right: number, top: number): number;
  FPDFPage_GetCropBox(page: number, left: number, bottom: number, right: number, top: number): number;
  FPDFPage_CountObjects(page: number): number;
  FPDFPage_GetObject(page: number, index: number): number;
  FPDFPageObj_GetType(obj: number): number;
  FPDFPageObj_GetBounds(obj: number, left: number, bottom: number, right: number, top: number): number;
  FPDFPageObj_GetFillColor(obj: number, r: number, g: number, b: number, a: number): number;
  FPDFPageObj_GetStrokeColor(obj: number, r: number, g: number, b: number, a: number): number;
  FPDFPageObj_GetMatrix(obj: number, matrix: number): number;
  FPDFPath_GetDrawMode(path: number, fillMode: number, stroke: number): number;
  FPDFPath_CountSegments(path: number): number;
  FPDFPath_GetPathSegment(path: number, index: number): number;
  FPDFPathSegment_GetPoint(segment: number, x: number, y: number): number;
  FPDFPathSegment_GetType(segment: number): number;
  FPDFPathSegment_GetClose(segment: number): number;
  FPDFFormObj_CountObjects(form: number): number;
  FPDFFormObj_GetObject(form: number, index: number): number;
  FPDFText_LoadPage(page: number): number;
  FPDFText_ClosePage(textPage: number): void;
  FPDFText_CountChars(textPage: number): number;
  FPDFText_GetText(textPage: number, start: number, count: number, out: number): number;
  FPDFText_GetUnicode(textPage: number, index: number): number;
  FPDFText_GetTextObject(textPage: number, index: number): number;
  FPDFTextObj_GetFont(textObject: number): number;
  FPDFText_GetLooseCharBox(textPage: number, index: number, rect: number): number;
  FPDFText_GetCharOrigin(textPage: number, index: number, x: number, y: number): number;
  FPDFText_GetMatrix(textPage: number, index: number, matrix: number): number;
  FPDFText_GetFontSize(textPage: number, index: number): number;
  FPDFText_GetFontWeight(textPage: number, index: number): number;
  FPDFText_GetFontInfo(textPage: number, index: number, buffer: number, length: number, flags: number): number;
  FPDFText_GetFillColor(textPage: number, index: number, r: number, g: number, b: number, a: number): number;
}

/** FPDF_GetLastError's codes */
export const FPDF_ERR = { success: 0, unknown: 1, file: 2, format: 3, password: 4, security: 5, page: 6 } as const;

export interface PdfiumInstance {
  x: PdfiumExports;
  /** when the heap limit refused to grow the memory since the last `resetHeapLimit` */
  heapRefused(): boolean;
  /** the most the heap may grow to while the next document is read */
  setHeapLimit(bytes: number): void;
  heapBytes(): number;
}

let compiled: Promise<WebAssembly.Module> | undefined;
let current: Promise<PdfiumInstance> | undefined;

/** The package's own wasm file, read from disk: its README's example fetches it from a CDN, which an offline tool must never do. */
function wasmBytes(): Uint8Array<ArrayBuffer> {
  return readFileSync(createRequire(import.meta.url).resolve('@embedpdf/pdfium/pdfium.wasm')) as Uint8Array<ArrayBuffer>;
}

function compileOnce(): Promise<WebAssembly.Module> {
  compiled ??= WebAssembly.compile(wasmBytes());
  return compiled;
}

/**
 * PDFium compiled here, to hand to worker threads (`usePdfiumModule`): a compiled module posted
 * to another thread shares its machine code, so each worker neither compiles PDFium again nor
 * holds a copy of its code, and a function one worker has optimised is fast in the others.
 */
export function compilePdfiumModule(): WebAssembly.Module {
  const module = new WebAssembly.Module(wasmBytes());
  compiled ??= Promise.resolve(module);
  return module;
}

/** Use a module compiled by `compilePdfiumModule` on another thread. */
export function usePdfiumModule(module: WebAssembly.Module): void {
  compiled ??= Promise.resolve(module);
}

type Imports = WebAssembly.Imports & { env: Record<string, WebAssembly.ImportValue> };

async function instantiate(): Promise<PdfiumInstance> {
  const [{ init }, wasm] = await Promise.all([import('@embedpdf/pdfium'), compileOnce()]);
  let limit = Number.POSITIVE_INFINITY;
  let refused = false;
  const silent = () => undefined;
  const wrapped = await init({
    // PDFium's and emscripten's diagnostics would go to the console; cpc reports through messages
    print: silent,
    printErr: silent,
    instantiateWasm(imports: Imports, receive: (instance: WebAssembly.Instance) => void) {
      // the heap limit: emscripten grows memory through this import; refusing makes PDFium's
      // allocation fail, which aborts the call (a trap) rather than taking the process's memory
      const grow = imports.env.emscripten_resize_heap as (requested: number) => number;
      imports.env.emscripten_resize_heap = (requested: number) => {
        if (requested >>> 0 > limit) {
          refused = true;
          return 0;
        }
        return grow(requested);
      };
      void WebAssembly.instantiate(wasm, imports).then((instance) => receive(instance));
      return {};
    },
  } as Parameters<typeof init>[0]);
  const x = wrapped.pdfium.wasmExports as unknown as PdfiumExports;
  x.PDFiumExt_Init();
  return {
    x,
    heapRefused: () => refused,
    setHeapLimit: (bytes) => {
      limit = bytes;
      refused = false;
    },
    heapBytes: () => x.memory.buffer.byteLength,
  };
}

/** This thread's PDFium instance, made when the first PDF is met. */
export function pdfium(): Promise<PdfiumInstance> {
  current ??= instantiate().catch((e: unknown) => {
    current = undefined;
    throw e;
  });
  return current;
}

/** Drop this thread's instance (after a trap, or when its heap grew large): the next call makes a new one. */
export function discardPdfium(): void {
  current = undefined;
}

/** Views of the instance's memory, remade when the memory has grown (growing detaches the old buffer). */
export class Heap {
  #f32 = new Float32Array(0);
  #f64 = new Float64Array(0);
  #u32 = new Uint32Array(0);
  #i32 = new Int32Array(0);
  #u16 = new Uint16Array(0);
  #u8 = new Uint8Array(0);
  constructor(readonly memory: WebAssembly.Memory) {}
  /** growing the memory detaches the views' buffer, which then reads as empty */
  #fresh(): void {
    if (this.#u8.length !== 0) return;
    const b = this.memory.buffer;
    this.#f32 = new Float32Array(b);
    this.#f64 = new Float64Array(b);
    this.#u32 = new Uint32Array(b);
    this.#i32 = new Int32Array(b);
    this.#u16 = new Uint16Array(b);
    this.#u8 = new Uint8Array(b);
  }
  f64(ptr: number): number {
    this.#fresh();
    return this.#f64[ptr >> 3]!;
  }
  u32(ptr: number): number {
    this.#fresh();
    return this.#u32[ptr >> 2]!;
  }
  i32(ptr: number): number {
    this.#fresh();
    return this.#i32[ptr >> 2]!;
  }
  /** the Float32Array over the whole memory, for reading a struct of floats in one go */
  floats(): Float32Array {
    this.#fresh();
    return this.#f32;
  }
  /** four floats: an FS_RECTF, or the left, bottom, right, top a bounds call writes */
  floats4(ptr: number): [number, number, number, number] {
    const f = this.floats();
    const i = ptr >> 2;
    return [f[i]!, f[i + 1]!, f[i + 2]!, f[i + 3]!];
  }
  /** a colour PDFium wrote as four unsigned ints (red, green, blue, alpha) */
  rgba(ptr: number): { hex: string; alpha: number } {
    return { hex: rgbHex(this.u32(ptr), this.u32(ptr + 4), this.u32(ptr + 8)), alpha: this.u32(ptr + 12) };
  }
  utf16(ptr: number, units: number): Uint16Array {
    this.#fresh();
    return this.#u16.subarray(ptr >> 1, (ptr >> 1) + units);
  }
  bytes(ptr: number, length: number): Uint8Array {
    this.#fresh();
    return this.#u8.subarray(ptr, ptr + length);
  }
  write(ptr: number, data: Uint8Array): void {
    this.#fresh();
    this.#u8.set(data, ptr);
  }
}

/** Scratch memory the reader writes results into: one block, laid out once per document. */
export interface Scratch {
  /** 16 bytes: an FS_RECTF, or 4 floats */
  rect: number;
  /** 24 bytes: an FS_MATRIX */
  matrix: number;
  /** 16 bytes: 2 doubles */
  point: number;
  /** 16 bytes: 4 unsigned ints (a colour) */
  rgba: number;
  /** 8 bytes: 2 ints */
  flags: number;
  /** `nameLength` bytes */
  name: number;
  nameLength: number;
}

export const SCRATCH_BYTES = 16 + 24 + 16 + 16 + 8 + 256;

export function layScratch(base: number): Scratch {
  return { rect: base, matrix: base + 16, point: base + 40, rgba: base + 56, flags: base + 72, name: base + 80, nameLength: 256 };
}

const hex = (n: number) => Math.max(0, Math.min(255, n | 0)).toString(16).padStart(2, '0');
export const rgbHex = (r: number, g: number, b: number) => `#${hex(r)}${hex(g)}${hex(b)}`;

/** Allocations in an instance's memory, freed together when the call that made them is done. */
export class Allocations {
  readonly #x: PdfiumExports;
  readonly #pointers: number[] = [];
  constructor(x: PdfiumExports) {
    this.#x = x;
  }

  alloc(size: number): number {
    const p = this.#x.malloc(size);
    if (!p) throw new WebAssembly.RuntimeError('malloc failed');
    this.#pointers.push(p);
    return p;
  }

  freeAll(): void {
    for (const p of this.#pointers) this.#x.free(p);
    this.#pointers.length = 0;
  }
}

/** A document opened from `bytes` (copied into the instance, with the password as a C string); 0 when PDFium refuses it. */
export function loadMemDocument(x: PdfiumExports, heap: Heap, mem: Allocations, bytes: Uint8Array, password: string | undefined): number {
  const data = mem.alloc(Math.max(1, bytes.length));
  heap.write(data, bytes);
  let pw = 0;
  if (password !== undefined) {
    const encoded = new TextEncoder().encode(password);
    pw = mem.alloc(encoded.length + 1);
    heap.write(pw, encoded);
    heap.write(pw + encoded.length, new Uint8Array(1));
  }
  return x.FPDF_LoadMemDocument(data, bytes.length, pw);
}
