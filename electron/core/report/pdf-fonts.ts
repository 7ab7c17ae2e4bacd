import { existsSync } from 'node:fs';
import path from 'node:path';

// The fonts the report and transparency PDFs embed, found without loading pdfkit (the export's
// thread checks them before it starts the drawing worker).
export const PDF_FONT_FILES = {
  sans: 'DejaVuSans.ttf',
  bold: 'DejaVuSans-Bold.ttf',
  mono: 'DejaVuSansMono.ttf',
} as const;

/** The font files in fontsDir by name; throws at once when one is missing (a configuration error). */
export function resolveFonts(fontsDir: string): Record<keyof typeof PDF_FONT_FILES, string> {
  const out = {} as Record<keyof typeof PDF_FONT_FILES, string>;
  for (const [key, file] of Object.entries(PDF_FONT_FILES) as [keyof typeof PDF_FONT_FILES, string][]) {
    const p = path.resolve(fontsDir, file);
    if (!existsSync(p)) throw new Error(`report PDF: font not found: ${p}`);
    out[key] = p;
  }
  return out;
}
