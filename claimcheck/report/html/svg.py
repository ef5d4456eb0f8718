"""A number line's SVG markup, written out here rather than in a template.

An archive's report draws some 8,000 number lines of up to twelve bands; through a jinja2 macro
each value went through the template's escaping, and that was the page's largest single cost.
Here numbers are written as they are and only text is escaped. The markup is the one the macro
wrote, byte for byte (tests/snapshots/ holds it).
"""
from __future__ import annotations

from markupsafe import Markup, escape

from .numberline import Band, NumberLine


def numberline(nl: NumberLine) -> Markup:
    label = f": {nl.title}" if nl.title else ""
    out = ["<figure>\n",
           f'<svg class="numberline" viewBox="0 0 720 {nl.height}" role="img" aria-label="number line{escape(label)}, one band per source">\n']
    out += [f'<g class="tick"><line class="grid" x1="{x}" y1="0" x2="{x}" y2="{nl.axis_y}"/>'
            f'<text x="{x}" y="{nl.axis_y + 16}" text-anchor="middle">{escape(text)}</text></g>\n' for x, text in nl.ticks]
    out.append(f'<line class="axis" x1="{nl.x0}" y1="{nl.axis_y}" x2="{nl.x1}" y2="{nl.axis_y}"/>\n')
    out += [band(b, nl.x0) for b in nl.bands]
    if nl.filed:
        out.append(f'<line class="filed" x1="{nl.filed_x}" y1="0" x2="{nl.filed_x}" y2="{nl.axis_y}"><title>filed: '
                   f'{escape(nl.filed_shown)} ({escape(nl.filed.source)})</title></line><text class="filed-label" '
                   f'x="{(nl.filed_x or 0) + 4}" y="{nl.axis_y - 4}">filed {escape(nl.filed_shown)}</text>')
    out.append("</svg>\n")
    if nl.title or nl.left_out:
        more = f"{'; ' if nl.title else ''}{nl.left_out:,} more figures, stated less often, not drawn" if nl.left_out else ""
        out.append(f"<figcaption>{escape(nl.title)}{more}</figcaption>")
    out.append("</figure>\n")
    return Markup("".join(out))


def band(b: Band, x0: float) -> str:
    more = f" and {b.sources - 1} more" if b.sources > 1 else ""
    shown, source = escape(b.shown), escape(b.source)
    out = (f'<g class="source">\n<text class="src" x="{x0 - 8}" y="{b.y + 12}" text-anchor="end">{shown} · {escape(b.label)}</text>\n'
           f'<rect class="band{" hedged" if b.hedged else ""}" x="{b.x}" y="{b.y + 2}" width="{b.width}" height="12" '
           f'data-lo="{b.lo}" data-hi="{b.hi}" data-source="{source}" data-sources="{b.sources}"><title>{shown} at {source}{more}: '
           f'{escape(b.range)}</title></rect>\n')
    if b.open_lo:
        out += f'<polygon class="open" points="{b.x},{b.y + 8} {b.x + 7},{b.y + 2} {b.x + 7},{b.y + 14}"/>'
    if b.open_hi:
        right = b.x + b.width
        out += f'<polygon class="open" points="{right},{b.y + 8} {right - 7},{b.y + 2} {right - 7},{b.y + 14}"/>'
    return out + f'<line class="at" x1="{b.at}" y1="{b.y}" x2="{b.at}" y2="{b.y + 16}"/>\n</g>\n'
