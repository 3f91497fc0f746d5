from django.core.management import call_command
from django.core.management.base import BaseCommand

from hent.core.importing import derived_data_deferred
from hent.core.opendata import SOURCES, locate


class Command(BaseCommand):
    help = (
        "Import every open dataset found under HENT_OPENDATA, ./var/opendata or ../shared/data; "
        "a dataset found nowhere is replaced by the demonstration files shipped in demo/."
    )

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true")

    def handle(self, dry_run=False, **options):
        with derived_data_deferred():
            self.import_all(dry_run)

    def import_all(self, dry_run):
        for command, pattern in SOURCES:
            path, is_demo = locate(pattern)
            if path is None:
                self.stdout.write(self.style.WARNING(f"{pattern}: no open data and no demonstration data, skipped"))
                continue
            if is_demo:
                self.stdout.write(self.style.WARNING(f"{pattern}: no open data found, importing demonstration data"))
            self.stdout.write(f"{command} {path}")
            call_command(command, str(path), dry_run=dry_run, stdout=self.stdout)
