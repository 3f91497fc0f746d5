"""Reader of the DARES median salary by FAP 2009 at three levels ("salaire médian, 3 niveaux").

The publisher's format is one CSV as downloaded from the DARES site (``…salaire_médian_3niveaux.csv``), Windows-1252
(UTF-8 accepted), ``;`` separated, every field quoted, CRLF, blank lines at the end:

    "Code Fap";"Libellé de la famille professionnelle";"Année";"Salaire médian (en €)"
    "A0Z";"Agriculteurs, éleveurs, sylviculteurs, bûcherons";"2003-2005";"1083"

Codes are domaines (1 character), FAP-87 (3) and FAP-225 (5), plus ``Ensemble``; ``nd`` (unquoted) marks a value
(or a label) the DARES does not publish: None, never 0. The figure is the monthly net median salary of full-time
employees (apprentices and interns excluded), INSEE enquête Emploi, 3-year averages.

Rows go to ``DaresIndicator`` (dataset ``dares-salaires``, indicator ``median_salary``, unit €), apart from the
same series read from the PSM files by ``import_dares_portraits`` (dataset ``dares-portraits``): both publications
are kept as published. The INSEE 2014 commune file that may sit beside it is not read.
"""

import re

from django.db.models import Q

from hent.core.importing import LICENCE_NOT_VERIFIED, Importer, Table, dataset_meta
from hent.labour.importers.dares_portraits import ALL_SPELLINGS, fap_level, number, period_end, read_csv
from hent.labour.models import DaresIndicator

CODE, LABEL, PERIOD, VALUE = "Code Fap", "Libellé de la famille professionnelle", "Année", "Salaire médian (en €)"


class DaresSalariesImporter(Importer):
    dataset_slug = "dares-salaires"

    def parse(self, source):
        table = read_csv(source, "*salaire_m*dian*.csv", [CODE, LABEL, PERIOD, VALUE], delimiter=";")
        rows = {}
        for line, r in table:
            code = r[CODE].strip()
            code = ALL_SPELLINGS.get(code, code)
            if fap_level(code) is None:
                table.fail(line, f"invalid FAP 2009 code {r[CODE]!r}")
            period = r[PERIOD].strip()
            if not re.fullmatch(r"\d{4}(-\d{4})?", period):
                table.fail(line, f"{PERIOD}: {period!r} is not a year or a period")
            key = (self.dataset_slug, code, "median_salary", period, "France")
            if key in rows:
                table.fail(line, f"duplicate row for {code} {period}")
            value = number(table, line, r[VALUE], VALUE)
            if value is not None and value <= 0:
                table.fail(line, f"{VALUE}: {r[VALUE]!r} is not a salary")
            rows[key] = {"value": value, "unit": "€", "source_file": table.name.rsplit("/", 1)[-1]}
        meta = dataset_meta(
            source,
            name="Salaire médian par famille professionnelle (DARES, FAP 2009)",
            publisher="DARES (ministère du Travail), d'après l'enquête Emploi de l'INSEE",
            version=max((k[3] for k in rows), key=period_end, default=""),
            published_on=None,  # not stated by the file nor its PROVENANCE.md (only the copy's date)
            description="Salaire mensuel net médian des salariés à temps complet (hors apprentis et stagiaires), "
            "par domaine, FAP-87 et FAP-225, moyennes sur trois ans.",
            official_url="https://dares.travail-emploi.gouv.fr/donnees/portraits-statistiques-des-metiers",
            licence=(LICENCE_NOT_VERIFIED, ""),
        )
        return meta, [
            Table(
                DaresIndicator,
                ("dataset", "fap_code", "indicator", "period", "scope"),
                rows,
                scope=Q(dataset=self.dataset_slug),
                label="DARES indicators",
            )
        ]
