from django.apps import AppConfig


class UprConfig(AppConfig):
    name = "upr"
    verbose_name = "UPR recommendations"
    # A change of recommendations, their assessments, plans and clusters moves these versions of
    # the API's answers; the vocabularies declare their own (upr/models/vocabularies.py).
    api_versions = ("recommendations",)
