#!/bin/sh
# Put the PyInstaller folder, the desktop entry, the AppStream file and the icons into one
# tarball for Linux: BUNDLE ICONS OUT_DIR (OUT_DIR.tar.gz is written beside OUT_DIR).
set -eu
bundle=$1 icons=$2 out=$3
here=$(dirname "$0")
rm -rf "$out" "$out.tar.gz"
mkdir -p "$out"
cp -a "$bundle"/. "$out"/
mkdir -p "$out/share/applications" "$out/share/metainfo" "$out/share/icons"
cp "$here/org.delegationplanner.DelegationPlanner.desktop" "$out/share/applications/"
cp "$here/org.delegationplanner.DelegationPlanner.metainfo.xml" "$out/share/metainfo/"
cp -a "$icons/hicolor" "$out/share/icons/"
cp "$here/install-desktop-entry.sh" "$out/"
chmod 755 "$out/install-desktop-entry.sh"
tar -C "$(dirname "$out")" -czf "$out.tar.gz" "$(basename "$out")"
echo "$out.tar.gz"
