from hent.core.management.base import ImportCommand
from hent.labour.importers.rome_naf import RomeNafImporter


class Command(ImportCommand):
    help = (
        "Import La Bonne Boîte's ROME v3 -> NAF mapping weighted by hirings (rome_naf_mapping.csv, optionally "
        "rome_naf_mapping.raw.csv), its ROME and NAF label lists (rome_labels.csv, naf_labels.csv, '|') and its FAP "
        "2009 -> ROME tension shares (metiers_tension*.csv, optional). PATH: the folder, or a zip of it."
    )
    importer_class = RomeNafImporter
