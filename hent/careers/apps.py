from django.apps import AppConfig


class CareersConfig(AppConfig):
    name = "hent.careers"
    verbose_name = "Changer de métier"
