from django.apps import AppConfig


class ExploreConfig(AppConfig):
    name = "hent.explore"
    verbose_name = "Découvrir par ses envies"
