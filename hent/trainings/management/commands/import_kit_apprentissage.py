from hent.core.management.base import ImportCommand
from hent.trainings.importers.kit_apprentissage import KitApprentissageImporter


class Command(ImportCommand):
    help = (
        "Import the Kit apprentissage CFD ↔ RNCP table (Kit_apprentissage_<yyyymmdd>.csv: the file itself, "
        "its folder or a zip)."
    )
    importer_class = KitApprentissageImporter
