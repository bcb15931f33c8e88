"""Write the ``kpm(1)`` man page from the command line's own parser (so it never goes stale).

    python packaging/make_manpage.py > kpm.1

Every sub-command in ``kpm_desktop.cli.COMMAND_MODULES`` gets a section with its synopsis and
options, taken from argparse. ``packaging/build_linux.sh`` installs the page in the .deb as
``/usr/share/man/man1/kpm.1.gz``; ``tests/packaging/test_manpage.py`` renders it with groff.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))


def _esc(text: str) -> str:
    """Escape text for roff: backslashes, leading dots/quotes, hyphens in option names."""
    text = text.replace("\\", "\\e").replace("-", "\\-")
    # groff reads ASCII: other characters (…, –, ä) as named Unicode glyphs, \[uXXXX]
    text = "".join(ch if ord(ch) < 128 else f"\\[u{ord(ch):04X}]" for ch in text)
    lines = []
    for line in text.splitlines() or [""]:
        if line.startswith((".", "'")):
            line = "\\&" + line
        lines.append(line)
    return "\n".join(lines)


def _subcommands(
    parser: argparse.ArgumentParser,
) -> dict[str, tuple[argparse.ArgumentParser, str]]:
    """Each sub-command's parser and one-line help, in ``kpm --help`` order."""
    for action in parser._actions:  # argparse has no public accessor for sub-parsers
        if isinstance(action, argparse._SubParsersAction):
            helps = {choice.dest: choice.help or "" for choice in action._choices_actions}
            return {name: (sub, helps.get(name, "")) for name, sub in action.choices.items()}
    return {}


def manpage() -> str:
    os.environ.setdefault("COLUMNS", "100")
    from kpm_desktop import __version__
    from kpm_desktop.cli import build_parser

    parser = build_parser()
    epoch = int(os.environ.get("SOURCE_DATE_EPOCH", "0")) or None
    day = (
        dt.datetime.fromtimestamp(epoch, dt.UTC).date() if epoch else dt.date.today()
    ).isoformat()
    out = [
        f'.TH KPM 1 "{day}" "KPM Desktop {__version__}" "User Commands"',
        ".SH NAME",
        "kpm \\- KPM Desktop customer/product matrix, headless",
        ".SH SYNOPSIS",
        ".B kpm",
        ".I COMMAND",
        "[\\fIOPTIONS\\fR] ...",
        ".SH DESCRIPTION",
        _esc(
            "kpm does on the command line what the KPM Desktop app (kpm-desktop) does: create, "
            "inspect, check, import into, export from, back up and restore matrix files (.kpm). "
            "Rows are customers, columns are products; each cell is ours (X), competitor (W), "
            "need (B), no need (K) or a white spot (empty)."
        ),
        ".SH COMMANDS",
    ]
    subs = _subcommands(parser)
    for name, (sub, help_text) in subs.items():
        out += [".SS " + _esc(name), _esc(help_text or sub.description or "")]
        usage = sub.format_usage().removeprefix("usage: ").strip()
        out += [".PP", ".nf", _esc(" ".join(usage.split())), ".fi"]
        for action in sub._actions:
            if action.help == argparse.SUPPRESS or isinstance(action, argparse._HelpAction):
                continue
            flags = ", ".join(action.option_strings) or (action.metavar or action.dest)
            if action.option_strings and action.nargs != 0:
                flags += " " + str(action.metavar or action.dest.upper())
            out += [".TP", "\\fB" + _esc(str(flags)) + "\\fR", _esc(action.help or "")]
    out += [
        ".SH EXIT STATUS",
        ".TP",
        "0",
        "Success.",
        ".TP",
        "1",
        "A check found problems (kpm check).",
        ".TP",
        "2",
        _esc("A user error: one line on standard error says what to do; the file is unchanged."),
        ".SH SEE ALSO",
        ".BR kpm\\-desktop (1)",
    ]
    return "\n".join(out) + "\n"


if __name__ == "__main__":
    sys.stdout.write(manpage())
