from django.urls import path, re_path

from hent.trainings import views

app_name = "trainings"

urlpatterns = [
    path("formations/", views.search, name="search"),
    re_path(r"^formations/(?P<slug>[\w.-]{1,40})/$", views.detail, name="detail"),
    re_path(r"^formations/(?P<slug>[\w.-]{1,40})/carte/$", views.map_view, name="map"),
    re_path(r"^etablissements/(?P<code>[0-9A-Za-z]{8,14})/$", views.establishment, name="establishment"),
]
