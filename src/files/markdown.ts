/**
 * Markdown as plain text, for résumés kept as .md: the words stay, the syntax goes. List items keep a
 * "- " so that the skills reader can still see bullets and headings (nice-to-have sections).
 */
export function markdownToText(markdown: string): string {
  const out: string[] = [];
  let fence: string | null = null;
  for (const raw of markdown.replace(/\r\n?/g, '\n').split('\n')) {
    const fenceMark = /^\s*(```+|~~~+)/.exec(raw);
    if (fenceMark) {
      const mark = fenceMark[1] as string;
      if (fence === null) fence = mark[0] as string;
      else if (mark[0] === fence) fence = null;
      continue;
    }
    // Code blocks keep their text: a résumé may list tools in one.
    if (fence !== null) {
      out.push(raw);
      continue;
    }
    let line = raw;
    if (/^\s*\[[^\]]+\]:\s*\S+/.test(line)) continue; // link reference definition
    if (/^\s*(?:[-*_]\s*){3,}$/.test(line)) continue; // horizontal rule
    if (/^\s*\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*\|?\s*$/.test(line)) continue; // table rule
    if (/^\s*(?:=+|-+)\s*$/.test(line)) continue; // setext underline
    line = line
      .replace(/^\s{0,3}#{1,6}\s+/, '')
      .replace(/\s+#+\s*$/, '')
      .replace(/^(\s*)(?:>\s?)+/, '$1')
      .replace(/^(\s*)(?:[*+]|\d+[.)])\s+/, '$1- ')
      .replace(/^(\s*)-\s+\[[ xX]\]\s+/, '$1- ')
      .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
      .replace(/\[([^\]]+)\]\([^)]*\)/g, '$1')
      .replace(/\[([^\]]+)\]\[[^\]]*\]/g, '$1')
      .replace(/<(https?:[^>\s]+)>/g, '$1')
      .replace(/<\/?[A-Za-z][^>]*>/g, '')
      .replace(/`+([^`]*)`+/g, '$1')
      .replace(/(\*\*|__)(?=\S)([\s\S]*?\S)\1/g, '$2')
      .replace(/(^|[^\w*])([*_])(?=\S)([^*_]*?\S)\2(?![\w*])/g, '$1$3')
      .replace(/~~(?=\S)([\s\S]*?\S)~~/g, '$1');
    if (/^\s*\|.*\|\s*$/.test(line))
      line = line
        .replace(/^\s*\|/, '')
        .replace(/\|\s*$/, '')
        .split('|')
        .map((cell) => cell.trim())
        .join(', ');
    line = line.replace(/\\([\\`*_{}[\]()#+\-.!|>~])/g, '$1');
    out.push(line);
  }
  return out
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
