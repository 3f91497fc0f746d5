from hent.core.management.base import ImportCommand
from hent.labour.importers.shortage_list import ShortageListImporter


class Command(ImportCommand):
    help = (
        "Import the official list of occupations in shortage by region (metiers_en_tension_<month>_<year>.csv, "
        "FAP 2009). PATH: the folder holding it, or a zip of it."
    )
    importer_class = ShortageListImporter
