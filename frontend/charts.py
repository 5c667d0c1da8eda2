"""Bar charts drawn on the server as SVG, from the API's counts (no chart library in the browser).

Each chart goes with a table of the same figures, which is what a screen reader reads.
"""

BAR_HEIGHT = 22
GAP = 6
LABEL_WIDTH = 220
BAR_SPACE = 340
MAX_BARS = 15


def bar_chart(counts):
    """The geometry of a horizontal bar chart of ``counts`` (the API's value/label/count items)."""
    counts = list(counts)[:MAX_BARS]
    largest = max((item["count"] for item in counts), default=0) or 1
    bars = []
    for row, item in enumerate(counts):
        y = row * (BAR_HEIGHT + GAP)
        width = round(BAR_SPACE * item["count"] / largest, 1)
        bars.append(
            {
                "label": str(item.get("label", item.get("value", ""))),
                "count": item["count"],
                "share": item.get("share"),
                "y": y,
                "text_y": y + BAR_HEIGHT * 0.7,
                "width": max(width, 1 if item["count"] else 0),
                "count_x": LABEL_WIDTH + width + 6,
            }
        )
    return {
        "bars": bars,
        "width": LABEL_WIDTH + BAR_SPACE + 70,
        "height": max(len(bars) * (BAR_HEIGHT + GAP), BAR_HEIGHT),
        "label_width": LABEL_WIDTH,
        "bar_height": BAR_HEIGHT,
        "more": max(len(counts) - MAX_BARS, 0),
    }
