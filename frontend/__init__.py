"""The public website: a small Django project of its own that reads only the CMS's public API."""
