// pdf.js's worker module has no type declarations; cpc only imports it for its side effects.
declare module 'pdfjs-dist/legacy/build/pdf.worker.mjs';
