"""Load and validate a knowledge directory.

Layout: one snippet per ``<id>.yaml`` file directly in the directory (subdirectories are not
searched). A file may be a symlink (Kubernetes ConfigMaps are all symlinks) as long as it leads
to a file inside the directory: one that leads outside is refused, unread. Only the ``.yaml``
extension is loaded, so that there is one way to name a snippet;
a ``.yml`` file gets a warning saying it was not loaded. Files whose name starts with ``_`` are not
snippets (``_synonyms.yaml`` holds the synonyms); hidden files (``.name``) are ignored.

Every problem in every file is collected before anything is reported, each as
``file:line: field: what is wrong``; paths are the directory argument joined with the file name.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from bot.errors import KnowledgeError
from bot.models import Problem, Snippet

if TYPE_CHECKING:
    from bot.knowledge.base import KnowledgeBase
    from bot.knowledge.crosscheck import Entry
    from bot.knowledge.yamlpos import YamlValue

SYNONYMS_FILE = "_synonyms.yaml"
_FILE_FIELDS = frozenset({"file", "yaml"})
MAX_FILE_BYTES = 1_000_000  # a snippet body is at most 3,500 chars; anything this big is a mistake


@dataclass(frozen=True, slots=True, kw_only=True)
class Scan:
    """A knowledge directory read and validated, before any index is built.

    Attributes:
        snippets: the valid snippets, sorted by id.
        synonyms: canonical term -> variants.
        problems: errors and warnings, sorted by file and line.
    """

    snippets: tuple[Snippet, ...] = ()
    synonyms: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    problems: tuple[Problem, ...] = ()

    @property
    def errors(self) -> tuple[Problem, ...]:
        return tuple(p for p in self.problems if not p.warning)

    @property
    def warnings(self) -> tuple[Problem, ...]:
        return tuple(p for p in self.problems if p.warning)


@dataclass(frozen=True, slots=True, kw_only=True)
class FileBytes:
    """One file of a knowledge directory as read, before parsing.

    Attributes:
        path: the directory joined with the file name.
        data: its bytes; None when it could not be read (``problems`` says why).
        skipped: not a file to parse (a ``.yml`` file, a symlink leading outside).
        problems: what reading it found.
    """

    path: Path
    data: bytes | None = None
    skipped: bool = False
    problems: tuple[Problem, ...] = ()


@dataclass(frozen=True, slots=True, kw_only=True)
class Files:
    """A knowledge directory's files as read: everything its validation depends on.

    Attributes:
        directory: as given (problems and snippets name paths under it).
        listed: False when the directory could not be listed (``problems`` says why).
        files: the files to validate, in name order.
        problems: what listing the directory found.
    """

    directory: Path
    listed: bool = True
    files: tuple[FileBytes, ...] = ()
    problems: tuple[Problem, ...] = ()


def load_knowledge(directory: Path, *, cache_dir: Path | None = None) -> KnowledgeBase:
    """Load, validate and index a knowledge directory.

    ``cache_dir``: where validated scans (:mod:`bot.knowledge.scancache`) and built indexes
    (:mod:`bot.matching.indexfile`) are kept, keyed by a hash of the files' bytes and of the code;
    None validates and builds every time (what ``check`` and reloads do).

    Raises:
        KnowledgeError: with every error found; warnings alone do not raise and are kept in
            ``KnowledgeBase.warnings``.
    """
    from bot.knowledge.base import build_knowledge

    directory = Path(directory)
    if cache_dir is None:
        scan = scan_knowledge(directory)
    else:
        from bot.knowledge.scancache import cached_scan

        scan = cached_scan(read_knowledge(directory), cache_dir)
    if scan.errors:
        raise KnowledgeError(scan.errors)
    return build_knowledge(
        scan.snippets, scan.synonyms, source=directory, warnings=scan.warnings, cache_dir=cache_dir
    )


def scan_knowledge(directory: Path) -> Scan:
    """Read and validate every file of ``directory``; never raises for bad content."""
    return validate_files(read_knowledge(directory))


def read_knowledge(directory: Path, paths: dict[str, Path] | None = None) -> Files:
    """Read the bytes of every snippet and synonyms file of ``directory`` (no parsing).

    Args:
        paths: file name -> ``directory / name``, kept between calls for the same directory
            (a reload of 20,000 files would otherwise spend a third of its reading time
            making paths).
    """
    directory = Path(directory)
    problems: list[Problem] = []
    listed = _list_files(directory, problems)
    if listed is None:
        return Files(directory=directory, listed=False, problems=tuple(problems))
    paths = {} if paths is None else paths
    files: list[FileBytes] = []
    resolved: list[Path] = []  # the directory's real path, resolved once if needed
    for name, symlink in listed:
        path = paths.get(name)
        if path is None:
            path = paths[name] = directory / name
        if symlink and not _inside(path, directory, resolved):
            problem = Problem(
                path=path,
                line=0,
                field="file",
                message="is a symlink to a file outside the knowledge directory; refused "
                "(copy the file into the directory instead)",
            )
            files.append(FileBytes(path=path, skipped=True, problems=(problem,)))
            continue
        if name.endswith(".yml"):
            problem = Problem(
                path=path,
                line=0,
                field="file",
                message=f"not loaded: snippet files end in .yaml (rename to {path.stem}.yaml)",
                warning=True,
            )
            files.append(FileBytes(path=path, skipped=True, problems=(problem,)))
            continue
        if not name.endswith(".yaml") or (name.startswith("_") and name != SYNONYMS_FILE):
            continue
        found: list[Problem] = []
        data = _read(path, found)
        files.append(FileBytes(path=path, data=data, problems=tuple(found)))
    return Files(directory=directory, files=tuple(files), problems=tuple(problems))


@dataclass(frozen=True, slots=True, kw_only=True)
class CheckedFile:
    """What validating one file on its own found (see :func:`validate_files`'s ``memo``).

    Attributes:
        problems: the file's own problems (reading, parsing, fields).
        entry: what the cross-checks need of a snippet file; None for the synonyms file.
        snippet: the snippet, when the file is a valid one.
        synonyms: the synonyms, for the synonyms file.
    """

    problems: tuple[Problem, ...]
    entry: Entry | None = None
    snippet: Snippet | None = None
    synonyms: Mapping[str, tuple[str, ...]] | None = None


def validate_files(read: Files, memo: dict[tuple[str, bytes], CheckedFile] | None = None) -> Scan:
    """Parse and validate what :func:`read_knowledge` read; never raises for bad content.

    Args:
        memo: what earlier calls found per file, by path and SHA-256 of the bytes: a file found
            there is not parsed or checked again (a reload reads only what changed). Filled
            with this call's files (and emptied of others) when given.
    """
    import hashlib

    from bot.knowledge.crosscheck import cross_check

    problems = list(read.problems)
    if not read.listed:
        return Scan(problems=tuple(problems))
    entries: list[Entry] = []
    snippets: list[Snippet] = []
    synonyms: Mapping[str, tuple[str, ...]] = {}
    seen: dict[tuple[str, bytes], CheckedFile] = {}
    for file in read.files:
        problems.extend(file.problems)
        if file.skipped:
            continue
        key = (
            str(file.path),
            hashlib.sha256(file.data or b"").digest() + bytes([file.data is None]),
        )
        checked = memo.get(key) if memo is not None else None
        if checked is None:
            checked = _check_file(file)
        seen[key] = checked
        problems.extend(checked.problems)
        if checked.synonyms is not None:
            synonyms = checked.synonyms
        if checked.entry is not None:
            entries.append(checked.entry)
        if checked.snippet is not None:
            snippets.append(checked.snippet)
    if memo is not None:
        memo.clear()
        memo.update(seen)
    if not entries:
        problems.append(
            Problem(
                path=read.directory, line=0, field="knowledge", message="no snippet files (*.yaml)"
            )
        )
    problems.extend(cross_check(entries))
    # Files that cannot be read or parsed first: they are the cause of what follows.
    problems.sort(key=lambda p: (p.field not in _FILE_FIELDS, str(p.path), p.line))
    return Scan(
        snippets=tuple(sorted(snippets, key=lambda s: s.id)),
        synonyms=synonyms,
        problems=tuple(problems),
    )


def _check_file(file: FileBytes) -> CheckedFile:
    """Parse and validate one file (its own problems: cross-checks come later)."""
    # Imported here: a start served from the scan cache never needs them.
    from bot.knowledge.crosscheck import Entry
    from bot.knowledge.synonyms import check_synonyms
    from bot.knowledge.validate import Positions, check_snippet

    path = file.path
    problems: list[Problem] = []
    root = None if file.data is None else _parse(path, file.data, problems)
    if path.name == SYNONYMS_FILE:
        synonyms = check_synonyms(path, root, problems)
        return CheckedFile(problems=tuple(problems), synonyms=synonyms)
    if root is None:
        # Ids equal file names: links to a file that does not parse are not also reported
        # as "no snippet has id ..." in every file that relates to it.
        entry = Entry(path=path, id=path.stem, positions=Positions())
        return CheckedFile(problems=tuple(problems), entry=entry)
    checked = check_snippet(path, root)
    problems.extend(checked.problems)
    snippet_id = checked.snippet.id if checked.snippet else (_raw_id(root) or path.stem)
    entry = Entry(path=path, id=snippet_id, positions=checked.positions)
    return CheckedFile(problems=tuple(problems), entry=entry, snippet=checked.snippet)


def _list_files(directory: Path, problems: list[Problem]) -> list[tuple[str, bool]] | None:
    """The names of the files in ``directory``, sorted, each with whether it is a symlink."""

    def fail(message: str) -> None:
        problems.append(Problem(path=directory, line=0, field="knowledge", message=message))

    try:
        if not directory.exists():
            fail("directory does not exist")
            return None
        if not directory.is_dir():
            fail("is not a directory")
            return None
        with os.scandir(directory) as it:
            # DirEntry answers from the directory listing: no system call per plain file.
            found = [
                (e.name, e.is_symlink()) for e in it if not e.name.startswith(".") and e.is_file()
            ]
    except OSError as exc:
        fail(f"cannot read directory: {exc.strerror or exc}")
        return None
    return sorted(found)


def _inside(path: Path, directory: Path, resolved: list[Path]) -> bool:
    """Whether symlink ``path``, followed, is a file inside ``directory`` (whose real path
    ``resolved`` caches)."""
    try:
        if not resolved:
            resolved.append(directory.resolve(strict=True))
        return path.resolve(strict=True).is_relative_to(resolved[0])
    except (OSError, RuntimeError):  # dangling or looping: not inside
        return False


def _read(path: Path, problems: list[Problem]) -> bytes | None:
    """The bytes of ``path``; None (with a problem) when it is too large or unreadable."""

    def fail(message: str) -> None:
        problems.append(Problem(path=path, line=0, field="file", message=message))

    # Plain descriptors: three system calls a file instead of the seven of a buffered file
    # object. A reload reads 20,000 files while answers go on, and each call gives the
    # interpreter lock up, to get it back only after an answer's turn (bot.runtime.pauses):
    # 0.66 -> 0.28 s for 20,000 files beside a busy thread (idle 0.22 -> 0.13 s).
    try:
        fd = os.open(path, os.O_RDONLY)
        try:
            size = os.fstat(fd).st_size
            if size > MAX_FILE_BYTES:
                fail(f"file is larger than {MAX_FILE_BYTES} bytes")
                return None
            data = os.read(fd, size + 1)
            if len(data) <= size:
                return data
            parts, total = [data], len(data)  # it grew since fstat (a save in progress)
            while total <= MAX_FILE_BYTES and (part := os.read(fd, 1 << 16)):
                parts.append(part)
                total += len(part)
            if total > MAX_FILE_BYTES:
                fail(f"file is larger than {MAX_FILE_BYTES} bytes")
                return None
            return b"".join(parts)
        finally:
            os.close(fd)
    except OSError as exc:
        fail(f"cannot read file: {exc.strerror or exc}")
        return None


def _parse(path: Path, data: bytes, problems: list[Problem]) -> YamlValue | None:
    """``data`` as UTF-8 YAML; None (with a problem when it is not empty) if that fails."""
    from bot.knowledge.yamlpos import parse_yaml

    def fail(line: int, message: str) -> None:
        problems.append(Problem(path=path, line=line, field="file", message=message))

    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        fail(line, f"not valid UTF-8 (byte 0x{data[exc.start]:02x}); save the file as UTF-8")
        return None
    root, found = parse_yaml(text.removeprefix("\ufeff"), path)
    problems.extend(found)
    if root is None and not found and path.name != SYNONYMS_FILE:
        fail(0, "file is empty")
    return root


def _raw_id(root: YamlValue) -> str | None:
    """The id a broken snippet declares, so that other files' related ids to it still resolve."""
    for entry in root.entries:
        if entry.key == "id" and isinstance(entry.value.scalar, str):
            return entry.value.scalar.strip()
    return None
