import type { Language } from '../words/language.js';

const escapes: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Text from data (estate names, titles, messages) made safe inside HTML text and attribute values. */
export function escapeHtml(value: string | number): string {
  return String(value).replace(/[&<>"']/g, (char) => escapes[char]!);
}

/** Everything a report page holds; `body` is HTML already escaped by its builder. */
export interface PageInput {
  readonly title: string;
  readonly language: Language;
  /** A notice shown at the top in a box nobody misses, e.g. that the rule set is provisional; one line a `\n`. */
  readonly notice?: string | undefined;
  readonly body: string;
}

/**
 * A complete, self-contained HTML document: inline CSS, SVG charts in the page, no script, no font, no
 * request at view time. Its Content-Security-Policy forbids loading anything, so a report opened from a
 * mail attachment or a shared folder stays inert.
 */
export function page(input: PageInput): string {
  const notice = input.notice
    ? `<aside class="notice" role="note"><strong>⚠</strong> ${input.notice.split('\n').map(escapeHtml).join('<br>')}</aside>`
    : '';
  return `<!doctype html>
<html lang="${input.language === 'en' ? 'en' : 'zh-CN'}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<meta name="generator" content="sunshine-rubric">
<title>${escapeHtml(input.title)}</title>
<style>${styles}</style>
</head>
<body>
<main>
${notice}
${input.body}
</main>
</body>
</html>
`;
}

/** A table from escaped cells; `className` per column lets numbers align right. */
export function table(
  headers: readonly string[],
  rows: readonly (readonly string[])[],
  columnClasses: readonly string[] = [],
): string {
  const cell = (tag: 'th' | 'td', content: string, column: number) => {
    const className = columnClasses[column];
    return `<${tag}${className ? ` class="${className}"` : ''}>${content}</${tag}>`;
  };
  const head = `<tr>${headers.map((header, column) => cell('th', escapeHtml(header), column)).join('')}</tr>`;
  const body = rows.map(
    (row) => `<tr>${row.map((content, column) => cell('td', content, column)).join('')}</tr>`,
  );
  return `<table><thead>${head}</thead><tbody>${body.join('\n')}</tbody></table>`;
}

/** A horizontal bar for a share, drawn with CSS (no chart needed for a table cell). */
export function shareBar(share: number, good: boolean): string {
  const width = Math.max(0, Math.min(100, share * 100)).toFixed(1);
  return `<span class="bar"><span class="${good ? 'fill good' : 'fill bad'}" style="width:${width}%"></span></span>`;
}

const styles = `
:root { color-scheme: light; --ink: #1f2933; --muted: #52606d; --line: #d9e2ec; --good: #1f7a4d; --bad: #b42318; --warn-bg: #fff4e5; --warn-line: #f79009; --panel: #f8fafc; }
* { box-sizing: border-box; }
body { margin: 0; background: #fff; color: var(--ink); font: 15px/1.6 system-ui, -apple-system, "Segoe UI", "PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", sans-serif; }
main { max-width: 1040px; margin: 0 auto; padding: 24px 28px 48px; }
h1 { font-size: 26px; margin: 8px 0 4px; }
h2 { font-size: 19px; margin: 32px 0 10px; padding-bottom: 4px; border-bottom: 2px solid var(--line); }
.subtitle { color: var(--muted); margin: 0 0 12px; }
dl.meta { display: grid; grid-template-columns: max-content 1fr; gap: 2px 16px; margin: 0; color: var(--muted); font-size: 14px; }
dl.meta dt { font-weight: 600; }
dl.meta dd { margin: 0; }
.notice { background: var(--warn-bg); border: 1px solid var(--warn-line); border-left-width: 6px; padding: 10px 14px; margin: 0 0 16px; border-radius: 4px; }
.verdict { display: flex; flex-wrap: wrap; gap: 16px 32px; align-items: center; background: var(--panel); border: 1px solid var(--line); border-radius: 6px; padding: 14px 18px; margin-top: 16px; }
.verdict .word { font-size: 24px; font-weight: 700; }
.good { color: var(--good); }
.bad { color: var(--bad); }
.muted { color: var(--muted); }
ul.reasons { margin: 8px 0 0; padding-left: 20px; }
.charts { display: flex; flex-wrap: wrap; gap: 16px; justify-content: space-between; }
.chart { border: 1px solid var(--line); border-radius: 6px; padding: 8px; background: #fff; margin: 0; }
.chart figcaption { font-size: 13px; color: var(--muted); text-align: center; }
table { border-collapse: collapse; width: 100%; font-size: 14px; }
th, td { border-bottom: 1px solid var(--line); padding: 6px 8px; text-align: left; vertical-align: top; }
th { background: var(--panel); font-weight: 600; }
td.number, th.number { text-align: right; white-space: nowrap; }
td.nowrap { white-space: nowrap; }
.bar { display: inline-block; width: 90px; height: 10px; background: #edf2f7; border-radius: 5px; overflow: hidden; vertical-align: middle; }
.bar .fill { display: block; height: 100%; }
.bar .fill.good { background: var(--good); }
.bar .fill.bad { background: var(--bad); }
ul.explanation { list-style: none; margin: 0; padding-left: 0; font-size: 13px; }
ul.explanation ul.explanation { padding-left: 18px; }
.mark { display: inline-block; width: 1.2em; font-weight: 700; }
footer { margin-top: 40px; font-size: 12px; color: var(--muted); border-top: 1px solid var(--line); padding-top: 8px; }
@media print { main { max-width: none; } .chart { break-inside: avoid; } }
`;
