#!/bin/sh
# macOS: sign build/dist/Delegation Planner.app (made by the spec's BUNDLE step) when a Developer ID
# is given, and put it into a compressed disk image. Run on a Mac by .github/workflows/release.yml:
#   install/macos/make-dmg.sh VERSION [SIGNING_IDENTITY]
# Notarisation (xcrun notarytool) follows in the workflow when its secrets exist.
set -eu
version=$1 identity=${2:-}
app="build/dist/Delegation Planner.app"
if [ -n "$identity" ]; then
    codesign --deep --force --options runtime --timestamp --sign "$identity" "$app"
fi
rm -rf build/dmg && mkdir -p build/dmg dist
cp -R "$app" build/dmg/
ln -s /Applications build/dmg/Applications
hdiutil create -volname "Delegation Planner" -srcfolder build/dmg -ov -format UDZO "dist/delegation-planner-$version-macos.dmg"
