from hent.core.management.base import ImportCommand
from hent.labour.importers.dares_salaries import DaresSalariesImporter


class Command(ImportCommand):
    help = (
        "Import the DARES median salary by FAP 2009 at three levels (CSV from the DARES site, ';', Windows-1252). "
        "PATH: the folder holding the *salaire_médian*.csv file, or a zip of it."
    )
    importer_class = DaresSalariesImporter
