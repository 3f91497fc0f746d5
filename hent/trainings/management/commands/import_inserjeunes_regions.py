from hent.core.management.base import ImportCommand
from hent.trainings.importers.inserjeunes import RegionOutcomeImporter


class Command(ImportCommand):
    help = "Import InserJeunes outcomes by region and training (folder or zip holding ij_region_data*.csv)."
    importer_class = RegionOutcomeImporter
