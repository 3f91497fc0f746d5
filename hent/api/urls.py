from django.urls import include, path, re_path

from hent.api import views
from hent.territories import views as territories_views

app_name = "api"

urlpatterns = [
    path("", views.docs, name="docs"),
    re_path(r"^v1/openapi\.json$", views.openapi, name="openapi"),
    re_path(r"^v1/occupations/?$", views.occupation_list, name="occupation_list"),
    re_path(r"^v1/occupations/search/?$", views.occupation_search, name="occupation_search"),
    re_path(r"^v1/occupations/(?P<code>[A-Za-z]\d{4})/?$", views.occupation_detail, name="occupation_detail"),
    re_path(
        r"^v1/occupations/(?P<code>[A-Za-z]\d{4})/trainings/?$", views.occupation_trainings, name="occupation_trainings"
    ),
    re_path(r"^v1/occupations/(?P<code>[A-Za-z]\d{4})/market/?$", views.occupation_market, name="occupation_market"),
    re_path(r"^v1/territories/(?P<kind>region)/?$", views.territory, name="territory_region"),
    re_path(
        r"^v1/territories/(?P<kind>departements|bassins|epci)/(?P<code>\w{1,9})/?$", views.territory, name="territory"
    ),
    re_path(r"^v1/trainings/?$", views.training_list, name="training_list"),
    re_path(r"^v1/trainings/(?P<slug>[\w.-]{1,40})/?$", views.training_detail, name="training_detail"),
    re_path(
        r"^v1/establishments/(?P<code>[0-9A-Za-z]{8,14})/?$", views.establishment_detail, name="establishment_detail"
    ),
    re_path(r"^v1/domains/?$", views.domain_list, name="domain_list"),
    re_path(r"^v1/interests/?$", views.interest_list, name="interest_list"),
    re_path(r"^v1/themes/?$", views.theme_list, name="theme_list"),
    re_path(r"^v1/sectors/?$", views.sector_list, name="sector_list"),
    re_path(r"^v1/datasets/?$", views.dataset_list, name="dataset_list"),
    re_path(r"^v1/places/?$", territories_views.places_json, name="places"),
    path("v1/", include("hent.careers.api")),
    path("v1/", include("hent.explore.api")),
    path("v1/", include("hent.projects.api")),
    path("v1/", include("hent.guidance.api")),
    re_path(r"^v1/.*$", views.not_found, name="not_found"),
]
