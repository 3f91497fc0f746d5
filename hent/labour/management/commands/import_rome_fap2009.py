from hent.core.management.base import ImportCommand
from hent.labour.importers.rome_fap2009 import RomeFap2009Importer


class Command(ImportCommand):
    help = (
        "Import the FAP 2009 - PCS - ROME v3 correspondence table as France Travail's Mobiville ships it "
        "(*correspondance*pcs*rome*.csv, ';', no header, FAP filled down). PATH: the folder holding it, or a zip."
    )
    importer_class = RomeFap2009Importer
