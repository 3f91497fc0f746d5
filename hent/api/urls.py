from django.urls import path, re_path

from hent.api import views

app_name = "api"

urlpatterns = [
    path("", views.docs, name="docs"),
    re_path(r"^v1/openapi\.json$", views.openapi, name="openapi"),
    re_path(r"^v1/occupations/?$", views.occupation_list, name="occupation_list"),
    re_path(r"^v1/occupations/search/?$", views.occupation_search, name="occupation_search"),
    re_path(r"^v1/occupations/(?P<code>[A-Za-z]\d{4})/?$", views.occupation_detail, name="occupation_detail"),
    re_path(r"^v1/domains/?$", views.domain_list, name="domain_list"),
    re_path(r"^v1/interests/?$", views.interest_list, name="interest_list"),
    re_path(r"^v1/themes/?$", views.theme_list, name="theme_list"),
    re_path(r"^v1/sectors/?$", views.sector_list, name="sector_list"),
    re_path(r"^v1/datasets/?$", views.dataset_list, name="dataset_list"),
    re_path(r"^v1/.*$", views.not_found, name="not_found"),
]
