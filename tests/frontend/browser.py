"""A page of the public site in Chromium: what it asked of other origins, its CSP reports, axe-core."""

from dataclasses import dataclass, field

from axe_playwright_python.sync_playwright import Axe

# WCAG 2.0, 2.1 and 2.2, levels A and AA.
WCAG_AA = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]}}
_axe = Axe()


@dataclass
class Watch:
    """Requests to another origin and CSP violations seen by a page, for all it loads."""

    origin: str
    foreign: list = field(default_factory=list)
    csp: list = field(default_factory=list)

    def attach(self, page):
        page.on("request", self._request)
        page.on("console", self._console)
        return self

    def _request(self, request):
        if not request.url.startswith((self.origin + "/", "data:", "about:")):
            self.foreign.append(request.url)

    def _console(self, message):
        if "Content Security Policy" in message.text or "Content-Security-Policy" in message.text:
            self.csp.append(message.text)


def violations(page):
    """axe-core's WCAG 2.2 AA violations on the page as it is now: ``id (impact): targets``."""
    results = _axe.run(page, options=WCAG_AA)
    return [
        f"{item['id']} ({item['impact']}): {[node['target'] for node in item['nodes']][:3]}"
        for item in results.response["violations"]
    ]
