"""Reader of the DARES FAP 2021 nomenclature and of its table de passage ROME × qualification → FAP 2021.

Two publisher files, in a folder or a zip:

* ``Dares_Arborescence_FAP2021.xlsx``: a "Lisez-moi" sheet, one sheet per level (``niveau_FAP22``,
  ``niveau_FAP86``, ``niveau_FAP228``, ``niveau_FAP341``: code and label) and ``niveaux_emboités`` (every
  341 family with its 228, 86 and 22 ancestors). Sheets are recognised by their header (``Code_FAP<n>``,
  ``Intitulé_FAP<n>``), not by their names. Labels come from the level sheets; the nested sheet gives the
  tree (its labels have a few typos of its own: they are reported, not used).
* ``Dares_Table_passage_ROME_Qualif_to_FAP2021*.csv`` (DARES' "pour programme" CSV): ``;``-separated,
  Windows-1252, CRLF, header ``ROME;Intitule_ROME;Qualif;FAP341;Intitule_FAP341``, one row per ROME (v3)
  code × qualification digit 0-9. A UTF-8 re-encoding of it is read as well.

The CSV sheet-by-sheet conversions of the tree that may sit beside the workbook are not read.
"""

from __future__ import annotations

import itertools
import re

from hent.core.importing import CsvTable, Importer, ImportFailed, Table, decode_lines
from hent.labour.importers.bmo import (
    LICENCE_NOT_VERIFIED,
    Workbook,
    check_lengths,
    clean,
    fold,
    licence_and_origin,
    provenance,
)
from hent.labour.models import Fap2021, RomeFap2021

TREE_PATTERN = "Dares_Arborescence_FAP2021*.xlsx"
PASSAGE_PATTERN = "Dares_Table_passage_ROME_Qualif_to_FAP2021*.csv"
PASSAGE_COLUMNS = ["ROME", "Intitule_ROME", "Qualif", "FAP341", "Intitule_FAP341"]
# Code shapes per level, coarse to fine: "A", "A0X" / "QAX", "A0X40", "A0X41a" (or a 228 code left whole).
CODE_SHAPES = {
    22: re.compile(r"[A-Z]"),
    86: re.compile(r"[A-Z][0-9A-Z][A-Z]"),
    228: re.compile(r"[A-Z][0-9A-Z][A-Z]\d\d"),
    341: re.compile(r"[A-Z][0-9A-Z][A-Z]\d\d[a-z]?"),
}
CODE_HEADER = re.compile(r"code fap ?(\d+)")
ROME_CODE = re.compile(r"[A-N]\d{4}")


def same_text(a, b):
    return " ".join(a.split()) == " ".join(b.split())


class Fap2021Importer(Importer):
    dataset_slug = "fap2021"

    def parse(self, source):
        tree_name = source.find(TREE_PATTERN)
        workbook = Workbook(tree_name, source.read_bytes(tree_name))
        try:
            levels, nested = self._layout(workbook)
            labels = {level: self._level(*found, level) for level, found in levels.items()}
            parents = self._nested(nested, labels)
            modified = workbook.properties.modified
        finally:
            workbook.close()
        tree = self._tree(labels, parents)
        links = self._passage(source, tree)
        licence, licence_url, origin = licence_and_origin(provenance(source), (LICENCE_NOT_VERIFIED, ""))
        meta = {
            "name": "Familles professionnelles (FAP 2021) et table de passage ROME → FAP 2021",
            "publisher": "Dares",
            "version": "2021",
            "published_on": modified.date() if modified else None,
            "licence": licence,
            "licence_url": licence_url,
            "source_url": "https://dares.travail-emploi.gouv.fr/donnees/la-nomenclature-des-familles-professionnelles-2021",
            "description": (
                "Nomenclature des familles professionnelles 2021 de la Dares : "
                + ", ".join(f"{len(labels[level])} codes de niveau {level}" for level in sorted(labels))
                + f". Table de passage des codes ROME (version 3 du ROME, {len({k[0] for k in links})} codes) "
                "croisés avec le niveau de qualification vers les familles FAP 2021 à 341 postes. "
                f"Fichiers : {tree_name}, {self.passage_name}." + origin
            ),
            "is_demo": False,
        }
        return meta, [
            Table(Fap2021, ("code",), tree, label="FAP 2021 codes"),
            Table(RomeFap2021, ("rome_code", "qualification"), links, label="ROME → FAP 2021 links"),
        ]

    # -- the tree workbook -------------------------------------------------------------------------------

    def _layout(self, workbook):
        """Level sheets {level: (sheet, header line, {level: (code column, label column)})} and the nested sheet."""
        levels, nested = {}, []
        for sheet in workbook.sheets:
            found = self._header(sheet)
            if found is None:
                continue
            line, columns = found
            if len(columns) == 1:
                (level,) = columns
                if level in levels:
                    sheet.fail(line, f"a second sheet for level FAP{level} (first: {levels[level][0].title!r})")
                levels[level] = (sheet, line, columns)
            else:
                nested.append((sheet, line, columns))
        known = sorted(CODE_SHAPES)
        if sorted(levels) != known or len(nested) != 1 or sorted(nested[0][2]) != known:
            sheets = ", ".join(repr(s.title) for s in workbook.sheets)
            raise ImportFailed(
                "unknown layout: expected one sheet per level (Code_FAP<n>, Intitulé_FAP<n> for n in "
                f"{', '.join(map(str, known))}) and one sheet with every level (niveaux emboîtés); "
                f"found levels {sorted(levels)} and {len(nested)} nested sheet(s) in sheets {sheets}",
                file=workbook.name,
            )
        return levels, nested[0]

    def _header(self, sheet):
        """(line, {level: (code column, label column)}) when one of the first rows is a FAP header: every
        Code_FAP<n> column with its Intitulé_FAP<n> column (the Lisez-moi sheet, which lists the column
        names lower down, is not a header)."""
        for line, values in sheet.rows():
            folded = [fold(v) for v in values]
            columns = {}
            for i, cell in enumerate(folded):
                match = CODE_HEADER.fullmatch(cell)
                if not match:
                    continue
                level = int(match.group(1))
                label = [j for j, other in enumerate(folded) if re.fullmatch(rf"intitule fap ?{level}", other)]
                if not label or level in columns:
                    columns = {}
                    break
                columns[level] = (i, label[0])
            if columns:
                return line, columns
            if line >= 5:
                return None
        return None

    def _cells(self, sheet, line_of_header):
        for line, values in sheet.rows():
            if line > line_of_header and any(clean(v) for v in values):
                yield line, values

    def _code(self, sheet, line, value, level):
        code = clean(value)
        if not CODE_SHAPES[level].fullmatch(code):
            sheet.fail(line, f"bad value {code!r} in column Code_FAP{level} (not a FAP{level} code)")
        return code

    def _level(self, sheet, header_line, columns, level):
        code_at, label_at = columns[level]
        labels = {}
        for line, values in self._cells(sheet, header_line):
            values = tuple(values) + (None,) * 2
            code = self._code(sheet, line, values[code_at], level)
            label = clean(values[label_at])
            if not label:
                sheet.fail(line, f"empty Intitulé_FAP{level} for {code}")
            if code in labels:
                sheet.fail(line, f"duplicate code {code} (first at line {labels[code][1]})")
            check_lengths(Fap2021, {"code": code, "label": label}, sheet, line)
            labels[code] = (label, line, sheet)
        if not labels:
            sheet.fail(header_line + 1, "the sheet has no data row; is the file truncated?")
        return labels

    def _nested(self, nested, labels):
        """{level: {code: coarser code}} from the nested sheet, checked against the level sheets."""
        sheet, header_line, columns = nested
        order = sorted(columns)  # coarse to fine: 22, 86, 228, 341
        parents = {level: {} for level in order}
        seen_labels, rows = set(), {}
        for line, values in self._cells(sheet, header_line):
            values = tuple(values) + (None,) * (2 * len(order))
            codes = {}
            for level in order:
                code_at, label_at = columns[level]
                code = self._code(sheet, line, values[code_at], level)
                if code not in labels[level]:
                    sheet.fail(line, f"unknown FAP{level} code {code} (not in sheet {labels_sheet(labels, level)!r})")
                label = clean(values[label_at])
                if not same_text(label, labels[level][code][0]) and (level, code) not in seen_labels:
                    seen_labels.add((level, code))
                    self.warnings.append(
                        f"{sheet.where} line {line}: label of {code} differs from sheet "
                        f"{labels_sheet(labels, level)!r} ({label!r} / {labels[level][code][0]!r}); the latter is kept"
                    )
                codes[level] = code
            finest = codes[order[-1]]
            if finest in rows:
                sheet.fail(line, f"duplicate row for {finest} (first at line {rows[finest]})")
            rows[finest] = line
            for coarse, fine in itertools.pairwise(order):
                if not codes[fine].startswith(codes[coarse]):
                    sheet.fail(line, f"FAP{fine} code {codes[fine]} cannot belong to FAP{coarse} code {codes[coarse]}")
                known = parents[fine].setdefault(codes[fine], (codes[coarse], line))
                if known[0] != codes[coarse]:
                    sheet.fail(
                        line, f"{codes[fine]} is under {codes[coarse]} here but under {known[0]} at line {known[1]}"
                    )
        for level in order[1:]:
            for code, (_, line, level_sheet) in labels[level].items():
                if code not in parents[level]:
                    level_sheet.fail(line, f"FAP{level} code {code} is missing from sheet {sheet.title!r}")
        return {level: {code: p[0] for code, p in parents[level].items()} for level in order}

    def _tree(self, labels, parents):
        """Rows of Fap2021: each code once, at the coarsest level it appears at; parents before children."""
        order = sorted(labels)
        finest = order[-1]
        rows = {}
        for level in order:
            for code, (label, _, _) in labels[level].items():
                if (code,) in rows:  # a 228 family not subdivided is its own 341 family
                    if not same_text(rows[(code,)]["label"], label):
                        self.warnings.append(
                            f"{code} is labelled {rows[(code,)]['label']!r} at level {rows[(code,)]['level']} "
                            f"but {label!r} at level {level}; the former is kept"
                        )
                    rows[(code,)]["is_fap341"] = level == finest
                    continue
                rows[(code,)] = {
                    "level": level,
                    "label": label,
                    "parent_id": parents[level].get(code),
                    "is_fap341": level == finest,
                }
        return rows

    # -- the passage table -------------------------------------------------------------------------------

    def _passage(self, source, tree):
        name = source.find(PASSAGE_PATTERN)
        self.passage_name = name
        text, fallback = decode_lines(source.read_bytes(name))
        if fallback:
            lines = set(fallback)
            if any(not line.isascii() for n, line in enumerate(text.split("\n"), 1) if n not in lines):
                self.warnings.append(
                    f"{name}: mixed encodings, {len(fallback)} line(s) read as Windows-1252 (first: line {fallback[0]})"
                )
        table = CsvTable(name, text, PASSAGE_COLUMNS, delimiter=";")
        rows, first = {}, {}
        reported = set()
        for line, r in table:
            rome = r["ROME"].strip().upper()
            if not ROME_CODE.fullmatch(rome):
                table.fail(line, f"bad value {r['ROME']!r} in column ROME (not a ROME code)")
            qualification = r["Qualif"].strip()
            if not re.fullmatch(r"\d", qualification):
                table.fail(line, f"bad value {r['Qualif']!r} in column Qualif (expected one digit 0-9)")
            fap = r["FAP341"].strip()
            node = tree.get((fap,))
            if node is None or not node["is_fap341"]:
                table.fail(line, f"unknown FAP341 code {fap!r} (not in the FAP 2021 tree)")
            fap_label = clean(r["Intitule_FAP341"])
            if not same_text(fap_label, node["label"]) and fap not in reported:
                reported.add(fap)
                self.warnings.append(
                    f"{name} line {line}: label of {fap} differs from the tree ({fap_label!r} / {node['label']!r})"
                )
            key = (rome, qualification)
            if key in rows:
                table.fail(line, f"duplicate row for ROME {rome}, qualification {qualification} (first at line "
                                 f"{first[key]})")  # fmt: skip
            first[key] = line
            rows[key] = {"rome_label": clean(r["Intitule_ROME"]), "fap_id": fap, "fap_label": fap_label}
            check_lengths(RomeFap2021, rows[key], table, line)
        if not rows:
            raise ImportFailed("the table has no data row; is the file truncated?", file=name, line=2)
        return rows


def labels_sheet(labels, level):
    return next(iter(labels[level].values()))[2].title
