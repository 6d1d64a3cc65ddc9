"""Small server-rendered SVG charts for the reports page (no scripts, no inline styles)."""

from __future__ import annotations

from html import escape

BAR_WIDTH = 360
ROW_HEIGHT = 22


def bars(title: str, rows: list[tuple[str, float | None, str]], maximum: float = 1.0) -> str:
    """Horizontal bars: (label, value or None, text shown at the end of the bar)."""
    height = ROW_HEIGHT * max(1, len(rows)) + 8
    parts = [
        f'<svg class="chart" role="img" aria-label="{escape(title)}" width="{BAR_WIDTH + 220}" '
        f'height="{height}" viewBox="0 0 {BAR_WIDTH + 220} {height}">',
        f"<title>{escape(title)}</title>",
    ]
    for n, (label, value, text) in enumerate(rows):
        y = 4 + n * ROW_HEIGHT
        width = 0.0 if value is None or maximum <= 0 else BAR_WIDTH * min(value / maximum, 1.0)
        bar_y, bar_h, end_x = y + 3, ROW_HEIGHT - 6, BAR_WIDTH + 118
        parts += [
            f'<text x="0" y="{y + 15}" class="label">{escape(label)}</text>',
            f'<rect x="110" y="{bar_y}" width="{BAR_WIDTH}" height="{bar_h}" class="track"/>',
            f'<rect x="110" y="{bar_y}" width="{width:.1f}" height="{bar_h}" class="bar"/>',
            f'<text x="{end_x}" y="{y + 15}" class="value">{escape(text)}</text>',
        ]
    parts.append("</svg>")
    return "".join(parts)


def share_with_band(title: str, share: float | None, band: tuple[float, float], text: str) -> str:
    """One share (0..1) against the range a good desk reaches, drawn as a band."""
    low, high = band
    parts = [
        f'<svg class="chart" role="img" aria-label="{escape(title)}" width="{BAR_WIDTH + 120}" '
        f'height="40" viewBox="0 0 {BAR_WIDTH + 120} 40">',
        f"<title>{escape(title)}</title>",
        f'<rect x="0" y="8" width="{BAR_WIDTH}" height="20" class="track"/>',
        f'<rect x="{BAR_WIDTH * low:.1f}" y="4" width="{BAR_WIDTH * (high - low):.1f}" '
        'height="28" class="band"/>',
        f'<rect x="0" y="12" width="{BAR_WIDTH * (share or 0):.1f}" height="12" class="bar"/>',
        f'<text x="{BAR_WIDTH + 8}" y="24" class="value">{escape(text)}</text>',
        "</svg>",
    ]
    return "".join(parts)
