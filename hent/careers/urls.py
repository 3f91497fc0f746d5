from django.urls import re_path

from hent.careers import views

app_name = "careers"

urlpatterns = [
    re_path(r"^$", views.index, name="index"),
    re_path(r"^(?P<code>[A-Za-z]\d{4})/$", views.skills, name="skills"),
    re_path(r"^(?P<code>[A-Za-z]\d{4})/metiers/$", views.results, name="results"),
]
