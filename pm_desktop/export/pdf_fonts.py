"""Fonts for PDF exports: the bundled CJK TrueType font and a small stack for the rest.

The bundled ``DroidSansFallbackFull.ttf`` (TrueType outlines, so ReportLab can embed a subset of
it) covers Chinese, Japanese kana and Hangul, but **no Latin letters, digits or ASCII
punctuation**. Text is therefore split into runs, each drawn with the first font that has its
characters:

1. Latin: Bitstream Vera Sans, the TrueType font ReportLab ships in ``reportlab/fonts``
   (embedded); Helvetica, a PDF standard font every viewer has, when Vera is missing.
2. CJK: the bundled Droid Sans Fallback (embedded).
3. DejaVu Sans, when the system has it (Greek, Cyrillic, Arabic letters, arrows; embedded).
4. Symbol, a PDF standard font (Greek, arrows and mathematical signs).
5. Anything else (emoji, ...) stays in the CJK font, which draws its missing-glyph box.

Neither font has a bold face: headings are drawn with a stroked outline (see minutes_pdf).
ReportLab is imported only when a font is first needed, never at start-up.
"""

from __future__ import annotations

import itertools
import os
import sys
import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pm_desktop.locations import resources_dir

BUNDLED_CJK_FONT = "DroidSansFallbackFull.ttf"

CJK = "PmCjk"
"""ReportLab name of the bundled CJK font."""
LATIN = "PmLatin"
"""ReportLab name of the Latin font, or Helvetica when ReportLab's Vera is not installed."""
FALLBACK = "PmFallback"
"""ReportLab name of DejaVu Sans, registered only if installed and needed."""
SYMBOL = "Symbol"
HELVETICA = "Helvetica"

_DEJAVU_NAMES = ("DejaVuSans.ttf",)
_DEJAVU_DIRS = (
    "/usr/share/fonts/truetype/dejavu",
    "/usr/share/fonts/dejavu",
    "/usr/share/fonts/TTF",
    "/usr/local/share/fonts",
    "/Library/Fonts",
    "~/Library/Fonts",
    "~/.local/share/fonts",
    "~/.fonts",
)


def cjk_font_path() -> Path:
    return resources_dir() / "fonts" / BUNDLED_CJK_FONT


def _dejavu_path() -> Path | None:
    dirs = list(_DEJAVU_DIRS)
    if sys.platform == "win32":
        dirs.insert(0, os.path.join(os.environ.get("WINDIR", r"C:\Windows"), "Fonts"))
    for folder in dirs:
        for name in _DEJAVU_NAMES:
            candidate = Path(folder).expanduser() / name
            if candidate.is_file():
                return candidate
    return None


def _is_control(char: str) -> bool:
    code = ord(char)
    return code < 0x20 or 0x7F <= code < 0xA0 or 0xD800 <= code < 0xE000


@dataclass
class FontStack:
    """The registered fonts and which one draws each character (see the module's docstring)."""

    cjk: str
    latin: str
    latin_chars: frozenset[str]
    cjk_chars: frozenset[str]
    symbol_chars: frozenset[str]
    _fallback: str | None = None
    _fallback_chars: frozenset[str] = frozenset()
    _fallback_tried: bool = False
    _cache: dict[str, str] = field(default_factory=dict)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def font_for(self, char: str) -> str:
        """The ReportLab font name that draws ``char`` (the CJK font when none has it)."""
        font = self._cache.get(char)
        if font is not None:
            return font
        if char in self.latin_chars:
            font = self.latin
        elif char in self.cjk_chars:
            font = self.cjk
        else:
            fallback = self._load_fallback()
            if fallback is not None and char in self._fallback_chars:
                font = fallback
            elif char in self.symbol_chars:
                font = SYMBOL
            else:
                font = self.cjk  # its missing-glyph box
        self._cache[char] = font
        return font

    def runs(self, text: str) -> list[tuple[str, str]]:
        """``text`` as (font name, chunk) runs; control characters and lone surrogates dropped."""
        font_for = self.font_for
        clean = (c for c in text if not _is_control(c))
        return [(font, "".join(chars)) for font, chars in itertools.groupby(clean, key=font_for)]

    def fonts_used(self, texts: Iterable[str]) -> set[str]:
        return {font for text in texts for font, _ in self.runs(text)}

    def _load_fallback(self) -> str | None:
        if self._fallback_tried:
            return self._fallback
        with self._lock:
            if not self._fallback_tried:
                path = _dejavu_path()
                if path is not None:
                    try:
                        face = _register_ttf(FALLBACK, path)
                        self._fallback_chars = frozenset(map(chr, face.charToGlyph))
                        self._fallback = FALLBACK
                    except Exception:  # a damaged system font must not break an export
                        self._fallback = None
                self._fallback_tried = True
        return self._fallback


_lock = threading.Lock()
_stack: FontStack | None = None


def _register_ttf(name: str, path: Path) -> Any:
    """Register a TrueType font under ``name`` (embedded as subsets); returns its face."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    font = TTFont(name, str(path))
    pdfmetrics.registerFont(font)
    return font.face


def _symbol_chars() -> frozenset[str]:
    import reportlab.pdfbase.rl_codecs  # noqa: F401  (registers the "symbol" codec)

    chars = set()
    for code in range(0x20, 0x100):
        try:
            chars.add(bytes([code]).decode("symbol"))
        except UnicodeDecodeError:
            continue
    return frozenset(c for c in chars if not c.isspace())


def font_stack() -> FontStack:
    """Register the fonts with ReportLab once (thread-safe) and return the stack."""
    global _stack  # noqa: PLW0603
    if _stack is not None:
        return _stack
    with _lock:
        if _stack is None:
            import reportlab

            cjk_face = _register_ttf(CJK, cjk_font_path())
            cjk_chars = frozenset(map(chr, cjk_face.charToGlyph))
            vera = Path(reportlab.__file__).parent / "fonts" / "Vera.ttf"
            latin: str
            latin_chars: frozenset[str]
            if vera.is_file():
                latin_face = _register_ttf(LATIN, vera)
                latin_chars = frozenset(map(chr, latin_face.charToGlyph))
                latin = LATIN
            else:  # e.g. a bundle without ReportLab's fonts: the standard font, not embedded
                latin = HELVETICA
                latin_chars = frozenset(
                    c for c in map(chr, range(0x20, 0x100)) if _encodable(c, "cp1252")
                )
            _stack = FontStack(
                cjk=CJK,
                latin=latin,
                latin_chars=latin_chars | {" "},
                cjk_chars=cjk_chars - {" ", "\u00a0"},
                symbol_chars=_symbol_chars(),
            )
    return _stack


def _encodable(char: str, encoding: str) -> bool:
    try:
        char.encode(encoding)
    except UnicodeEncodeError:
        return False
    return not _is_control(char)


def register_cjk_font() -> str:
    """Register the bundled CJK font (and the rest of the stack) once; its ReportLab name."""
    return font_stack().cjk


def clip_to_width(text: str, limit: float, width: Callable[[str], float]) -> str:
    """``text`` on one line, shortened with an ellipsis so that ``width`` of it fits ``limit``
    (a binary search over the first few hundred characters; "" if not even "x…" fits)."""
    text = " ".join(text.split())
    if width(text) <= limit:
        return text
    low, high = 0, min(len(text), 400)
    while low < high:
        middle = (low + high + 1) // 2
        if width(text[:middle] + "\u2026") <= limit:
            low = middle
        else:
            high = middle - 1
    return text[:low] + "\u2026" if low else ""
