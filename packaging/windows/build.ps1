# Build the Windows app and its per-machine MSI.
#
#   powershell -ExecutionPolicy Bypass -File packaging\windows\build.ps1
#
# Needs: Python 3.11+ (x64, from python.org), the WiX v4 .NET tool
#   (dotnet tool install --global wix --version 4.0.6), and for signing the Windows
#   SDK's signtool.exe. Produces:
#   dist\kaizen-exchange\                    the one-folder app (PyInstaller)
#   dist\kaizen-exchange-VERSION-x64.msi     the installer
#
# Signing (optional): set SIGN_CERT_THUMBPRINT to a code-signing certificate's
# thumbprint in the machine or user certificate store (or SIGN_PFX + SIGN_PFX_PASSWORD
# for a .pfx file). The executables are signed before they go into the MSI, then
# the MSI itself. Timestamped, so signatures outlive the certificate.
$ErrorActionPreference = "Stop"
Set-StrictMode -Version Latest
$Root = Resolve-Path (Join-Path $PSScriptRoot "..\..")
Set-Location $Root

function Run($exe) {
    & $exe @args
    if ($LASTEXITCODE -ne 0) { throw "$exe $args failed with exit code $LASTEXITCODE" }
}

# ---------------------------------------------------------------- Python and PyInstaller
$Python = if ($env:PYTHON) { $env:PYTHON } else { ".venv\Scripts\python.exe" }
if (-not (Get-Command $Python -ErrorAction SilentlyContinue)) {
    Run py -3.11 -m venv .venv
    $Python = ".venv\Scripts\python.exe"
}
Run $Python -m pip install --quiet --upgrade pip
Run $Python -m pip install --quiet . "pyinstaller>=6.10,<7" "pillow>=10"
Run $Python packaging\make_icons.py

Remove-Item -Recurse -Force dist\kaizen-exchange -ErrorAction SilentlyContinue
Run $Python -m PyInstaller --noconfirm --clean --log-level WARN `
    --distpath dist --workpath build\pyinstaller packaging\kaizen_exchange.spec
$Version = (Get-Content build\VERSION -Raw).Trim()
$App = "dist\kaizen-exchange"

# ---------------------------------------------------------------- smoke test of the folder
Run "$App\kaizen-exchange.exe" --version
$env:QT_QPA_PLATFORM = "offscreen"
Run "$App\kaizen-exchange.exe" demo-sync --limit 3
Run "$App\kaizen-exchange.exe" --selfcheck --screenshot "build\windows-selfcheck.png"
Remove-Item Env:\QT_QPA_PLATFORM

# ---------------------------------------------------------------- signing helper
$SignTool = $null
if ($env:SIGN_CERT_THUMBPRINT -or $env:SIGN_PFX) {
    $SignTool = Get-ChildItem "${env:ProgramFiles(x86)}\Windows Kits\10\bin\*\x64\signtool.exe" |
        Sort-Object FullName -Descending | Select-Object -First 1 -ExpandProperty FullName
    if (-not $SignTool) { throw "signtool.exe not found: install the Windows 10/11 SDK" }
}
function Sign([string[]]$files) {
    if (-not $SignTool) { return }
    $how = if ($env:SIGN_PFX) { @("/f", $env:SIGN_PFX, "/p", $env:SIGN_PFX_PASSWORD) }
           else { @("/sha1", $env:SIGN_CERT_THUMBPRINT) }
    $stamp = if ($env:SIGN_TIMESTAMP_URL) { $env:SIGN_TIMESTAMP_URL } else { "http://timestamp.digicert.com" }
    Run $SignTool sign @how /fd SHA256 /tr $stamp /td SHA256 /d "Kaizen Exchange" @files
}
Sign (Get-ChildItem $App -Filter *.exe | ForEach-Object FullName)

# ---------------------------------------------------------------- the MSI
Run $Python packaging\windows\harvest.py $App build\windows\AppFiles.wxs
$Msi = "dist\kaizen-exchange-$Version-x64.msi"
Run wix build -arch x64 -d "Version=$Version" `
    -bindpath "App=$App" -bindpath "Icons=resources\icons" `
    packaging\windows\kaizen-exchange.wxs build\windows\AppFiles.wxs -o $Msi
Sign ((Resolve-Path $Msi).Path)

Get-Item $App, $Msi | Format-Table Name, @{n = "MB"; e = { "{0:N0}" -f ((Get-ChildItem $_ -Recurse | Measure-Object Length -Sum).Sum / 1MB) } }
Write-Host "Built $Msi"
