"""Reader of the FAP 2009 ↔ PCS 2003 ↔ ROME v3 table of the DARES and Pôle emploi, as France Travail's
Mobiville service ships it (``table-correspondance-pcs-rome.csv``).

The format is a spreadsheet saved as CSV: UTF-8, CRLF, ``;`` separated, no header, three columns FAP;PCS;ROME.
A FAP-225 code starts a block on its first line; the next lines of the block leave the FAP empty
(``;691f;A1204``, ``;;A1205``); blank lines (``;;``) end a block. The PCS and the ROME on one line are NOT a pair:
both are lists attached to the FAP. Some blocks are preceded by a domaine or FAP-87 title line
(``C1Z;Ouvriers qualifiés de l'électricité et de l'électronique;``) and followed by footnotes (text starting with
spaces, sometimes quoted with doubled quotes): titles and footnotes are recognised and not stored (the labels are
those of ``import_dares_portraits``). Any other line stops the import.

Rows go to ``RomeFap2009`` and ``FapPcs`` with source ``mobiville``, beside the DARES PSM rows (``dares-psm``).
The derived ``*_long.csv`` files that may sit beside the raw file are not read.
"""

import csv
import io

from django.db.models import Q

from hent.core.importing import LICENCE_NOT_VERIFIED, Importer, ImportFailed, Table, dataset_meta
from hent.labour.importers.dares_portraits import DOMAINE, FAP87, FAP225, PCS, ROME_V3, iso_date, provenance
from hent.labour.models import FapPcs, RomeFap2009
from hent.labour.models.dares import CrosswalkSource


class HeaderlessCsv:
    """Rows of a CSV file without a header as ``(line, [values])``, each row having ``width`` fields."""

    def __init__(self, source, pattern, width, delimiter=";"):
        self.name = source.find(pattern)
        text = source.read_text(self.name, windows_1252="file")
        first = next((line for line in text.splitlines() if line.strip()), "")
        if delimiter not in first:
            self.fail(1, f"columns are not separated by {delimiter!r}")
        self.rows = []
        reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
        line = 0
        try:
            for values in reader:
                start, line = line + 1, reader.line_num
                if not values or values == [""]:
                    continue
                if len(values) != width:
                    self.fail(start, f"{len(values)} field(s) where {width} are expected (truncated or malformed row)")
                self.rows.append((start, values))
        except csv.Error as exc:
            self.fail(line + 1, f"malformed CSV ({exc}); is the file truncated?")

    def __iter__(self):
        return iter(self.rows)

    def fail(self, line, message):
        raise ImportFailed(message, file=self.name, line=line)


class RomeFap2009Importer(Importer):
    dataset_slug = "rome-fap2009-mobiville"

    def parse(self, source):
        table = HeaderlessCsv(source, "*correspondance*pcs*rome*.csv", width=3)
        rome, pcs = {}, {}
        fap = None
        for line, (raw, second, third) in table:
            first, second, third = raw.strip(), second.strip(), third.strip()
            if not (first or second or third):
                fap = None  # a blank line ends a block
            elif FAP225.fullmatch(first):
                fap = first
                self._add(table, line, fap, second, third, rome, pcs)
            elif not first and (second or third):
                if fap is None:
                    table.fail(line, "a continuation line with no FAP code above it")
                self._add(table, line, fap, second, third, rome, pcs)
            elif (DOMAINE.fullmatch(first) or FAP87.fullmatch(first)) and second and not third:
                fap = None  # a title line: "C1Z;Ouvriers qualifiés …;"
            elif raw[:1].isspace() and not (second or third):
                pass  # a footnote: '  ** (ROME H1207) Les ...'
            else:
                table.fail(line, f"unrecognised line (FAP {first!r}, PCS {second!r}, ROME {third!r})")
        text = provenance(source)
        meta = dataset_meta(
            source,
            name="Table de correspondance FAP 2009 – PCS – ROME (copie Mobiville)",
            publisher="France Travail (service Mobiville), d'après la DARES et Pôle emploi",
            version="FAP 2009, ROME v3",
            published_on=iso_date(text, r"last changed in commit `[0-9a-f]+` \((\d{4}-\d{2}-\d{2})\)"),
            description="Familles professionnelles FAP 2009 (niveau 225) et les codes PCS 2003 et ROME v3 "
            "qu'elles regroupent ; copie de travail utilisée par le service Mobiville (dépôt "
            "France-Travail/mobiville).",
            official_url="https://github.com/France-Travail/mobiville",
            licence=(LICENCE_NOT_VERIFIED, ""),
        )
        return meta, [
            Table(
                RomeFap2009, ("source", "rome_code", "fap_code"), rome,
                scope=Q(source=CrosswalkSource.MOBIVILLE), label="ROME-FAP links (Mobiville)",
            ),
            Table(
                FapPcs, ("source", "fap_code", "pcs_code"), pcs,
                scope=Q(source=CrosswalkSource.MOBIVILLE), label="FAP-PCS links (Mobiville)",
            ),
        ]  # fmt: skip

    def _add(self, table, line, fap, pcs_code, rome_code, rome, pcs):
        if pcs_code:
            if not PCS.fullmatch(pcs_code):
                table.fail(line, f"invalid PCS code {pcs_code!r}")
            key = (CrosswalkSource.MOBIVILLE, fap, pcs_code)
            if key in pcs:
                table.fail(line, f"PCS {pcs_code} listed twice for {fap}")
            pcs[key] = {"pcs_label": ""}
        if rome_code:
            if not ROME_V3.fullmatch(rome_code):
                table.fail(line, f"invalid ROME code {rome_code!r}")
            key = (CrosswalkSource.MOBIVILLE, rome_code, fap)
            if key in rome:
                table.fail(line, f"ROME {rome_code} listed twice for {fap}")
            rome[key] = {"rome_label": ""}
