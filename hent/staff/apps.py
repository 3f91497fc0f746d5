from django.apps import AppConfig


class StaffConfig(AppConfig):
    name = "hent.staff"
    default_auto_field = "django.db.models.BigAutoField"
    verbose_name = "Équipe et sécurité"

    def ready(self):
        from . import admin_site, signals  # noqa: F401

        admin_site.protect()
