#!/usr/bin/env python3
"""Render a terminal capture with ANSI colours (`tmux capture-pane -e -p`) to a PNG.

Usage: render-ansi-screenshot.py CAPTURE.txt OUT.png [--columns N] [--font PATH]

Understands what tmux writes with -e: SGR sequences (bold, dim, italic, underline, reverse,
8/16/256 colours and truecolour). Wide characters (CJK, emoji) take two cells. Needs Pillow
(`pip install pillow`) and a monospace font (Debian: fonts-dejavu-core).
"""
import argparse
import re
import unicodedata

from PIL import Image, ImageDraw, ImageFont

DEFAULT_FG = (216, 222, 233)
DEFAULT_BG = (15, 17, 23)
# xterm's 16 colours.
BASIC = [
    (0, 0, 0), (205, 49, 49), (13, 188, 121), (229, 229, 16), (36, 114, 200), (188, 63, 188), (17, 168, 205), (229, 229, 229),
    (102, 102, 102), (241, 76, 76), (35, 209, 139), (245, 245, 67), (59, 142, 234), (214, 112, 214), (41, 184, 219), (255, 255, 255),
]
SGR = re.compile(r"\x1b\[([0-9;:]*)m")
OTHER_ESCAPE = re.compile(r"\x1b(\[[0-9;?]*[A-Za-ln-z]|\][^\x07\x1b]*(\x07|\x1b\\)|[()][A-Z0-9])")


def palette(index):
    if index < 16:
        return BASIC[index]
    if index < 232:
        index -= 16
        steps = [0, 95, 135, 175, 215, 255]
        return (steps[index // 36], steps[(index // 6) % 6], steps[index % 6])
    level = 8 + (index - 232) * 10
    return (level, level, level)


class Style:
    def __init__(self):
        self.reset()

    def reset(self):
        self.fg = None
        self.bg = None
        self.bold = self.dim = self.italic = self.underline = self.reverse = False

    def copy(self):
        other = Style()
        other.__dict__.update(self.__dict__)
        return other

    def apply(self, params):
        codes = [int(p) if p else 0 for p in re.split(r"[;:]", params)] if params else [0]
        i = 0
        while i < len(codes):
            code = codes[i]
            if code == 0:
                self.reset()
            elif code == 1:
                self.bold = True
            elif code == 2:
                self.dim = True
            elif code == 3:
                self.italic = True
            elif code == 4:
                self.underline = True
            elif code == 7:
                self.reverse = True
            elif code == 22:
                self.bold = self.dim = False
            elif code == 23:
                self.italic = False
            elif code == 24:
                self.underline = False
            elif code == 27:
                self.reverse = False
            elif 30 <= code <= 37:
                self.fg = BASIC[code - 30]
            elif code == 39:
                self.fg = None
            elif 40 <= code <= 47:
                self.bg = BASIC[code - 40]
            elif code == 49:
                self.bg = None
            elif 90 <= code <= 97:
                self.fg = BASIC[code - 90 + 8]
            elif 100 <= code <= 107:
                self.bg = BASIC[code - 100 + 8]
            elif code in (38, 48) and i + 1 < len(codes):
                if codes[i + 1] == 5 and i + 2 < len(codes):
                    colour = palette(codes[i + 2])
                    i += 2
                elif codes[i + 1] == 2 and i + 4 < len(codes):
                    colour = tuple(codes[i + 2:i + 5])
                    i += 4
                else:
                    colour = None
                if code == 38:
                    self.fg = colour
                else:
                    self.bg = colour
            i += 1

    def colours(self):
        fg = self.fg or DEFAULT_FG
        bg = self.bg or DEFAULT_BG
        if self.reverse:
            fg, bg = bg, fg
        if self.dim:
            fg = tuple((c + b) // 2 for c, b in zip(fg, bg))
        return fg, bg


def cells(line, style):
    """Yields (character, style, width) for one captured line; `style` carries over lines."""
    line = OTHER_ESCAPE.sub("", line)
    position = 0
    for match in SGR.finditer(line):
        for char in line[position:match.start()]:
            yield from one(char, style)
        style.apply(match.group(1))
        position = match.end()
    for char in line[position:]:
        yield from one(char, style)


def one(char, style):
    if unicodedata.combining(char) or char in "\r\n":
        return
    width = 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1
    yield char, style.copy(), width


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("capture")
    parser.add_argument("output")
    parser.add_argument("--columns", type=int, default=0, help="terminal width (default: the longest line)")
    parser.add_argument("--font", default="/usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf")
    parser.add_argument("--size", type=int, default=15)
    arguments = parser.parse_args()

    regular = ImageFont.truetype(arguments.font, arguments.size)
    bold_path = arguments.font.replace("DejaVuSansMono.ttf", "DejaVuSansMono-Bold.ttf")
    try:
        bold = ImageFont.truetype(bold_path, arguments.size)
    except OSError:
        bold = regular
    cell_width = round(regular.getlength("M"))
    ascent, descent = regular.getmetrics()
    cell_height = ascent + descent + 2

    with open(arguments.capture, encoding="utf-8", errors="replace") as handle:
        lines = handle.read().rstrip("\n").split("\n")
    style = Style()
    rows = [list(cells(line, style)) for line in lines]
    columns = arguments.columns or max(sum(width for _, _, width in row) for row in rows)

    padding = 12
    image = Image.new("RGB", (columns * cell_width + 2 * padding, len(rows) * cell_height + 2 * padding), DEFAULT_BG)
    draw = ImageDraw.Draw(image)
    for y, row in enumerate(rows):
        x = 0
        for char, cell_style, width in row:
            if x >= columns:
                break
            fg, bg = cell_style.colours()
            left = padding + x * cell_width
            top = padding + y * cell_height
            draw.rectangle([left, top, left + width * cell_width - 1, top + cell_height - 1], fill=bg)
            if char.strip():
                # Box-drawing characters fill the cell so borders join up.
                draw.text((left, top + 1), char, font=bold if cell_style.bold else regular, fill=fg)
            if cell_style.underline:
                draw.line([left, top + cell_height - 2, left + width * cell_width - 1, top + cell_height - 2], fill=fg)
            x += width
    image.save(arguments.output, optimize=True)


if __name__ == "__main__":
    main()
