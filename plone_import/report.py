"""What an import did: counts per Plone type, items skipped and why, links that lead nowhere, notes."""

from collections import defaultdict
from dataclasses import dataclass, field


@dataclass
class Report:
    counts: dict = field(default_factory=lambda: defaultdict(lambda: defaultdict(int)))
    skipped: list = field(default_factory=list)
    unresolved_links: list = field(default_factory=list)
    notes: list = field(default_factory=list)
    redirects: int = 0

    def count(self, item, what):
        self.counts[item.portal_type][what] += 1

    def skip(self, item, reason):
        self.skipped.append({"path": item.path, "uid": item.uid, "type": item.portal_type, "reason": reason})

    def note(self, item, note):
        self.notes.append({"path": item.path, "note": note})

    def as_dict(self):
        return {
            "counts": {kind: dict(values) for kind, values in sorted(self.counts.items())},
            "skipped": self.skipped,
            "unresolved_links": self.unresolved_links,
            "notes": self.notes,
            "redirects": self.redirects,
        }
