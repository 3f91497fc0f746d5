from hent.core.management.base import ImportCommand
from hent.labour.importers.bmo import BmoImporter


class Command(ImportCommand):
    help = (
        "Import one year of France Travail's BMO survey from the official workbook Base_open_data_BMO_<year>.xlsx "
        "(PATH: a folder holding it, the xlsx itself, or a zip). The year is read from the file; other years are "
        "left as they are."
    )
    importer_class = BmoImporter
