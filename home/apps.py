from django.apps import AppConfig


class HomeConfig(AppConfig):
    name = "home"
    verbose_name = "Home"
    # Pages and images: a change moves the version of the content the API shows.
    api_versions = ("content",)
