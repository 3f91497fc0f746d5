from hent.core.management.base import ImportCommand
from hent.trainings.importers.rncp import RncpImporter


class Command(ImportCommand):
    help = (
        "Import the RNCP 2021 extracts of the Kit apprentissage v1.4 (folder or zip of rncp_info, rncp_rome, "
        "rncp_nsf, rncp_certificateurs and codes_diplomes .v1.4.csv)."
    )
    importer_class = RncpImporter
