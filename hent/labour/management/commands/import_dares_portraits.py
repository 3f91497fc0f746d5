from hent.core.management.base import ImportCommand
from hent.labour.importers.dares_portraits import DaresPortraitsImporter


class Command(ImportCommand):
    help = (
        "Import the DARES 'Portraits statistiques des métiers' input files (FAP 2009): FAP labels, FAP-ROME and "
        "FAP-PCS tables, indicators per FAP (women, age, contracts, part time, median salary, tension 2019). "
        "PATH: the folder of the CSV files (the repository's inputs/, subfolders included) or a zip of it."
    )
    importer_class = DaresPortraitsImporter
