from django.apps import AppConfig


class ProjectsConfig(AppConfig):
    name = "hent.projects"
    verbose_name = "Projets"
