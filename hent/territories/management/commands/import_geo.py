from functools import partial

from hent.core.management.base import ImportCommand
from hent.territories.importers.geo import GeoImporter


class Command(ImportCommand):
    help = (
        "Import the communes of a Region and their territories (department, EPCI, zone d'emploi, bassin BMO, "
        "postcodes, coordinates, population) from the national tables of INSEE, DGCL, France Travail and La Poste "
        "(a folder or a zip)."
    )
    importer_class = GeoImporter

    def add_arguments(self, parser):
        super().add_arguments(parser)
        parser.add_argument(
            "--region",
            help="INSEE code(s) of the Region(s) to keep, comma-separated (default: HENT_REGION_CODE, else 53)",
        )

    def handle(self, path, region=None, **options):
        self.importer_class = partial(GeoImporter, regions=region)
        return super().handle(path, **options)
