from hent.core.management.base import ImportCommand
from hent.labour.importers.metiers_2030 import Metiers2030Importer


class Command(ImportCommand):
    help = (
        "Import DARES / France Stratégie 'Les métiers en 2030' by FAP-87 and region (the JSON copy of the DARES "
        "sheet, *metiers*2030*.json). PATH: the folder holding it, or a zip of it."
    )
    importer_class = Metiers2030Importer
