from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.utils import timezone

from hent.core import opendata
from hent.core.importing import derived_data_deferred


class Command(BaseCommand):
    help = (
        "Import every open dataset found under HENT_OPENDATA, ./var/opendata or ../shared/data; "
        "a dataset found nowhere is replaced by the demonstration files shipped in demo/. "
        "When neither the files nor the project's code changed since the last complete import, nothing is imported."
    )

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true")
        parser.add_argument("--force", action="store_true", help="import everything even if nothing changed")

    def handle(self, dry_run=False, force=False, **options):
        found = self.locate_all()
        digest = opendata.fingerprint(found)
        last = opendata.last_import(digest)
        if last and not (dry_run or force):
            when = timezone.localtime(last).strftime("%Y-%m-%d %H:%M")
            self.stdout.write(
                f"Nothing to import: the open data and the importers are the same as at the last import ({when}). "
                "`manage.py import_opendata --force` imports everything again."
            )
            return
        if not dry_run:
            opendata.forget_last_import()
        with derived_data_deferred():
            for command, path in found:
                self.stdout.write(f"{command} {path}")
                call_command(command, str(path), dry_run=dry_run, stdout=self.stdout)
        if not dry_run:
            opendata.record_import(digest)

    def locate_all(self):
        """[(import command, path)] of every source found, open data first, else demonstration data."""
        found = []
        for command, pattern in opendata.SOURCES:
            path, is_demo = opendata.locate(pattern)
            if path is None:
                self.stdout.write(self.style.WARNING(f"{pattern}: no open data and no demonstration data, skipped"))
                continue
            if is_demo:
                self.stdout.write(self.style.WARNING(f"{pattern}: no open data found, importing demonstration data"))
            found.append((command, path))
        return found
