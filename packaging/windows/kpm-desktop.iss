; Inno Setup 6 script for KPM Desktop: a per-user installer (no admin rights needed).
;
; Build on Windows after PyInstaller (see .github/workflows/release.yml):
;   python -m PyInstaller --noconfirm packaging\kpm_desktop.spec
;   iscc packaging\windows\kpm-desktop.iss
; Output: dist\KPM-Desktop-<version>-Setup.exe. The version is read from the version resource of
; the built kpm-desktop.exe (packaging\windows\version_info.txt, filled from kpm_desktop.__version__);
; pass /DAppVersion=x.y.z to override.

#define AppName "KPM Desktop"
#define AppExe "kpm-desktop.exe"
#define BundleDir AddBackslash(SourcePath) + "..\..\dist\kpm-desktop"
#ifndef AppVersion
  #define AppVersion GetStringFileInfo(BundleDir + "\" + AppExe, "ProductVersion")
#endif
#define ProgId "KPMDesktop.Matrix"

[Setup]
; AppId identifies the installation for updates and the uninstaller: never change it.
AppId={{BEF6A829-C8F9-4910-BAE4-FC71DF7909B1}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=KPM
VersionInfoVersion={#AppVersion}
VersionInfoProductName={#AppName}
; Per-user install into %LOCALAPPDATA%\Programs: field reps have no admin rights.
PrivilegesRequired=lowest
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
DisableDirPage=auto
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
OutputDir=..\..\dist
OutputBaseFilename=KPM-Desktop-{#AppVersion}-Setup
SetupIconFile=..\..\kpm_desktop\data\icons\kpm-desktop.ico
UninstallDisplayIcon={app}\{#AppExe}
UninstallDisplayName={#AppName}
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
ChangesAssociations=yes
CloseApplications=yes
ShowLanguageDialog=auto
LanguageDetectionMethod=uilanguage

[Languages]
Name: "german"; MessagesFile: "compiler:Languages\German.isl"
Name: "english"; MessagesFile: "compiler:Default.isl"

[CustomMessages]
german.FileTypeName=KPM Kunden-Produkt-Matrix
english.FileTypeName=KPM customer/product matrix
german.AssociateTask=.kpm-Dateien mit {#AppName} öffnen
english.AssociateTask=Open .kpm files with {#AppName}
german.OtherTasks=Weitere Aufgaben:
english.OtherTasks=Other tasks:

[Tasks]
Name: "associate"; Description: "{cm:AssociateTask}"; GroupDescription: "{cm:OtherTasks}"
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
Source: "{#BundleDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\{#AppExe}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; Tasks: desktopicon

[Registry]
; .kpm file association for the current user (HKA = HKCU in a per-user install).
Root: HKA; Subkey: "Software\Classes\.kpm"; ValueType: string; ValueName: ""; ValueData: "{#ProgId}"; Flags: uninsdeletevalue; Tasks: associate
Root: HKA; Subkey: "Software\Classes\.kpm\OpenWithProgids"; ValueType: string; ValueName: "{#ProgId}"; ValueData: ""; Flags: uninsdeletevalue; Tasks: associate
Root: HKA; Subkey: "Software\Classes\{#ProgId}"; ValueType: string; ValueName: ""; ValueData: "{cm:FileTypeName}"; Flags: uninsdeletekey; Tasks: associate
Root: HKA; Subkey: "Software\Classes\{#ProgId}\DefaultIcon"; ValueType: string; ValueName: ""; ValueData: "{app}\{#AppExe},0"; Tasks: associate
Root: HKA; Subkey: "Software\Classes\{#ProgId}\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\{#AppExe}"" ""%1"""; Tasks: associate
Root: HKA; Subkey: "Software\Classes\Applications\{#AppExe}\SupportedTypes"; ValueType: string; ValueName: ".kpm"; ValueData: ""; Flags: uninsdeletekey

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent

; The uninstaller removes the program folder, shortcuts and association only. Matrix files,
; backups and settings in the user's folders are the user's data and are never deleted.
