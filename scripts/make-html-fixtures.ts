// Renders each Word fixture as a saved report web page (fixtures/<name>.html): the report in an
// <article> inside site chrome (header, navigation, footer), lists numbered by the browser from
// <ol>, as councils and the LGA publish reports online. Run: npx tsx scripts/make-html-fixtures.ts
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import mammoth from 'mammoth';

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');

for (const file of readdirSync('fixtures').filter((f) => f.endsWith('.docx')).sort()) {
  const name = file.replace(/\.docx$/, '');
  const { value } = await mammoth.convertToHtml(
    { buffer: readFileSync(`fixtures/${file}`) },
    { styleMap: ["p[style-name='Title'] => h1.title:fresh"], convertImage: mammoth.images.imgElement(() => Promise.resolve({ src: 'graphic.png' })) },
  );
  const page = `<!DOCTYPE html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<title>${escape(name)} | Local Government Association</title>
<link rel="stylesheet" href="/styles.css">
<script>window.analytics = { page: "${escape(name)}" };</script>
</head>
<body>
<header class="site-header"><a href="/">Local Government Association</a> <a href="/search">Search</a></header>
<nav aria-label="Breadcrumb"><a href="/">Home</a> › <a href="/peer-challenges">Peer challenges</a> › Report</nav>
<main>
<article>
${value.replace(/></g, '>\n<')}
</article>
</main>
<footer class="site-footer">Local Government Association, 18 Smith Square, London SW1P 3HZ · Telephone 020 7664 3000 · © ${new Date(0).getUTCFullYear()}</footer>
</body>
</html>
`;
  writeFileSync(`fixtures/${name}.html`, page);
  console.log(`fixtures/${name}.html`);
}
