"""Delete conversations and call-back requests without activity for HENT_CONVERSATION_RETENTION_DAYS days.

Run daily (cron, systemd timer). The anonymous activity counts are kept.
"""

from django.core.management.base import BaseCommand

from hent.contact import services


class Command(BaseCommand):
    help = "Delete conversations and call-back requests older than the retention period."

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="Count what would be deleted, delete nothing.")

    def handle(self, *args, dry_run=False, **options):
        conversations, requests = services.purge(dry_run=dry_run)
        verb = "would delete" if dry_run else "deleted"
        self.stdout.write(
            f"{verb} {conversations} conversation(s) and {requests} call-back request(s) "
            f"without activity for {services.retention_days()} days"
        )
