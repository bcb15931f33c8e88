"""Portable process figures for ``--profile-startup``: peak memory and process age.

No Unix-only module is imported at module level (``resource`` does not exist on Windows; the app
would not start there). Each platform's own counter is read where it is needed:

- Linux: ``getrusage`` ``ru_maxrss`` in KiB; process start from ``/proc/self/stat``.
- macOS: ``ru_maxrss`` in bytes.
- Windows: ``GetProcessMemoryInfo`` (``PeakWorkingSetSize``, bytes) and ``GetProcessTimes``
  through ctypes.
"""

from __future__ import annotations

import os
import sys
import time

_MIB = 1024 * 1024


def hostname() -> str:
    """This computer's name, as ``socket.gethostname()`` gives it.

    On Linux and macOS both read the kernel's node name (``gethostname`` is ``uname`` there),
    so ``os.uname()`` answers without importing ``socket`` (with selectors and its enums,
    ~3 ms) on every file open; Windows has no ``uname`` and asks ``socket``.
    """
    uname = getattr(os, "uname", None)
    if uname is not None:
        return uname().nodename
    import socket

    return socket.gethostname()


def peak_rss_mb() -> float | None:
    """Peak resident memory of this process in MiB, or None where it cannot be read."""
    if sys.platform == "win32":
        return _windows_peak_rss_mb()
    try:
        import resource  # Unix only: imported here, never at module level
    except ImportError:
        return None
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    if sys.platform == "darwin":
        return peak / _MIB  # bytes on macOS
    return peak / 1024  # KiB on Linux and the BSDs


def _windows_peak_rss_mb() -> float | None:  # pragma: no cover - Windows only
    import ctypes
    from ctypes import wintypes

    class ProcessMemoryCounters(ctypes.Structure):
        _fields_ = [
            ("cb", wintypes.DWORD),
            ("PageFaultCount", wintypes.DWORD),
            ("PeakWorkingSetSize", ctypes.c_size_t),
            ("WorkingSetSize", ctypes.c_size_t),
            ("QuotaPeakPagedPoolUsage", ctypes.c_size_t),
            ("QuotaPagedPoolUsage", ctypes.c_size_t),
            ("QuotaPeakNonPagedPoolUsage", ctypes.c_size_t),
            ("QuotaNonPagedPoolUsage", ctypes.c_size_t),
            ("PagefileUsage", ctypes.c_size_t),
            ("PeakPagefileUsage", ctypes.c_size_t),
        ]

    try:
        counters = ProcessMemoryCounters()
        counters.cb = ctypes.sizeof(counters)
        kernel32 = ctypes.WinDLL("kernel32", use_last_error=True)  # type: ignore[attr-defined]  # WinDLL exists on Windows only
        psapi = ctypes.WinDLL("psapi", use_last_error=True)  # type: ignore[attr-defined]  # WinDLL exists on Windows only
        kernel32.GetCurrentProcess.restype = wintypes.HANDLE
        handle = kernel32.GetCurrentProcess()
        ok = psapi.GetProcessMemoryInfo(handle, ctypes.byref(counters), counters.cb)
    except (OSError, AttributeError):
        return None
    return counters.PeakWorkingSetSize / _MIB if ok else None


def process_age() -> float | None:
    """Seconds since this process started, or None where the platform does not say."""
    if sys.platform == "win32":
        return _windows_process_age()
    try:
        with open("/proc/self/stat", encoding="ascii") as fh:
            fields = fh.read().rsplit(")", 1)[1].split()
        start_ticks = int(fields[19])  # field 22 of stat(5), counted after "(comm)"
        boot = time.clock_gettime(time.CLOCK_BOOTTIME)
        return boot - start_ticks / os.sysconf("SC_CLK_TCK")
    except (OSError, ValueError, IndexError, AttributeError):
        return None


def _windows_process_age() -> float | None:  # pragma: no cover - Windows only
    import ctypes
    from ctypes import wintypes

    creation, exited, kernel, user = (wintypes.FILETIME() for _ in range(4))
    try:
        kernel32 = ctypes.WinDLL("kernel32", use_last_error=True)  # type: ignore[attr-defined]  # WinDLL exists on Windows only
        kernel32.GetCurrentProcess.restype = wintypes.HANDLE
        ok = kernel32.GetProcessTimes(
            kernel32.GetCurrentProcess(),
            ctypes.byref(creation),
            ctypes.byref(exited),
            ctypes.byref(kernel),
            ctypes.byref(user),
        )
    except (OSError, AttributeError):
        return None
    if not ok:
        return None
    # FILETIME: 100 ns ticks since 1601-01-01 (UTC); Unix epoch offset 11,644,473,600 s.
    ticks = (creation.dwHighDateTime << 32) | creation.dwLowDateTime
    started = ticks / 10_000_000 - 11_644_473_600
    return max(0.0, time.time() - started)
