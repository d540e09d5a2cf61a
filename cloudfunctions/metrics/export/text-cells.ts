/**
 * The one place an exported workbook's typed text is kept from being read as a formula. A name
 * or reason starting with = + - @ (or a tab / CR, which some importers strip before looking) could
 * run as a formula once someone edits the cell or saves the sheet as CSV (=HYPERLINK to a phishing
 * page, DDE). Such a cell stays a string, exactly as typed, and gets Excel's Text format '@', so
 * Excel and WPS show it as text and keep it text when it is edited. Numbers are not touched: a
 * negative score is a number cell, not text.
 */
import ExcelJS from 'exceljs';

const FORMULA_START = /^[=+\-@\t\r]/;

export const looksLikeFormula = (s: string) => FORMULA_START.test(s);

/** Marks every string cell of `wb` that starts like a formula as text; call it once, after the cells are filled. */
export function formulaLikeAsText(wb: ExcelJS.Workbook): void {
  wb.eachSheet((ws) =>
    ws.eachRow((row) =>
      row.eachCell((cell) => {
        if (cell.type === ExcelJS.ValueType.String && looksLikeFormula(cell.text)) cell.numFmt = '@';
      }),
    ),
  );
}
