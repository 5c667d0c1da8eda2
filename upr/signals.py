from django.dispatch import Signal

# Sent by the worker once an import committed, with ``import_id``: what answers from the
# recommendations' text (the search app's entries) follows.
recommendations_imported = Signal()
