from django.dispatch import Signal

# Sent by the worker once an import's recommendations are in the search index, with ``import_id``.
recommendations_imported = Signal()
