"""Every user-visible string is translated: zh_CN complete, .ts in step with the code, .qm built."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
TRANSLATIONS = ROOT / "resources" / "translations"
SOURCES = sorted(str(p) for p in (ROOT / "pm_desktop").rglob("*.py"))
PLACEHOLDER = re.compile(r"\{\w+\}|%n")


def qt_tool(name: str) -> str:
    tool = Path(sys.executable).parent / f"pyside6-{name}"
    if not tool.exists():
        found = shutil.which(f"pyside6-{name}")
        assert found, f"pyside6-{name} is not installed"
        return found
    return str(tool)


def messages(ts_file: Path) -> list[tuple[str, ET.Element]]:
    root = ET.parse(ts_file).getroot()
    return [
        (context.findtext("name", ""), message)
        for context in root.iter("context")
        for message in context.iter("message")
    ]


def test_every_zh_cn_string_is_translated_and_keeps_its_placeholders() -> None:
    problems = []
    for context, message in messages(TRANSLATIONS / "pm_desktop_zh_CN.ts"):
        source = message.findtext("source", "")
        translation = message.find("translation")
        assert translation is not None
        forms = [f.text or "" for f in translation.iter("numerusform")] or [translation.text or ""]
        if translation.get("type") in {"unfinished", "vanished", "obsolete"} or not all(forms):
            problems.append(f"{context}: {source!r} is not translated")
            continue
        for form in forms:
            if sorted(set(PLACEHOLDER.findall(form))) != sorted(set(PLACEHOLDER.findall(source))):
                problems.append(f"{context}: {source!r} -> {form!r} changes its placeholders")
    assert not problems, "\n".join(problems)


def test_english_plural_forms_are_filled() -> None:
    for context, message in messages(TRANSLATIONS / "pm_desktop_en.ts"):
        forms = [f.text for f in message.iter("numerusform")]
        assert len(forms) == 2, f"{context}: {message.findtext('source')}"
        assert all(forms), f"{context}: {message.findtext('source')}"


@pytest.mark.parametrize("language", ["zh_CN", "en"])
def test_translation_files_know_every_string_in_the_code(language: str, tmp_path: Path) -> None:
    """lupdate over the sources finds nothing new: no string was added without its translation."""
    copy = tmp_path / f"pm_desktop_{language}.ts"
    shutil.copyfile(TRANSLATIONS / copy.name, copy)
    extra = ["-pluralonly"] if language == "en" else []
    result = subprocess.run(
        [
            qt_tool("lupdate"),
            "-locations",
            "none",
            "-no-obsolete",
            *extra,
            *SOURCES,
            "-ts",
            str(copy),
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    if language != "en":  # English keeps only plural forms; a new one changes the file
        new = re.search(r"\((\d+) new and", result.stdout)
        assert new is not None, result.stdout
        assert new.group(1) == "0", f"run 'make translations' and translate: {result.stdout}"
    assert copy.read_text(encoding="utf-8") == (TRANSLATIONS / copy.name).read_text(
        encoding="utf-8"
    ), "the .ts file has strings the code no longer uses: run 'make translations'"


@pytest.mark.parametrize("language", ["zh_CN", "en"])
def test_compiled_translations_match_their_sources(language: str, tmp_path: Path) -> None:
    out = tmp_path / f"pm_desktop_{language}.qm"
    subprocess.run(
        [qt_tool("lrelease"), str(TRANSLATIONS / f"pm_desktop_{language}.ts"), "-qm", str(out)],
        capture_output=True,
        check=True,
    )
    assert out.read_bytes() == (TRANSLATIONS / out.name).read_bytes(), (
        "the .qm file is stale: run 'make translations'"
    )
