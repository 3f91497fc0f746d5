from django.urls import path

from hent.explore import views

app_name = "explore"

urlpatterns = [
    path("", views.index, name="index"),
    path("envies/", views.interests, name="interests"),
    path("questionnaire/", views.questionnaire, name="questionnaire"),
    path("questionnaire/etape/<int:step>/", views.step, name="step"),
    path("questionnaire/resultats/", views.results, name="results"),
]
