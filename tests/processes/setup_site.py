"""The site of the multi-process tests, built once into their database's template (tests/support/server_database.py)."""


def site():
    """The site tree in three languages, with the indexes that the test publishes under."""
    from locales.translation import ensure_locales
    from publications.factories import NewsIndexPageFactory, PublicationIndexPageFactory
    from tests.support.site_tree import ensure_base_tree

    ensure_locales()
    home = ensure_base_tree()
    for factory in (PublicationIndexPageFactory, NewsIndexPageFactory):
        factory(parent=home).save_revision().publish()
