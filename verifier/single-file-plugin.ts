import { createHash } from 'node:crypto';
import type { Plugin, Rolldown } from 'vite';

type OutputAsset = Rolldown.OutputAsset;
type OutputChunk = Rolldown.OutputChunk;

/**
 * Makes the built page one self-contained HTML file: the script and the style are inlined, and the
 * CSP meta tag allows exactly these two by their SHA-256 and nothing else (no network, no eval, no
 * other script or style; images only from blob: URLs the page makes of evidence it verified).
 */

const CSP_PLACEHOLDER = '%VERIFIER_CSP%';

const cspHash = (text: string): string => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

export function contentSecurityPolicy(script: string, style: string): string {
  return [
    "default-src 'none'",
    `script-src ${cspHash(script)}`,
    `style-src ${cspHash(style)}`,
    'img-src blob:',
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}

/**
 * Inline script text may not close its element ("</script" is written "<\/script", the same string
 * in JS) nor open an HTML comment ("<!--", after which "<script" would change how the HTML parser
 * finds the script's end).
 */
function scriptText(code: string): string {
  const text = code.replace(/<\/script/gi, '<\\/script');
  if (text.includes('<!--')) throw new Error('The verifier script contains "<!--", which cannot be inlined safely.');
  return text;
}

function styleText(css: string): string {
  if (/<\/style/i.test(css)) throw new Error('The verifier style contains "</style".');
  return css;
}

export function singleFile(): Plugin {
  return {
    name: 'jejak-verifier-single-file',
    enforce: 'post',
    generateBundle(_options, bundle) {
      const files = Object.values(bundle);
      const html = files.find((f): f is OutputAsset => f.type === 'asset' && f.fileName.endsWith('.html'));
      const chunks = files.filter((f): f is OutputChunk => f.type === 'chunk');
      const styles = files.filter((f): f is OutputAsset => f.type === 'asset' && f.fileName.endsWith('.css'));
      const others = files.filter(
        (f) => f !== html && !chunks.includes(f as OutputChunk) && !styles.includes(f as OutputAsset),
      );
      if (!html || chunks.length !== 1 || styles.length !== 1 || others.length > 0) {
        throw new Error(
          `The verifier must build to one HTML, one script and one style; got ${files.map((f) => f.fileName).join(', ')}.`,
        );
      }
      const script = scriptText((chunks[0] as OutputChunk).code);
      const style = styleText(String((styles[0] as OutputAsset).source));
      let page = String(html.source)
        .replace(/<script type="module"[^>]*src="[^"]*"><\/script>\s*/, '')
        .replace(/<link rel="stylesheet"[^>]*>\s*/, '')
        .replace('</head>', () => `<style>${style}</style>\n</head>`)
        .replace('</body>', () => `<script type="module">${script}</script>\n</body>`);
      if (!page.includes(CSP_PLACEHOLDER)) throw new Error('verifier/index.html has no CSP placeholder.');
      page = page.replace(CSP_PLACEHOLDER, contentSecurityPolicy(script, style));
      if (/\ssrc="(?!blob:)|<link /.test(page)) throw new Error('The verifier page still refers to another file.');
      html.source = page;
      for (const f of [...chunks, ...styles]) delete bundle[f.fileName];
    },
  };
}
