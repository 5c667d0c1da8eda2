from upr.caching import CacheVersion

# Moved on whenever an entry is written or removed: cached facet counts are then stale.
ENTRIES_VERSION = CacheVersion("search:entries:version")
entries_changed = ENTRIES_VERSION.bump
