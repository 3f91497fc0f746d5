from django.urls import path

from hent.territories import views

app_name = "territories"

urlpatterns = [
    path("lieu/", views.place, name="place"),
    path("lieu/choisir/", views.choose, name="choose"),
    path("lieu/oublier/", views.forget, name="forget"),
]
