import { type Layout } from './pdf-layout';
import { COLORS, type Line, PAGE, type TextStyle } from './pdf-page';
import { type PdfStrings } from './pdf-strings';
import { groupFingerprint, packageName } from './pdf-format';
import { cleanText } from './pdf-text';
import { ST, keyValue, sectionHeading } from './pdf-styles';
import type { ReportData } from '../../common/report-json';

export function drawClosing(L: Layout, data: ReportData, s: PdfStrings): void {
  const a = data.analyst;
  sectionHeading(L, s.sectionClosing, 160);
  L.paragraph(s.preparedBy, ST.label, { clean: false });
  L.space(4);
  const labelW = 112;
  const kv = (label: string, value: string, style: TextStyle = ST.value, strict = false) =>
    keyValue(L, label, value, {
      x: L.left,
      labelW,
      width: L.width,
      labelStyle: ST.label,
      valueStyle: style,
      strict,
      padY: 2,
    });
  kv(s.signer.name, a.name.trim() || s.none);
  kv(s.signer.unit, a.unit.trim() || s.none);
  kv(s.signer.id, a.id.trim() || s.none, ST.value, true);
  kv(s.signer.role, a.role === 'supervisor' ? s.roles.supervisor : s.roles.analyst);
  kv(
    s.signer.fingerprint,
    groupFingerprint(cleanText(a.fingerprint, { strict: true }).toLowerCase()).join('\n'),
    ST.valueMono,
  );
  L.space(12);

  const name = packageName(data.case.reference);
  const statement = L.wrap(s.signedStatement({ packageName: name }), L.width, ST.body);
  const commands = [
    `unzip -q ${name}.zip && cd ${name}`,
    'sha256sum -c tagmanifest-sha256.txt && sha256sum -c manifest-sha256.txt',
    'sha256sum tagmanifest-sha256.txt',
    'openssl pkeyutl -verify -pubin -inkey signatures/S.pem -rawin -in signatures/S.json -sigfile signatures/S.sig',
    'openssl pkey -pubin -in signatures/S.pem -outform DER | tail -c 32 | sha256sum',
  ];
  const padX = 8;
  const prompt = '$ ';
  const indent = L.widthOf(prompt, ST.cmd);
  const cmdLines: Line[] = [];
  for (const cmd of commands) {
    const wrapped = L.wrap(cmd, L.width - 2 * padX - indent, ST.cmd, false);
    wrapped.forEach((l, i) =>
      cmdLines.push({ ...l, text: i === 0 ? `${prompt}${l.text}` : `${' '.repeat(prompt.length + 2)}${l.text}` }),
    );
  }
  const fpPrefix = cleanText(a.fingerprint, { strict: true }).toLowerCase().slice(0, 16);
  const notes = L.wrap(s.verifyNotes({ fingerprintPrefix: fpPrefix }), L.width, ST.note);
  const panelH = L.height(cmdLines) + 10;
  const total = L.height(statement) + 6 + panelH + 8 + L.height(notes);
  // statement, commands and notes on one page when they fit on one
  if (total <= L.pageCapacity) L.ensure(total);
  L.lines(statement);
  L.space(6);
  if (panelH <= L.pageCapacity) L.ensure(panelH);
  if (panelH <= L.remaining) L.doc.save().rect(L.left, L.y, L.width, panelH).fill(COLORS.panel).restore();
  L.space(5);
  L.lines(cmdLines, L.left + padX, L.width - 2 * padX);
  L.space(5);
  L.space(8);
  L.lines(notes);
}

/** Running header (pages 2+) and footer (every page), drawn once the page total is known. */
export function drawPageFurniture(L: Layout, data: ReportData, s: PdfStrings): void {
  const doc = L.doc;
  const unit = cleanText(data.unit);
  const ref = cleanText(data.case.reference, { strict: true });
  L.later.drawEach((n, total) => {
    if (n > 1) {
      const y = 30;
      const half = L.width / 2 - 10;
      L.drawLine({ text: L.truncate(unit, half, ST.running), dir: 'ltr', style: ST.running }, L.left, y, half);
      L.drawLine(
        { text: L.truncate(s.title, half, ST.running), dir: 'ltr', style: ST.running },
        L.right - half,
        y,
        half,
        'right',
      );
      doc
        .save()
        .moveTo(L.left, y + 12)
        .lineTo(L.right, y + 12)
        .lineWidth(0.5)
        .strokeColor(COLORS.rule)
        .stroke()
        .restore();
    }
    const fy = PAGE.bottom + 22;
    doc
      .save()
      .moveTo(L.left, fy - 6)
      .lineTo(L.right, fy - 6)
      .lineWidth(0.5)
      .strokeColor(COLORS.rule)
      .stroke()
      .restore();
    const pageText = s.pageOf(n, total);
    const pageW = L.widthOf(pageText, ST.footerBold);
    const refText = L.truncate(`${s.refShort} ${ref}`, L.width - pageW - 24, ST.footer);
    L.drawLine({ text: refText, dir: 'ltr', style: ST.footer }, L.left, fy, L.width - pageW - 24);
    L.drawLine({ text: pageText, dir: 'ltr', style: ST.footerBold }, L.right - pageW, fy, pageW, 'right');
  });
}
