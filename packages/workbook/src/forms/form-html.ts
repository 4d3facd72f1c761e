import type { FormDocument } from './form-document.js';

const escapes: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Text as HTML: escaped, line breaks kept. */
function html(text: string): string {
  return text.replace(/[&<>"']/g, (character) => escapes[character] ?? character).replace(/\n/g, '<br>');
}

/**
 * A form as one self-contained HTML page: inline styles only, no script, no external request (the page's
 * Content-Security-Policy forbids them), printable.
 */
export function formHtml(form: FormDocument): string {
  const notices = form.notices
    .map((notice) => `<aside class="notice" role="note"><strong>⚠</strong> ${html(notice)}</aside>`)
    .join('\n');
  const blocks = form.blocks
    .map((block) => {
      const body =
        block.kind === 'fields'
          ? `<table class="fields">${block.rows.map(([label, value]) => `<tr><th scope="row">${html(label)}</th><td>${html(value)}</td></tr>`).join('')}</table>`
          : `<table><thead><tr>${block.headers.map((header) => `<th scope="col">${html(header)}</th>`).join('')}</tr></thead><tbody>${block.rows
              .map((row) => `<tr>${row.map((value) => `<td>${html(value)}</td>`).join('')}</tr>`)
              .join('')}</tbody></table>`;
      return `<section><h2>${html(block.title)}</h2>\n${body}</section>`;
    })
    .join('\n');
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${html(form.title)}</title>
<style>
body { font-family: system-ui, "PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", sans-serif; margin: 2rem auto; max-width: 70rem; padding: 0 1rem; color: #222; }
h1 { font-size: 1.4rem; } h2 { font-size: 1.1rem; margin-top: 1.6rem; }
.notice { background: #fff2cc; color: #a00; font-weight: bold; padding: .6rem .8rem; margin: .6rem 0; border-left: 4px solid #c00; }
table { border-collapse: collapse; width: 100%; }
th, td { border: 1px solid #b0b0b0; padding: .3rem .5rem; text-align: left; vertical-align: top; }
th { background: #ededed; } .fields th { width: 14rem; }
@media print { body { margin: 0; max-width: none; } }
</style>
</head>
<body>
<h1>${html(form.title)}</h1>
${notices}
${blocks}
</body>
</html>
`;
}
