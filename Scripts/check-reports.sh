#!/usr/bin/env bash
# Opens the golden reports the way people do: the DOCX is converted to PDF by LibreOffice
# and its text checked (Decree 30/2020 parts), the HTML is rendered by headless Chromium
# into a screenshot. Installs libreoffice-writer, poppler-utils and chromium when missing.
set -euo pipefail
cd "$(dirname "$0")/.."
expected=Tests/LedgerReportsTests/Fixtures/golden/expected

missing=()
# Times-metric fonts, as Word has: LibreOffice lays the motto out as Word would, so the
# one-line check below means the same on every machine.
dpkg -s fonts-liberation >/dev/null 2>&1 || missing+=(fonts-liberation)
command -v libreoffice >/dev/null 2>&1 || missing+=(libreoffice-writer)
dpkg -s libreoffice-calc >/dev/null 2>&1 || missing+=(libreoffice-calc)
command -v pdftotext >/dev/null 2>&1 || missing+=(poppler-utils)
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
[ ${#missing[@]} -eq 0 ] || Scripts/setup.sh "${missing[@]}"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# Every kind of document, as the binary writes it now and as the goldens hold it, opened by
# python-docx and docx2python (PyPI; Debian's python3-docx when pip cannot reach it).
python3 -c 'import docx' 2>/dev/null || python3 -m pip install -q python-docx 2>/dev/null || Scripts/setup.sh python3-docx
python3 -c 'import docx2python' 2>/dev/null || python3 -m pip install -q docx2python
docs_bin="${REFORMLEDGER_BIN:-.build/release/reformledger}"
env -u REFORMLEDGER_BIN "$docs_bin" init --with-plan soc-trang-2024 --state-dir "$work/docs-state" >/dev/null
cp Examples/inbox/UBND-MX/* "$work/docs-state/inbox/UBND-MX/" 2>/dev/null || true
env -u REFORMLEDGER_BIN "$docs_bin" serve --once --state-dir "$work/docs-state" >/dev/null 2>&1
env -u REFORMLEDGER_BIN "$docs_bin" report --state-dir "$work/docs-state" --period 2024 --format docx,html,md --out "$work/written" >/dev/null
env -u REFORMLEDGER_BIN "$docs_bin" report --state-dir "$work/docs-state" --period 2024 --agency UBND-MX --format docx,html,md --out "$work/written" >/dev/null
python3 Tests/Documents/check_documents.py "$work"/written/* "$expected"/*.docx "$expected"/*.html "$expected"/*.md \
  "$expected"/agencies/*.docx "$expected"/agencies/*.html "$expected"/agencies/*.md
cp "$expected/consolidated-2024-Q1-e1.docx" "$work/report.docx"
HOME="$work" timeout 180 libreoffice --headless --convert-to pdf --outdir "$work" "$work/report.docx" >/dev/null 2>&1
pdftotext "$work/report.pdf" "$work/report.txt"
for text in "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" "Độc lập - Tự do - Hạnh phúc" "SỞ NỘI VỤ" "Số: …/BC-SNV" \
            "ngày 14 tháng 3 năm 2024" "BÁO CÁO" "Kết quả công tác tuyên truyền cải cách hành chính quý I năm 2024" \
            "I. TỔNG HỢP" "Nơi nhận:" "KH2024-01" "Trễ hạn" "Kết quả đạt được" "Đề xuất, kiến nghị"; do
  grep -qF "$text" "$work/report.txt" || { echo "DOCX check: “$text” not found in LibreOffice's rendering"; exit 1; }
done
# The motto on one line (a wrapped one would be cut in two lines of text), and the page
# number at the top of the second page, none on the first.
grep -qx " *CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM *" <(pdftotext -layout -f 1 -l 1 "$work/report.pdf" - | sed 's/^.*SỞ NỘI VỤ *//; s/^.*UBND TỈNH SÓC TRĂNG *//') \
  || { echo "DOCX check: the national motto does not stand on one line"; exit 1; }
[ "$(pdftotext -f 2 -l 2 "$work/report.pdf" - | sed -n '/./{p;q}')" = "2" ] || { echo "DOCX check: page 2 does not begin with its number"; exit 1; }
! pdftotext -f 1 -l 1 "$work/report.pdf" - | sed -n '/./{p;q}' | grep -qx "1" || { echo "DOCX check: the first page carries a number"; exit 1; }
echo "DOCX check: LibreOffice opened the report ($(pdfinfo "$work/report.pdf" | sed -n 's/^Pages: *//p') pages) and it holds every part, the motto on one line, page numbers from page 2"

# The agency report: the document a district's head signs, addressed to UBND through SNV.
cp "$expected/agencies/UBND-MX-e1.docx" "$work/agency.docx"
HOME="$work" timeout 180 libreoffice --headless --convert-to pdf --outdir "$work" "$work/agency.docx" >/dev/null 2>&1
pdftotext "$work/agency.pdf" "$work/agency.txt"
for text in "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" "UBND HUYỆN MỸ XUYÊN" "Số: …/BC-UBND-MX" "Kính gửi: Ủy ban nhân dân tỉnh Sóc Trăng (qua Sở Nội" \
            "I. KẾT QUẢ THỰC HIỆN" "Kết quả đạt được" "Tồn tại, hạn chế" "Đề xuất, kiến nghị" "THỦ TRƯỞNG CƠ QUAN, ĐƠN VỊ"; do
  grep -qF "$text" "$work/agency.txt" || { echo "agency DOCX check: “$text” not found in LibreOffice's rendering"; exit 1; }
done
echo "agency DOCX check: LibreOffice opened UBND-MX's report ($(pdfinfo "$work/agency.pdf" | sed -n 's/^Pages: *//p') pages) and it holds every part"

chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --window-size=1200,1600 \
  --screenshot="$work/agency.png" "file://$PWD/$expected/agencies/UBND-MX-e1.html" >/dev/null 2>&1
size=$(stat -c %s "$work/agency.png")
[ "$size" -gt 20000 ] || { echo "agency HTML check: the screenshot is only $size bytes"; exit 1; }
echo "agency HTML check: Chromium rendered UBND-MX's report ($size-byte screenshot)"

chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --window-size=1200,1600 \
  --screenshot="$work/report.png" "file://$PWD/$expected/consolidated-2024-Q1-e1.html" >/dev/null 2>&1
size=$(stat -c %s "$work/report.png")
[ "$size" -gt 20000 ] || { echo "HTML check: the screenshot is only $size bytes"; exit 1; }
echo "HTML check: Chromium rendered the report ($size-byte screenshot)"

# The clerk's template, as the binary writes it, opened by LibreOffice Calc and printed.
bin="${REFORMLEDGER_BIN:-.build/release/reformledger}"
env -u REFORMLEDGER_BIN "$bin" init --with-plan soc-trang-2024 --state-dir "$work/state" >/dev/null
env -u REFORMLEDGER_BIN "$bin" template --state-dir "$work/state" --agency UBND-TD --out "$work/template.xlsx" >/dev/null
HOME="$work" timeout 180 libreoffice --headless --convert-to pdf --outdir "$work" "$work/template.xlsx" >/dev/null 2>&1
pdftotext "$work/template.pdf" "$work/template.txt"
for text in "MẪU BÁO CÁO KẾT QUẢ TUYÊN TRUYỀN CẢI CÁCH HÀNH CHÍNH" "UBND huyện Trần Đề" "Mã sự kiện" "Ngày thực hiện" "Hình thức"; do
  grep -qF "$text" "$work/template.txt" || { echo "XLSX check: “$text” not found in LibreOffice's rendering of the template"; exit 1; }
done
echo "XLSX check: LibreOffice opened the template ($(pdfinfo "$work/template.pdf" | sed -n 's/^Pages: *//p') pages) and it holds its parts"
