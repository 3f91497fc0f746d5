from django.urls import path, re_path

from hent.labour import views

app_name = "labour"

urlpatterns = [
    path("", views.region, name="region"),
    re_path(r"^departement/(?P<code>[0-9AB]{2,3})/$", views.department, name="department"),
    re_path(r"^bassin/(?P<code>\d{1,5})/$", views.basin, name="basin"),
    re_path(r"^epci/(?P<code>\d{9})/$", views.epci, name="epci"),
    re_path(r"^famille/(?P<code>[A-Z][0-9A-Z]{4})/$", views.family, name="family"),
    path("qui-recrute/", views.who_hires, name="who_hires"),
]
