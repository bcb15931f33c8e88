"""The installer recipes reference only files that exist, and agree with each other.

Windows and macOS installers cannot be built on Linux CI, so these tests are what keeps their
recipes honest between releases: the spec is executed for each platform with PyInstaller's
build classes replaced by recorders, and every path it, the Inno Setup script, the dmgbuild
settings and the release workflow name is checked. Paths under ``dist/`` are build outputs;
they must be what the spec produces.
"""

from __future__ import annotations

import configparser
import importlib.util
import re
import struct
import sys
import types
from pathlib import Path
from xml.etree import ElementTree

import pytest

import kpm_desktop

ROOT = Path(__file__).resolve().parents[2]
PACKAGING = ROOT / "packaging"
SPEC = PACKAGING / "kpm_desktop.spec"
ISS = PACKAGING / "windows" / "kpm-desktop.iss"
DMG = PACKAGING / "macos" / "dmg_settings.py"
WORKFLOW = ROOT / ".github" / "workflows" / "release.yml"
LINUX = PACKAGING / "linux"
BUILD_LINUX = PACKAGING / "build_linux.sh"
CI_SCRIPT = PACKAGING / "ci_build_and_smoke.sh"


# -- the spec, executed per platform ---------------------------------------------------------
class _Recorder:
    """Stands in for Analysis/PYZ/EXE/COLLECT/BUNDLE and keeps what it was given."""

    calls: list[_Recorder]

    def __init__(self, *args, **kwargs) -> None:
        self.args, self.kwargs = args, kwargs
        self.binaries: list = []
        # Analysis turns (source, dest folder) pairs into TOC entries (dest file, source, kind).
        self.datas: list = [
            (f"{dest}/{Path(src).name}", src, "DATA") for src, dest in kwargs.get("datas", [])
        ]
        self.pure: list = []
        self.scripts: list = []
        self.calls.append(self)


def _collect_data_files(package: str, includes: list[str]) -> list[tuple[str, str]]:
    """PyInstaller's ``collect_data_files``: (source file, destination folder) per match."""
    root = ROOT / package
    found = {p for pattern in includes for p in root.glob(pattern) if p.is_file()}
    return [(str(p), p.parent.relative_to(ROOT).as_posix()) for p in sorted(found)]


def _run_spec(platform: str, workpath: Path, monkeypatch: pytest.MonkeyPatch) -> dict:
    calls: list[_Recorder] = []
    kinds = {}
    for name in ("Analysis", "PYZ", "EXE", "COLLECT", "BUNDLE"):
        kinds[name] = type(name, (_Recorder,), {"calls": calls})
    # PyInstaller is a build-only dependency: give the spec just the helpers it imports.
    hooks = types.ModuleType("PyInstaller.utils.hooks")
    hooks.collect_submodules = lambda package: [f"{package}.stub"]  # type: ignore[attr-defined]
    hooks.collect_data_files = _collect_data_files  # type: ignore[attr-defined]
    bindepend = types.ModuleType("PyInstaller.depend.bindepend")
    bindepend.get_imports = lambda filename: []  # type: ignore[attr-defined]
    for name, module in {
        "PyInstaller": types.ModuleType("PyInstaller"),
        "PyInstaller.utils": types.ModuleType("PyInstaller.utils"),
        "PyInstaller.utils.hooks": hooks,
        "PyInstaller.depend": types.ModuleType("PyInstaller.depend"),
        "PyInstaller.depend.bindepend": bindepend,
    }.items():
        monkeypatch.setitem(sys.modules, name, module)
    namespace = {"SPECPATH": str(PACKAGING), "workpath": str(workpath), **kinds}
    monkeypatch.setattr(sys, "platform", platform)
    exec(compile(SPEC.read_text(encoding="utf-8"), str(SPEC), "exec"), namespace)
    monkeypatch.undo()
    return {"calls": calls, "ns": namespace}


@pytest.fixture(params=["linux", "win32", "darwin"])
def spec_run(request, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> dict:
    result = _run_spec(request.param, tmp_path, monkeypatch)
    result["platform"] = request.param
    return result


def _of(calls: list, kind: str) -> list:
    return [c for c in calls if type(c).__name__ == kind]


def test_spec_names_existing_files(spec_run: dict) -> None:
    calls = spec_run["calls"]
    named: list[Path] = []
    for analysis in _of(calls, "Analysis"):
        named += [Path(s) for s in analysis.args[0]]
        named += [Path(src) for src, _dest in analysis.kwargs.get("datas", [])]
        named += [Path(p) for p in analysis.kwargs["pathex"]]
    for exe in _of(calls, "EXE"):
        for key in ("icon", "version"):
            if exe.kwargs.get(key):
                named.append(Path(exe.kwargs[key]))
    for bundle in _of(calls, "BUNDLE"):
        named.append(Path(bundle.kwargs["icon"]))
    assert named
    missing = [str(p) for p in named if not p.exists()]
    assert missing == []


def test_spec_builds_a_windowed_onedir_app_with_the_package_version(spec_run: dict) -> None:
    calls, platform = spec_run["calls"], spec_run["platform"]
    exes = {e.kwargs["name"]: e for e in _of(calls, "EXE")}
    assert set(exes) == {"kpm-desktop", "kpm"}
    assert exes["kpm-desktop"].kwargs["console"] is False
    assert exes["kpm"].kwargs["console"] is True
    assert all(e.kwargs["exclude_binaries"] for e in exes.values())  # onedir
    (collect,) = _of(calls, "COLLECT")
    assert collect.kwargs["name"] == "kpm-desktop"
    # asserts guard data invariants in import plans: the frozen app must keep them
    assert all(a.kwargs["optimize"] == 0 for a in _of(calls, "Analysis"))
    if platform == "linux":
        assert exes["kpm-desktop"].kwargs["strip"] is True
    if platform == "win32":
        assert exes["kpm-desktop"].kwargs["icon"].endswith("kpm-desktop.ico")
    bundles = _of(calls, "BUNDLE")
    assert bool(bundles) == (platform == "darwin")
    # the package data travels with the bundle where importlib.resources finds it
    (gui,) = [a for a in _of(calls, "Analysis") if a.args[0][0].endswith("kpm_desktop/__main__.py")]
    dests = {dest for _src, dest in gui.kwargs["datas"]}
    assert {"kpm_desktop/data/icons", "kpm_desktop/data/icons/png"} <= dests
    assert "kpm_desktop/data/translations" in dests
    # after trimming, every file of the package data is still there; no .ts source ships
    shipped = {dest for dest, _src, _kind in gui.datas}
    for path in (ROOT / "kpm_desktop" / "data").rglob("*"):
        if path.is_file():
            assert path.relative_to(ROOT).as_posix() in shipped, path
    assert not any(dest.endswith(".ts") for dest in shipped)


def test_macos_bundle_declares_kpm_documents_and_high_dpi(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (bundle,) = _of(_run_spec("darwin", tmp_path, monkeypatch)["calls"], "BUNDLE")
    plist = bundle.kwargs["info_plist"]
    assert bundle.kwargs["name"] == "KPM Desktop.app"
    assert bundle.kwargs["bundle_identifier"]
    assert bundle.kwargs["version"] == kpm_desktop.__version__
    assert plist["NSHighResolutionCapable"] is True
    assert plist["CFBundleExecutable"] == "kpm-desktop"
    assert plist["LSBackgroundOnly"] is False  # a real app with Dock icon and menu bar
    (doc,) = plist["CFBundleDocumentTypes"]
    (uti,) = plist["UTExportedTypeDeclarations"]
    assert doc["LSItemContentTypes"] == [uti["UTTypeIdentifier"]]
    assert uti["UTTypeTagSpecification"]["public.filename-extension"] == ["kpm"]
    assert doc["CFBundleTypeRole"] == "Editor"


class _VS:
    """Records the keyword/positional structure of PyInstaller's version-info classes."""

    def __init__(self, *args, **kwargs) -> None:
        self.args, self.kwargs = args, kwargs


def test_windows_version_resource_carries_the_package_version(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    run = _run_spec("win32", tmp_path, monkeypatch)
    (gui_exe,) = [e for e in _of(run["calls"], "EXE") if e.kwargs["name"] == "kpm-desktop"]
    text = Path(gui_exe.kwargs["version"]).read_text(encoding="utf-8")
    assert "@" not in text  # every placeholder filled
    names = ("VSVersionInfo", "FixedFileInfo", "StringFileInfo", "StringTable")
    names += ("StringStruct", "VarFileInfo", "VarStruct")
    info = eval(text, {name: type(name, (_VS,), {}) for name in names})  # the format is eval'd
    ffi = info.kwargs["ffi"].kwargs
    parts = tuple(int(p) for p in kpm_desktop.__version__.split("."))
    assert ffi["filevers"][: len(parts)] == parts and len(ffi["filevers"]) == 4
    table = info.kwargs["kids"][0].args[0][0]
    strings = {s.args[0]: s.args[1] for s in table.args[1]}
    assert strings["ProductVersion"] == kpm_desktop.__version__
    assert strings["ProductName"] == kpm_desktop.APP_NAME
    assert strings["OriginalFilename"] == "kpm-desktop.exe"


def test_trim_drops_unused_qt_parts_and_keeps_what_the_app_needs(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    keep = _run_spec("linux", tmp_path, monkeypatch)["ns"]["_keep"]
    qt = "PySide6/Qt/"
    dropped = [
        qt + "plugins/platforms/libqwayland-egl.so",
        qt + "plugins/platforms/libqeglfs.so",
        qt + "plugins/platforms/libqvnc.so",
        qt + "plugins/platformthemes/libqgtk3.so",
        qt + "plugins/tls/libqopensslbackend.so",
        qt + "lib/libQt6Network.so.6",
        qt + "lib/libQt6EglFsKmsSupport.so.6",
        qt + "translations/qtbase_fr.qm",
        "PySide6\\translations\\qtbase_fr.qm",  # Windows wheel layout
        "PySide6\\plugins\\platforms\\qwayland.dll",
    ]
    kept = [
        qt + "plugins/platforms/libqxcb.so",
        qt + "plugins/platforms/libqoffscreen.so",
        qt + "plugins/imageformats/libqsvg.so",
        qt + "lib/libQt6PrintSupport.so.6",
        qt + "lib/libQt6Widgets.so.6",
        qt + "lib/libicudata.so.73",
        qt + "translations/qtbase_de.qm",
        qt + "translations/qt_en.qm",
        "PySide6\\plugins\\platforms\\qwindows.dll",
        "PySide6\\Qt6PrintSupport.dll",
        "kpm_desktop/data/translations/kpm_de.qm",  # ours, not Qt's
        "kpm_desktop/data/translations/kpm_en.qm",
        "kpm_desktop\\data\\translations\\kpm_de.qm",
    ]
    assert [d for d in dropped if keep((d, "", "BINARY"))] == []
    assert [k for k in kept if not keep((k, "", "BINARY"))] == []


def test_prune_keeps_only_libraries_reachable_from_loaded_modules(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    prune = _run_spec("linux", tmp_path, monkeypatch)["ns"]["_prune_unreachable"]
    links = {
        "/src/QtGui.abi3.so": ["libQt6Gui.so.6"],
        "/src/libQt6Gui.so.6": ["libQt6Core.so.6"],
        "/src/libQt6Core.so.6": [],
        "/src/libcairo.so.2": ["libpixman-1.so.0"],  # only the dropped GTK theme used it
        "/src/libpixman-1.so.0": [],
    }
    fake = types.ModuleType("PyInstaller.depend.bindepend")
    fake.get_imports = lambda f: [(n, None) for n in links[f]]  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "PyInstaller.depend.bindepend", fake)
    binaries = [
        ("PySide6/QtGui.abi3.so", "/src/QtGui.abi3.so", "EXTENSION"),
        ("PySide6/Qt/lib/libQt6Gui.so.6", "/src/libQt6Gui.so.6", "BINARY"),
        ("PySide6/Qt/lib/libQt6Core.so.6", "/src/libQt6Core.so.6", "BINARY"),
        ("libcairo.so.2", "/src/libcairo.so.2", "BINARY"),
        ("libpixman-1.so.0", "/src/libpixman-1.so.0", "BINARY"),
    ]
    kept = [dest for dest, _src, _kind in prune(binaries)]
    assert kept == [
        "PySide6/QtGui.abi3.so",
        "PySide6/Qt/lib/libQt6Gui.so.6",
        "PySide6/Qt/lib/libQt6Core.so.6",
    ]


# -- Windows: Inno Setup ---------------------------------------------------------------------
def _iss() -> tuple[dict[str, str], str]:
    text = ISS.read_text(encoding="utf-8-sig")
    defines = dict(re.findall(r'^#define (\w+) "([^"]*)"', text, flags=re.MULTILINE))
    return defines, text


def _iss_setup(text: str) -> dict[str, str]:
    section = text.split("[Setup]", 1)[1].split("\n[", 1)[0]
    return dict(
        line.split("=", 1)
        for line in section.splitlines()
        if "=" in line and not line.startswith(";")
    )


def test_inno_setup_paths_exist_or_are_the_spec_output() -> None:
    defines, text = _iss()
    setup = _iss_setup(text)
    here = ISS.parent
    assert (here / setup["SetupIconFile"].replace("\\", "/")).resolve().is_file()
    out = (here / setup["OutputDir"].replace("\\", "/")).resolve()
    assert out == ROOT / "dist"
    bundle = re.search(r'#define BundleDir AddBackslash\(SourcePath\) \+ "([^"]+)"', text)
    assert bundle, "BundleDir must be relative to the script"
    bundle_dir = (here / bundle.group(1).replace("\\", "/")).resolve()
    assert bundle_dir == ROOT / "dist" / "kpm-desktop"  # the COLLECT output of the spec
    assert defines["AppExe"] == "kpm-desktop.exe"  # the spec's EXE name
    for messages in re.findall(r'MessagesFile: "([^"]+)"', text):
        assert messages in {"compiler:Default.isl", "compiler:Languages\\German.isl"}


def test_inno_setup_is_per_user_bilingual_and_associates_kpm_files() -> None:
    _defines, text = _iss()
    setup = _iss_setup(text)
    assert setup["PrivilegesRequired"] == "lowest"
    assert setup["ChangesAssociations"] == "yes"
    assert setup["DefaultDirName"].startswith("{autopf}")  # = per-user Programs folder
    assert re.search(r'^Name: "german";', text, flags=re.MULTILINE)
    assert re.search(r'^Name: "english";', text, flags=re.MULTILINE)
    assert 'Subkey: "Software\\Classes\\.kpm"' in text
    assert '""{app}\\{#AppExe}"" ""%1""' in text  # open command passes the file
    assert re.search(r'^Name: "\{autoprograms\}\\\{#AppName\}"', text, flags=re.MULTILINE)
    # every custom message exists in both languages
    for key in set(re.findall(r"^(?:german|english)\.(\w+)=", text, flags=re.MULTILINE)):
        assert f"german.{key}=" in text and f"english.{key}=" in text
    for used in re.findall(r"\{cm:(\w+)", text):
        builtin = {"CreateDesktopIcon", "AdditionalIcons", "LaunchProgram"}
        assert used in builtin or f"english.{used}=" in text


# -- macOS: dmgbuild -------------------------------------------------------------------------
def test_dmg_settings_name_existing_files_and_the_spec_app(monkeypatch) -> None:
    monkeypatch.chdir(ROOT)
    settings: dict = {"defines": {}}
    exec(compile(DMG.read_text(encoding="utf-8"), str(DMG), "exec"), settings)
    assert Path(settings["icon"]).is_file()
    assert Path(settings["application"]) == Path("dist") / "KPM Desktop.app"  # spec BUNDLE
    assert settings["files"] == [settings["application"]]
    assert settings["symlinks"] == {"Applications": "/Applications"}
    assert set(settings["icon_locations"]) == {"KPM Desktop.app", "Applications"}


# -- the release workflow --------------------------------------------------------------------
def test_release_workflow_names_existing_files() -> None:
    text = WORKFLOW.read_text(encoding="utf-8")
    named = set(
        re.findall(r"(?<![\w/.-])((?:packaging|resources|kpm_desktop)[/\\][\w./\\-]+)", text)
    )
    assert {"packaging/build_linux.sh", "packaging/kpm_desktop.spec"} <= named
    missing = [p for p in sorted(named) if not (ROOT / p.replace("\\", "/")).exists()]
    assert missing == []


def test_release_workflow_builds_all_three_on_a_tag() -> None:
    text = WORKFLOW.read_text(encoding="utf-8")
    assert re.search(r"tags: \[\"v\*\"\]", text)
    for job in ("linux:", "windows:", "macos:", "publish:"):
        assert re.search(rf"^  {job}$", text, flags=re.MULTILINE), job
    assert text.count("--smoke-test") >= 5  # deb, AppImage, exe, installed exe, .app, dmg
    assert "kpm-desktop.iss" in text and "dmg_settings.py" in text
    assert "\t" not in text  # YAML forbids tabs for indentation


# -- Linux: .deb contents --------------------------------------------------------------------
def test_desktop_entry_opens_kpm_files() -> None:
    entry = configparser.ConfigParser(interpolation=None, strict=True)
    entry.optionxform = str  # keys are case-sensitive
    entry.read(LINUX / "kpm-desktop.desktop", encoding="utf-8")
    section = entry["Desktop Entry"]
    assert section["Type"] == "Application"
    assert section["Exec"].split()[0] == "kpm-desktop"  # /usr/bin launcher
    assert section["Exec"].split()[1] in {"%f", "%F", "%u", "%U"}
    assert section["Icon"] == "kpm-desktop"
    assert "Name[de]" in section or "GenericName[de]" in section
    tree = ElementTree.parse(LINUX / "kpm-desktop.xml")
    ns = {"m": "http://www.freedesktop.org/standards/shared-mime-info"}
    (mime,) = tree.getroot().findall("m:mime-type", ns)
    assert section["MimeType"].rstrip(";").split(";") == [mime.get("type")]
    assert [g.get("pattern") for g in mime.findall("m:glob", ns)] == ["*" + kpm_desktop.FILE_SUFFIX]


def test_deb_recipe_files_exist_and_placeholders_are_filled() -> None:
    script = BUILD_LINUX.read_text(encoding="utf-8")
    for rel in re.findall(r"(?<![\w/.-])((?:packaging|resources|kpm_desktop)/[\w./@$-]+)", script):
        if "$" in rel:
            continue
        assert (ROOT / rel).exists(), rel
    for size in re.search(r"for size in ([\d ]+); do", script).group(1).split():
        assert (
            ROOT / "kpm_desktop" / "data" / "icons" / "png" / f"kpm-desktop-{size}.png"
        ).is_file()
    control = (LINUX / "control.in").read_text(encoding="utf-8")
    for placeholder in set(re.findall(r"@(\w+)@", control)):
        assert f"s/@{placeholder}@/" in script, placeholder
    fields = dict(re.findall(r"^([\w-]+): (.*)$", control, flags=re.MULTILINE))
    assert fields["Package"] == "kpm-desktop"
    assert {"Depends", "Description", "Maintainer", "Installed-Size"} <= set(fields)
    assert "/opt/kpm-desktop/@NAME@" in (LINUX / "launcher.sh.in").read_text(encoding="utf-8")


def test_ci_script_builds_installs_and_smoke_tests_the_deb() -> None:
    text = CI_SCRIPT.read_text(encoding="utf-8")
    assert "packaging/build_linux.sh" in text
    assert "dpkg -x" in text or "dpkg-deb -x" in text
    assert "--smoke-test" in text
    assert "bash packaging/ci_build_and_smoke.sh" in (ROOT / ".ci" / "run").read_text()


# -- icons -----------------------------------------------------------------------------------
def _png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    return struct.unpack(">II", data[16:24])


def _make_icons():
    """packaging/ is no Python package (its name would shadow the 'packaging' library)."""
    loader = importlib.util.spec_from_file_location("make_icons", PACKAGING / "make_icons.py")
    module = importlib.util.module_from_spec(loader)
    loader.loader.exec_module(module)
    return module


def test_committed_icons_match_the_writers_formats() -> None:
    icons = _make_icons()
    for size in icons.PNG_SIZES:
        data = (icons.PNG_DIR / f"kpm-desktop-{size}.png").read_bytes()
        assert _png_size(data) == (size, size)
    ico = icons.ICO.read_bytes()
    reserved, kind, count = struct.unpack("<HHH", ico[:6])
    assert (reserved, kind, count) == (0, 1, len(icons.ICO_SIZES))
    for i, size in enumerate(icons.ICO_SIZES):
        w, h, _c, _r, planes, bpp, length, offset = struct.unpack(
            "<BBBBHHII", ico[6 + 16 * i : 22 + 16 * i]
        )
        assert (w or 256, h or 256, planes, bpp) == (size, size, 1, 32)
        assert _png_size(ico[offset : offset + length]) == (size, size)
    icns = icons.ICNS.read_bytes()
    assert icns[:4] == b"icns" and struct.unpack(">I", icns[4:8])[0] == len(icns)
    pos, seen = 8, {}
    while pos < len(icns):
        ostype, length = icns[pos : pos + 4], struct.unpack(">I", icns[pos + 4 : pos + 8])[0]
        seen[ostype] = _png_size(icns[pos + 8 : pos + length])[0]
        pos += length
    assert seen == {t: s for t, s in icons.ICNS_TYPES}


def test_ico_and_icns_writers_round_trip_small_input() -> None:
    icons = _make_icons()
    png16 = (icons.PNG_DIR / "kpm-desktop-16.png").read_bytes()
    png256 = (icons.PNG_DIR / "kpm-desktop-256.png").read_bytes()
    ico = icons.ico_bytes({256: png256, 16: png16})
    assert struct.unpack("<HHH", ico[:6]) == (0, 1, 2)
    assert ico[6] == 16 and ico[22] == 0  # sorted; 256 is stored as 0
    assert ico.endswith(png256)
