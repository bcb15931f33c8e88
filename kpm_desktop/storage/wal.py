"""Reading a write-ahead log the way SQLite does, to notice what SQLite drops silently.

SQLite replays a ``-wal`` file up to the first frame whose salt or cumulative checksum does
not match, and ignores everything after it: a log overwritten in the middle (a crash of the
disk or the machine, a broken copy) loses every later change without an error. That is its
documented behaviour, so we look ourselves before the file is opened: frames of the *current*
log generation (same salts as the header) that end a transaction (a commit frame) *after* the
first bad frame are committed changes SQLite will not see.

Format: https://www.sqlite.org/fileformat2.html#walformat (32-byte header, then frames of a
24-byte header plus one page; checksums are cumulative over header and frames).
"""

from __future__ import annotations

import struct
from dataclasses import dataclass
from pathlib import Path

WAL_MAGIC = (0x377F0682, 0x377F0683)  # little- / big-endian checksums
_HEADER = struct.Struct(">IIIIIIII")
_FRAME = struct.Struct(">IIIIII")


@dataclass(frozen=True, slots=True)
class WalState:
    """What a log holds: frames SQLite will replay, and committed frames it will not."""

    frames: int  # frames in the file (whole ones)
    valid_frames: int  # the prefix SQLite reads (salts and checksums match)
    valid_commits: int  # transactions in that prefix
    lost_commits: int  # commit frames of this log generation after the first bad frame
    first_bad_frame: int | None  # 0-based index of the first frame SQLite rejects

    @property
    def damaged(self) -> bool:
        return self.lost_commits > 0


def _checksum(data: bytes, s0: int, s1: int, big_endian: bool) -> tuple[int, int]:
    fmt = ">" if big_endian else "<"
    words = struct.unpack(f"{fmt}{len(data) // 4}I", data)
    for i in range(0, len(words), 2):
        s0 = (s0 + words[i] + s1) & 0xFFFFFFFF
        s1 = (s1 + words[i + 1] + s0) & 0xFFFFFFFF
    return s0, s1


def read_wal_state(wal: Path) -> WalState | None:
    """The state of a ``-wal`` file, or None when there is none (or no valid header)."""
    try:
        data = wal.read_bytes()
    except OSError:
        return None
    if len(data) < _HEADER.size:
        return None
    magic, _version, page_size, _seq, salt1, salt2, c1, c2 = _HEADER.unpack_from(data)
    if magic not in WAL_MAGIC or page_size < 512 or page_size & (page_size - 1):
        return None
    big_endian = magic & 1 == 1
    s0, s1 = _checksum(data[:24], 0, 0, big_endian)
    if (s0, s1) != (c1, c2):
        return None  # a header SQLite would not use: it ignores the whole log
    frame_size = _FRAME.size + page_size
    count = (len(data) - _HEADER.size) // frame_size
    valid = commits = lost = 0
    first_bad: int | None = None
    for i in range(count):
        offset = _HEADER.size + i * frame_size
        _page, db_size, f_salt1, f_salt2, f_c1, f_c2 = _FRAME.unpack_from(data, offset)
        same_generation = (f_salt1, f_salt2) == (salt1, salt2)
        if first_bad is None:
            if same_generation:
                s0, s1 = _checksum(data[offset : offset + 8], s0, s1, big_endian)
                s0, s1 = _checksum(
                    data[offset + _FRAME.size : offset + frame_size], s0, s1, big_endian
                )
            if same_generation and (s0, s1) == (f_c1, f_c2):
                valid = i + 1
                if db_size:
                    commits += 1
                continue
            first_bad = i
            continue
        if same_generation and db_size:
            lost += 1
    # Frames after the last commit of the valid prefix are an unfinished transaction.
    return WalState(count, valid, commits, lost, first_bad)
