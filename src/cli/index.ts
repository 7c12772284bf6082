/**
 * Commander wiring only: each command parses its options and hands over to a module that is
 * imported when the command runs, so `cpc --help` loads neither pdf.js nor mammoth.
 */
import { Argument, Command, CommanderError, Option } from '@commander-js/extra-typings';
import { availableParallelism } from 'node:os';
import { DEFAULT_WORKER_MEMORY_MB } from '../batch/task.js';
import { DEFAULT_THRESHOLD } from '../diff/defaults.js';
import { EXIT } from '../runtime/exit.js';
import { processIO, type CliIO } from '../runtime/io.js';
import { TABLE_NAMES } from '../emit/tables.js';
import { COLOR_MODES } from '../runtime/io.js';
import { formatAlias, parseDuration, parseJobs, parsePositiveInt, parseSize, parseUnitInterval } from './options.js';
import { dropOrphanedPdfJsRejections } from '../runtime/rejections.js';

const VERSION = '0.1.0';
const DEFAULTS = { maxPages: 5000, maxBytes: 200 * 1024 * 1024, maxInflated: 200 * 1024 * 1024 };

const EXIT_CODES_HELP = `
Exit codes:
  0    ok
  1    an input is unreadable, unsupported, corrupt, empty or over a limit
  2    usage error (unknown command or option, bad value, no arguments)
  3    an input is encrypted (password needed, or the one given is wrong)
  4    an output failed schema validation
  5    an output could not be written (full disk, read-only place)
  130  interrupted (Ctrl-C); 143 terminated (SIGTERM)
  141  stdout's reader went away (| head): stopped without a word, as git does`;

const STREAMS_HELP = `
Streams: results on stdout, diagnostics on stderr as "cpc: <file>: <code>: <message>" — warnings
by default, notes too with -v, none with -q. "-" as an input reads stdin; "-o -" writes stdout.`;

/** The input limits every reading command shares. */
function limits() {
  return {
    password: new Option('--password <password>', 'password of an encrypted PDF'),
    maxPages: new Option('--max-pages <n>', 'refuse documents with more pages').argParser(parsePositiveInt).default(DEFAULTS.maxPages),
    maxBytes: new Option('--max-bytes <size>', 'refuse input files larger than this').argParser(parseSize).default(DEFAULTS.maxBytes, '200MB'),
    maxInflated: new Option('--max-inflated <size>', 'refuse Word files whose parts inflate past this').argParser(parseSize).default(DEFAULTS.maxInflated, '200MB'),
    color: new Option('--color <when>', 'colour the output: auto (a terminal, unless NO_COLOR or TERM=dumb), always, never').choices(COLOR_MODES).default('auto' as const),
    quiet: new Option('-q, --quiet', 'print no warnings on stderr, only errors'),
    verbose: new Option('-v, --verbose', 'print notes (info) on stderr as well as warnings'),
    ocr: new Option('--ocr <mode>', 'read PDF pages without a text layer (scans) with OCR where tesseract and pdftoppm are installed').choices(['auto', 'off'] as const).default('auto' as const),
    pdfEngine: new Option('--pdf-engine <engine>', 'what reads PDFs: PDFium (WebAssembly; pdf.js takes over a file it cannot read) or pdf.js').choices(['pdfium', 'pdfjs'] as const).default('pdfium' as const),
  };
}

export function buildProgram(io: CliIO, setExit: (code: number) => void) {
  const program = new Command()
    .name('cpc')
    .description('Turn UK local-government peer challenge reports (PDF, Word, HTML, text) into structured, validated data.')
    .version(VERSION)
    .showHelpAfterError('(run cpc --help for usage)')
    .configureOutput({ writeOut: (s) => io.stdout.write(s), writeErr: (s) => io.stderr.write(s) })
    .exitOverride()
    .addHelpText(
      'after',
      `
Examples:
  $ cpc extract report.pdf                       one report as JSON on stdout
  $ cpc extract report.docx --format yaml -o out/
  $ cpc batch archive/ --out out/ --index recommendations.csv
  $ cpc diff cabinet-report.pdf revisit.pdf      what became of each recommendation
  $ cpc text report.pdf > report.md              the cleaned document as Markdown
  $ cpc text report.pdf -f blocks | less -R      the blocks the parser sees
  $ cpc validate out/report.json
${EXIT_CODES_HELP}`,
    );

  const x = limits();
  program
    .command('extract')
    .description('extract the report structure: sections, recommendations, peer team, metadata, warnings')
    .argument('<file...>', 'PDF, Word (.docx), HTML, text or Markdown documents; - reads stdin')
    .addOption(new Option('-f, --format <format>', 'output format (jsonl: one report per line; xlsx: a workbook, one sheet per table)').choices(['json', 'jsonl', 'yaml', 'yml', 'csv', 'xlsx'] as const).default('json' as const))
    .addOption(new Option('--table <table>', 'CSV: which table, one row per item').choices(TABLE_NAMES).default('recommendations' as const))
    .option('--bom', 'CSV: start with a byte-order mark, so Excel and LibreOffice read UTF-8 (curly quotes) right')
    .option('--csv-raw', 'CSV: write cells as they are (by default a cell starting with = + - @ gets a leading apostrophe, so a spreadsheet does not run it)')
    .option('-o, --output <path>', 'write to this file (- for stdout), or one file per input into this directory (ending in /)')
    .addOption(x.quiet)
    .addOption(x.verbose)
    .addOption(new Option('-j, --jobs <n>', 'worker threads for several inputs (0: one per CPU core)').argParser(parseJobs).default(0, 'the number of CPU cores'))
    .addOption(new Option('--timeout <duration>', 'stop a file that takes longer (60s, 500ms, 2m); runs it in a worker thread').argParser(parseDuration))
    .addOption(x.password)
    .addOption(x.maxPages)
    .addOption(x.maxBytes)
    .addOption(x.maxInflated)
    .addOption(x.ocr)
    .addOption(x.pdfEngine)
    .addHelpText(
      'after',
      `
With one input and no -o, the report goes to stdout; with several, a JSON array (a YAML list, one
CSV table, or with --format jsonl one report per line). CSV has one row per recommendation (or per
peer, section, decision or warning with --table); xlsx has a sheet for each of those tables.
Into a directory, outputs are named as cpc batch names them (a/b/report.pdf → out/a/b/report.json).
${STREAMS_HELP}

Examples:
  $ cpc extract fixtures/bury-2021-cpc-revisit.pdf
  $ cpc extract a.pdf b.docx -o out/            writes out/a.json and out/b.json
  $ cpc extract *.pdf --format csv -o recs.csv  every recommendation in one table
  $ cpc extract *.pdf --format csv --table peers --bom -o peers.csv
  $ cpc extract *.pdf --format xlsx -o reports.xlsx
  $ cpc extract *.pdf --format jsonl | jq -c '.report'
  $ curl -s https://example.org/report.pdf | cpc extract -
  $ cpc extract locked.pdf --password secret
${EXIT_CODES_HELP}`,
    )
    .action(async (files, opts) => {
      const { extractCommand } = await import('./commands/extract.js');
      setExit(await extractCommand(files, { ...opts, format: formatAlias(opts.format) }, io));
    });

  const b = limits();
  program
    .command('batch')
    .description('convert a whole archive into --out: in parallel, incremental, with a manifest and a recommendations index')
    .argument('<input...>', 'directories (searched recursively), globs or documents')
    .requiredOption('-o, --out <dir>', 'output directory; mirrors the input tree and holds manifest.jsonl')
    .option('--base <dir>', 'the folder outputs mirror the inputs below (default: the one recorded in the manifest, else the inputs\' common folder)')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['json', 'yaml', 'yml'] as const).default('json' as const))
    .addOption(new Option('-j, --jobs <n>', 'worker threads (0: one per CPU core)').argParser(parseJobs).default(availableParallelism(), 'the number of CPU cores'))
    .addOption(new Option('--timeout <duration>', 'stop a file that takes longer (0 for no limit)').argParser(parseDuration).default(60_000, '60s'))
    .addOption(new Option('--max-memory <size>', "memory per worker: its JavaScript heap and PDFium's heap each stay under it, and a larger file is refused; a file that needs more fails").argParser(parseSize).default(DEFAULT_WORKER_MEMORY_MB * 1024 * 1024, `${DEFAULT_WORKER_MEMORY_MB}MB`))
    .option('--force', 'convert every file, even those the manifest shows up to date')
    .addOption(new Option('--fail-on <when>', 'what makes the exit status 1').choices(['error', 'warning', 'never'] as const).default('error' as const))
    .option('--shard <i/n>', 'process only the i-th of n stable subsets (for a CI matrix)')
    .option('--index <file>', 'write every recommendation of every report to one .csv or .jsonl file')
    .option('--csv-raw', 'CSV index: write cells as they are (by default a cell starting with = + - @ gets a leading apostrophe)')
    .option('-q, --quiet', 'no progress and no warnings; only failed files (with --fail-on warning, also those with warnings) and the summary')
    .addOption(b.verbose)
    .addOption(b.password)
    .addOption(b.maxPages)
    .addOption(b.maxBytes)
    .addOption(b.maxInflated)
    .addOption(b.ocr)
    .addOption(b.pdfEngine)
    .addHelpText(
      'after',
      `
Outputs mirror the input tree (archive/a/report.pdf → out/a/report.json); out/manifest.jsonl has one
line per input: path, sha256, status (ok, skipped, failed, timeout), counts, warnings, error, ms.
Files whose bytes and cpc version match their manifest entry, and whose output exists, are skipped.
Progress goes to stderr: a bar on a terminal, one line per file otherwise.

Examples:
  $ cpc batch archive/ --out out/
  $ cpc batch 'reports/**/*.pdf' --out out/ -j 4 --timeout 2m
  $ cpc batch archive/ --out out/ --index recommendations.csv --fail-on warning
  $ cpc batch archive/ --out out/ --shard 2/4     the second quarter, for a CI matrix

Exit codes:
  0  every file ok or skipped
  1  a file failed or timed out (with --fail-on warning, also one with warnings)
  2  usage error (bad option, no documents found)`,
    )
    .action(async (inputs, opts) => {
      const { batchCommand } = await import('./commands/batch.js');
      setExit(await batchCommand(inputs, { ...opts, format: formatAlias(opts.format) }, io));
    });

  const t = limits();
  program
    .command('text')
    .description('print the cleaned document as Markdown or text (furniture and contents removed), or the blocks the parser sees')
    .argument('<file>', 'a document; - reads stdin')
    .addOption(new Option('-f, --format <format>', 'markdown: headings by level, lists, tables; text: the same, plain; blocks: each block with its index, kind and cues').choices(['markdown', 'text', 'blocks'] as const).default('markdown' as const))
    .option('--json', 'print the blocks as JSON')
    .option('--keep-furniture', 'do not remove running headers, footers and page numbers')
    .addOption(t.color)
    .addOption(t.quiet)
    .addOption(t.verbose)
    .addOption(t.password)
    .addOption(t.maxPages)
    .addOption(t.maxBytes)
    .addOption(t.maxInflated)
    .addOption(t.ocr)
    .addOption(t.pdfEngine)
    .addHelpText(
      'after',
      `
Colours on a terminal; none when piped, with NO_COLOR set or TERM=dumb (--color always|never decides).
Each block shows its index (#12), as warnings cite it.

Examples:
  $ cpc text fixtures/bradford-2018-scrutiny-progress.pdf          Markdown
  $ cpc text fixtures/bradford-2018-scrutiny-progress.pdf -f text  plain text
  $ cpc text fixtures/bradford-2018-scrutiny-progress.pdf -f blocks
  $ cpc text report.docx --json | jq '.blocks[] | select(.kind == "heading") | .text'`,
    )
    .action(async (file, opts) => {
      const { textCommand } = await import('./commands/text.js');
      setExit(await textCommand(file, opts, io));
    });

  const d = limits();
  program
    .command('diff')
    .description("match recommendations across two reports, or across one report's previous and current review cycles")
    .argument('<old>', 'a document, or cpc extract output (JSON or YAML)')
    .argument('[new]', 'the report to compare with; without it, <old> previous cycle → current cycle')
    .addOption(new Option('--old-cycle <cycle>', 'cycle of <old> to compare (default: current; previous with one input)').choices(['current', 'previous'] as const))
    .addOption(new Option('--new-cycle <cycle>', 'cycle of [new] to compare (default: current)').choices(['current', 'previous'] as const))
    .addOption(new Option('-f, --format <format>', 'output format').choices(['text', 'json', 'yaml', 'markdown', 'html'] as const).default('text' as const))
    .addOption(new Option('--threshold <0..1>', 'least similarity for a link').argParser(parseUnitInterval).default(DEFAULT_THRESHOLD))
    .option('--exit-code', 'exit 1 when anything was added, removed, reworded, split or merged')
    .addOption(d.color)
    .addOption(d.quiet)
    .addOption(d.verbose)
    .addOption(d.password)
    .addOption(d.maxPages)
    .addOption(d.maxBytes)
    .addOption(d.maxInflated)
    .addOption(d.ocr)
    .addOption(d.pdfEngine)
    .addHelpText(
      'after',
      `
Links pair recommendations by TF-IDF cosine similarity of their stemmed words (numbers that agree
break near ties), assigned one-to-one for the best total; a left-over recommendation that supplies
words of a linked text its partner lacks joins that link as a split or merge. Statuses: unchanged,
reworded, split, merged; unmatched old recommendations are removed, unmatched new ones added.
Colours on a terminal; [-removed-]{+added+} markers when piped or with NO_COLOR set. Removed and
added recommendations name their nearest candidates. html is one self-contained page (no network,
no script): the two reports side by side, splits and merges grouped, progress under the new side.

Examples:
  $ cpc diff fixtures/bury-2021-cabinet-report.pdf fixtures/bury-2021-cpc-revisit.pdf
  $ cpc diff fixtures/bromsgrove-redditch-2020-follow-up.pdf     2018 recommendations → 2020
  $ cpc diff old.json new.docx --old-cycle previous --new-cycle previous
  $ cpc diff a.pdf b.pdf --format markdown > changes.md
  $ cpc diff a.pdf b.pdf --format html > changes.html
  $ cpc diff a.pdf b.pdf --format json | jq '.links[] | select(.status == "split")'
  $ cpc diff a.pdf b.pdf --exit-code --format json > /dev/null || echo changed

Exit codes:                     (as diff(1) and git diff --exit-code have them)
  0  compared: the same, or (without --exit-code) whether or not anything differs
  1  with --exit-code: something differs
  2  trouble: an input unreadable, encrypted, not a valid cpc report or without recommendations,
     a chosen cycle with no recommendations, a usage error — the message names the file and code`,
    )
    .action(async (oldFile, newFile, opts) => {
      const { diffCommand } = await import('./commands/diff.js');
      setExit(await diffCommand(oldFile, newFile, opts, io));
    });

  program
    .command('validate')
    .description('check what cpc wrote (reports, diffs, manifests, indexes) against its schemas')
    .argument('<file...>', 'what cpc wrote: reports (JSON, YAML, JSON Lines), diff JSON, manifest.jsonl, an index .jsonl; directories are searched; - reads stdin')
    .addHelpText(
      'after',
      `
Each item is checked against the schema its shape names (report, diff, manifest entry, index row).
Exit code 4 when an item is not valid, 1 when a file is not JSON, JSON Lines or YAML.

Examples:
  $ cpc validate out/report.json
  $ cpc validate out/                           every .json, .jsonl and .yaml below out/
  $ cpc diff a.pdf b.pdf --format json | cpc validate -`,
    )
    .action(async (files) => {
      const { validateCommand } = await import('./commands/validate.js');
      setExit(await validateCommand(files, io));
    });

  program
    .command('schema')
    .description('print the JSON Schema of the report (or of the cpc diff output)')
    .addArgument(new Argument('[name]', 'which schema').choices(['report', 'diff'] as const).default('report' as const))
    .addHelpText('after', `\nExamples:\n  $ cpc schema > report.schema.json\n  $ cpc schema diff > diff.schema.json`)
    .action(async (name) => {
      const { schemaCommand } = await import('./commands/schema.js');
      setExit(schemaCommand(io, name));
    });

  return program;
}

/** Run the CLI; resolves to the exit code. */
export async function run(argv: readonly string[], io: CliIO = processIO()): Promise<number> {
  dropOrphanedPdfJsRejections();
  let code: number = EXIT.ok;
  const program = buildProgram(io, (c) => (code = c));
  // no arguments is a mistake, not a request for help: usage on stderr, as git and rg do
  if (argv.length === 0) {
    io.stderr.write(program.helpInformation());
    return EXIT.usage;
  }
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return code;
  } catch (e) {
    if (e instanceof CommanderError) {
      // help and version exit 0; every other commander error is a usage error
      if (e.code === 'commander.helpDisplayed' || e.code === 'commander.version' || e.code === 'commander.help') return EXIT.ok;
      return EXIT.usage;
    }
    io.stderr.write(`cpc: internal error: ${(e as Error).stack ?? String(e)}\n`);
    return EXIT.input;
  }
}
