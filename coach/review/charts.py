"""Charts as inline SVG drawn on the server: bars (grouped or stacked) and lines, with axes.

No JavaScript and nothing fetched from the internet: the machines the console runs on are often
offline, and an SVG string is easy to test.
"""

from __future__ import annotations

from html import escape

WIDTH, HEIGHT = 640, 260
LEFT, RIGHT, TOP, BOTTOM = 64, 120, 34, 48
PALETTE = {
    "diagnostic": "#4e79a7",
    "avatar": "#f28e2b",
    "canvas": "#59a14f",
    "capture": "#b07aa1",
    "core": "#e15759",
}
EXTRA = ("#76b7b2", "#edc948", "#9c755f", "#bab0ac", "#ff9da7")


def colour(name: str, index: int) -> str:
    """A stable colour per specialist; others take the next spare colour."""
    return PALETTE.get(name, EXTRA[index % len(EXTRA)])


def _nice_max(value: float) -> float:
    if value <= 0:
        return 1.0
    magnitude = 10 ** len(str(int(value))) / 10 if value >= 1 else 1.0
    for step in (1, 2, 2.5, 5, 10):
        if value <= step * magnitude:
            return step * magnitude
    return 10 * magnitude


def _number(value: float) -> str:
    if value >= 1000:
        return f"{value:,.0f}"
    if value >= 10 or value == int(value):
        return f"{value:.0f}"
    return f"{value:.2g}" if value >= 0.01 else f"{value:.1e}"


def _frame(title: str, y_label: str, x_label: str, top: float, labels: list[str]) -> list[str]:
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {HEIGHT}" '
        f'class="chart" role="img" aria-label="{escape(title)}">',
        f"<title>{escape(title)}</title>",
        f'<text x="{WIDTH / 2}" y="18" text-anchor="middle" class="chart-title">'
        f"{escape(title)}</text>",
        f'<text x="14" y="{TOP + plot_h / 2}" transform="rotate(-90 14 {TOP + plot_h / 2})" '
        f'text-anchor="middle" class="axis-label">{escape(y_label)}</text>',
        f'<text x="{LEFT + plot_w / 2}" y="{HEIGHT - 6}" text-anchor="middle" '
        f'class="axis-label">{escape(x_label)}</text>',
    ]
    for tick in range(5):
        y = TOP + plot_h - plot_h * tick / 4
        parts.append(
            f'<line x1="{LEFT}" x2="{LEFT + plot_w}" y1="{y:.1f}" y2="{y:.1f}" class="grid"/>'
            f'<text x="{LEFT - 6}" y="{y + 4:.1f}" text-anchor="end" class="tick">'
            f"{_number(top * tick / 4)}</text>"
        )
    every = max(1, len(labels) // 10)
    slot = plot_w / max(1, len(labels))
    for index, label in enumerate(labels):
        if index % every == 0:
            x = LEFT + slot * (index + 0.5)
            parts.append(
                f'<text x="{x:.1f}" y="{TOP + plot_h + 16}" text-anchor="middle" class="tick">'
                f"{escape(label)}</text>"
            )
    return parts


def _legend(names: list[str]) -> list[str]:
    parts = []
    for index, name in enumerate(names):
        y = TOP + 16 * index
        parts.append(
            f'<rect x="{WIDTH - RIGHT + 12}" y="{y}" width="10" height="10" '
            f'fill="{colour(name, index)}"/><text x="{WIDTH - RIGHT + 26}" y="{y + 9}" '
            f'class="tick">{escape(name)}</text>'
        )
    return parts


def bar_chart(
    title: str,
    labels: list[str],
    series: dict[str, list[float]],
    *,
    y_label: str,
    x_label: str,
    stacked: bool = True,
) -> str:
    """Bars per label: one bar per series side by side, or stacked."""
    names = list(series)
    if stacked:
        top = max((sum(s[i] for s in series.values()) for i in range(len(labels))), default=0)
    else:
        top = max((max(s, default=0) for s in series.values()), default=0)
    top = _nice_max(top)
    parts = _frame(title, y_label, x_label, top, labels)
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM
    slot = plot_w / max(1, len(labels))
    for index in range(len(labels)):
        base = 0.0
        for number, name in enumerate(names):
            value = series[name][index]
            if stacked:
                width, x = slot * 0.7, LEFT + slot * index + slot * 0.15
            else:
                width = slot * 0.8 / len(names)
                x = LEFT + slot * index + slot * 0.1 + width * number
            height = plot_h * value / top
            y = TOP + plot_h - plot_h * base / top - height
            parts.append(
                f'<rect x="{x:.1f}" y="{y:.1f}" width="{width:.1f}" height="{height:.1f}" '
                f'fill="{colour(name, number)}"><title>{escape(labels[index])} · '
                f"{escape(name)}: {_number(value)}</title></rect>"
            )
            if stacked:
                base += value
    parts += _legend(names) if len(names) > 1 else []
    return "".join([*parts, "</svg>"])


def line_chart(
    title: str,
    labels: list[str],
    series: dict[str, list[float | None]],
    *,
    y_label: str,
    x_label: str,
) -> str:
    """One line per series over the labels; gaps where a value is missing."""
    values = [v for s in series.values() for v in s if v is not None]
    top = _nice_max(max(values, default=0))
    parts = _frame(title, y_label, x_label, top, labels)
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM
    slot = plot_w / max(1, len(labels))
    for number, (name, points) in enumerate(series.items()):
        path, pen = [], "M"
        for index, value in enumerate(points):
            if value is None:
                pen = "M"
                continue
            x, y = LEFT + slot * (index + 0.5), TOP + plot_h - plot_h * value / top
            path.append(f"{pen}{x:.1f},{y:.1f}")
            parts.append(
                f'<circle cx="{x:.1f}" cy="{y:.1f}" r="2.5" fill="{colour(name, number + 5)}">'
                f"<title>{escape(labels[index])} · {escape(name)}: {_number(value)}</title>"
                "</circle>"
            )
            pen = "L"
        parts.append(
            f'<path d="{" ".join(path)}" fill="none" stroke="{colour(name, number + 5)}" '
            'stroke-width="2"/>'
        )
    legend = _legend([f"{name}" for name in series])
    legend = [
        part.replace(f'fill="{colour(name, n)}"', f'fill="{colour(name, n + 5)}"')
        for part, (n, name) in zip(legend, enumerate(series), strict=True)
    ]
    return "".join([*parts, *legend, "</svg>"])
