from hent.core.management.base import ImportCommand
from hent.occupations.importers.rome import RomeImporter


class Command(ImportCommand):
    help = "Import France Travail's ROME 4.0 (folder of unix_*.csv files and version.txt, or the official zip)."
    importer_class = RomeImporter
