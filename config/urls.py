from django.contrib import admin
from django.urls import include, path

handler404 = "hent.core.views.page_not_found"
handler500 = "hent.core.views.server_error"

urlpatterns = [
    path("", include("hent.core.urls")),
    path("metiers/", include("hent.occupations.urls")),
    path("recherche/", include("hent.search.urls")),
    path("territoires/", include("hent.territories.urls")),
    path("territoires/", include("hent.labour.urls")),
    path("changer-de-metier/", include("hent.careers.urls")),
    path("decouvrir/", include("hent.explore.urls")),
    path("projet/", include("hent.projects.urls")),
    path("structures/", include("hent.guidance.urls")),
    path("equipe/", include("hent.staff.urls")),
    path("contact/", include("hent.contact.urls")),
    path("", include("hent.trainings.urls")),
    path("api/", include("hent.api.urls")),
    path("gestion/", admin.site.urls),
]
