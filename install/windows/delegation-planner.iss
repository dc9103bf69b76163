; Inno Setup script for the Windows installer of the one-folder bundle (build/dist/delegation-planner).
; Built by .github/workflows/release.yml on a Windows runner:  iscc /DVersion=0.1.0 install\windows\delegation-planner.iss
; A per-user install by default (no administrator rights, as managed office PCs often require);
; an administrator can install for all users from the same file (/ALLUSERS).
#ifndef Version
  #define Version "0.0.0"
#endif

[Setup]
AppId={{6C0F8E6A-3B1D-4C52-9B7E-5A1D2E0F4C11}
AppName=Delegation Planner
AppVersion={#Version}
AppPublisher=Delegation planner developers
DefaultDirName={autopf}\Delegation Planner
DefaultGroupName=Delegation Planner
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
OutputDir=..\..\dist
OutputBaseFilename=delegation-planner-{#Version}-windows-x64-setup
SetupIconFile=..\..\build\icons\delegation-planner.ico
UninstallDisplayIcon={app}\delegation-planner.exe
Compression=lzma2
SolidCompression=yes
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
WizardStyle=modern

[Languages]
Name: "en"; MessagesFile: "compiler:Default.isl"
Name: "de"; MessagesFile: "compiler:Languages\German.isl"

[Files]
Source: "..\..\build\dist\delegation-planner\*"; DestDir: "{app}"; Flags: recursesubdirs ignoreversion

[Icons]
Name: "{group}\Delegation Planner"; Filename: "{app}\delegation-planner.exe"
Name: "{autodesktop}\Delegation Planner"; Filename: "{app}\delegation-planner.exe"; Tasks: desktopicon

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Run]
Filename: "{app}\delegation-planner.exe"; Description: "{cm:LaunchProgram,Delegation Planner}"; Flags: nowait postinstall skipifsilent
