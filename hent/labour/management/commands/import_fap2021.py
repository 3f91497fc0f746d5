from hent.core.management.base import ImportCommand
from hent.labour.importers.fap2021 import Fap2021Importer


class Command(ImportCommand):
    help = (
        "Import the DARES FAP 2021 nomenclature (Dares_Arborescence_FAP2021.xlsx) and its table de passage "
        "ROME × qualification → FAP 2021 (Dares_Table_passage_ROME_Qualif_to_FAP2021*.csv), from a folder or a zip."
    )
    importer_class = Fap2021Importer
