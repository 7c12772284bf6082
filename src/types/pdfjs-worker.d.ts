// pdf.js ships no types for its worker module; cpc uses only the message handler's entry point.
declare module 'pdfjs-dist/legacy/build/pdf.worker.mjs' {
  export const WorkerMessageHandler: {
    /** Serve pdf.js's worker side over `port` (any object with postMessage and message listeners). */
    initializeFromPort(port: object): void;
  };
}
