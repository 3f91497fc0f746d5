from hent.core.management.base import ImportCommand
from hent.trainings.importers.certifinfo import CertifInfoImporter


class Command(ImportCommand):
    help = "Import the Certif Info open-data extract (certif_info.csv: the file itself, its folder or a zip)."
    importer_class = CertifInfoImporter
