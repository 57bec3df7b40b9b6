"""Reading a resume file into numbered lines: Markdown, plain text, PDF (pypdf), DOCX (python-docx).

Everything happens on this machine; the file is only read. Every failure is a `ResumeError` whose
message says what is wrong and what to do.
"""

from __future__ import annotations

from pathlib import Path

TEXT_SUFFIXES = (".md", ".markdown", ".txt", ".text")
SUFFIXES = TEXT_SUFFIXES + (".pdf", ".docx")


class ResumeError(Exception):
    """The resume cannot be read; `str()` says why and how to fix it."""


def read_lines(path: Path | str) -> list[str]:
    """The resume's text, one entry per line (line 1 is index 0)."""
    path = Path(path)
    if not path.exists():
        raise ResumeError(f"{path}: no such file")
    if path.is_dir():
        raise ResumeError(f"{path}: is a folder; give the resume file itself")
    suffix = path.suffix.lower()
    if suffix == ".doc":
        raise ResumeError(f"{path}: the old Word format (.doc) is not supported; save it as .docx or PDF")
    if suffix not in SUFFIXES:
        raise ResumeError(f"{path}: unknown format {suffix or '(no extension)'!r}; "
                          f"give a {', '.join(SUFFIXES)} file")
    if suffix == ".pdf":
        text = _pdf(path)
    elif suffix == ".docx":
        text = _docx(path)
    else:
        text = _text(path)
    lines = [line.rstrip() for line in text.splitlines()]
    if not any(line.strip() for line in lines):
        what = " (a scanned PDF has images, not text: export the resume from its editor instead)" if suffix == ".pdf" else ""
        raise ResumeError(f"{path}: the file has no text{what}")
    return lines


def _text(path: Path) -> str:
    data = path.read_bytes()
    for encoding in ("utf-8-sig", "gb18030"):  # Chinese resumes saved on Windows are often GBK
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise ResumeError(f"{path}: not UTF-8 or GBK text; save it as UTF-8")  # pragma: no cover


def _pdf(path: Path) -> str:
    try:
        from pypdf import PdfReader
        from pypdf.errors import PdfReadError
    except ImportError:  # pragma: no cover - a dependency of the package
        raise ResumeError("reading PDF needs pypdf: pip install pypdf") from None
    try:
        reader = PdfReader(path)
        if reader.is_encrypted:
            raise ResumeError(f"{path}: the PDF is password-protected; save an unprotected copy")
        return "\n".join(page.extract_text() or "" for page in reader.pages)
    except ResumeError:
        raise
    except Exception as exc:  # noqa: BLE001 - pypdf raises many kinds on damaged files; all mean "unreadable"
        kind = "" if isinstance(exc, PdfReadError) else f"{type(exc).__name__}: "
        raise ResumeError(f"{path}: not a readable PDF ({kind}{exc}); export it again from its editor") from None


def _docx(path: Path) -> str:
    try:
        import docx
        from docx.opc.exceptions import PackageNotFoundError
    except ImportError:  # pragma: no cover - a dependency of the package
        raise ResumeError("reading DOCX needs python-docx: pip install python-docx") from None
    import zipfile

    try:
        document = docx.Document(str(path))
    except Exception as exc:  # noqa: BLE001 - a damaged package fails in many ways; all mean "unreadable"
        known = isinstance(exc, (PackageNotFoundError, zipfile.BadZipFile))
        kind = "" if known else f"{type(exc).__name__}: "
        raise ResumeError(f"{path}: not a readable .docx file ({kind}{exc}); save it again from Word") from None
    out = []
    for para in document.paragraphs:
        style = (para.style.name if para.style is not None else "") or ""
        text = para.text
        if style.startswith("Heading") and text.strip():
            text = "# " + text  # headings keep their role once flattened to text
        elif "List" in style and text.strip():
            text = "- " + text
        out.append(text)
    for table in document.tables:  # two-column layouts put whole sections in tables
        for row in table.rows:
            for cell in row.cells:
                out.extend(cell.text.splitlines())
    return "\n".join(out)
