; Inno Setup 6 script: a per-user installer for the PyInstaller folder dist\bayling-desktop.
; Build: iscc packaging\windows\installer.iss  (after py packaging\build.py)
#define AppName "BayLing Desktop"
#define AppVersion "0.1.0"
#define AppId "io.github.bayling_desktop.BaylingDesktop"

[Setup]
AppId={#AppId}
AppName={#AppName}
AppVersion={#AppVersion}
AppPublisher=BayLing Desktop developers
DefaultDirName={localappdata}\Programs\BayLing Desktop
DefaultGroupName={#AppName}
PrivilegesRequired=lowest
OutputBaseFilename=bayling-desktop-{#AppVersion}-setup
OutputDir=..\..\dist
Compression=lzma2
SolidCompression=yes
ChangesAssociations=yes
LicenseFile=..\..\LICENSE

[Files]
Source: "..\..\dist\bayling-desktop\*"; DestDir: "{app}"; Flags: recursesubdirs ignoreversion

[Icons]
Name: "{group}\{#AppName}"; Filename: "{app}\bayling-desktop.exe"
Name: "{group}\Uninstall {#AppName}"; Filename: "{uninstallexe}"

[Registry]
Root: HKCU; Subkey: "Software\Classes\.srt\OpenWithProgids"; ValueType: string; ValueName: "BaylingDesktop.Document"; ValueData: ""; Flags: uninsdeletevalue
Root: HKCU; Subkey: "Software\Classes\.docx\OpenWithProgids"; ValueType: string; ValueName: "BaylingDesktop.Document"; ValueData: ""; Flags: uninsdeletevalue
Root: HKCU; Subkey: "Software\Classes\.md\OpenWithProgids"; ValueType: string; ValueName: "BaylingDesktop.Document"; ValueData: ""; Flags: uninsdeletevalue
Root: HKCU; Subkey: "Software\Classes\BaylingDesktop.Document\shell\open\command"; ValueType: string; ValueData: """{app}\bayling-desktop.exe"" ""%1"""; Flags: uninsdeletekey

[Run]
Filename: "{app}\bayling-desktop.exe"; Description: "Start {#AppName}"; Flags: nowait postinstall skipifsilent
