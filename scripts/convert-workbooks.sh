#!/usr/bin/env bash
# Proof with real programs: exports the self-check and result workbooks and the forms (application form,
# summary table) of a Guangxi sample, converts them to PDF with LibreOffice (headless), checks that the conversion succeeded, and renders the first
# page of the 事实 sheet to docs/images/self-check-workbook.png.
#
# Needs LibreOffice Calc and poppler (pdftoppm, pdftotext, pdfinfo), and a CJK font:
#   apt-get install -y libreoffice-calc poppler-utils fonts-wqy-microhei
# Usage: scripts/convert-workbooks.sh [output directory] [sample]   (default: a temporary directory,
# sample belowThreshold). Set PNG= to another path, or PNG=none to skip the image.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
out="${1:-$(mktemp -d)}"
sample="${2:-belowThreshold}"
png="${PNG:-$root/docs/images/self-check-workbook.png}"

for tool in soffice pdftoppm pdftotext pdfinfo; do
  command -v "$tool" >/dev/null || { echo "missing $tool: apt-get install -y libreoffice-calc poppler-utils" >&2; exit 1; }
done
mkdir -p "$out"
out="$(cd "$out" && pwd)"

(cd "$root" && npx tsx --conditions=@sunshine-rubric/source packages/workbook/test/export-sample-workbooks.ts "$out" "$sample")

# A profile of its own, so that a running LibreOffice (or a first-run dialog) does not get in the way.
started=$(date +%s%N)
soffice --headless --norestore -env:UserInstallation="file://$out/libreoffice-profile" \
  --convert-to pdf --outdir "$out" "$out/self-check.xlsx" "$out/result.xlsx" \
  "$out/application-form.xlsx" "$out/summary-table.xlsx" >"$out/soffice.log" 2>&1 || {
  cat "$out/soffice.log" >&2
  exit 1
}
elapsed_ms=$(( ($(date +%s%N) - started) / 1000000 ))

for name in self-check result application-form summary-table; do
  pdf="$out/$name.pdf"
  [[ -s "$pdf" ]] || { echo "LibreOffice did not write $pdf" >&2; cat "$out/soffice.log" >&2; exit 1; }
  pages=$(pdfinfo "$pdf" | awk '/^Pages:/ { print $2 }')
  [[ "${pages:-0}" -ge 1 ]] || { echo "$pdf has no pages" >&2; exit 1; }
  echo "$name.pdf: $pages pages"
done

# The text LibreOffice printed must be the workbook's own: the sheet titles and the provisional notice.
text="$(pdftotext -layout "$out/self-check.pdf" -)"
for expected in '事实（自查问题）' '不是官方文本' 'cctvCoverage'; do
  grep -q "$expected" <<<"$text" || { echo "self-check.pdf lacks \"$expected\"" >&2; exit 1; }
done
grep -q '不符合申报条件' <(pdftotext -layout "$out/result.pdf" -) || { echo 'result.pdf lacks the verdict' >&2; exit 1; }
# The forms carry their drafted-layout notice beside the rule set's notice; the application form its evidence list.
for name in application-form summary-table; do
  form_text="$(pdftotext -layout "$out/$name.pdf" -)"
  for expected in '官方表式未能取得' '不是官方文本'; do
    grep -q "$expected" <<<"$form_text" || { echo "$name.pdf lacks \"$expected\"" >&2; exit 1; }
  done
done
grep -q '佐证材料清单' <(pdftotext -layout "$out/application-form.pdf" -) || { echo 'application-form.pdf lacks the evidence list' >&2; exit 1; }

if [[ "$png" != none ]]; then
  pages=$(pdfinfo "$out/self-check.pdf" | awk '/^Pages:/ { print $2 }')
  page=""
  for ((number = 1; number <= pages; number++)); do
    # Not `pdftotext | grep -q`: grep's early exit fails the pipe under pipefail.
    page_text="$(pdftotext -f "$number" -l "$number" "$out/self-check.pdf" -)"
    if grep -q '事实（自查问题）' <<<"$page_text"; then page=$number; break; fi
  done
  [[ -n "$page" ]] || { echo 'no page of self-check.pdf shows the 事实 sheet' >&2; exit 1; }
  mkdir -p "$(dirname "$png")"
  pdftoppm -f "$page" -l "$page" -png -r 96 -singlefile "$out/self-check.pdf" "${png%.png}"
  echo "rendered page $page of self-check.pdf to $png"
fi

echo "LibreOffice converted the four workbooks in ${elapsed_ms} ms; files in $out"
